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
# Each job has only the permissions it needs; actions are pinned to the commit of the release named beside it.
name: GitHub Pages

on:
  push:
    branches: [main]
  workflow_dispatch:

permissions: {}  # none for the workflow; each job names its own

concurrency:
  group: pages
  cancel-in-progress: false

jobs:
  build:
    name: Build
    runs-on: ubuntu-latest
    permissions:
      contents: read  # check out the repository
    steps:
      - name: Checkout
        uses: actions/checkout@fbc6f3992d24b796d5a048ff273f7fcc4a7b6c09  # v5.1.0
        with:
          persist-credentials: false
      - name: Set up Python
        uses: actions/setup-python@ece7cb06caefa5fff74198d8649806c4678c61a1  # v6.3.0
        with:
          python-version: "3.11"
      - name: Configure Pages
        id: pages
        uses: actions/configure-pages@983d7736d9b0ae728b81ab479565c72886d7745b  # v5.0.0
      - name: Install sitegen
        run: pip install .
      - name: Build the site
        env:
          BASE_URL: ${{ steps.pages.outputs.base_url }}
        run: sitegen build --base-url "$BASE_URL" --out _site
      - name: Upload the site
        uses: actions/upload-pages-artifact@7b1f4a764d45c48632c6b24a0339c27f5614fb0b  # v4.0.0
        with:
          path: _site

  deploy:
    name: Deploy
    needs: build
    runs-on: ubuntu-latest
    permissions:
      pages: write  # publish the uploaded site
      id-token: write  # prove to Pages that the deployment comes from this workflow
    environment:
      name: github-pages
      url: ${{ steps.deployment.outputs.page_url }}
    steps:
      - name: Deploy to GitHub Pages
        id: deployment
        uses: actions/deploy-pages@d6db90164ac5ed86f2b6aed7e0febac5b3c0c03e  # v4.0.5
"""


def write_workflow(root: Path, force: bool = False) -> Path:
    """Write WORKFLOW to root/.github/workflows/pages.yml; an existing, different file only with force."""
    path = Path(root) / WORKFLOW_PATH
    if path.exists():
        if path.read_text(encoding="utf-8") == WORKFLOW:
            return path
        if not force:
            raise SitegenError("gibt es schon, und sie weicht von sitegens Workflow ab", path=path,
                               fix="vergleiche die beiden oder ersetze sie mit `sitegen init-workflow "
                                   "--force`")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(WORKFLOW, encoding="utf-8", newline="\n")
    return path


if __name__ == "__main__":  # regenerate the repository's copy: python -m sitegen.workflow
    print(write_workflow(Path(__file__).resolve().parent.parent, force=True))
