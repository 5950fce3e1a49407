"""Property-based: whatever the rows, manifests or registry hold, sitegen answers with articles the build
reads or
one-line errors, never a traceback."""
from __future__ import annotations

import json
import tempfile
from pathlib import Path
from types import SimpleNamespace

import yaml
from hypothesis import HealthCheck, given, settings, strategies as st

from sitegen.content import load_article
from sitegen.entities.registry import load_registry
from sitegen.errors import SitegenError
from sitegen.ingest import ingest

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
HOSTILE_TEXT = st.text(st.characters() | st.sampled_from(
    ["\x00", "\x01", "\x0c", "\x1b", "\ufffe", "\ud800", "\n", "\r", '"', "'", ";", ",", "\t", "[", "&",
     "*"]))
JSON_VALUES = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | HOSTILE_TEXT,
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(HOSTILE_TEXT, inner,
                                                                                       max_size=3),
                           max_leaves=20)


def no_entities(text: str) -> SimpleNamespace:
    return SimpleNamespace(people=[], places=[], organisations=[], tags=[])


def ingest_files(files: dict[str, bytes]) -> None:
    """Ingest `files` (name -> bytes) in a fresh folder: every reason one line, every written file
    readable."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "secret.txt").write_text("Geheime Notizen der Redaktion über alles.", encoding="utf-8")
        for name, data in files.items():
            (root / "in" / name).parent.mkdir(parents=True, exist_ok=True)
            (root / "in" / name).write_bytes(data)
        summary = ingest([root / "in"], root / "content", root=root, extractor=no_entities,
                         log=lambda line: None, progress=False)
        assert all("\n" not in reason for reason in summary.reasons.values())
        for path in (root / "content").glob("*.md"):
            article = load_article(path, root)
            assert "Geheime" not in article.body


@SETTINGS
@given(st.lists(st.lists(HOSTILE_TEXT, min_size=1, max_size=4), max_size=6), st.sampled_from([",", ";",
                                                                                              "\t"]))
def test_any_csv_rows_give_articles_or_one_line_reasons(rows, delimiter):
    text = "\n".join(delimiter.join(cells) for cells in [["id", "title", "text"], *rows])
    ingest_files({"dump.csv": text.encode("utf-8", "surrogatepass")})


@SETTINGS
@given(st.lists(st.one_of(HOSTILE_TEXT, JSON_VALUES.map(json.dumps),
                          st.dictionaries(st.sampled_from(["id", "title", "text", "date", "url"]),
                                          JSON_VALUES)
                          .map(json.dumps)), max_size=6))
def test_any_json_lines_give_articles_or_one_line_reasons(lines):
    ingest_files({"dump.jsonl": "\n".join(lines).encode("utf-8", "surrogatepass")})


@SETTINGS
@given(st.lists(st.tuples(st.one_of(HOSTILE_TEXT, st.sampled_from(
    ["a.txt", "../secret.txt", "../../secret.txt", "/etc/passwd", "sub/../a.txt", "sub/../../secret.txt",
     "link.txt", "./a.txt", "a.txt\n", "dump.csv"])), HOSTILE_TEXT), max_size=5))
def test_any_manifest_reads_only_files_inside_its_folder(rows):
    manifest = "file,title\n" + "\n".join(f'"{f.replace(chr(34), chr(34) * 2)}",{t}' for f, t in rows)
    ingest_files({"manifest.csv": manifest.encode("utf-8", "surrogatepass"),
                  "a.txt": "Ein Artikel über die Stadt Linz.".encode()})


@settings(max_examples=150, deadline=None)
@given(st.one_of(HOSTILE_TEXT, JSON_VALUES.map(lambda v: yaml.safe_dump({"entities": v, "ignore": v})),
                 st.lists(st.fixed_dictionaries({"name": HOSTILE_TEXT, "type": st.sampled_from(["person",
                                                                                                "x"])},
                                                optional={"aliases": JSON_VALUES}), max_size=4)
                 .map(lambda e: yaml.safe_dump({"entities": e}, allow_unicode=True))))
def test_any_entities_yaml_gives_a_registry_or_a_one_line_error(text):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "entities.yaml"
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        try:
            load_registry(path)
        except SitegenError as exc:
            assert "\n" not in str(exc) and str(exc).startswith(str(path))
