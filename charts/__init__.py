"""Chart builders: plain data in, an Altair chart out (no MkDocs, no file I/O).

Every builder takes `title` (the main message, at most 15 words), `subtitle` (measure and
period) and `description` (the text alternative). Colours are theme tokens (charts/theme.py)
that portal/render/svg.py turns into classes styled by charts/chart.css. `to_spec(chart)` is
the build's fast way to a chart's Vega-Lite dict (charts/spec.py).
"""

from charts.bands import bands_bar
from charts.bars import counts_bar, shares_bar
from charts.lines import trend_line
from charts.spec import to_spec
from charts.stacked import stacked_bar

__all__ = ["bands_bar", "counts_bar", "shares_bar", "stacked_bar", "to_spec", "trend_line"]
