"""Issue 14: a published year's figures change only with a record, checked against git.

Each test builds a temporary git clone: `main` holds the published data, a branch changes it
as a careless or dishonest editor would, and `portal check-published` compares the branch
with main, as the Check workflow compares a pull request with its base.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from portal import record
from portal.load import load_dataset, validate
from portal.models.withdrawal import Withdrawal
from portal.record.compare import WRITE_WHY
from portal.site.pages import PAGE_BLOCKS
from tests.privacy.fields import text_fields
from tests.publishing.helpers import (
    FIXTURE,
    ROOT,
    portal,
    replace_once,
)
from tests.site.build import build

YEAR = "2023-24"


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


@pytest.fixture
def repo(tmp_path, monkeypatch) -> Path:
    """A clone whose main branch published the small data folder; the branch `change` is
    checked out."""
    for name in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{name}_NAME", "Test")
        monkeypatch.setenv(f"GIT_{name}_EMAIL", "test@example.invalid")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    root = tmp_path / "repo"
    shutil.copytree(FIXTURE, root / "data")
    git(tmp_path, "init", "-q", "-b", "main", str(root))
    commit(root, "published")
    git(root, "switch", "-q", "-c", "change")
    return root


def commit(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--allow-empty", "-m", message)


def check(capsys, repo: Path, *args: str):
    return portal(capsys, "check-published", "--data", repo / "data", *args)


def change_a_figure(data: Path) -> None:
    """Stage 2 upheld: 1 -> 2 (and the Stage 2 total with it)."""
    replace_once(data / YEAR / "outcomes.csv", "2,,,Upheld,1,", "2,,,Upheld,2,")
    replace_once(data / YEAR / "report.yml", "count: 2\n", "count: 3\n")


def add_entry(path: Path, entry: str) -> None:
    """Do what a message says: paste its entry, with the reason written."""
    lines = entry.replace(WRITE_WHY, "One complaint was missed.")
    with path.open("a", encoding="utf-8") as handle:
        handle.write(lines + "\n")


def suggested_entry(message: str) -> str:
    """The YAML entry a message gives, as staff would copy it."""
    lines = message.split("\n")
    start = next(i for i, line in enumerate(lines) if line.strip().startswith(("- ", "revis")))
    block = itertools.takewhile(lambda line: line.startswith("    "), lines[start:])
    return "\n".join(line[4:] for line in block)


def test_unchanged_data_passes_and_says_what_it_compared(capsys, repo) -> None:
    ran = check(capsys, repo)
    assert ran.code == record.CHECKED, ran.err
    base = git(repo, "rev-parse", "main")[:12]
    assert f"published at {base} ({YEAR})" in ran.out


def test_text_only_edits_pass(capsys, repo) -> None:
    data = repo / "data"
    outcomes = data / YEAR / "outcomes.csv"
    header, *rows = outcomes.read_text(encoding="utf-8").splitlines()
    rows = [row.replace("Not upheld", "not-upheld") for row in reversed(rows)]  # id, not label
    outcomes.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    replace_once(outcomes, "Upheld,3,30,", "Upheld,3,30.0,")
    replace_once(data / YEAR / "report.yml", "label: complaints at Stage 1", "label: Stage 1")
    replace_once(
        data / YEAR / "report.yml", "status: published\n", "# checked\nstatus: published\n"
    )
    commit(repo, "wording")
    ran = check(capsys, repo)
    assert ran.code == record.CHECKED, ran.err


def test_a_changed_figure_without_a_revision_fails_and_says_what_to_add(capsys, repo) -> None:
    change_a_figure(repo / "data")
    commit(repo, "quietly change a figure")
    ran = check(capsys, repo)
    assert ran.code == record.UNRECORDED
    assert "data/2023-24/report.yml [revisions]" in ran.err
    assert (
        "outcomes.csv: outcomes, stage 2, outcome upheld, count: 1 → 2" in ran.err
    )  # table, category
    assert "report.yml: complaints received, stage 2, count: 2 → 3" in ran.err
    entry = yaml.safe_load(suggested_entry(ran.err))
    assert entry["revisions"][0]["kind"] == "correction"
    assert entry["revisions"][0]["reason"] == WRITE_WHY


def test_in_github_actions_each_problem_shows_on_its_file(capsys, repo, monkeypatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    change_a_figure(repo / "data")
    ran = check(capsys, repo)
    (line,) = [x for x in ran.out.splitlines() if x.startswith("::error ")]
    assert line.startswith("::error file=data/2023-24/report.yml::data/2023-24/report.yml")
    assert "%0A  outcomes.csv: outcomes, stage 2" in line and "\n" not in line


def test_the_delete_and_re_add_trick_fails(capsys, repo, tmp_path) -> None:
    """Issue 14's trick edited the record in the same pull request: change a count, delete the
    year's line from checksums.yml, paste back the line validate suggested. The record is now
    the base commit, which no pull request can edit: deleting the year in one commit and adding
    it back changed in the next fails, and a checksums.yml brought back is refused."""
    data = repo / "data"
    kept = shutil.copytree(data / YEAR, tmp_path / "kept")
    shutil.rmtree(data / YEAR)
    commit(repo, "delete the year")
    shutil.copytree(kept, data / YEAR)
    change_a_figure(data)
    commit(repo, "add it back, changed")
    assert portal(capsys, "validate", "--data", data).code == 0
    ran = check(capsys, repo)
    assert ran.code == record.UNRECORDED, ran.out
    assert "no new `revisions:` entry of kind correction" in ran.err
    (data / "checksums.yml").write_text(f"{YEAR}: {{checksum: sha256:0123456789ab}}\n", "utf-8")
    ran = portal(capsys, "validate", "--data", data)
    assert ran.code == 1 and "data/checksums.yml [file]: no longer used" in ran.out


def test_with_the_suggested_correction_it_passes_and_the_site_lists_it(
    capsys, repo, tmp_path
) -> None:
    data = repo / "data"
    change_a_figure(data)
    entry = suggested_entry(check(capsys, repo).err)
    add_entry(data / YEAR / "report.yml", entry)
    commit(repo, "correct a figure, with its revision")
    ran = check(capsys, repo)
    assert ran.code == record.CHECKED, ran.err
    listed = PAGE_BLOCKS["revisions"](load_dataset(data))
    assert "Figure corrected" in listed and "One complaint was missed." in listed
    assert "outcome upheld, count 1 to 2" in listed  # the change it wrote: true as it stands
    built = build(data, tmp_path / "site")  # and on the site itself
    assert built.returncode == 0, built.output
    about = built.text("about")
    assert "Figure corrected" in about and "One complaint was missed." in about


def test_the_suggested_entry_is_refused_until_its_reason_is_written(capsys, repo) -> None:
    data = repo / "data"
    change_a_figure(data)
    entry = suggested_entry(check(capsys, repo).err)
    with (data / YEAR / "report.yml").open("a", encoding="utf-8") as handle:
        handle.write(entry + "\n")  # as given: the reason not written
    ran = check(capsys, repo)
    assert ran.code == record.UNRECORDED
    assert f"still says reason: {WRITE_WHY}" in ran.err


@pytest.mark.parametrize(
    ("old", "new", "kind"),
    [
        ("2,,,Upheld,1,,,example-2023-24 §3.2,\n", "", "removal"),
        ("", "2,,,Partly upheld,0,,,example-2023-24 §3.2,\n", "addition"),
    ],
    ids=["removed", "added"],
)
def test_an_added_or_removed_figure_needs_its_own_kind(capsys, repo, old, new, kind) -> None:
    data = repo / "data"
    outcomes = data / YEAR / "outcomes.csv"
    if old:
        replace_once(outcomes, old, new)
        replace_once(data / YEAR / "report.yml", "count: 2\n", "count: 1\n")
    else:
        outcomes.write_text(outcomes.read_text(encoding="utf-8") + new, encoding="utf-8")
    wrong = "correction"
    add_entry(
        data / YEAR / "report.yml",
        f"revisions:\n  - kind: {wrong}\n    date: 2026-01-05\n    change: A change.\n"
        "    reason: A reason.",
    )
    ran = check(capsys, repo)
    assert ran.code == record.UNRECORDED
    assert f"no new `revisions:` entry of kind {kind}" in ran.err
    replace_once(data / YEAR / "report.yml", f"kind: {wrong}", f"kind: {kind}")
    if old:  # the Stage 2 total changed too: a correction as well as a removal
        add_entry(
            data / YEAR / "report.yml",
            "  - kind: correction\n    date: 2026-01-05\n    change: B.\n    reason: B.",
        )
    assert check(capsys, repo).code == record.CHECKED, check(capsys, repo).err


def test_every_entry_the_messages_give_together_is_enough(capsys, repo) -> None:
    """A row taken out changes its total too: a removal and a correction, each entry given,
    pasted one after the other as the messages say."""
    data = repo / "data"
    replace_once(data / YEAR / "outcomes.csv", "2,,,Upheld,1,,,example-2023-24 §3.2,\n", "")
    replace_once(data / YEAR / "report.yml", "count: 2\n", "count: 1\n")
    ran = check(capsys, repo)
    assert ran.code == record.UNRECORDED
    blocks = ran.err.split("Add this entry")[1:]
    assert len(blocks) == 2 and ran.err.count("    revisions:") == 1
    for block in blocks:
        add_entry(data / YEAR / "report.yml", suggested_entry("x\n" + block.split("\n", 1)[1]))
    ran = check(capsys, repo)
    assert ran.code == record.CHECKED, ran.err
    kinds = [r.kind for r in load_dataset(data).all_years[0].report.revisions]
    assert sorted(kinds) == ["correction", "removal"]


@pytest.mark.parametrize("how", ["folder removed", "set back to draft"])
def test_a_withdrawn_year_fails_without_a_withdrawal_record(capsys, repo, how) -> None:
    data = repo / "data"
    if how == "folder removed":
        shutil.rmtree(data / YEAR)
    else:
        replace_once(data / YEAR / "report.yml", "status: published", "status: draft")
    commit(repo, how)
    ran = check(capsys, repo)
    assert ran.code == record.UNRECORDED
    assert "data/withdrawals.yml [2023-24]" in ran.err
    assert ("its folder was removed" if how == "folder removed" else "draft") in ran.err
    add_entry(data / "withdrawals.yml", suggested_entry(ran.err))
    commit(repo, "with its record")
    ran = check(capsys, repo)
    assert ran.code == record.CHECKED, ran.err
    dataset = load_dataset(data)
    about = PAGE_BLOCKS["withdrawals"](dataset)
    assert "2023 to 2024, taken off on" in about and "One complaint was missed." in about
    assert "Year taken off this site" in PAGE_BLOCKS["revisions"](dataset)


def test_a_withdrawn_year_published_again_is_compared_with_its_last_publication(
    capsys, repo, tmp_path
) -> None:
    """Withdrawing a year, then publishing it again changed, never clears its record."""
    data = repo / "data"
    kept = shutil.copytree(data / YEAR, tmp_path / "kept")
    shutil.rmtree(data / YEAR)
    add_entry(
        data / "withdrawals.yml",
        f"- year: {YEAR}\n  date: 2026-01-06\n  change: Taken off.\n  reason: Checked again.",
    )
    commit(repo, "withdrawn, with its record")
    git(repo, "switch", "-q", "main")
    git(repo, "merge", "-q", "--ff-only", "change")
    git(repo, "switch", "-q", "change")
    shutil.copytree(kept, data / YEAR)
    ran = check(capsys, repo)
    assert ran.code == record.CHECKED, ran.err  # back as it was: nothing to explain
    change_a_figure(data)
    ran = check(capsys, repo)
    assert ran.code == record.UNRECORDED
    assert "outcomes.csv: outcomes, stage 2, outcome upheld, count: 1 → 2" in ran.err
    add_entry(data / YEAR / "report.yml", suggested_entry(ran.err))
    assert check(capsys, repo).code == record.CHECKED


def test_records_at_the_base_are_never_deleted(capsys, repo) -> None:
    data = repo / "data"
    change_a_figure(data)
    revision = (
        "revisions:\n  - kind: correction\n    date: 2026-01-05\n    change: A.\n    reason: B."
    )
    add_entry(data / YEAR / "report.yml", revision)
    add_entry(
        data / "withdrawals.yml",
        "- year: 2019-20\n  date: 2026-01-06\n  change: Taken off.\n  reason: Checked again.",
    )
    commit(repo, "a correction and an old withdrawal")
    git(repo, "switch", "-q", "main")
    git(repo, "merge", "-q", "--ff-only", "change")
    git(repo, "switch", "-q", "change")
    replace_once(data / YEAR / "report.yml", revision, "")
    (data / "withdrawals.yml").write_text("", encoding="utf-8")
    ran = check(capsys, repo)
    assert ran.code == record.UNRECORDED
    assert "a revision is never deleted" in ran.err
    assert "a withdrawal record is never deleted" in ran.err


def test_outside_git_it_says_plainly_that_nothing_was_checked(capsys, tmp_path) -> None:
    data = shutil.copytree(FIXTURE, tmp_path / "data")
    ran = portal(capsys, "check-published", "--data", data)
    assert ran.code == record.NOT_CHECKED
    assert "is not in a git clone" in ran.err and "Nothing was checked." in ran.err
    assert "Traceback" not in ran.err


def test_data_with_problems_is_sent_to_validate_first(capsys, repo) -> None:
    replace_once(repo / "data" / YEAR / "outcomes.csv", "2,,,Upheld,1,", "2,,,Upheld,one,")
    ran = check(capsys, repo)
    assert ran.code == record.UNRECORDED
    assert "fix the problems `portal validate --data" in ran.err


def test_an_unknown_base_is_named(capsys, repo) -> None:
    ran = check(capsys, repo, "--base", "no-such-branch")
    assert ran.code == record.NOT_CHECKED
    assert "this clone has no commit 'no-such-branch'" in ran.err


def test_publish_reads_the_commit_the_live_site_was_built_from(capsys, repo, tmp_path) -> None:
    published = tmp_path / "published.json"
    published.write_text(json.dumps({"commit": git(repo, "rev-parse", "main")}), "utf-8")
    change_a_figure(repo / "data")
    ran = check(capsys, repo, "--base-from", published)
    assert ran.code == record.UNRECORDED
    published.write_text('{"commit": "$(rm -rf /)"}', encoding="utf-8")
    ran = check(capsys, repo, "--base-from", published)
    assert ran.code == record.NOT_CHECKED and "does not hold a commit id" in ran.err


def test_a_link_in_the_base_commit_is_never_followed(capsys, repo, tmp_path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("not data", encoding="utf-8")
    os.symlink(secret, repo / "data" / "notes.txt")
    commit(repo, "a link")
    where = record.git.checkout(repo / "data")
    out = tmp_path / "out"
    skipped = record.git.export(where, git(repo, "rev-parse", "HEAD"), "data", out)
    assert skipped == ["data/notes.txt"]
    assert not (out / "data" / "notes.txt").exists()


@pytest.mark.parametrize("own_code_reads_it", [True, False], ids=["own code", "too old"])
def test_base_data_the_new_code_cannot_read_is_read_by_its_own_code(
    capsys, repo, own_code_reads_it
) -> None:
    """A format change in the same pull request: the base is read by the base's own portal;
    if that cannot either (from before this check existed), it says so and checks nothing."""
    data = repo / "data"
    (data / YEAR / "extra.txt").write_text("an old format's file\n", encoding="utf-8")
    left_out = ["__pycache__"] + ([] if own_code_reads_it else ["record"])
    shutil.copytree(ROOT / "portal", repo / "portal", ignore=shutil.ignore_patterns(*left_out))
    load_py = repo / "portal" / "load.py"
    replace_once(load_py, 'YEAR_FILES = {"report.yml",', 'YEAR_FILES = {"extra.txt", "report.yml",')
    commit(repo, "an old format, and the code that reads it")
    git(repo, "switch", "-q", "main")
    git(repo, "merge", "-q", "--ff-only", "change")
    git(repo, "switch", "-q", "change")
    (data / YEAR / "extra.txt").unlink()  # the migration
    change_a_figure(data)
    ran = check(capsys, repo)
    if own_code_reads_it:
        assert ran.code == record.UNRECORDED, ran.err
        assert "outcomes.csv: outcomes, stage 2, outcome upheld, count: 1 → 2" in ran.err
    else:
        assert ran.code == record.NOT_CHECKED
        assert re.search(r"cannot read the data of [0-9a-f]{12}", ran.err), ran.err
        assert "extra.txt" in ran.err and "Nothing was checked." in ran.err


def test_a_wrong_withdrawal_record_is_reported_on_its_line(tmp_path) -> None:
    data = shutil.copytree(FIXTURE, tmp_path / "data")
    (data / "withdrawals.yml").write_text(
        "- year: 2019-20\n  date: 2026-01-06\n  change: Taken off.\n  reasn: typo\n",
        encoding="utf-8",
    )
    found = {(p.file, p.line, p.field) for p in validate(data).errors}
    assert found == {
        ("data/withdrawals.yml", 1, "0.reason"),
        ("data/withdrawals.yml", 4, "0.reasn"),
    }


@pytest.mark.parametrize("name", list(text_fields(Withdrawal)))
def test_every_text_of_a_withdrawal_is_screened_for_personal_data(tmp_path, name) -> None:
    """The fields are the model's own: a text field added later is screened too."""
    entry = {"year": "2019-20", "date": "2026-01-06", "change": "Taken off.", "reason": "Why."}
    entry[name[0]] = "Jamie Smith, aged 12, complained."
    data = shutil.copytree(FIXTURE, tmp_path / "data")
    (data / "withdrawals.yml").write_text(yaml.safe_dump([entry]), encoding="utf-8")
    flagged = [p for p in validate(data).errors if p.file == "data/withdrawals.yml"]
    assert [p.field for p in flagged] == [f"0.{name[0]}"], flagged
    mark = re.search(r"`reviewed: (sha256:[0-9a-f]{12})`", flagged[0].message)[1]
    entry["reviewed"] = mark
    (data / "withdrawals.yml").write_text(yaml.safe_dump([entry]), encoding="utf-8")
    assert validate(data).ok
