"""`sitegen serve` in headless Chromium: every save reaches the open page, however close together, and a
save that breaks the archive shows an overlay until it is fixed.

Save-to-visible times are printed (run with -s to see them); the tests assert only what the page finally
shows, within a generous deadline."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from test_serve import fetch, free_port, wait_for

DEADLINE_MS = 15_000
ARTICLE = "artikel/gipfel-in-genf/"
FRONT = "title: Gipfel in Genf\ndate: {date}\npeople: [Joseph Biden, Wladimir Putin]\nplaces: [Genf]\n" \
        "organisations: [NATO]\ntags: [Diplomatie]"


@pytest.fixture
def preview(small_archive: Path):
    """`sitegen serve` on a free port over the small archive: (base URL, archive folder, log file)."""
    port = free_port()
    log_path = small_archive / "serve.log"
    with open(log_path, "w", encoding="utf-8") as log:
        proc = subprocess.Popen([sys.executable, "-m", "sitegen", "serve", "--port", str(port)],
                                cwd=small_archive, stdout=log, stderr=subprocess.STDOUT,
                                env={**os.environ, "PYTHONUNBUFFERED": "1"})
        base = f"http://127.0.0.1:{port}/"
        try:
            wait_for(lambda: fetch(base)[0] == 200)
            # the first search build has read the files: a save cannot make it fail and say so too
            wait_for(lambda: "Suche bereit." in log_path.read_text(encoding="utf-8"), timeout=120)
            yield base, small_archive, log_path
        finally:
            proc.terminate()
            proc.wait(timeout=10)


@pytest.fixture
def tab(browser, preview):
    """The article page, open, its live-reload socket connected."""
    base, _, _ = preview
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    page = context.new_page()
    page.goto(base + ARTICLE)
    page.wait_for_function("() => window.LiveReload && window.LiveReload.connector.protocol > 0",
                           timeout=DEADLINE_MS)
    yield page
    context.close()


def save(root: Path, body: str, date: str = "2021-12-30") -> float:
    """Write the article with `body`; the time of the save."""
    path = root / "content" / "articles" / "a.md"
    path.write_text(f"---\n{FRONT.format(date=date)}\n---\n\n{body}\n", encoding="utf-8")
    return time.monotonic()


def visible(page, text: str, since: float) -> float:
    """Wait until the open page shows `text`; seconds from `since`."""
    page.wait_for_function("t => document.body && document.body.innerText.includes(t)", arg=text,
                           timeout=DEADLINE_MS)
    return time.monotonic() - since


def test_every_save_reaches_the_open_page(tab, preview):
    _, root, _ = preview
    singles = []
    for n in range(3):
        singles.append(visible(tab, f"Einzeln {n}.", save(root, f"Einzeln {n}.")))
        time.sleep(1.0)
    save(root, "Erste von zwei.")
    time.sleep(0.5)
    apart = visible(tab, "Zweite von zwei.", save(root, "Zweite von zwei."))  # livereload dropped this one
    time.sleep(1.0)
    for n in range(20):  # a burst: 20 saves, 50 ms apart
        last = save(root, f"Stoß {n}.")
        time.sleep(0.05)
    burst = visible(tab, "Stoß 19.", last)
    print(f"\nsave-to-visible: single {', '.join(f'{s:.2f}' for s in singles)} s; second of two 0.5 s apart "
          f"{apart:.2f} s; last of a burst of 20 {burst:.2f} s")
    assert "Stoß 19." in tab.locator("article").inner_text()


def test_a_broken_save_shows_an_overlay_until_fixed(tab, preview):
    _, root, log = preview
    save(root, "Mit kaputtem Datum.", date="2021-02-31")
    box = tab.locator("#sitegen-fehler")
    box.wait_for(timeout=DEADLINE_MS)
    text = box.inner_text()
    assert "content/articles/a.md, Zeile 3" in text and "2021-02-31" in text and "Lösung" in text
    assert "Gipfel in Genf" in tab.locator("h1").inner_text()  # the last good page stays underneath
    save(root, "Noch immer kaputt.", date="2021-02-31")
    time.sleep(1.5)  # the same error again is not said again
    assert log.read_text(encoding="utf-8").count("2021-02-31") == 1
    tab.goto(tab.url)  # any page opened meanwhile shows it too
    assert tab.locator("#sitegen-fehler").count() == 1
    since = save(root, "Wieder in Ordnung.")
    print(f"\nfix-to-visible: {visible(tab, 'Wieder in Ordnung.', since):.2f} s")
    assert tab.locator("#sitegen-fehler").count() == 0
