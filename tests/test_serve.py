"""`sitegen serve`: live-reload script injected, edits show up, a failed rebuild keeps the last good site."""
from __future__ import annotations

import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest

from conftest import write_article
from sitegen.preview import SiteApp


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


def wait_for(predicate, timeout: float = 20.0, step: float = 0.1):
    """Poll predicate until it returns a truthy value; fail after timeout seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = predicate()
            if value:
                return value
        except (OSError, urllib.error.URLError):
            pass
        time.sleep(step)
    pytest.fail(f"gave up after {timeout} s")


@pytest.fixture
def server(small_archive: Path):
    port = free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    log = open(small_archive / "serve.log", "w", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "sitegen", "serve", "--port", str(port)],
                            cwd=small_archive,
                            stdout=log, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: fetch(base + "/")[0] == 200)
        yield base, small_archive
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        log.close()


def test_page_carries_the_live_reload_script(server):
    base, _ = server
    status, html = fetch(base + "/artikel/gipfel-in-genf/")
    assert status == 200 and "<h1>Gipfel in Genf</h1>" in html
    assert "livereload.js" in html
    status, css = fetch(base + "/static/style.css")
    assert status == 200 and "livereload" not in css


def test_an_edit_shows_up_and_a_broken_edit_keeps_the_last_good_site(server):
    base, root = server
    write_article(root, "a.md", "title: Gipfel in Genf\ndate: 2021-12-30", "Ein ganz neuer Satz.")
    wait_for(lambda: "Ein ganz neuer Satz." in fetch(base + "/artikel/gipfel-in-genf/")[1])
    write_article(root, "a.md", "title: Gipfel in Genf\ndate: 2021-02-31", "Kaputtes Datum.")
    wait_for(lambda: "'date' ist kein echtes Datum" in (root / "serve.log").read_text(encoding="utf-8"))
    status, html = fetch(base + "/artikel/gipfel-in-genf/")
    assert status == 200 and "Ein ganz neuer Satz." in html
    write_article(root, "a.md", "title: Gipfel in Genf\ndate: 2021-12-30", "Wieder gut.")
    wait_for(lambda: "Wieder gut." in fetch(base + "/artikel/gipfel-in-genf/")[1])


def call(app: SiteApp, path: str) -> tuple[int, bytes]:
    response = app.respond(quote(path, safe="/%"))
    return response.code, response.body


@pytest.mark.parametrize("path", ["/../secret.txt", "/%2e%2e/secret.txt", "/archiv/../secret.txt",
                                  "//etc/passwd", "/link/secret.txt", "/a\x00b"])
def test_paths_outside_the_site_are_refused(tmp_path, path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<html><head></head><body>ok</body></html>", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("geheim", encoding="utf-8")
    (site / "link").symlink_to(tmp_path)
    status, body = call(SiteApp(site), path)
    assert status == 404 and b"geheim" not in body


def test_base_path_is_served_and_root_redirects(tmp_path):
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "a" / "index.html").write_text("seite a", encoding="utf-8")
    app = SiteApp(site, "/archiv/")
    assert call(app, "/archiv/a/") == (200, b"seite a")
    assert call(app, "/")[0] == 302
    assert call(app, "/a/")[0] == 404


def test_a_burst_of_100_saves_gives_one_or_two_model_refreshes(server):
    base, root = server
    log = root / "serve.log"
    builds_before = log.read_text(encoding="utf-8").count("Vorschau aktualisiert")
    path = root / "content" / "articles" / "a.md"
    start = time.monotonic()
    for n in range(100):
        path.write_text(f"---\ntitle: Gipfel in Genf\ndate: 2021-12-30\n---\n\nFassung {n}.\n",
                        encoding="utf-8")
        time.sleep(max(0.0, start + (n + 1) / 100 - time.monotonic()))
    wait_for(lambda: "Fassung 99." in fetch(base + "/artikel/gipfel-in-genf/")[1])
    time.sleep(2.0)  # would-be extra rebuilds have time to show up
    rebuilds = log.read_text(encoding="utf-8").count("Vorschau aktualisiert") - builds_before
    assert 1 <= rebuilds <= 2


def test_an_edit_is_in_the_very_next_request_and_other_pages_follow(server):
    base, root = server
    write_article(root, "a.md", """
        title: Gipfel in Genf
        date: 2021-12-30
        summary: Ein neuer Vorspann.
        people: [Joseph Biden, Wladimir Putin]
        places: [Genf]
        organisations: [NATO]
        tags: [Diplomatie]
    """, "Sofort sichtbar.")
    status, html = fetch(base + "/artikel/gipfel-in-genf/")  # no waiting: the request itself sees the edit
    assert status == 200 and "Sofort sichtbar." in html
    wait_for(lambda: "Ein neuer Vorspann." in fetch(base + "/")[1])  # the home page, after the full refresh


def test_a_new_article_and_a_template_change_show_up(server):
    base, root = server
    write_article(root, "neu.md", "title: Ganz neu\ndate: 2022-02-02\nplaces: [Genf]")
    assert "Ganz neu" in fetch(base + "/artikel/ganz-neu/")[1]
    assert "Ganz neu" in fetch(base + "/orte/genf/")[1]
    base_html = root / "templates" / "base.html"
    base_html.write_text(base_html.read_text(encoding="utf-8").replace("</footer>",
                                                                       "<p>Vorlage neu</p></footer>"),
                         encoding="utf-8")
    assert "Vorlage neu" in fetch(base + "/")[1]


def test_a_template_error_shows_in_the_browser_and_the_server_lives_on(server):
    base, root = server
    template = root / "templates" / "article.html"
    good = template.read_text(encoding="utf-8")
    template.write_text(good.replace("{% block main %}", "{% block main %}{{ nicht_da.feld }}", 1),
                        encoding="utf-8")
    status, html = fetch(base + "/artikel/gipfel-in-genf/")
    assert status == 200 and "Diese Seite lässt sich nicht rendern" in html and "nicht_da" in html
    template.write_text(good, encoding="utf-8")
    assert "<h1>Gipfel in Genf</h1>" in fetch(base + "/artikel/gipfel-in-genf/")[1]


def test_a_fresh_model_has_its_templates_compiled_before_the_first_request(small_archive):
    from sitegen.config import load_config
    from sitegen.preview import Preview

    preview = Preview(load_config(small_archive))
    loader = preview.state.renderer.env.loader

    def not_again(*args):
        raise AssertionError("a template was compiled on a request")

    loader.get_source = not_again  # every template is in the environment's cache already
    page = next(rel for rel in preview.state.pages if rel.startswith("artikel/"))
    assert b"<article" in preview.page(page)


def request(base: str, path: str, method: str = "GET", host: str | None = None) -> tuple[int, dict, bytes]:
    """One raw HTTP request (any Host header, any method): status, headers, body."""
    parts = urllib.parse.urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    connection.putrequest(method, path, skip_host=host is not None)
    if host is not None:
        connection.putheader("Host", host)
    connection.endheaders()
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, dict(response.getheaders()), body


def test_head_is_answered_like_get_without_a_body(server):
    base, _ = server
    status, headers, body = request(base, "/artikel/gipfel-in-genf/")
    head_status, head_headers, head_body = request(base, "/artikel/gipfel-in-genf/", "HEAD")
    assert (status, head_status) == (200, 200) and head_body == b""
    assert head_headers["Content-Length"] == str(len(body))
    assert head_headers["Content-Type"] == headers["Content-Type"]
    assert request(base, "/fehlt/", "HEAD")[:1] == (404,)


def test_an_over_long_path_segment_is_not_found(server):
    base, _ = server
    for path in ("/" + "a" * 300, "/artikel/" + "b" * 256 + "/", "/static/" + "c" * 400 + ".css"):
        status, _, body = request(base, path)
        assert status == 404 and b"Traceback" not in body


def test_a_foreign_host_header_is_refused(server):
    base, _ = server
    port = urllib.parse.urlsplit(base).port
    assert request(base, "/", host=f"angreifer.example:{port}")[0] == 403  # DNS rebinding
    for host in (f"localhost:{port}", f"127.0.0.1:{port}"):
        assert request(base, "/artikel/gipfel-in-genf/", host=host)[0] == 200


async def _socket(base: str, origin: str):
    """A websocket to the live-reload endpoint from a page at `origin`."""
    from tornado.httpclient import HTTPRequest
    from tornado.websocket import websocket_connect

    url = base.replace("http://", "ws://") + "/livereload"
    return await websocket_connect(HTTPRequest(url, headers={"Origin": origin}))


def test_the_live_reload_socket_serves_only_pages_of_this_server(server):
    import asyncio

    from tornado.httpclient import HTTPClientError

    base, _ = server
    with pytest.raises(HTTPClientError, match="403"):
        asyncio.run(_socket(base, "http://angreifer.example"))
    with pytest.raises(HTTPClientError, match="403"):
        asyncio.run(_socket(base, base.replace("127.0.0.1", "localhost")))  # another host: another origin

    async def handshake():
        socket_ = await _socket(base, base)
        await socket_.write_message(json.dumps({"command": "hello"}))
        reply = json.loads(await socket_.read_message())
        socket_.close()
        return reply

    assert asyncio.run(handshake())["command"] == "hello"


def test_a_symlink_loop_in_content_is_one_error_on_the_page(server):
    base, root = server
    articles = root / "content" / "articles"
    (articles / "kreis.md").symlink_to("kreis.md")
    for _ in range(3):
        status, _, body = request(base, "/artikel/gipfel-in-genf/")
        assert status == 200 and "symbolischer Link, der sich im Kreis dreht".encode() in body
        assert b"content/articles/kreis.md" in body and b"Gipfel in Genf" in body
    assert request(base, "/")[0] == 200
    log = (root / "serve.log").read_text(encoding="utf-8")
    assert log.count("kreis.md") == 1 and "Traceback" not in log
    (articles / "kreis.md").unlink()
    assert b"sitegen-fehler" not in request(base, "/artikel/gipfel-in-genf/")[2]


def test_a_broken_save_is_said_once_and_shown_on_every_page_until_fixed(server):
    base, root = server
    write_article(root, "a.md", "title: Gipfel in Genf\ndate: 2021-02-31", "Kaputt.")
    for path in ("/", "/artikel/gipfel-in-genf/", "/orte/genf/"):
        body = request(base, path)[2].decode("utf-8")
        assert 'id="sitegen-fehler"' in body and "content/articles/a.md, Zeile 3" in body
    write_article(root, "a.md", "title: Gipfel in Genf\ndate: 2021-02-31", "Noch kaputt.")
    assert 'id="sitegen-fehler"' in request(base, "/")[2].decode("utf-8")
    assert (root / "serve.log").read_text(encoding="utf-8").count("2021-02-31") == 1
    write_article(root, "a.md", "title: Gipfel in Genf\ndate: 2021-12-30", "Heil.")
    assert 'id="sitegen-fehler"' not in request(base, "/artikel/gipfel-in-genf/")[2].decode("utf-8")


def test_the_web_servers_lines_go_through_sitegens_logging(small_archive):
    port = free_port()
    log = small_archive / "serve.log"
    with open(log, "w", encoding="utf-8") as out:
        proc = subprocess.Popen([sys.executable, "-m", "sitegen", "serve", "-v", "--port", str(port)],
                                cwd=small_archive, stdout=out, stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for(lambda: fetch(base + "/artikel/gipfel-in-genf/")[0] == 200)
        request(base, "/", "POST")
        wait_for(lambda: "POST / → 405" in log.read_text(encoding="utf-8"))
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    text = log.read_text(encoding="utf-8")
    assert "GET /artikel/gipfel-in-genf/ → 200" in text
    assert not re.search(r"^\[[IWE] \d{6}", text, re.M) and "Traceback" not in text  # tornado's own format


def test_without_v_requests_are_not_logged(server):
    base, root = server
    fetch(base + "/artikel/gipfel-in-genf/")
    assert "GET /" not in (root / "serve.log").read_text(encoding="utf-8")


def test_two_saves_of_one_length_in_one_clock_tick_are_told_apart(server):
    base, root = server
    path = write_article(root, "a.md", "title: Gipfel in Genf\ndate: 2021-12-30", "Fassung A.")
    assert "Fassung A." in fetch(base + "/artikel/gipfel-in-genf/")[1]
    first = path.stat().st_mtime_ns
    write_article(root, "a.md", "title: Gipfel in Genf\ndate: 2021-12-30", "Fassung B.")
    os.utime(path, ns=(first, first))  # same size, same mtime: what a coarse file system clock gives
    assert "Fassung B." in fetch(base + "/artikel/gipfel-in-genf/")[1]


def test_an_edit_of_an_article_whose_slug_was_made_unique_stays_on_its_own_page(small_archive):
    from sitegen.config import load_config
    from sitegen.preview import Preview

    write_article(small_archive, "z.md", "title: Gipfel in Genf\ndate: 2022-01-05", "Der zweite Gipfel.")
    preview = Preview(load_config(small_archive))
    first, second = "artikel/gipfel-in-genf/index.html", "artikel/gipfel-in-genf-2022-01-05/index.html"
    assert b"Der zweite Gipfel." in preview.page(second)
    write_article(small_archive, "z.md", "title: Gipfel in Genf\ndate: 2022-01-05", "Der zweite, neu.")
    assert b"Der zweite, neu." in preview.page(second)
    assert b"Der zweite" not in preview.page(first)


def test_editor_scratch_files_change_nothing(small_archive):
    from sitegen.config import load_config
    from sitegen.preview import Preview

    preview = Preview(load_config(small_archive))
    before = preview.generation
    for name in ("a.md~", ".a.md.swp", "#a.md#", "a.md.tmp"):
        (small_archive / "content" / "articles" / name).write_text("halb gespeichert", encoding="utf-8")
    preview.refresh()
    assert preview.generation == before and preview.error is None


def test_ending_the_preview_during_its_search_build_is_quiet(small_archive):
    port = free_port()
    log = small_archive / "serve.log"
    with open(log, "w", encoding="utf-8") as out:
        proc = subprocess.Popen([sys.executable, "-m", "sitegen", "serve", "--port", str(port)],
                                cwd=small_archive, stdout=out, stderr=subprocess.STDOUT)
    wait_for(lambda: fetch(f"http://127.0.0.1:{port}/")[0] == 200)
    proc.terminate()  # while the build for the search bundle runs
    assert proc.wait(timeout=20) == 0
    time.sleep(1.0)  # what the build's workers would still print
    text = log.read_text(encoding="utf-8")
    assert "Traceback" not in text and "Vorschau beendet." in text


def test_sigterm_ends_the_preview_even_when_its_parent_ignores_sigint(small_archive):
    port = free_port()
    log = small_archive / "serve.log"
    with open(log, "w", encoding="utf-8") as out:  # as a shell starts a job with & (SIGINT ignored)
        proc = subprocess.Popen([sys.executable, "-m", "sitegen", "serve", "--port", str(port)],
                                cwd=small_archive, stdout=out, stderr=subprocess.STDOUT,
                                preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN))
    try:
        wait_for(lambda: fetch(f"http://127.0.0.1:{port}/")[0] == 200)
        proc.send_signal(signal.SIGINT)  # ignored, as its parent wants
        time.sleep(0.5)
        assert proc.poll() is None
        proc.terminate()
        assert proc.wait(timeout=20) == 0
    finally:
        proc.kill()
        proc.wait()
    text = log.read_text(encoding="utf-8")
    assert "Traceback" not in text and "Vorschau beendet." in text


def test_the_overlay_shows_a_file_name_that_is_not_utf8_printable_and_escaped(small_archive):
    from sitegen.config import load_config
    from sitegen.preview import Preview

    preview = Preview(load_config(small_archive))
    name = os.fsdecode(b"<b>kaputt\xff.md")
    (small_archive / "content" / "articles" / name).write_text("---\ntitle: K\n---\n", encoding="utf-8")
    page = preview.page("index.html").decode("utf-8")
    assert "content/articles/&lt;b&gt;kaputt\\udcff.md" in page and "<b>kaputt" not in page
    assert "nicht UTF-8" in page
