"""What input may be (every size and depth limit, the characters refused) and the one YAML loader, which
checks them before any value is made. Ingest and build apply the same limits."""
from __future__ import annotations

import re

import yaml

from sitegen.errors import SitegenError

MAX_ARTICLE_BYTES = 1_000_000  # one article file; news articles are well under 100 KB
MAX_FIELD_CHARS = 10_000  # one front-matter value: a title, a summary, a name, an author
MAX_NESTING = 20  # depth of nested lists and mappings in YAML and JSON
MAX_YAML_NODES = 100_000  # values in one YAML document, an alias counted at every use
MAX_YAML_BYTES = 5_000_000  # sitegen.yaml, entities.yaml, a sidecar
MAX_ROW_BYTES = MAX_ARTICLE_BYTES  # one CSV field or JSON-lines row: it becomes one article
MAX_PAGE_BYTES = 10_000_000  # one saved web page read by ingest (markup, scripts and styles included)
MIN_YEAR, MAX_YEAR = 1000, 9998  # article dates; the ends of the calendar overflow date arithmetic
MAX_MARKUP_DEPTH = 8  # markdown: nested [ ], quotes and indented lists; deeper ones are flattened to text
MAX_UNCLOSED = 16  # '[', '](' or '<' never closed; each makes Python-Markdown scan the rest of its paragraph

# Characters XML 1.0 forbids (C0 controls but tab and line breaks, lone surrogates, U+FFFE, U+FFFF)
UNSAFE_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean_text(text: str) -> str:
    """`text` without the characters XML forbids (raw sources: control characters are never content)."""
    return UNSAFE_CHARS.sub("", text) if UNSAFE_CHARS.search(text) else text


def unsafe_char(text: str) -> tuple[int, str] | None:
    """(line, character as U+XXXX) of the first character XML forbids in `text`, or None."""
    match = UNSAFE_CHARS.search(text)
    if match is None:
        return None
    return text.count("\n", 0, match.start()) + 1, f"U+{ord(match.group()):04X}"


def size_text(size: int) -> str:
    """A byte count for a message: '1,2 MB', '950 KB'."""
    return f"{size / 1e6:.1f} MB".replace(".", ",") if size >= 1e6 else f"{size // 1000} KB"


_MARKUP = re.compile(r"\\.|\]\(|[\[\]()<>]", re.DOTALL)
_DEEP_QUOTE = re.compile(rf"^((?:[ \t]*>){{{MAX_MARKUP_DEPTH}}})(?:[ \t]*>)+", re.MULTILINE)
_DEEP_INDENT = re.compile(rf"^((?:[ \t]*>)*)[ \t]{{{4 * MAX_MARKUP_DEPTH + 1},}}", re.MULTILINE)


def defuse_markdown(markdown: str) -> str:
    """Markdown with nesting deeper than MAX_MARKUP_DEPTH flattened or escaped, and more than MAX_UNCLOSED
    unclosed '[', '](' or '<' escaped: Python-Markdown takes quadratic time or recurses too deep on them."""
    if ">" in markdown:
        markdown = _DEEP_QUOTE.sub(r"\1", markdown)
    if "\t" in markdown or " " * (4 * MAX_MARKUP_DEPTH + 1) in markdown:  # else no line is indented so deep
        markdown = _DEEP_INDENT.sub(r"\1" + " " * 4 * MAX_MARKUP_DEPTH, markdown)
    if markdown.count("[") <= MAX_UNCLOSED and markdown.count("<") <= MAX_UNCLOSED:
        return markdown
    brackets, parens, deep, angles = [], [], [], []  # open '[', open '(' (None: not a link's), escapes
    for match in _MARKUP.finditer(markdown):
        token, place = match.group(), match.start()
        if token == "[":
            brackets.append(place)
        elif token[0] == "]" and brackets:
            start = brackets.pop()
            if len(brackets) >= MAX_MARKUP_DEPTH:
                deep += (start, place)
        if token in ("(", "]("):
            parens.append(place + len(token) - 1 if token == "](" else None)
        elif token == ")" and parens:
            parens.pop()
        elif token == "<":
            angles.append(place)
        elif token == ">" and angles:
            angles.pop()
    links = [p for p in parens if p is not None]
    escape = {p: "\\" + markdown[p] for p in deep}
    for places, text in ((brackets, "\\["), (links, "\\("), (angles, "&lt;")):
        if len(places) > MAX_UNCLOSED:
            escape.update(dict.fromkeys(places, text))
    parts, last = [], 0
    for place in sorted(escape):
        parts += (markdown[last:place], escape[place])
        last = place + 1
    return "".join(parts) + markdown[last:]


class YamlLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """SafeLoader that leaves dates as text, so impossible dates get our message, not a crash."""

    yaml_implicit_resolvers = {key: [r for r in resolvers if r[0] != "tag:yaml.org,2002:timestamp"]
                               for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def load_yaml(text: str, path: object, fix: str) -> object:
    """The data of one YAML document; anything unsafe or malformed is a SitegenError naming path and line."""
    return compose_yaml(text, path, fix)[0]


def compose_yaml(text: str, path: object, fix: str) -> tuple[object, yaml.Node | None]:
    """(data, node tree) of one YAML document, checked against the limits before its values are made."""
    if len(text) > MAX_YAML_BYTES:
        raise SitegenError(f"ist mit {size_text(len(text))} zu groß für YAML (höchstens "
                           f"{size_text(MAX_YAML_BYTES)})", path=path, fix="teile die Datei auf")
    loader = YamlLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, None
        _check_tree(node, path, aliases="*" in text)
        return loader.construct_document(node), node
    except yaml.YAMLError as exc:
        mark, context = getattr(exc, "problem_mark", None), getattr(exc, "context_mark", None)
        if mark is None or (context is not None and mark.index >= len(text.rstrip())):
            mark = context  # the problem is at the end of the text (something left open): where that began
        problem = getattr(exc, "problem", None) or "ungültiges YAML"
        raise SitegenError(f"ist kein gültiges YAML: {problem}", path=path,
                           line=mark.line + 1 if mark else None, fix=fix) from None
    except RecursionError:
        raise _too_deep(path, None) from None
    except (ValueError, OverflowError):  # a number of more than 4,300 digits
        raise SitegenError("enthält eine Zahl, die zu lang ist", path=path,
                           fix="schreibe lange Ziffernfolgen in Anführungszeichen") from None
    finally:
        loader.dispose()


def _check_tree(root: yaml.Node, path: object, aliases: bool) -> None:
    """Refuse a tree deeper than MAX_NESTING (as an alias to itself is), with a scalar longer than
    MAX_FIELD_CHARS or holding a character XML forbids, or of more than MAX_YAML_NODES values with aliases."""
    stack, values, most = [(root, 1)], 0, MAX_YAML_NODES if aliases else float("inf")
    while stack:
        node, depth = stack.pop()
        values, line = values + 1, node.start_mark.line + 1
        if values > most:  # an alias is walked at every use, so this stops an alias bomb early
            raise SitegenError(f"hat mehr als {MAX_YAML_NODES:,} Werte (Aliase mitgezählt)".replace(",", "."),
                               path=path, line=line, fix="verwende weniger Aliase (*name)")
        if isinstance(node, yaml.ScalarNode):
            if len(node.value) > MAX_FIELD_CHARS:
                raise SitegenError(f"hat einen Wert mit {len(node.value):,} Zeichen (höchstens "
                                   f"{MAX_FIELD_CHARS:,})".replace(",", "."), path=path, line=line,
                                   fix="kürze ihn")
            if found := unsafe_char(node.value):
                raise SitegenError(f"enthält das Steuerzeichen {found[1]}", path=path,
                                   line=line, fix="entferne es aus dem Wert")
        elif depth >= MAX_NESTING and node.value:
            raise _too_deep(path, line, aliases)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((child, depth + 1) for child in node.value)
        else:  # a mapping: its keys and values
            stack.extend((part, depth + 1) for pair in node.value for part in pair)


def _too_deep(path: object, line: int | None, aliases: bool = False) -> SitegenError:
    """The error for lists and mappings nested deeper than MAX_NESTING (as an alias to itself is)."""
    why, fix = ((" oder enthält einen Alias, der auf sich selbst verweist",
                 ", ohne Alias (*name) auf sich selbst") if aliases else ("", ""))
    return SitegenError(f"ist tiefer als {MAX_NESTING} Ebenen verschachtelt{why}", path=path, line=line,
                        fix=f"schreibe flache Listen und Zuordnungen{fix}")
