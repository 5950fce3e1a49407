"""Every built page is valid HTML by the Nu HTML Checker (npm package vnu-jar; one Java start for all files).

The jar is found through $VNU_JAR, else in the folder .ci/run installs it to; without it (or without Java)
the test is skipped locally and fails under CI, where it must run."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from pages_archive import build_archive

CI_JAR = Path.home() / ".cache" / "sitegen-ci" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def vnu_jar() -> Path | None:
    """The Nu checker's jar, if installed."""
    for candidate in (os.environ.get("VNU_JAR"), CI_JAR):
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return None


def test_every_page_is_valid_html(tmp_path):
    jar, java = vnu_jar(), shutil.which("java")
    if jar is None or java is None:
        if os.environ.get("CI"):
            pytest.fail("vnu.jar or java missing: .ci/run installs them")
        pytest.skip("the Nu HTML Checker (npm vnu-jar) or Java is not installed")
    site = build_archive(tmp_path)
    pages = sorted(str(p) for p in site.rglob("*.html") if "pagefind" not in p.parts)
    assert len(pages) > 150
    result = subprocess.run([java, "-Xss4m", "-jar", str(jar), "--errors-only", "--format", "json", *pages],
                            capture_output=True, text=True, timeout=600)
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    problems = [f"{m.get('url', '').rsplit('_site/', 1)[-1]}:{m.get('lastLine')}: {m.get('message')}"
                for m in messages]
    assert problems == []
