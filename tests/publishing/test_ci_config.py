"""The GitHub workflows and the pre-commit config cannot run here: check their structure."""

from __future__ import annotations

import re
import subprocess
import tomllib
from pathlib import Path

import pytest
import yaml

from portal.record import base_from_file
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
    job = workflow["jobs"]["check"]
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
    assert build["permissions"] == {"contents": "read", "pages": "read"}, "never pages: write"
    # The feed's links and ids need the live site's address (mkdocs.yml reads PORTAL_SITE_URL).
    assert "PORTAL_SITE_URL=${{ steps.pages.outputs.base_url }}" in built
    assert "!ENV [PORTAL_SITE_URL" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")

    assert deploy["needs"] in ("build", ["build"]), "a failing build never replaces the site"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    uses = [step.get("uses", "").partition("@")[0] for step in steps(deploy)]
    assert uses == ["actions/configure-pages", "actions/deploy-pages"]


def test_both_workflows_check_published_years_against_git_before_building() -> None:
    """The record of published figures is git's (issue 14): no file a pull request can edit."""
    for name in ("check.yml", "publish.yml"):
        (job, *_) = load(name)["jobs"].values()
        assert index_of(job, r"^portal validate") < index_of(job, r"^portal check-published ")
        assert index_of(job, r"^portal check-published ") < index_of(job, r"mkdocs build")
        assert "portal.revisions" not in yaml.safe_dump(job), "the old checksums record is gone"


def test_check_compares_published_figures_with_the_pull_requests_base() -> None:
    """Issue 14: the base branch is fetched (checkout's default depth 1 has no base) and every
    change to a published year is compared with it, before the preview is built."""
    job = load("check.yml")["jobs"]["check"]
    checkout = steps(job)[index_of(job, r"actions/checkout")]
    assert checkout["with"]["fetch-depth"] == 0
    i = index_of(job, r'^portal check-published --base "\$BASE"$')
    assert steps(job)[i]["env"] == {"BASE": "${{ github.event.pull_request.base.sha }}"}
    assert index_of(job, r"uv sync --locked") < i < index_of(job, r"mkdocs build")


def test_publish_compares_with_the_commit_the_live_site_was_built_from(tmp_path) -> None:
    """Publish reads back the commit the live site records, compares with it (so a push
    straight to main is checked), says so when there is none (the first publication), and
    records its own commit in the site it hands over."""
    build = load("publish.yml")["jobs"]["build"]
    assert build["steps"][index_of(build, r"actions/checkout")]["with"]["fetch-depth"] == 0
    pages = index_of(build, r"actions/configure-pages")
    find = index_of(build, r"/published\.json\"\)")
    found = steps(build)[find]
    assert found["env"]["SITE"] == f"${{{{ steps.{steps(build)[pages]['id']}.outputs.base_url }}}}"
    script = found["run"]
    assert re.search(r"200\) echo \"found=true\"", script)
    assert re.search(r"404\)\s+echo \"found=false\"", script) and "First publication" in script
    assert re.search(r"\*\)\s+echo \"::error::", script), "any other answer stops the publication"
    compare = index_of(build, r"^portal check-published --base-from ")
    assert steps(build)[compare]["if"] == f"steps.{found['id']}.outputs.found == 'true'"
    assert "last-published.json" in steps(build)[compare]["run"]
    assert pages < find < compare < index_of(build, r"mkdocs build --strict")
    record = index_of(build, r"> site/published\.json")
    assert index_of(build, r"make test") < record < index_of(build, r"upload-pages-artifact")
    # What the record step writes is what the next run reads back.
    site = tmp_path / "site"
    site.mkdir()
    commit = "0123456789abcdef0123456789abcdef01234567"
    env = {"GITHUB_SHA": commit, "PATH": "/usr/bin:/bin"}
    subprocess.run(["sh", "-c", steps(build)[record]["run"]], cwd=tmp_path, env=env, check=True)
    assert base_from_file(site / "published.json") == commit


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


