"""The 10kGNAD dump (../shared/data, CC BY-NC-SA: read in place, never copied): all rows, stable,
idempotent."""
from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from sitegen.content import load_article
from sitegen.ingest import ingest

GNAD = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "10kgnad" / "articles.csv"
SECTIONS = {"Web", "Panorama", "International", "Wirtschaft", "Sport", "Inland", "Etat", "Wissenschaft",
            "Kultur"}

pytestmark = pytest.mark.skipif(not GNAD.is_file(), reason="../shared/data/10kgnad is not here")


def no_entities(text: str) -> SimpleNamespace:
    return SimpleNamespace(people=[], places=[], organisations=[], tags=[])


@pytest.fixture(scope="module")
def ingested(tmp_path_factory) -> tuple[Path, object]:
    out = tmp_path_factory.mktemp("gnad") / "articles"
    summary = ingest([GNAD], out, root=GNAD.parent, extractor=no_entities, log=lambda line: None)
    return out, summary


def test_every_row_becomes_one_german_article_with_its_section(ingested):
    out, summary = ingested
    assert len(summary.created) == 1028 and not summary.skipped and not summary.not_german
    files = sorted(out.glob("*.md"))
    assert len(files) == 1028
    sample = [load_article(p) for p in files[::50]]
    assert {a.extra["section"] for a in sample} <= SECTIONS
    assert all(re.fullmatch(r"articles\.csv#row=\d+", a.source) for a in sample)
    assert all(a.title and a.summary and a.date is None and a.language == "de" for a in sample)


def test_teaser_and_dateline_are_split_for_most_rows(ingested):
    out, _ = ingested
    split = [p for p in out.glob("*.md")
             if re.search(r"\n\n[A-ZÄÖÜ][^\n]{0,40} ?[–-] ", p.read_text("utf-8"))]
    assert len(split) > 600


def test_second_ingest_leaves_all_files_byte_identical(ingested):
    out, _ = ingested
    before = {p.name: p.read_bytes() for p in out.glob("*.md")}
    summary = ingest([GNAD], out, root=GNAD.parent, extractor=no_entities, log=lambda line: None)
    assert len(summary.unchanged) == 1028 and not summary.created and not summary.updated
    assert {p.name: p.read_bytes() for p in out.glob("*.md")} == before
