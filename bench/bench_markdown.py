"""Hostile markdown: Python-Markdown alone against sitegen's markdown_html (which defuses deep nesting first),
as ratios measured in one run. Usage: python3 bench/bench_markdown.py [--pairs 16000]"""
from __future__ import annotations

import argparse
import time

from sitegen.markup import PYTHON_MARKDOWN, markdown_html


def cases(pairs: int) -> dict[str, str]:
    """Bodies that cost Python-Markdown quadratic time or its recursion limit."""
    return {"nested brackets": "[" * pairs + "x" + "]" * pairs, "unclosed links": "[a](" * pairs,
            "unclosed tags": "x <b " * pairs, "CDATA": "<![CDATA[ " * (pairs // 4),
            "deep quotes": "\n".join(">" * i + " x" for i in range(1, pairs // 8))}


def seconds(convert, text: str) -> float:
    """Wall time of one conversion; a RecursionError counts as what it cost until then."""
    start = time.perf_counter()
    try:
        convert(text)
    except RecursionError:
        pass
    return time.perf_counter() - start


def main() -> None:
    """Print each case's time with Python-Markdown alone and with markdown_html, and their ratio."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--pairs", type=int, default=16_000)
    args = parser.parse_args()
    for name, text in cases(args.pairs).items():
        before = seconds(lambda t: PYTHON_MARKDOWN.reset().convert(t), text)
        after = seconds(markdown_html.__wrapped__, text)
        print(f"{name:16} {len(text):>9} Zeichen  Python-Markdown {before:7.2f} s  sitegen {after:6.2f} s  "
              f"{before / after:7.0f}x")


if __name__ == "__main__":
    main()
