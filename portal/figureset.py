"""The figures of a year, as the record of published figures covers them (portal/record/).

A figure is a value with its year, stage, dimensions and unit. Layout and wording are not
figures: the order of rows and columns, notes, sources, discrepancies, actions and review
marks, and the name used for a category (id, label or alias; the figures hold ids). So a
text-only change to a published year needs no revision, and any changed, added or removed
value does.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal

from portal.dataset import Year
from portal.tables import TABLES_BY_NAME

Figure = tuple[str, str]  # (what the value is, as sorted JSON; the value with its unit)


def _number(value: Decimal | float | int | None) -> str | None:
    if value is None:
        return None
    return format(Decimal(str(value)).normalize(), "f")


def year_figures(year: Year) -> list[Figure]:
    """Every figure of the year, sorted, so the order they were typed in does not count."""
    return sorted(_figures(year))


def _key(**parts: object) -> str:
    return json.dumps(parts, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _figures(year: Year) -> Iterator[Figure]:
    report = year.report
    for stage in report.stages:
        where = _key(measure="received", stage=stage.stage, procedure=stage.procedure)
        yield where, f"{_number(stage.count)} count"
    for figure in report.figures:
        yield _key(measure=figure.measure, id=figure.id), f"{_number(figure.value)} {figure.unit}"
    for item in report.printed_percentages:
        where = _key(measure="printed_percentage", of=[item.numerator, item.denominator])
        yield where, f"{_number(Decimal(item.printed))} percent"
    coverage = report.demographics_coverage
    if coverage is not None:
        for name in ("covered", "not_covered"):
            yield _key(measure="demographics_" + name), f"{_number(getattr(coverage, name))} count"
    for name, rows in year.tables.items():
        spec = TABLES_BY_NAME[name]
        for row in rows:
            keys = dict(sorted((k, v) for k, v in row.keys if v is not None))
            for unit, value in (
                ("count", row.count),
                ("percent", row.percent),
                ("base", row.base),
                (spec.amount_unit or "amount", row.amount),
            ):
                if value is not None:
                    yield _key(measure=spec.measure, **keys), f"{_number(value)} {unit}"
