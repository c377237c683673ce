"""What every builder shares: input checks, plain rows from the data, titles and the theme.

Channels name their field and type (`alt.X(field="value", type="quantitative")`, not
"value:Q"), and layers go together with `layered`: charts/spec.py writes such charts out
directly and leaves anything else to Altair's much slower to_dict.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeAlias

import altair as alt

from charts import theme

if TYPE_CHECKING:
    import pandas as pd

# pandas is accepted but never imported here (it costs ~0.35 s): a DataFrame, pd.NA or pd.NaT
# can only reach a builder once the caller has imported pandas, so sys.modules tells.
Data: TypeAlias = "pd.DataFrame | Iterable[Mapping[str, Any]]"


def check_text(title: str, subtitle: str, description: str) -> None:
    """The title states the message in at most 15 words; subtitle and description are required."""
    words = title.split()
    if not words:
        raise ValueError("a chart needs a title that states its main message")
    if len(words) > theme.TITLE_MAX_WORDS:
        raise ValueError(
            f"chart title has {len(words)} words; keep it to {theme.TITLE_MAX_WORDS} or fewer: "
            f"{title!r}"
        )
    if not subtitle.strip():
        raise ValueError("a chart needs a subtitle saying what is measured and when")
    if not description.strip():
        raise ValueError("a chart needs a description (its text alternative)")


def rows(data: Data, required: Sequence[str], optional: Sequence[str] = ()) -> list[dict]:
    """Plain dicts with only the named columns; NaN/NA become None (missing, never 0)."""
    pd = sys.modules.get("pandas")
    is_frame = pd is not None and isinstance(data, pd.DataFrame)
    records = data.to_dict("records") if is_frame else list(data)
    out = []
    for number, record in enumerate(records, start=1):
        missing = [c for c in required if c not in record]
        if missing:
            raise ValueError(f"row {number} has no {', '.join(missing)} column: {record!r}")
        out.append({c: _plain(record.get(c)) for c in (*required, *optional)})
    if not out:
        raise ValueError("a chart needs at least one row of data")
    return out


def _plain(value: Any) -> Any:
    if value is None:
        return None
    pd = sys.modules.get("pandas")
    if pd is not None and (value is pd.NA or value is pd.NaT):
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, Decimal):
        return value
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def number(value: Any, column: str) -> float | int | None:
    """A numeric cell as int/float (Decimal and numeric strings as printed are accepted)."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(f"{column} must be a number, not {value!r}")
    if isinstance(value, int | float):
        return value
    if isinstance(value, Decimal | str):
        as_decimal = Decimal(str(value))
        return (
            int(as_decimal) if as_decimal == as_decimal.to_integral_value() else float(as_decimal)
        )
    raise ValueError(f"{column} must be a number, not {value!r}")


def count(value: Any, column: str = "count") -> int | None:
    n = number(value, column)
    if n is None:
        return None
    if n < 0 or n != int(n):
        raise ValueError(f"{column} must be a whole number, 0 or more, not {value!r}")
    return int(n)


def format_count(value: int | None) -> str:
    return "not published" if value is None else f"{value:,}"


def format_percent(value: Any) -> str:
    """A percentage label that keeps the precision it was printed with ("25.5%", not "25.50%")."""
    if value is None:
        return "not published"
    if isinstance(value, Decimal | str):
        return f"{Decimal(str(value))}%"
    return f"{value:g}%"


def unique(values: Iterable[str]) -> list[str]:
    """First-seen order, without repeats."""
    return list(dict.fromkeys(values))


def wrap(label: str, width: int = 28) -> str:
    """Break a long category name over lines at spaces (Vega cannot wrap axis labels itself)."""
    words, lines, line = label.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "\n".join(lines)


def layered(
    layers: Sequence[alt.Chart],
    *,
    title: str,
    subtitle: str,
    description: str,
    data: alt.Data | None = None,
    **props: Any,
) -> alt.LayerChart:
    """The top-level chart: the layers, title, text alternative and theme, plus `props`
    (width, height, resolve).

    `data` is what every layer draws from, set once here (where alt.layer would move it);
    leave it out when each layer has data of its own. The layers are attached as they are:
    building a LayerChart from them (alt.layer, and again on every .properties(),
    .configure()) deep-copies each layer, data and all, to merge params, sizes and data
    that these layers never carry.
    """
    chart = alt.LayerChart(
        data=alt.Undefined if data is None else data,
        title=alt.Title(text=title, subtitle=subtitle),
        description=description,
        # Built directly: .configure() would copy the whole chart once more.
        config=alt.Config(**theme.config()),
        **props,
    )
    chart.layer = list(layers)
    return chart
