"""Content folder -> Articles: every markdown file read and parsed, the parsing cached by the file's bytes.

The cache keeps each article's front matter (its fields but the body) by a hash of the file's path and bytes;
on a hit the body is cut out of the file again, which is cheaper than storing 10,000 bodies twice."""
from __future__ import annotations

from pathlib import Path

from sitegen.cache import digest, load_pickle, save_pickle
from sitegen.config import Config
from sitegen.content import body_of, decode, parse_article, shown_path
from sitegen.errors import SitegenError
from sitegen.model import Article

MAX_ARTICLE_BYTES = 5_000_000  # news articles are well under 100 KB; bigger is a dump pasted into one file
CACHE_NAME = "front-matter.pickle"


def load_articles(config: Config) -> list[Article]:
    """Every markdown file under the content folder, sorted by path; parsing is cached by the file's bytes."""
    folder = config.content
    if not folder.is_dir():
        raise SitegenError("does not exist", path=folder, fix="run 'sitegen ingest' or pass --content DIR")
    cached = load_pickle(config.cache / CACHE_NAME)
    fresh: dict[str, dict] = {}
    articles = []
    for path, shown in markdown_files(folder, config.root):
        data = path.read_bytes()
        if len(data) > MAX_ARTICLE_BYTES:
            raise SitegenError(f"is {len(data) / 1e6:.1f} MB, too large for one article (at most "
                               f"{MAX_ARTICLE_BYTES // 1_000_000} MB)", path=shown,
                               fix="split it into its articles, or move it out of the content folder")
        key = digest(shown, data)
        state = cached.get(key)
        if isinstance(state, dict):
            article = _with_body(state, body_of(decode(data, shown)))
        else:
            article = _with_body({**vars(parse_article(decode(data, shown), shown)), "digest": key}, None)
            state = {name: value for name, value in vars(article).items() if name != "body"}
        fresh[key] = state
        articles.append(article)
    if fresh.keys() != cached.keys():
        save_pickle(config.cache / CACHE_NAME, fresh)
    return articles


def markdown_files(folder: Path, root: Path | None) -> list[tuple[Path, str]]:
    """Every *.md file below `folder`, sorted by path parts, with its path as shown (relative to `root`)."""
    return [(path, shown_path(path, root)) for path in sorted(folder.rglob("*.md"), key=lambda p: p.parts)]


def _with_body(state: dict, body: str | None) -> Article:
    """An Article from its cached fields and its body (None: the body is in `state`), without re-validating."""
    article = object.__new__(Article)
    vars(article).update(state)
    if body is not None:
        vars(article)["body"] = body
    return article
