"""The GitHub Pages workflow: one source, valid YAML with the right steps; write_workflow()."""
from __future__ import annotations

from pathlib import Path

import json
import shutil
import subprocess

import pytest
import yaml

from sitegen.errors import SitegenError
from sitegen.scaffold import WORKFLOW, WORKFLOW_PATH, write_workflow

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def workflow() -> dict:
    """The parsed workflow."""
    return yaml.safe_load(WORKFLOW)


def steps_using(job: dict, action: str) -> list[dict]:
    """The steps of `job` that use `action` (any version)."""
    return [s for s in job["steps"] if s.get("uses", "").split("@")[0] == action]


def test_repository_copy_is_identical_to_the_source() -> None:
    assert (REPO / WORKFLOW_PATH).read_text(encoding="utf-8") == WORKFLOW


def test_triggers_permissions_and_concurrency(workflow: dict) -> None:
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as True
    assert triggers["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in triggers
    assert workflow["permissions"] == {}
    assert workflow["jobs"]["build"]["permissions"] == {"contents": "read"}
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}


def test_checkout_keeps_no_credentials_and_actions_are_pinned_to_commits(workflow: dict) -> None:
    (checkout,) = steps_using(workflow["jobs"]["build"], "actions/checkout")
    assert checkout["with"]["persist-credentials"] is False
    uses = [s["uses"] for job in workflow["jobs"].values() for s in job["steps"] if "uses" in s]
    assert len(uses) == 5 and all(len(u.split("@")[1]) == 40 for u in uses)


@pytest.mark.skipif(shutil.which("zizmor") is None, reason="zizmor is not installed (pip install zizmor)")
def test_zizmor_finds_no_excessive_permissions_artipacked_or_template_injection(tmp_path: Path) -> None:
    path = write_workflow(tmp_path)
    done = subprocess.run(["zizmor", "--offline", "--format", "json", "--persona", "auditor", str(path)],
                          capture_output=True, text=True, check=False)
    findings = {finding["ident"] for finding in json.loads(done.stdout)}
    assert not findings & {"excessive-permissions", "artipacked", "template-injection", "unpinned-uses"}
    assert findings == set()


def test_build_job_installs_builds_with_pages_url_and_uploads(workflow: dict) -> None:
    build = workflow["jobs"]["build"]
    assert steps_using(build, "actions/checkout")
    (python,) = steps_using(build, "actions/setup-python")
    assert python["with"]["python-version"] == "3.11"
    (pages,) = steps_using(build, "actions/configure-pages")
    runs = [s["run"] for s in build["steps"] if "run" in s]
    assert "pip install ." in runs
    (command,) = [r for r in runs if r.startswith("sitegen build")]
    (step,) = [s for s in build["steps"] if s.get("run") == command]
    assert step["env"]["BASE_URL"] == f"${{{{ steps.{pages['id']}.outputs.base_url }}}}"
    assert '--base-url "$BASE_URL"' in command and "${{" not in command
    assert "--out _site" in command
    (upload,) = steps_using(build, "actions/upload-pages-artifact")
    assert upload["with"]["path"] == "_site"
    order = [s.get("uses", s.get("run", "")).split("@")[0] for s in build["steps"]]
    assert order.index("actions/configure-pages") < order.index(command) < order.index(
        "actions/upload-pages-artifact")


def test_deploy_job_follows_build(workflow: dict) -> None:
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    (step,) = steps_using(deploy, "actions/deploy-pages")
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["environment"]["url"] == f"${{{{ steps.{step['id']}.outputs.page_url }}}}"


def test_write_workflow_creates_the_file(tmp_path: Path) -> None:
    path = write_workflow(tmp_path)
    assert path == tmp_path / ".github" / "workflows" / "pages.yml"
    assert path.read_text(encoding="utf-8") == WORKFLOW


def test_write_workflow_leaves_an_identical_file_alone(tmp_path: Path) -> None:
    path = write_workflow(tmp_path)
    before = path.stat().st_mtime_ns
    assert write_workflow(tmp_path) == path
    assert path.stat().st_mtime_ns == before


def test_write_workflow_refuses_a_different_file_unless_forced(tmp_path: Path) -> None:
    path = tmp_path / WORKFLOW_PATH
    path.parent.mkdir(parents=True)
    path.write_text("name: eigene\n", encoding="utf-8")
    with pytest.raises(SitegenError, match="weicht von sitegens Workflow ab") as info:
        write_workflow(tmp_path)
    assert "--force" in info.value.fix
    assert path.read_text(encoding="utf-8") == "name: eigene\n"
    assert write_workflow(tmp_path, force=True) == path
    assert path.read_text(encoding="utf-8") == WORKFLOW


def test_cli_init_workflow(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    from sitegen.cli import main

    monkeypatch.chdir(tmp_path)
    assert main(["init-workflow"]) == 0
    assert (tmp_path / WORKFLOW_PATH).read_text(encoding="utf-8") == WORKFLOW
    (tmp_path / WORKFLOW_PATH).write_text("x: 1\n", encoding="utf-8")
    assert main(["init-workflow"]) == 1
    assert "weicht von sitegens Workflow ab" in capsys.readouterr().err
    assert main(["init-workflow", "--force"]) == 0