def test_check_shows_whether_merging_would_publish_without_blocking_the_preview() -> None:
    """Issue 16: `portal validate --release` (Publish's own first check) runs on every pull
    request as its own job named "Ready to publish?": a red line in the checks, while the
    preview and the tests still run and pass on their own."""
    workflow = load("check.yml")
    publish = load("publish.yml")["jobs"]["build"]
    release = steps(publish)[index_of(publish, r"portal validate --release")]["run"]
    ready = [job for job in workflow["jobs"].values() if job.get("name") == "Ready to publish?"]
    assert len(ready) == 1, "one job named 'Ready to publish?'"
    (job,) = ready
    step = steps(job)[index_of(job, r"portal validate --release")]
    assert step["name"] == "Ready to publish?"
    assert step["run"].split("/")[-1] == release.split("/")[-1], "the same check as Publish"
    assert index_of(job, r"uv sync --locked") < index_of(job, r"portal validate --release")
    assert "needs" not in job, "runs beside the preview, not before it"
    preview = workflow["jobs"]["check"]
    assert "needs" not in preview and not preview.get("if")
    assert not any("--release" in s.get("run", "") for s in steps(preview)), (
        "placeholders never stop the preview"
    )


def _jobs(path: Path) -> dict[str, dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["jobs"]


@pytest.mark.parametrize("path", sorted(WORKFLOWS.glob("*.yml")), ids=lambda p: p.name)
def test_checkout_keeps_no_credentials_unless_the_job_pushes(path: Path) -> None:
    for name, job in _jobs(path).items():
        pushes = any(re.search(r"^\s*git push\b", s.get("run", ""), re.M) for s in steps(job))
        for step in steps(job):
            if step.get("uses", "").startswith("actions/checkout@"):
                keeps = step.get("with", {}).get("persist-credentials", True)
                if pushes:
                    assert keeps is not False, f"{name} pushes: it needs its credentials"
                else:
                    assert keeps is False, f"{name}: add `persist-credentials: false`"


def test_only_the_new_year_job_pushes() -> None:
    pushing = {
        (path.name, name)
        for path in WORKFLOWS.glob("*.yml")
        for name, job in _jobs(path).items()
        if any("git push" in s.get("run", "") for s in steps(job))
    }
    assert pushing == {("new-year.yml", "new-year")}


def test_publish_runs_only_from_main_whatever_starts_it() -> None:
    """`Run workflow` offers every branch: each job is guarded, so no other branch deploys."""
    workflow = load("publish.yml")
    assert "workflow_dispatch" in triggers(workflow)
    for name, job in workflow["jobs"].items():
        guard = re.sub(r"\s+", " ", str(job.get("if", ""))).strip()
        guard = guard.removeprefix("${{").removesuffix("}}").strip()
        assert guard == "github.ref == 'refs/heads/main'", f"job {name} has no branch guard"


def test_makefile_installs_uv_only_from_hash_checked_requirements() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\n$(UV):", 1)[1].split("\n\n", 1)[0]
    installs = [line for line in recipe.splitlines() if "pip install" in line]
    assert installs, "the uv rule installs uv with pip"
    command = " ".join(recipe.replace("\\\n", " ").split())
    assert "--require-hashes" in command and "-r scripts/uv-requirements.txt" in command
    assert not re.search(r"pip install[^\n]*\buv==", command), "no unhashed `uv==` on the line"
    requirements = (ROOT / "scripts" / "uv-requirements.txt").read_text(encoding="utf-8")
    logical = requirements.replace("\\\n", " ")
    lines = [ln for ln in logical.splitlines() if ln.strip() and not ln.startswith("#")]
    assert len(lines) == 1 and lines[0].split()[0] == "uv==0.13.8", lines
    hashes = re.findall(r"--hash=sha256:([0-9a-f]+)", lines[0])
    assert len(hashes) >= 2 and all(len(h) == 64 for h in hashes)
    assert len(set(hashes)) == len(hashes)
    for path in WORKFLOWS.glob("*.yml"):
        for job in _jobs(path).values():
            for step in steps(job):
                if step.get("uses", "").startswith("astral-sh/setup-uv@"):
                    assert str(step["with"]["version"]) == "0.13.8", "the same uv everywhere"
