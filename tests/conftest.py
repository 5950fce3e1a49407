"""Shared fixtures: a throw-away archive folder with the project's templates."""
from __future__ import annotations

import os
import shutil
import tempfile
import textwrap
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis.configuration import set_hypothesis_home_dir

from sitegen.config import load_config

# Hypothesis keeps nothing in the repository: no example database, its own caches in the temporary folder
set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "sitegen-test-hypothesis")
settings.register_profile("sitegen", database=None)
settings.load_profile("sitegen")

REPO = Path(__file__).resolve().parent.parent
SHARED_DATA = REPO.parent / "shared" / "data"
SEED = REPO / "seeds" / "000_3dff9611483f80b0.txt"


def write_article(folder: Path, name: str, front: str, body: str = "Ein Absatz.") -> Path:
    """Write content/articles/NAME.md with the given front-matter lines."""
    path = folder / "content" / "articles" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{textwrap.dedent(front).strip()}\n---\n\n{body}\n", encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def own_cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test's caches go below its own tmp_path (XDG_CACHE_HOME), never into the repository or home."""
    home = tmp_path / "xdg-cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    return home


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """An empty archive folder with the project's templates."""
    shutil.copytree(REPO / "templates", tmp_path / "templates")
    (tmp_path / "content" / "articles").mkdir(parents=True)
    return tmp_path


@pytest.fixture
def small_archive(project: Path) -> Path:
    """Three articles sharing people, places and tags; one with an unknown date."""
    write_article(project, "a.md", """
        title: Gipfel in Genf
        date: 2021-12-30
        people: [Joseph Biden, Wladimir Putin]
        places: [Genf]
        organisations: [NATO]
        tags: [Diplomatie]
        image: {caption: "Ein Bild", credit: "REUTERS/Kevin Lamarque"}
    """, "Biden und Putin trafen sich in **Genf**.\n\nZweiter Absatz mit »Zitat«.")
    write_article(project, "b.md", """
        title: "Müller über Straße: eine Analyse"
        date: 2022-01-05T10:30:00+01:00
        people: [Wladimir Putin, Thomas Müller]
        places: [Moskau, Genf]
        tags: [Diplomatie, Analyse]
    """, "Text <script>alert(1)</script> mit Skript.")
    write_article(project, "c.md", """
        title: Ohne Datum
        date: unbekannt
        places: [Wien]
    """)
    return project


def config_for(root: Path, **overrides):
    """A Config for a test archive, output in root/_site."""
    return load_config(root, **overrides)


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]


@pytest.fixture(scope="module")
def browser():
    """Headless Debian chromium, one per test module (skipped where it is missing, except in CI)."""
    if not CHROMIUM.is_file():
        if os.environ.get("CI"):
            pytest.fail("/usr/bin/chromium is missing: .ci/run installs it")
        pytest.skip("Debian's chromium is not installed")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()
