"""The build's stages import only themselves and the stages before them (imports for type checking aside)."""
from __future__ import annotations

import ast
import tomllib

from conftest import REPO

STAGES = [  # in build order; the modules of a stage
    {"errors", "limits", "cache", "workers", "model", "i18n", "slug", "urls",
     "markup", "entities", "ingest"},
    {"content", "config", "loading"},  # load (the configuration is read as the content is)
    {"snippets"},  # model
    {"views", "entity_info", "contexts", "pages"},  # plan
    {"render"},  # render
    {"search"},  # index
    {"output"},  # write (render and index fill its folder through the object they are given)
    {"check"},  # check
    {"build", "preview", "serve", "deploy", "cli", "scaffold", "__main__",
     "__init__"},  # the commands
]
RANK = {module: rank for rank, modules in enumerate(STAGES) for module in modules}


def imported(tree: ast.Module) -> set[str]:
    """The sitegen modules a module imports, but inside `if TYPE_CHECKING:`."""
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING":
            node.body = []
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("sitegen"):
            parts = node.module.split(".")
            found |= {parts[1]} if len(parts) > 1 else {alias.name for alias in node.names}
    return found


def test_no_stage_imports_a_later_one():
    wrong = []
    for path in sorted((REPO / "sitegen").glob("*.py")):
        module = path.stem
        assert module in RANK, f"{module} belongs to no stage"
        for other in imported(ast.parse(path.read_text(encoding="utf-8"))):
            if RANK.get(other, 0) > RANK[module]:
                wrong.append(f"{module} imports {other}")
    assert wrong == []


def test_the_wheel_ships_every_template_and_data_file():
    """Each file of the default templates and the data folders matches a package-data pattern (else an
    install that is not editable lacks it)."""
    setup = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    shipped = {path.resolve() for package, patterns in setup["package-data"].items() for pattern in patterns
               for path in (REPO / package.replace(".", "/")).glob(pattern) if path.is_file()}
    folders = (REPO / "templates", REPO / "sitegen" / "data", REPO / "sitegen" / "entities" / "data")
    needed = {path.resolve() for folder in folders for path in folder.rglob("*") if path.is_file()}
    assert sorted(map(str, needed - shipped)) == []


def test_the_readme_names_every_path_function_templates_see():
    from sitegen.contexts import GLOBALS
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert [name for name in GLOBALS if name.endswith("_path") and f"`{name}`" not in readme] == []
