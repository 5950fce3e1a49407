"""The one YAML loader (front matter, sidecars, sitegen.yaml, entities.yaml): safe tags only, dates left as
text, and the limits of sitegen.limits on size, depth, alias expansion and characters checked before any
value is made, so an alias bomb or a deep nest fails at once with one line naming the file."""
from __future__ import annotations

import yaml

from sitegen.errors import SitegenError
from sitegen.limits import (MAX_FIELD_CHARS, MAX_NESTING, MAX_YAML_BYTES, MAX_YAML_NODES, UNSAFE_CHARS,
                            size_text)

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlLoader(_BaseLoader):  # type: ignore[misc,valid-type]
    """SafeLoader that leaves dates as text, so impossible dates get our message, not a crash."""


YamlLoader.yaml_implicit_resolvers = {
    key: [r for r in resolvers if r[0] != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml(text: str, path: object, fix: str = "prüfe Einrückung, Doppelpunkte und "
                                                  "Anführungszeichen") -> object:
    """The data of one YAML document; anything unsafe or malformed is a SitegenError naming path and line."""
    return compose_yaml(text, path, fix)[0]


def compose_yaml(text: str, path: object, fix: str = "prüfe Einrückung, Doppelpunkte und Anführungszeichen"
                 ) -> tuple[object, yaml.Node | None]:
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
        mark = _error_mark(exc, text)
        problem = getattr(exc, "problem", None) or "ungültiges YAML"
        raise SitegenError(f"ist kein gültiges YAML: {problem}", path=path,
                           line=mark.line + 1 if mark else None,
                           fix=fix) from None
    except RecursionError:
        raise _too_deep(path, None) from None
    except (ValueError, OverflowError):  # a number of more than 4,300 digits
        raise SitegenError("enthält eine Zahl, die zu lang ist", path=path,
                           fix="schreibe lange Ziffernfolgen in Anführungszeichen") from None
    finally:
        loader.dispose()


def _error_mark(exc: yaml.YAMLError, text: str) -> yaml.Mark | None:
    """Where a YAML error is: where the problem was found, or, when that is the end of the text (something
    left open), where the open construct began."""
    problem, context = getattr(exc, "problem_mark", None), getattr(exc, "context_mark", None)
    if problem is None or (context is not None and problem.index >= len(text.rstrip())):
        return context
    return problem


def _check_tree(root: yaml.Node, path: object, aliases: bool) -> None:
    """Refuse a tree deeper than MAX_NESTING, with a scalar longer than MAX_FIELD_CHARS or holding a character
    XML forbids, or (when the text has aliases) larger than MAX_YAML_NODES with every alias expanded."""
    if aliases:
        _check_expansion(root, path)  # first: the walk below expands aliases
    stack = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            _check_scalar(node, path)
        elif depth >= MAX_NESTING and node.value:
            raise _too_deep(path, node.start_mark.line + 1)
        else:
            stack.extend((child, depth + 1) for child in _children(node))


def _check_expansion(root: yaml.Node, path: object) -> None:
    """Refuse an alias to itself or an ancestor, and more than MAX_YAML_NODES values with every alias
    expanded; iterative, each node visited once."""
    expanded: dict[int, int] = {}  # id(node) -> values below it, aliases expanded; 0 while being walked
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        children = _children(node)
        if done:
            expanded[id(node)] = 1 + sum(expanded[id(c)] for c in children)
            if expanded[id(node)] > MAX_YAML_NODES:
                raise SitegenError(f"hat mehr als {MAX_YAML_NODES:,} Werte (Aliase mitgezählt)"
                                   .replace(",", "."), path=path, line=node.start_mark.line + 1,
                                   fix="verwende weniger Aliase (*name)")
            continue
        if id(node) in expanded:
            continue
        expanded[id(node)] = 0
        if any(expanded.get(id(child)) == 0 for child in children):
            raise SitegenError("enthält einen Alias, der auf sich selbst verweist", path=path,
                               line=node.start_mark.line + 1, fix="entferne den Alias (*name)")
        stack.append((node, True))
        stack.extend((child, False) for child in children if id(child) not in expanded)


def _check_scalar(node: yaml.ScalarNode, path: object) -> None:
    """Refuse a value longer than MAX_FIELD_CHARS or holding a character XML forbids."""
    line = node.start_mark.line + 1
    if len(node.value) > MAX_FIELD_CHARS:
        raise SitegenError(f"hat einen Wert mit {len(node.value):,} Zeichen (höchstens {MAX_FIELD_CHARS:,})"
                           .replace(",", "."), path=path, line=line, fix="kürze ihn")
    found = UNSAFE_CHARS.search(node.value)
    if found:
        raise SitegenError(f"enthält das Steuerzeichen U+{ord(found.group()):04X}", path=path, line=line,
                           fix="entferne es aus dem Wert")


def _children(node: yaml.Node) -> list[yaml.Node]:
    """The nodes directly below `node` (keys and values of a mapping)."""
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def _too_deep(path: object, line: int | None) -> SitegenError:
    """The error for lists and mappings nested deeper than MAX_NESTING."""
    return SitegenError(f"ist tiefer als {MAX_NESTING} Ebenen verschachtelt", path=path, line=line,
                        fix="schreibe flache Listen und Zuordnungen")
