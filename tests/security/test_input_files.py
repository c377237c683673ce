"""Files: nothing under the data folder is read through a link or from a special file.

Every file of the minimal data (the list comes from the fixture itself) is replaced in turn
by a link to a secret outside the data folder, a link to a file inside it, a dangling link
and a FIFO. Each is refused with the file named, and the secret never reaches the output.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from portal import safefile
from portal.cli import EXIT_INVALID, EXIT_VALID, main
from tests.validation.helpers import MINIMAL, DataFolder, copy_minimal, find

DATA_FILES = sorted(str(p.relative_to(MINIMAL)) for p in MINIMAL.rglob("*") if p.is_file())
YEAR_FOLDERS = sorted(p.name for p in MINIMAL.iterdir() if p.is_dir())
SECRET = "SECRET-FROM-OUTSIDE-THE-DATA-FOLDER"


@pytest.fixture
def data(tmp_path: Path) -> DataFolder:
    return DataFolder(copy_minimal(tmp_path))


def validate_cli(data: DataFolder, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["validate", "--data", str(data.root)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out + err


def secret_file(tmp_path: Path, name: str) -> Path:
    """A readable file outside the data folder, whose every line is the secret."""
    outside = tmp_path / "outside"
    outside.mkdir(exist_ok=True)
    path = outside / name
    # Shaped like the file it replaces, so a reader that follows the link would use it.
    line = f"{SECRET},{SECRET}" if name.endswith(".csv") else f"{SECRET}: {SECRET}"
    path.write_text(f"{line}\n{line}\n", encoding="utf-8")
    return path


def test_every_file_is_covered() -> None:
    assert {"council.yml", "2023-24/report.yml", "2023-24/outcomes.csv"} <= set(DATA_FILES)
    assert "2023-24/commentary.md" in DATA_FILES


@pytest.mark.parametrize("name", DATA_FILES)
def test_a_link_to_a_file_outside_is_refused_and_never_printed(
    data: DataFolder, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    target = secret_file(tmp_path, Path(name).name)
    data.path(name).unlink()
    data.path(name).symlink_to(target)
    code, output = validate_cli(data, capsys)
    assert code == EXIT_INVALID
    assert SECRET not in output
    assert str(target) not in output  # not even where the link points
    find(data.validate(), name, None, "file", "is a link", "replace the link")


@pytest.mark.parametrize("name", DATA_FILES)
def test_a_link_inside_the_data_folder_is_refused_too(data: DataFolder, name: str) -> None:
    copy = data.root / "copy.tmp"
    data.path(name).rename(copy)
    data.path(name).symlink_to(copy)
    find(data.validate(), name, None, "file", "is a link")


@pytest.mark.parametrize("name", DATA_FILES)
def test_a_link_to_nothing_is_refused_not_taken_as_missing(data: DataFolder, name: str) -> None:
    data.path(name).unlink()
    data.path(name).symlink_to(data.root / "nowhere")
    find(data.validate(), name, None, "file", "is a link")


@pytest.mark.parametrize("name", DATA_FILES)
def test_a_fifo_is_refused_without_blocking(data: DataFolder, name: str) -> None:
    data.path(name).unlink()
    os.mkfifo(data.path(name))
    find(data.validate(), name, None, "file", "is not a regular file")


@pytest.mark.parametrize("name", ["2023-24/commentary.md", "2023-24/outcomes.csv"])
def test_the_issue_cases_linked_to_etc_passwd_are_refused(
    data: DataFolder, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    data.path(name).unlink()
    data.path(name).symlink_to("/etc/passwd")
    code, output = validate_cli(data, capsys)
    assert code == EXIT_INVALID
    assert "root:" not in output
    find(data.validate(), name, None, "file", "is a link")


@pytest.mark.parametrize("year", YEAR_FOLDERS)
def test_a_linked_year_folder_is_refused(
    data: DataFolder, tmp_path: Path, capsys: pytest.CaptureFixture[str], year: str
) -> None:
    outside = tmp_path / "elsewhere"
    data.path(year).rename(outside)
    data.path(year).symlink_to(outside)
    code, _ = validate_cli(data, capsys)
    assert code == EXIT_INVALID
    find(data.validate(), year, None, "file", "is a link")


def test_a_file_read_through_a_folder_swapped_for_a_link_is_refused(
    data: DataFolder, tmp_path: Path
) -> None:
    """The readers open every part without following links, whatever was checked before."""
    outside = tmp_path / "elsewhere"
    data.path("2023-24").rename(outside)
    data.path("2023-24").symlink_to(outside)
    with pytest.raises(safefile.UnsafeFile, match="is a link") as caught:
        safefile.read_text(data.path("2023-24/report.yml"), data.root)
    assert caught.value.path == data.path("2023-24")


def test_the_data_folder_itself_may_be_a_link(
    data: DataFolder, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    linked = DataFolder(tmp_path / "linked-data")
    linked.root.symlink_to(data.root)
    code, output = validate_cli(linked, capsys)
    assert code == EXIT_VALID, output


def test_the_data_folder_may_be_inside_a_linked_folder(
    data: DataFolder, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "tmp-link").symlink_to(tmp_path)  # like /tmp on macOS
    code, output = validate_cli(DataFolder(tmp_path / "tmp-link" / "data"), capsys)
    assert code == EXIT_VALID, output
