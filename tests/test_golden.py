"""The whole built tree of a small fixture archive, byte for byte, against the committed expected tree.

After an intended change to the output, regenerate the expected tree and review its diff:

    SITEGEN_UPDATE_GOLDEN=1 python -m pytest -q tests/test_golden.py
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

from conftest import REPO, config_for
from sitegen.build import build

GOLDEN = REPO / "tests" / "fixtures" / "golden"
EXPECTED = GOLDEN / "expected"
LEFT_OUT = ("pagefind", ".sitegen-pages.json.gz", ".sitegen-build")  # names vary; the records hold times


def tree(folder: Path) -> dict[str, bytes]:
    """Every file below `folder` but those left out, by relative path."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.relative_to(folder).parts[0] not in LEFT_OUT}


def test_the_fixture_archive_builds_exactly_the_expected_tree(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    shutil.copytree(GOLDEN / "content", tmp_path / "content")
    build(config_for(tmp_path, base_url="https://example.org/archiv/"), log=lambda line: None)
    built = tree(tmp_path / "_site")
    if os.environ.get("SITEGEN_UPDATE_GOLDEN"):
        shutil.rmtree(EXPECTED, ignore_errors=True)
        for rel, data in built.items():
            (EXPECTED / rel).parent.mkdir(parents=True, exist_ok=True)
            (EXPECTED / rel).write_bytes(data)
    expected = tree(EXPECTED)
    assert sorted(built) == sorted(expected)
    assert [rel for rel in built if built[rel] != expected[rel]] == []
    assert list((tmp_path / "_site" / "pagefind").glob("*/pagefind.js"))
