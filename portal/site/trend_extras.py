"""What Trends adds for councillors: the council's aims drawn for the years they cover, with
checked sentences, and complaints per 1,000 where a base is given for more than one year."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from portal.dataset import Dataset
from portal.render.html import block, tag, text
from portal.site.councillor_sections import cite
from portal.site.figures import chart_figure, fitting, series_scope, trend_figure
from portal.views.claims import sentence, to_json
from portal.views.display import Cell, TableData
from portal.views.messages import trend_claim, trend_message
from portal.views.stat import MISSING, Stat
from portal.views.targets import line_points, results, target_label
from portal.views.trends import Series


def _target_sentences(dataset: Dataset, found: Series) -> str:
    items = []
    for year in dataset.years:
        for result in results(dataset, year):
            if result.target.measure != found.id:
                continue
            if result.claim is None:
                words = text(
                    f"{year.label}: the aim was {target_label(result.target.value)[5:]}, "
                    "but the figure was not published."
                )
                items.append(tag("li", words))
            else:
                items.append(
                    tag(
                        "li",
                        text(f"{year.label}: {sentence(result.claim)}."),
                        data_claim=to_json(result.claim),
                    )
                )
    aims = {t.text: t for t in dataset.council.targets if t.measure == found.id}
    said = [
        tag(
            "p",
            text(f"The council’s aim: {t.text}, for {', '.join(t.years)}. ")
            + cite(dataset, t.source),
        )
        for t in aims.values()
    ]
    return (
        block(*said, tag("ul", block(*items), class_="portal-targets")) if items else block(*said)
    )


def _title(found: Series) -> tuple[str, dict]:
    """The chart title and its claim, as every trend's (portal/site/figures.py)."""
    claim = fitting(trend_claim(found, series_scope(found)))
    message = sentence(claim) if claim is not None else trend_message(found)
    extra: dict = {"claim": claim}
    if found.breaks:
        extra["breaks"] = list(found.breaks)
    return message, extra


def trend_with_target(dataset: Dataset, found: Series) -> str:
    """The trend's figure; with the aim as a second line on its years only, when there is one."""
    aim = line_points(dataset, found.id)
    if found.unit != "percent" or all(v is None for _, v in aim):
        return trend_figure(found)
    # Short names: each line is labelled at its end, and a long label widens the chart so
    # much that its text shrinks below 12 px on a phone. The table names both in full.
    aim_name = "Aim"
    rows = [
        {"year": year, "value": None if stat.missing else float(stat.value), "series": "Result"}
        for year, stat in found.points
    ]
    known = dict(aim)
    rows += [{"year": y, "value": v, "series": aim_name} for y, v in aim if v is not None]
    table_rows = tuple(
        (
            year,
            (
                Cell(stat.value, "percent", as_published=stat.kind == "as_published"),
                Cell(known.get(year), "percent")
                if known.get(year) is not None
                else Cell("No aim stated"),
            ),
        )
        for year, stat in found.points
    )
    data = TableData(
        f"trend-{found.id}",
        f"{found.label}, by year, with the council’s aim",
        ("Year", found.label, "The council’s aim"),
        table_rows,
        csv="../downloads/complaints.csv",
    )
    first, last = found.points[0][0], found.points[-1][0]
    message, extra = _title(found)
    description = (
        "Line chart. "
        + "; ".join(f"{year}: {stat.text()}" for year, stat in found.points)
        + ". The aim: "
        + "; ".join(f"{y}: {target_label(v)[5:]}" for y, v in aim if v is not None)
        + "."
    )
    figure = chart_figure(
        data,
        "charts.lines.trend_line",
        rows,
        message,
        description,
        subtitle=f"{found.label}, {first} to {last}, with the council’s aim for its years",
        years=[y for y, _ in found.points],
        unit="percent",
        **extra,
    )
    return block(figure, _target_sentences(dataset, found))


def rate_series(dataset: Dataset) -> tuple[Series, ...]:
    """Stage 1 complaints per 1,000 of each figure marked rate_base, kept under one id, when
    more than one year gives both the base and the Stage 1 count."""
    labels: dict[str, str] = {}
    for year in dataset.years:
        for figure in year.report.figures:
            if figure.rate_base and figure.unit == "count":
                labels[figure.id] = figure.label
    found = []
    for figure_id, label in labels.items():
        points = []
        for year in dataset.years:
            figure = next(
                (f for f in year.report.figures if f.id == figure_id and f.rate_base), None
            )
            stage1 = year.stage_count("1")
            if figure is None or not figure.value or stage1 is None:
                points.append((year.label, MISSING))
                continue
            per = (Decimal(stage1) * 1000 / Decimal(str(figure.value))).quantize(
                Decimal("0.1"), rounding=ROUND_HALF_UP
            )
            points.append((year.label, Stat(per, "computed", figure.source)))
        base = label[:1].lower() + label[1:]
        candidate = Series(
            f"rate-{figure_id}",
            f"Stage 1 complaints per 1,000 {base}",
            "rate",
            tuple(points),
            (f"Each rate is the number of Stage 1 complaints for every 1,000 {base} in the year.",),
        )
        if candidate.known > 1:
            found.append(candidate)
    return tuple(found)


def rate_figure(found: Series) -> str:
    """A rate's figure: the trend chart and its table, each value a number per 1,000."""
    data = TableData(
        f"trend-{found.id}",
        f"{found.label}, by year",
        ("Year", found.label),
        tuple((year, (Cell(stat.value, "number"),)) for year, stat in found.points),
    )

    def shown(stat: Stat) -> str:
        return "not published" if stat.missing else f"{stat.value}"

    first, last = found.points[0][0], found.points[-1][0]
    message, extra = _title(found)
    return chart_figure(
        data,
        "charts.lines.trend_line",
        [
            {"year": year, "value": None if stat.missing else float(stat.value)}
            for year, stat in found.points
        ],
        message,
        "Line chart. " + "; ".join(f"{y}: {shown(s)}" for y, s in found.points) + ".",
        subtitle=f"{found.label}, {first} to {last}",
        years=[y for y, _ in found.points],
        unit="count",
        **extra,
    )


def rates(dataset: Dataset) -> list[str]:
    """Trends page parts for each rate: heading, what it is per, figure."""
    parts = []
    for found in rate_series(dataset):
        parts.append(f"## {found.label}\n")
        parts.append(tag("p", text(found.notes[0])))
        parts.append(rate_figure(found))
    return parts
