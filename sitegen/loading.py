"""Content folder -> Articles: every markdown file read and parsed, the parsing cached by the file's bytes.

The cache keeps each article's front matter (its fields but the body) by a hash of the file's path and bytes;
on a hit the body is cut out of the file again, which is cheaper than storing 10,000 bodies twice."""
from __future__ import annotations

import multiprocessing
import os
import threading
from pathlib import Path

from sitegen.cache import digest, load_pickle, save_pickle
from sitegen.config import Config
from sitegen.content import body_of, check_article_file, decode, parse_article
from sitegen.errors import SitegenError
from sitegen.model import Article
from sitegen.walk import files_below

CACHE_NAME = "front-matter.pickle"
DELTA_NAME = "front-matter-new.pickle"  # the entries since the last full save, which is rewritten less often
DELTA_FLOOR = 50  # entries the delta may hold at least (else a twentieth of the archive)
PARALLEL_FROM = 1000  # files to parse; below this one process is faster than starting workers
_TODO: list[tuple[bytes, str]] = []  # the files to parse: set before the workers are forked, read by them


def load_articles(config: Config, jobs: int = 1) -> list[Article]:
    """Every markdown file under the content folder, sorted by path; parsing is cached by the file's bytes,
    and the files the cache misses are parsed in `jobs` processes when there are many."""
    folder = config.content
    if not folder.is_dir():
        raise SitegenError("does not exist", path=folder, fix="run 'sitegen ingest' or pass --content DIR")
    base, delta = load_pickle(config.cache / CACHE_NAME), load_pickle(config.cache / DELTA_NAME)
    cached = {**base, **delta}
    fresh: dict[str, dict] = {}
    articles: list[Article | None] = []
    misses: list[tuple[int, str, bytes, str]] = []  # (place, key, bytes, shown) of the files to parse
    for path, shown in markdown_files(folder, config.root):
        data = _read(path, shown)
        key = digest(shown, data)
        state = cached.get(key)
        if isinstance(state, dict):  # only the files to parse stay in memory as bytes
            fresh[key] = state
            articles.append(_with_body(state, body_of(decode(data, shown))))
        else:
            misses.append((len(articles), key, data, shown))
            articles.append(None)
    parsed = parse_all([(data, shown) for _, _, data, shown in misses], jobs)
    while misses:  # from the last: each file's bytes go as its body is made
        place, key, data, shown = misses.pop()
        fresh[key] = {**parsed.pop(), "digest": key}
        articles[place] = _with_body(fresh[key], body_of(decode(data, shown)))
    if fresh.keys() != cached.keys():
        save_front_matter(config.cache, base, delta, fresh)
    return articles  # type: ignore[return-value]  # every place is filled


def save_front_matter(cache: Path, base: dict, delta: dict, fresh: dict) -> None:
    """Keep the parsed front matter: a few new entries go to the small delta file at once (unless it holds
    just them already); otherwise everything is saved afresh beside the rest of the build, in a thread (each
    save is one rename, and any entry is valid for its key: a damaged or old pair of files costs only parsing)."""
    new = {key: state for key, state in fresh.items() if key not in base}
    unused = len(base) - (len(fresh) - len(new))
    if len(new) <= max(DELTA_FLOOR, len(fresh) // 20) and unused <= max(DELTA_FLOOR, len(fresh) // 5):
        if new.keys() != delta.keys():
            _save(cache / DELTA_NAME, new)
        return
    (cache / DELTA_NAME).unlink(missing_ok=True)
    threading.Thread(target=_save, args=(cache / CACHE_NAME, fresh)).start()


def _save(path: Path, fresh: dict) -> None:
    """Keep the parsed front matter for the next run; a cache that cannot be written costs only speed."""
    try:
        save_pickle(path, fresh)
    except OSError:
        pass


def _read(path: str, shown: str) -> bytes:
    """The file's bytes; a file too big to be one article is an error (limits.MAX_ARTICLE_BYTES)."""
    with open(path, "rb") as handle:
        return check_article_file(handle.read(), shown)


def parse_all(files: list[tuple[bytes, str]], jobs: int) -> list[dict]:
    """The front matter of (bytes, shown path) pairs as Article fields but the body, in order; parsed in `jobs`
    forked processes when there are many. The first bad file, in file order, raises its error."""
    global _TODO
    if jobs <= 1 or len(files) < PARALLEL_FROM or "fork" not in multiprocessing.get_all_start_methods():
        return [_parsed(data, shown) for data, shown in files]
    size = -(-len(files) // (jobs * 4))
    _TODO = files
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            parts = pool.map(_parse_part, [(k, k + size) for k in range(0, len(files), size)], chunksize=1)
    finally:
        _TODO = []
    results = [item for part in parts for item in part]
    for item in results:
        if isinstance(item, tuple):
            raise SitegenError(item[0], path=item[1], line=item[2], fix=item[3])
    return results


def _parse_part(span: tuple[int, int]) -> list:
    """Worker: parse the files in `span` of the list set before the fork; an error comes back as
    (message, path, line, fix) and ends the part."""
    out: list = []
    for data, shown in _TODO[span[0]:span[1]]:
        try:
            out.append(_parsed(data, shown))
        except SitegenError as exc:
            out.append((exc.message, exc.path, exc.line, exc.fix))
            break
    return out


def markdown_files(folder: Path, root: Path | None) -> list[tuple[str, str]]:
    """Every *.md file below `folder`, sorted by path parts, with its path as shown (relative to `root`, as
    content.shown_path gives it)."""
    found = sorted(((rel.split("/"), entry.path) for rel, entry in files_below(os.path.abspath(folder))
                    if rel.endswith(".md") and _is_file(entry)), key=lambda item: item[0])
    if root is None:
        return [(path, path) for _, path in found]
    base = os.path.abspath(root) + os.sep
    return [(path, path[len(base):] if path.startswith(base) else path) for _, path in found]


def _is_file(entry: os.DirEntry) -> bool:
    """Whether the entry is a file or a link to one; a link leading nowhere readable (a loop) is an error."""
    try:
        return entry.is_file()
    except OSError as exc:
        raise SitegenError(f"kann nicht gelesen werden: {exc.strerror}", path=entry.path,
                           fix="entferne den Link oder lass ihn auf eine Datei zeigen") from None


def _parsed(data: bytes, shown: str) -> dict:
    """The fields of the article in a file's bytes but its body (which is cut out of the file again, see
    body_of)."""
    return {name: value for name, value in vars(parse_article(decode(data, shown), shown)).items() if name != "body"}


def _with_body(state: dict, body: str) -> Article:
    """An Article from its cached fields and its body, without re-validating."""
    article = object.__new__(Article)
    vars(article).update(state)
    vars(article)["body"] = body
    return article
