"""The GitHub Actions workflow that builds the archive and publishes it to GitHub Pages.

WORKFLOW is the one source of truth: `sitegen init-workflow` writes it to .github/workflows/pages.yml,
and a test asserts that the repository's own copy is identical.
"""
from __future__ import annotations

from pathlib import Path

from sitegen.errors import SitegenError

WORKFLOW_PATH = Path(".github") / "workflows" / "pages.yml"

WORKFLOW = """\
# Written by `sitegen init-workflow`; the source is sitegen/workflow.py.
# Builds the archive on every push to main and publishes it with GitHub Pages
# (Settings > Pages > Build and deployment > Source: GitHub Actions).
name: GitHub Pages

on:
  push:
    branches: [main]
  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

concurrency:
  group: pages
  cancel-in-progress: false

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - name: Checkout
        uses: actions/checkout@v5
      - name: Set up Python
        uses: actions/setup-python@v6
        with:
          python-version: "3.11"
          cache: pip
          cache-dependency-path: pyproject.toml
      - name: Configure Pages
        id: pages
        uses: actions/configure-pages@v5
      - name: Install sitegen
        run: pip install .
      - name: Build the site
        run: sitegen build --base-url "${{ steps.pages.outputs.base_url }}" --out _site
      - name: Upload the site
        uses: actions/upload-pages-artifact@v4
        with:
          path: _site

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{ steps.deployment.outputs.page_url }}
    steps:
      - name: Deploy to GitHub Pages
        id: deployment
        uses: actions/deploy-pages@v4
"""


def write_workflow(root: Path, force: bool = False) -> Path:
    """Write WORKFLOW to root/.github/workflows/pages.yml; an existing, different file only with force."""
    path = Path(root) / WORKFLOW_PATH
    if path.exists():
        if path.read_text(encoding="utf-8") == WORKFLOW:
            return path
        if not force:
            raise SitegenError("exists and differs from sitegen's workflow", path=path,
                               fix="compare the two, or run `sitegen init-workflow --force` to replace it")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(WORKFLOW, encoding="utf-8", newline="\n")
    return path


if __name__ == "__main__":  # regenerate the repository's copy: python -m sitegen.workflow
    print(write_workflow(Path(__file__).resolve().parent.parent, force=True))
