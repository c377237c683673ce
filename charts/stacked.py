"""A cross-tab as stacked horizontal bars: one bar per service, one segment per outcome."""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt

from charts import base, theme
from charts.rows import rows_for

WIDTH = 300  # as charts/bars.py: 12 px text or more on a 375 px phone
# A segment narrower than this share of the longest bar gets no label (it would not fit);
# the data table beside the chart has every number.
MIN_LABEL_SHARE = 0.07


def stacked_bar(
    data: base.Data,
    *,
    title: str,
    subtitle: str,
    description: str,
    services: Sequence[str] | None = None,
    outcomes: Sequence[str] | None = None,
    width: int = WIDTH,
    ordered: bool = False,
) -> alt.LayerChart:
    """Counts by service and outcome: segments separated by a gap, labelled with their counts.

    data: rows with `service` (str), `outcome` (str) and `count` (whole number; None when not
    published: the segment is left out and the bar's total says "not all published").
    services / outcomes: the order of bars (top to bottom) and of segments (left to right);
    default: first-seen order in the data. At most 6 outcomes (the palette's size).
    ordered: the outcomes have an order (time bands): shades of one colour, light to dark.
    """
    base.check_text(title, subtitle, description)
    records = base.rows(data, ("service", "outcome", "count"))
    services = list(services or base.unique(str(r["service"]) for r in records))
    outcomes = list(outcomes or base.unique(str(r["outcome"]) for r in records))
    if len(outcomes) > len(theme.SERIES):
        raise ValueError(f"{len(outcomes)} outcomes is too many to tell apart; at most 6")
    cells: dict[tuple[str, str], int | None] = {}
    for r in records:
        key = (str(r["service"]), str(r["outcome"]))
        if key[0] not in services or key[1] not in outcomes:
            raise ValueError(f"{key} is not in the services and outcomes given")
        if key in cells:
            raise ValueError(f"two counts for {key[0]} / {key[1]}")
        cells[key] = base.count(r["count"])

    if ordered:
        steps = theme.ordered_steps(len(outcomes))
        fills = [theme.ORDERED[i] for i in steps]
        on_fills = [theme.ON_ORDERED[i] for i in steps]
    else:
        fills, on_fills = list(theme.SERIES[: len(outcomes)]), list(theme.ON_SERIES)
    rows = rows_for(services)
    segments, totals = _segments(cells, services, rows.labels, outcomes, on_fills)
    longest = max([t["total"] for t in totals] + [1])
    labelled = [s for s in segments if s["count"] / longest >= MIN_LABEL_SHARE]

    y = rows.y()
    x_scale = alt.Scale(domain=[0, longest], nice=False, zero=True)
    seg = alt.Chart(alt.Data(values=segments))
    bars = rows.bar(seg, stroke=theme.SEPARATOR.ref, strokeWidth=2).encode(
        y=y,
        x=alt.X(field="start", type="quantitative", axis=None, scale=x_scale),
        x2=alt.X2(field="end"),
        color=alt.Color(
            field="outcome",
            type="nominal",
            scale=alt.Scale(domain=outcomes, range=[t.ref for t in fills]),
            legend=alt.Legend(
                title=None, orient="top", direction="horizontal", columns=2, symbolType="square"
            ),
        ),
    )
    # Label colours come from the data (white or near-black, whichever reads on the segment),
    # so they need no scale of their own.
    counts = (
        alt.Chart(alt.Data(values=labelled))
        .mark_text(baseline="middle", yOffset=rows.bar_offset)
        .encode(
            y=y,
            x=alt.X(field="middle", type="quantitative", axis=None, scale=x_scale),
            text=alt.Text(field="label", type="nominal"),
            color=alt.Color(field="label_colour", type="nominal", scale=None, legend=None),
        )
    )
    ends = rows.value_labels(
        alt.Chart(alt.Data(values=totals)),
        alt.X(field="total", type="quantitative", axis=None, scale=x_scale),
    )
    names = rows.names(alt.Chart(alt.Data(values=totals)))
    return base.layered(
        [names, bars, counts, ends],
        width=width,
        height=alt.Step(rows.step),
        resolve=alt.Resolve(scale=alt.ScaleResolveMap(color="independent")),
        title=title,
        subtitle=subtitle,
        description=description,
    )


def _segments(
    cells: dict[tuple[str, str], int | None],
    services: list[str],
    rows: list[str],
    outcomes: list[str],
    on_fills: Sequence[theme.Token],
) -> tuple[list[dict], list[dict]]:
    """Each segment's start, end and label position; each bar's total (computed here, not by
    Vega's stack, so a label can be dropped from a segment too narrow to hold it)."""
    segments, totals = [], []
    for service, row in zip(services, rows, strict=True):
        start, complete = 0, True
        for index, outcome in enumerate(outcomes):
            n = cells.get((service, outcome))
            if n is None:
                complete = False
                continue
            if n == 0:
                continue
            segments.append(
                {
                    "service": service,
                    "outcome": outcome,
                    "count": n,
                    "row": row,
                    "start": start,
                    "end": start + n,
                    "middle": start + n / 2,
                    "label": f"{n:,}",
                    "label_colour": on_fills[index].ref,
                }
            )
            start += n
        totals.append(
            {
                "service": service,
                "row": row,
                "total": start,
                "label": f"{start:,}" if complete else f"{start:,} (not all published)",
            }
        )
    return segments, totals
