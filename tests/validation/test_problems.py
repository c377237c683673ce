"""How a problem is shown: one line, in the terminal and as a GitHub annotation."""

from __future__ import annotations

from portal.problems import Problem, Report, Severity


def test_format_names_file_line_field_value_and_message() -> None:
    problem = Problem("data/2023-24/outcomes.csv", 4, "count", "-3", "a count cannot be negative")
    assert (
        problem.format() == "data/2023-24/outcomes.csv:4 [count] '-3': a count cannot be negative"
    )
    assert Problem("data/council.yml", None, "file", None, "missing").format() == (
        "data/council.yml [file]: missing"
    )
    assert Problem("f", 1, "count", 13, "m").format() == "f:1 [count] 13: m"


def test_format_is_one_line_whatever_the_data_held() -> None:
    problem = Problem("f", 2, "a\nkey", "two\nlines", "as printed; first\nsecond\r\nthird")
    assert problem.format() == r"f:2 [a key] 'two\nlines': as printed; first second third"


def test_long_values_are_shortened() -> None:
    shown = Problem("f", 1, "x", "y" * 100, "m").format()
    assert shown == "f:1 [x] '" + "y" * 56 + "...: m"


def test_github_annotation_escapes_percent_and_line_breaks() -> None:
    problem = Problem("data/x.csv", 3, "percent", "30", "5 of 20 is 25%", Severity.NOTE)
    assert problem.github_annotation() == (
        "::notice file=data/x.csv,line=3::data/x.csv:3 [percent] '30': 5 of 20 is 25%25"
    )
    assert Problem("data/x.csv", None, "file", None, "m").github_annotation() == (
        "::error file=data/x.csv::data/x.csv [file]: m"
    )


def test_report_sorts_errors_and_keeps_notes_apart() -> None:
    report = Report()
    report.add("b.csv", 2, "count", 1, "later")
    report.add("a.csv", 9, "count", 1, "acknowledged", Severity.NOTE)
    report.add("b.csv", 1, "count", 1, "earlier")
    report.add("a.csv", None, "file", None, "whole file")
    assert [p.message for p in report.errors] == ["whole file", "earlier", "later"]
    assert [p.message for p in report.notes] == ["acknowledged"]
    assert report.error_count == 3 and not report.ok


def test_a_report_with_only_notes_is_ok() -> None:
    report = Report()
    report.add("a.csv", 9, "count", 1, "acknowledged", Severity.NOTE)
    assert report.ok and report.errors == []


def test_control_characters_from_the_data_never_reach_the_terminal() -> None:
    problem = Problem("data/x\x1b[2J.csv", 1, "key\x07", "\x1b]0;title\x07", "m\x1b[31m")
    shown = problem.format()
    assert all(c.isprintable() for c in shown), shown
    assert "\\x1b" in shown


def test_github_annotation_escapes_the_file_property() -> None:
    annotation = Problem("data/a,b::c.csv", 1, "x", None, "m").github_annotation()
    assert annotation.startswith("::error file=data/a%2Cb%3A%3Ac.csv,line=1::")
