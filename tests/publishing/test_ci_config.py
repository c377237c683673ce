"""The GitHub workflows and the pre-commit config cannot run here: check their structure."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
import yaml

from tests.publishing.helpers import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
ALLOWED_ACTIONS = {
    "actions/checkout",
    "actions/setup-python",
    "actions/upload-artifact",
    "actions/configure-pages",
    "actions/upload-pages-artifact",
    "actions/deploy-pages",
    "astral-sh/setup-uv",
}


def load(name: str) -> dict:
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


def triggers(workflow: dict) -> dict:
    on = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    return {on: None} if isinstance(on, str) else on


def steps(job: dict) -> list[dict]:
    return job["steps"]


def index_of(job: dict, pattern: str) -> int:
    """Index of the first step whose run command or action matches pattern."""
    for i, step in enumerate(steps(job)):
        if any(re.search(pattern, step.get(key, ""), re.M) for key in ("run", "uses")):
            return i
    raise AssertionError(f"no step matches {pattern!r}")


def step_env(job: dict, i: int) -> str:
    step = steps(job)[i]
    return step.get("run", "") + " " + " ".join(f"{k}={v}" for k, v in step.get("env", {}).items())


@pytest.mark.parametrize("path", sorted(WORKFLOWS.glob("*.yml")), ids=lambda p: p.name)
def test_every_workflow_uses_only_allowed_actions_pinned_to_a_major_version(path: Path) -> None:
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert workflow["name"] and workflow["jobs"]
    for job in workflow["jobs"].values():
        assert job.get("timeout-minutes"), "a stuck job must not run for hours"
        for step in steps(job):
            assert step.get("name"), f"every step says what it does: {step}"
            if "uses" in step:
                action, _, version = step["uses"].partition("@")
                assert action in ALLOWED_ACTIONS, step["uses"]
                assert re.fullmatch(r"v\d+", version), f"pin a major version: {step['uses']}"


def test_pull_request_workflow_validates_builds_a_preview_and_tests() -> None:
    workflow = load("check.yml")
    assert set(triggers(workflow)) == {"pull_request"}
    assert workflow["permissions"] == {"contents": "read"}
    (job,) = workflow["jobs"].values()
    order = [
        index_of(job, r"actions/checkout"),
        index_of(job, r"actions/setup-python"),
        index_of(job, r"astral-sh/setup-uv"),
        index_of(job, r"uv sync --locked"),
        index_of(job, r"^portal validate$"),
        index_of(job, r"mkdocs build --strict"),
        index_of(job, r"apt-get install -y chromium"),
        index_of(job, r"make test"),
    ]
    assert order == sorted(order), "checkout, python, uv, sync, validate, build, chromium, test"
    python = steps(job)[order[1]]
    assert str(python["with"]["python-version"]) == "3.11"
    assert "PORTAL_PREVIEW=1" in step_env(job, order[5]), "the preview shows draft years"
    upload = steps(job)[index_of(job, r"actions/upload-artifact")]
    assert upload["with"]["path"].rstrip("/") == "site"
    assert index_of(job, r"actions/upload-artifact") > order[5]


def test_publish_workflow_releases_only_after_validate_build_and_tests() -> None:
    workflow = load("publish.yml")
    on = triggers(workflow)
    assert on["push"]["branches"] == ["main"]
    assert "pull_request" not in on
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["concurrency"]["cancel-in-progress"] is False
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]

    order = [
        index_of(build, r"actions/checkout"),
        index_of(build, r"uv sync --locked"),
        index_of(build, r"portal validate --release"),
        index_of(build, r"mkdocs build --strict"),
        index_of(build, r"make test"),
        index_of(build, r"actions/upload-pages-artifact"),
    ]
    assert order == sorted(order), "validate, build, test, then hand over the site"
    built = step_env(build, order[3])
    assert "PORTAL_PREVIEW=1" not in built and "PORTAL_PREVIEW: 1" not in built
    assert "PORTAL_PREVIEW" not in str(workflow.get("env", {}))
    assert "PORTAL_PREVIEW" not in str(build.get("env", {}))
    assert "permissions" not in build or "pages" not in str(build["permissions"])

    assert deploy["needs"] in ("build", ["build"]), "a failing build never replaces the site"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    uses = [step.get("uses", "").partition("@")[0] for step in steps(deploy)]
    assert uses == ["actions/configure-pages", "actions/deploy-pages"]


def test_both_workflows_refuse_unrecorded_published_years() -> None:
    for name in ("check.yml", "publish.yml"):
        (job, *_) = load(name)["jobs"].values()
        assert index_of(job, r"python -m portal.revisions --check") < index_of(job, r"mkdocs build")


def test_new_year_workflow_only_creates_a_branch() -> None:
    workflow = load("new-year.yml")
    on = triggers(workflow)
    assert set(on) == {"workflow_dispatch"}
    assert on["workflow_dispatch"]["inputs"]["year"]["required"] is True
    assert workflow["permissions"] == {"contents": "write"}
    (job,) = workflow["jobs"].values()
    text = yaml.safe_dump(job)
    assert "${{ inputs.year }}" not in "".join(s.get("run", "") for s in steps(job)), (
        "inputs reach the shell only through env (no script injection)"
    )
    assert index_of(job, r'portal new-year "\$YEAR"') < index_of(job, r"git push")
    assert "merge" not in text and "deploy" not in text


def test_pre_commit_runs_ruff_the_basic_hooks_and_portal_validate_on_data() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    repos = {repo["repo"]: repo for repo in config["repos"]}
    ruff = repos["https://github.com/astral-sh/ruff-pre-commit"]
    assert {hook["id"] for hook in ruff["hooks"]} == {"ruff-check", "ruff-format"}
    pinned = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    ruff_pin = next(d for d in pinned["dependency-groups"]["dev"] if d.startswith("ruff=="))
    assert ruff["rev"] == "v" + ruff_pin.removeprefix("ruff=="), "same ruff as `make lint`"
    basics = {
        hook["id"] for hook in repos["https://github.com/pre-commit/pre-commit-hooks"]["hooks"]
    }
    assert {"check-yaml", "end-of-file-fixer", "trailing-whitespace"} <= basics

    local = {hook["id"]: hook for hook in repos["local"]["hooks"]}
    validate = local["portal-validate"]
    assert "portal validate" in validate["entry"]
    assert validate["pass_filenames"] is False
    assert re.search(validate["files"], "data/2024-25/outcomes.csv")
    assert re.search(validate["files"], "data/vocabularies.yml")
    assert not re.search(validate["files"], "portal/cli.py")
    schema = local["portal-schema"]
    assert "portal schema --check" in schema["entry"]
    assert re.search(schema["files"], "portal/models/report.py")


def test_makefile_serve_previews_drafts_and_has_a_schema_target() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    serve = makefile.split("\nserve:", 1)[1].split("\n\n", 1)[0]
    assert "PORTAL_PREVIEW=1" in serve and "127.0.0.1:8000" in serve
    assert "\nschema: env\n\t$(BIN)/portal schema\n" in makefile
