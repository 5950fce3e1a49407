"""`sitegen new DIR` and `sitegen init-workflow`: a new archive, ready for `sitegen ingest`, `serve` and the
GitHub Pages workflow (data/pages.yml, which the repository's own .github/workflows/pages.yml equals)."""
from __future__ import annotations

from pathlib import Path

import yaml

from sitegen.config import CONFIG_FILE
from sitegen.errors import SitegenError, reason

GITIGNORE = "/_site/\n/_site.failed\n/._site*\n/.cache/\n/.venv/\n"
WORKFLOW_PATH = Path(".github") / "workflows" / "pages.yml"
WORKFLOW = (Path(__file__).parent / "data" / "pages.yml").read_text(encoding="utf-8")
SETTINGS = ("# Einstellungen des Archivs; Optionen auf der Befehlszeile gehen vor.\n{title}"
            "# Die volle Adresse, unter der die Website erscheint, z. B. https://benutzer.github.io/archiv/\n"
            "# (Feeds, Sitemap und kanonische Links brauchen sie; der Pages-Workflow setzt sie selbst).\n"
            "{base_url}")  # each a line of YAML
README = ("# {title}\n\nEin Nachrichtenarchiv, gebaut mit sitegen.\n\n"
          "Als Nächstes: Rohartikel (`.txt`, `.html`, `.csv`) in `seeds/` legen, dann `sitegen ingest` "
          "(schreibt `content/articles/`), `sitegen serve` (Vorschau unter http://127.0.0.1:8000/) und, "
          "sobald `base_url` in `sitegen.yaml` steht, `sitegen build`. Auf GitHub veröffentlicht der "
          "Workflow in `.github/workflows/pages.yml` die Website bei jedem Push auf `main`; er installiert "
          "sitegen mit `pip install .` – liegt sitegen nicht in diesem Repository, passe den Schritt "
          "„Install sitegen“ an.\n")


def new_archive(folder: Path, title: str, base_url: str) -> list[Path]:
    """Make the archive in `folder` (new or empty); the files and folders made, for the terminal."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise SitegenError("ist nicht leer" if folder.is_dir() else "ist eine Datei", path=folder,
                           fix="wähle einen neuen oder leeren Ordner")
    made = [folder / "content" / "articles", folder / "seeds"]
    settings = {key: yaml.safe_dump({key: value}, allow_unicode=True)
                for key, value in (("title", title), ("base_url", base_url))}
    files = {CONFIG_FILE: SETTINGS.format(**settings), "README.md": README.format(title=title),
             ".gitignore": GITIGNORE}
    try:
        for path in made:
            path.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")
        return [*(folder / name for name in files), *made, write_workflow(folder)]
    except OSError as exc:
        raise SitegenError(f"lässt sich nicht anlegen ({reason(exc)})", path=exc.filename or folder,
                           fix="wähle einen Ordner, in den du schreiben darfst") from None


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
