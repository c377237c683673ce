"""Year folders are named like 2023-24 in ASCII digits, the whole name, in load and new-year."""

from __future__ import annotations

from pathlib import Path

import pytest

from portal.cli import EXIT_USAGE, main
from tests.validation.helpers import DataFolder, copy_minimal, find

# Names a loose pattern (`^...$`, or \d matching any digit) would take as a year.
NOT_YEARS = [
    "2024-25\n",
    "2024-25 ",
    "\u0662\u0660\u0662\u0664-\u0662\u0665",  # Arabic-Indic digits
    "\uff12\uff10\uff12\uff14-\uff12\uff15",  # full-width digits
    "2024-2\uff15",
    "2024-25x",
    "x2024-25",
    "2024-26",
]


@pytest.fixture
def data(tmp_path: Path) -> DataFolder:
    return DataFolder(copy_minimal(tmp_path))


@pytest.mark.parametrize("name", NOT_YEARS)
def test_a_folder_not_named_exactly_like_a_year_is_refused(data: DataFolder, name: str) -> None:
    (data.root / "2023-24").rename(data.root / name)
    report = data.validate()
    problem = find(data.validate(), name, None, "folder", "named like 2023-24")
    assert problem.value == name
    assert "\n" not in problem.format()
    assert not [p for p in report.problems if p.file.startswith(f"data/{name}/")]


@pytest.mark.parametrize("name", NOT_YEARS)
def test_new_year_refuses_it_and_creates_nothing(
    data: DataFolder, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    before = sorted(p.name for p in data.root.iterdir())
    code = main(["new-year", name, "--data", str(data.root)])
    _, err = capsys.readouterr()
    assert code == EXIT_USAGE
    assert sorted(p.name for p in data.root.iterdir()) == before
    assert err.startswith("portal new-year: ") and err.count("\n") == 1, err
    assert "is not a financial year" in err and "Traceback" not in err
    assert name not in err or (name.isascii() and name.isprintable())


def test_new_year_does_not_replace_a_link(
    data: DataFolder, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (data.root / "2024-25").symlink_to(tmp_path / "nowhere")
    assert main(["new-year", "2024-25", "--data", str(data.root)]) == EXIT_USAGE
    assert "already exists" in capsys.readouterr().err
    assert not (tmp_path / "nowhere").exists()


def test_new_year_still_creates_a_real_year(
    data: DataFolder, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new-year", "2024-25", "--data", str(data.root)]) == 0
    assert (data.root / "2024-25" / "report.yml").is_file()
    assert data.validate().ok
