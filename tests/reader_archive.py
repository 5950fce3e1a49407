"""The archive a reader browses: the 1,028 real articles of 10kGNAD (undated, with sections) when the
shared data is beside the checkout, plus a committed fixture of eight invented, dated German articles
(sections, roles and parties written with names, particles in names, one undated); the fixture alone when
the data is absent."""
from __future__ import annotations

import shutil
from pathlib import Path

from conftest import REPO, SHARED_DATA

from sitegen.build import build
from sitegen.config import load_config
from sitegen.ingest import ingest

FIXTURE = REPO / "tests" / "fixtures" / "reader"
GNAD = SHARED_DATA / "10kgnad" / "articles.csv"


def build_reader_archive(root: Path, base_url: str = "/archiv/") -> Path:
    """Write and build the archive under root; returns the output folder."""
    shutil.copytree(REPO / "templates", root / "templates")
    articles = root / "content" / "articles"
    shutil.copytree(FIXTURE, articles)
    if GNAD.is_file():
        ingest([GNAD], articles, root=root, log=lambda line: None, progress=False)
    config = load_config(root, base_url=base_url)
    build(config, log=lambda line: None)
    return config.out


def real_articles() -> bool:
    """Whether the archive holds the real articles."""
    return GNAD.is_file()
