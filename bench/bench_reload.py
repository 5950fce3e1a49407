#!/usr/bin/env python3
"""Benchmark `sitegen serve`'s save-to-reload on a large archive, and what the watch costs while idle.

    python3 bench/bench_reload.py [--articles 10000]

Starts `sitegen serve` on a generated archive, opens the live-reload websocket as the browser's page would
(for one article's page), saves an edit to that article six times and times each save until the reload
message. The baseline, in the same script, is the server's start (a full load of the model). It then
measures the server's processor share over 15 s with no page open and with one open."""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent


def cpu_seconds(pid: int) -> float:
    """User and system time of a process so far."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def fetch(url: str) -> bytes:
    """The body at `url`."""
    with urllib.request.urlopen(url, timeout=60) as response:
        return response.read()


async def share(pid: int, seconds: float) -> float:
    """The share of one core the process used over `seconds`."""
    used, start = cpu_seconds(pid), time.monotonic()
    await asyncio.sleep(seconds)
    return (cpu_seconds(pid) - used) / (time.monotonic() - start)


async def measure(base: str, page: str, article: Path, pid: int) -> tuple[list[float], float, float]:
    """Save-to-reload times, and the processor share with no page and with one page open."""
    from tornado.httpclient import HTTPRequest
    from tornado.websocket import websocket_connect

    idle = await share(pid, 15)
    socket = await websocket_connect(HTTPRequest(base.replace("http", "ws") + "/livereload",
                                                 headers={"Origin": base}))
    await socket.write_message(json.dumps({"command": "hello"}))
    await socket.read_message()
    await socket.write_message(json.dumps({"command": "info", "url": base + page}))
    watched = await share(pid, 15)
    original, times = article.read_text(encoding="utf-8"), []
    try:
        for n in range(6):
            article.write_text(original.rstrip("\n") + f"\n\nNachtrag {n}.\n", encoding="utf-8")
            start = time.monotonic()
            await asyncio.wait_for(socket.read_message(), 60)
            times.append(time.monotonic() - start)
            await asyncio.to_thread(fetch, base + page)  # what the browser does on the message
            await asyncio.sleep(3)
            while True:  # a second reload (once the whole model is loaded again) is not counted
                try:
                    await asyncio.wait_for(socket.read_message(), 0.01)
                except asyncio.TimeoutError:
                    break
    finally:
        article.write_text(original, encoding="utf-8")
    return times, idle, watched


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--port", type=int, default=8799)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "sitegen-bench-own")
    args = parser.parse_args()
    from sitegen.content import load_article
    from sitegen.urls import article_path

    root = args.work / f"archive-{args.articles}"
    if not (root / "content").is_dir():
        subprocess.run([sys.executable, str(HERE / "gen_archive.py"), str(args.articles), str(root)],
                       check=True)
    if not (root / "_site" / "index.html").is_file():  # else the server builds for search meanwhile
        subprocess.run([sys.executable, "-m", "sitegen", "build", "-q"], cwd=root, check=True)
    article = sorted((root / "content" / "articles").glob("*.md"))[17]
    page = "/" + article_path(load_article(article, root).slug).lstrip("/")
    base = f"http://127.0.0.1:{args.port}"
    start = time.monotonic()
    server = subprocess.Popen([sys.executable, "-m", "sitegen", "serve", "-q", "--port", str(args.port)],
                              cwd=root, stdout=subprocess.DEVNULL)
    try:
        while True:
            try:
                fetch(base + page)
                break
            except OSError:
                time.sleep(0.2)
        load = time.monotonic() - start
        times, idle, watched = asyncio.run(measure(base, page, article, server.pid))
    finally:
        server.terminate()
        server.wait(timeout=30)
    median = statistics.median(times)
    print(f"{args.articles} articles: save-to-reload median {median:.2f} s "
          f"({', '.join(f'{t:.2f}' for t in times)}); server start {load:.2f} s; ratio {median / load:.2f}; "
          f"processor share idle {idle:.1%}, with a page open {watched:.1%}")


if __name__ == "__main__":
    main()
