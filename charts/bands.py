"""Response times in working-day bands, with the bands inside the statutory timescale marked."""

from __future__ import annotations

import altair as alt

from charts import base, theme
from charts.bars import WIDTH
from charts.rows import rows_for

WITHIN = "Within the statutory timescale"
OUTSIDE = "Outside the statutory timescale"
NO_TIMESCALE = "No timescale applies"
# Told apart by fill pattern (solid, dashed outline, plain outline) and the legend's words,
# not by colour alone.
STYLES = {
    WITHIN: (theme.SERIES[0].ref, theme.SERIES[0].ref, [1, 0]),
    OUTSIDE: ("transparent", theme.SERIES[3].ref, [5, 3]),
    NO_TIMESCALE: ("transparent", theme.SERIES[4].ref, [1, 0]),
}


def bands_bar(
    data: base.Data,
    *,
    title: str,
    subtitle: str,
    description: str,
    width: int = WIDTH,
) -> alt.LayerChart:
    """How many responses fell in each time band, in the bands' own order.

    data: rows with `band` (label, e.g. "1 to 10 working days"), `count` (whole number; None when
    not published) and `within_timescale` (True, False, or None for bands such as "withdrawn"
    or "still open" that no timescale applies to). Pass bands that do not overlap, in order.
    Bands within the timescale are solid bars, bands outside it dashed outlines, and a legend
    says which is which.
    """
    base.check_text(title, subtitle, description)
    records = base.rows(data, ("band", "count"), ("within_timescale",))
    values = []
    for r in records:
        within = r["within_timescale"]
        if within not in (True, False, None):
            raise ValueError(f"within_timescale must be true, false or empty, not {within!r}")
        n = base.count(r["count"])
        values.append(
            {
                "band": r["band"],
                "value": n,
                "label": base.format_count(n),
                "label_at": n if n is not None else 0,
                "timescale": {True: WITHIN, False: OUTSIDE, None: NO_TIMESCALE}[within],
            }
        )
    statuses = [s for s in STYLES if any(v["timescale"] == s for v in values)]
    top = max([v["value"] for v in values if v["value"] is not None] + [1])

    rows = rows_for([v["band"] for v in values])
    for v, row in zip(values, rows.labels, strict=True):
        v["row"] = row
    x_scale = alt.Scale(domain=[0, top], nice=False, zero=True)
    legend = alt.Legend(
        title=None, orient="top", direction="vertical", symbolType="square", symbolSize=200
    )

    def channel(kind: type, index: int) -> alt.FieldChannelMixin:
        styles = [STYLES[s][index] for s in statuses]
        return kind(
            field="timescale",
            type="nominal",
            scale=alt.Scale(domain=statuses, range=styles),
            legend=legend,
        )

    chart = alt.Chart()  # the layers share the top level's data
    bars = rows.bar(chart, strokeWidth=2).encode(
        y=rows.y(),
        x=alt.X(field="value", type="quantitative", axis=None, scale=x_scale),
        fill=channel(alt.Fill, 0),
        stroke=channel(alt.Stroke, 1),
        strokeDash=channel(alt.StrokeDash, 2),
    )
    return rows.chart(
        chart,
        bars,
        values,
        x_scale,
        width=width,
        title=title,
        subtitle=subtitle,
        description=description,
    )
