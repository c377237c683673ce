"""A builder's chart as a Vega-Lite dict, at a fraction of the cost of `chart.to_dict()`.

Altair's to_dict re-runs LayerChart's layer merging (deep copies of every layer, inline data
included) and puts every value through several type checks, several ms a chart. The builders'
charts use a small part of Altair: layers attached by base.layered, inline alt.Data, channels
with an explicit field and type (no "row:N" shorthand), plain values. to_spec writes those out
directly, with exactly the result to_dict gives, and hands anything else to Altair.

It does not validate: tests/charts/test_spec.py validates every builder's spec against the
Vega-Lite schema and checks that to_spec returns the same dict.
"""

from __future__ import annotations

from typing import Any

import altair as alt
from altair.utils.schemapi import SchemaBase, Undefined, debug_mode
from altair.vegalite.v6.schema.channels import (
    DatumChannelMixin,
    FieldChannelMixin,
    ValueChannelMixin,
)

_VALUES = frozenset({str, int, float, bool, type(None)})
# to_dict methods that do no more than SchemaBase's for an object with no shorthand or condition.
_PLAIN_TO_DICT = frozenset(
    {
        SchemaBase.to_dict,
        FieldChannelMixin.to_dict,
        ValueChannelMixin.to_dict,
        DatumChannelMixin.to_dict,
    }
)
_NOT_WRITTEN = frozenset({"shorthand", "_cached_hash"})  # SchemaBase.to_dict leaves these out
_LAYER_KEYS = frozenset({"data", "mark", "encoding"})


class _Unsupported(Exception):
    """Something only Altair's own to_dict handles."""


def to_spec(chart: alt.TopLevelMixin) -> dict[str, Any]:
    """The chart's Vega-Lite dict, as `chart.to_dict()` returns it, unvalidated.

    The build's path; tests validate every builder's spec against the Vega-Lite schema.
    Call the builder under `altair.utils.schemapi.debug_mode(False)` as well: in debug mode
    Altair validates every object as it is made (10-20 ms a chart).
    """
    with debug_mode(False):
        try:
            return _layer_chart(chart)
        except _Unsupported:
            return chart.to_dict(validate=False)


def _layer_chart(chart: Any) -> dict[str, Any]:
    if type(chart) is not alt.LayerChart or alt.data_transformers.active == "vegafusion":
        raise _Unsupported
    if chart._get("params") is not Undefined:
        raise _Unsupported
    layers = chart._get("layer", [])
    for layer in layers:
        if type(layer) is not alt.Chart:
            raise _Unsupported
        if any(v is not Undefined for k, v in layer._kwds.items() if k not in _LAYER_KEYS):
            raise _Unsupported  # sizes, params or names, which LayerChart would move or merge
    _check_data(chart._get("data"), [layer._get("data") for layer in layers])
    spec = _fields(chart, layer=[_fields(layer) for layer in layers])
    spec.setdefault("$schema", alt.SCHEMA_URL)
    theme = alt.theme.get()
    if not theme:
        raise _Unsupported  # Altair explains
    return alt.utils.update_nested(theme(), spec, copy=True)


def _check_data(top: Any, layers: list[Any]) -> None:
    """Data where LayerChart.to_dict leaves it: on the top level, or different in each layer."""
    for data in (top, *layers):
        if data is not Undefined and type(data) is not alt.Data:
            raise _Unsupported  # data frames, URLs and InlineData are converted or renamed
    if top is not Undefined:
        if any(data is not Undefined for data in layers):
            raise _Unsupported
    elif any(data is Undefined for data in layers):
        raise _Unsupported  # a layer with no data at all gets an empty dataset
    elif layers and all(data is layers[0] for data in layers):
        raise _Unsupported  # data every layer shares moves to the top level


def _fields(obj: SchemaBase, **written: Any) -> Any:
    """What SchemaBase.to_dict writes (`written`: values already written out, by key)."""
    args, kwds = obj._args, obj._kwds
    if args:
        if kwds:
            raise _Unsupported
        return _plain(args[0])
    if kwds.get("shorthand", Undefined) is not Undefined:
        raise _Unsupported
    out = {
        key: written[key] if key in written else _plain(value)
        for key, value in kwds.items()
        if value is not Undefined and key not in _NOT_WRITTEN
    }
    mark = out.get("mark")
    if mark and isinstance(mark, str):
        out["mark"] = {"type": mark}
    return out


def _plain(value: Any) -> Any:
    kind = type(value)
    if kind in _VALUES:
        return value
    if kind is dict:
        return {k: _plain(v) for k, v in value.items() if v is not Undefined}
    if kind is list or kind is tuple:
        return [_plain(v) for v in value]
    if isinstance(value, SchemaBase) and kind.to_dict in _PLAIN_TO_DICT:
        if isinstance(value, ValueChannelMixin) and value._get("condition") is not Undefined:
            raise _Unsupported
        return _fields(value)
    # numpy and pandas scalars, dates, Decimal...: Altair converts some of them.
    raise _Unsupported
