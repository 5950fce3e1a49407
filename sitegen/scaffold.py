"""`sitegen new DIR` and `sitegen init-workflow`: a new archive from the files data/new_* and the GitHub Pages
workflow (data/pages.yml, which the repository's own .github/workflows/pages.yml equals)."""
from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from sitegen.config import CONFIG_FILE, setting_value
from sitegen.errors import SitegenError

DATA = Path(__file__).parent / "data"
NEW_FILES = {CONFIG_FILE: "new_sitegen.yaml", "README.md": "new_README.md", ".gitignore": "new_gitignore"}
WORKFLOW_PATH = Path(".github") / "workflows" / "pages.yml"
WORKFLOW = (DATA / "pages.yml").read_text(encoding="utf-8")


def new_archive(folder: Path, title: str, base_url: str) -> list[Path]:
    """Make the archive in `folder` (new or empty), whole or not at all; the files and folders made."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise SitegenError("ist nicht leer" if folder.is_dir() else "ist eine Datei", path=folder,
                           fix="wähle einen neuen oder leeren Ordner")
    given = {key: setting_value(key, value, folder, "--" + key.replace("_", "-"), None)  # as load_config will
             for key, value in (("title", title), ("base_url", base_url))}
    settings = {f"{key}_setting": yaml.safe_dump({key: value}, allow_unicode=True).rstrip("\n")
                for key, value in given.items()}
    made, existed = [folder / "content" / "articles", folder / "seeds"], folder.is_dir()
    try:
        for path in made:  # a folder the system refuses is the command line's one line (cli.main)
            path.mkdir(parents=True, exist_ok=True)
        for name, source in NEW_FILES.items():
            text = (DATA / source).read_text(encoding="utf-8").format(title=given["title"], **settings)
            (folder / name).write_text(text, encoding="utf-8")
        made = [*(folder / name for name in NEW_FILES), *made, write_workflow(folder)]
    except BaseException:  # a failure halfway (disk full) leaves the folder as it was: empty, or none
        for entry in folder.iterdir() if folder.is_dir() else ():
            shutil.rmtree(entry) if entry.is_dir() and not entry.is_symlink() else entry.unlink()
        if not existed and folder.is_dir():
            folder.rmdir()
        raise
    return made


def write_workflow(root: Path, force: bool = False) -> Path:
    """Write WORKFLOW to root/.github/workflows/pages.yml; an existing, different file only with force."""
    path = Path(root) / WORKFLOW_PATH
    if path.exists() and path.read_text(encoding="utf-8") == WORKFLOW:
        return path
    if path.exists() and not force:
        raise SitegenError("gibt es schon, und sie weicht von sitegens Workflow ab", path=path,
                           fix="vergleiche die beiden oder ersetze sie mit `sitegen init-workflow --force`")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(WORKFLOW, encoding="utf-8", newline="\n")
    return path
