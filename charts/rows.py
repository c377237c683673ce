"""The row layout every horizontal bar chart shares: each category's name above its bar.

Names above the bars (not in a column to their left) leave the full width to the bars, so a
chart stays legible when the SVG is scaled down to a 320 px screen, and a name drawn wider by
the reader's font than vl-convert measured it runs on to the right instead of off the left
edge.
"""

from __future__ import annotations

from dataclasses import dataclass

import altair as alt

from charts import base, theme

LINE = theme.FONT_SIZE + 4  # px per line of a category name
BAR = 20  # bar thickness, px
TOP, GAP, BOTTOM = 2, 4, 12  # px above the name, between name and bar, below the bar
WRAP = 50  # characters per line of a category name (about 340 px)


@dataclass(frozen=True)
class Rows:
    """Band geometry for a list of category names (one band per category)."""

    labels: list[str]  # the names, with "\n" where they wrap

    @property
    def lines(self) -> int:
        return max(label.count("\n") + 1 for label in self.labels)

    @property
    def step(self) -> int:
        return TOP + self.lines * LINE + GAP + BAR + BOTTOM

    @property
    def bar_offset(self) -> float:
        """How far the bar's centre sits below the band's centre."""
        return TOP + self.lines * LINE + GAP + BAR / 2 - self.step / 2

    def y(self) -> alt.Y:
        return alt.Y(
            field="row",
            type="nominal",
            sort=None,
            scale=alt.Scale(domain=self.labels, paddingInner=0, paddingOuter=0),
            axis=None,
        )

    def names(self, chart: alt.Chart) -> alt.Chart:
        """The category names, left-aligned at the top of each band."""
        return chart.mark_text(
            align="left", baseline="top", dy=TOP, lineBreak="\n", color=theme.TEXT.ref
        ).encode(
            y=alt.Y(field="row", type="nominal", sort=None, bandPosition=0, axis=None),
            x=alt.XValue(0),
            text=alt.Text(field="row", type="nominal"),
        )

    def bar(self, chart: alt.Chart, **mark: object) -> alt.Chart:
        return chart.mark_bar(height=BAR, yOffset=self.bar_offset, **mark)

    def value_labels(self, chart: alt.Chart, x: alt.X) -> alt.Chart:
        """Each bar's label just past its end (at 0 for a value not published)."""
        return chart.mark_text(
            align="left", baseline="middle", dx=6, yOffset=self.bar_offset
        ).encode(y=self.y(), x=x, text=alt.Text(field="label", type="nominal"))

    def chart(
        self,
        chart: alt.Chart,
        bars: alt.Chart,
        values: list[dict],
        x_scale: alt.Scale,
        *,
        width: int,
        **text: str,
    ) -> alt.LayerChart:
        """Names, bars and value labels as one chart; `text` is its title, subtitle and
        description. Rows read `label` and `label_at` (where the label sits)."""
        labels = self.value_labels(
            chart, alt.X(field="label_at", type="quantitative", axis=None, scale=x_scale)
        )
        return base.layered(
            [self.names(chart), bars, labels],
            data=alt.Data(values=values),
            width=width,
            height=alt.Step(self.step),
            **text,
        )


def rows_for(names: list[str]) -> Rows:
    labels = [base.wrap(str(name), WRAP) for name in names]
    if len(set(labels)) != len(labels):
        raise ValueError(f"category names must be unique: {names}")
    return Rows(labels)
