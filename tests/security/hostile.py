"""The hostile data folder: tests/fixtures/hostile with a hostile string in every text field.

tests/fixtures/hostile is an ordinary, valid data folder that uses every model and every
optional field. `hostile_copy` copies it and writes a hostile string, different for each
field, into every free-text field the models have (found from the models, see
tests/security/model_fields.py), every CSV note and commentary.md. It returns the fields it
filled, so a test can check that none was missed (a new optional field needs an example in
the fixture, or the check fails and says which).
"""

from __future__ import annotations

import csv
import itertools
import shutil
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, RootModel

from portal.models.vocabulary import Term
from portal.privacy import review_mark
from tests.security.model_fields import FILE_MODELS, fields

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "hostile"

# Jinja that would print JINJA_RAN if the data were ever evaluated as a template.
JINJA = "{{ 7*7 }} {{ 'jinja' ~ 'ran' }}"
JINJA_RAN = "jinjaran"
HOSTILE = (
    "<script>alert(1)</script> \"><img src=x onerror=alert(1)> '><svg onload=alert(1)> "
    f"javascript:alert(1) {JINJA} {{% raw %}} | a | b | & &amp; ]]> </title> </svg> "
    "<!-- *emphasis* _under_ `code` [link](javascript:alert(1)) \\ ${alert(1)}"
)
COMMENTARY = f"""# Heading {JINJA}

Some *emphasis*, a [good link](https://example.org), a [bad link](javascript:alert(1)),
[another](JaVaScRiPt:alert(1)), [data](data:text/html,<script>alert(1)</script>) and
<script>alert(1)</script> inline HTML <b onmouseover="alert(1)">bold</b>.

<img src=x onerror=alert(1)>

<iframe src="javascript:alert(1)"></iframe>

| a | b |
|---|---|
| <b>x</b> | y |

```html
</code></pre><script>alert(1)</script>


{HOSTILE}
```

![image](javascript:alert(1)) [reference][r] <a href="javascript:alert(1)">raw link</a>

[r]: javascript:alert(1)

{HOSTILE}
"""


def hostile_copy(target: Path) -> set[str]:
    """A copy of the hostile fixture at target, filled; the model fields it filled."""
    shutil.copytree(FIXTURE, target)
    counter = itertools.count(1)
    filled: set[str] = set()
    for path in sorted(target.rglob("*.yml")):
        model = FILE_MODELS.get(path.name)
        if model is None:
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        _fill(model, data, counter, filled)
        _mark_reviews(data)
        path.write_text(
            yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000),
            encoding="utf-8",
        )
    for path in sorted(target.rglob("*.csv")):
        _fill_csv(path, counter)
    for year in sorted(p for p in target.iterdir() if (p / "report.yml").is_file()):
        (year / "commentary.md").write_text(COMMENTARY, encoding="utf-8")
    return filled


def hostile(counter: itertools.count) -> str:
    return f"H{next(counter)} {HOSTILE}"


def _fill(model: type[BaseModel], data: Any, counter: itertools.count, filled: set[str]) -> None:
    if issubclass(model, RootModel):
        (root,) = fields(model)
        for item in data:
            _fill(root.target, item, counter, filled)
        return
    if issubclass(model, Term):
        # Keep the old label as an alias, so the CSV cells that name it still match.
        data["aliases"] = [data["label"], *data.get("aliases", [])]
    for leaf in fields(model):
        # Only keys the fixture sets: an optional field may only make sense in some items.
        if leaf.name not in data:
            continue
        if leaf.kind == "text":
            data[leaf.name] = hostile(counter)
        elif leaf.kind == "texts":
            data[leaf.name] = [*data[leaf.name], hostile(counter)]
        elif leaf.kind == "model" and isinstance(data[leaf.name], dict):
            _fill(leaf.target, data[leaf.name], counter, filled)
        elif leaf.kind == "models" and data[leaf.name]:
            for item in data[leaf.name]:
                _fill(leaf.target, item, counter, filled)
        else:
            continue
        filled.add(leaf.key)


def _mark_reviews(data: Any) -> None:
    """A review mark is the hash of the text it covers: point each at the year's first note."""
    if isinstance(data, dict) and data.get("reviewed_texts"):
        for entry in data["reviewed_texts"]:
            entry["mark"] = review_mark([data["notes"][0]])


def _fill_csv(path: Path, counter: itertools.count) -> None:
    with path.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
        names = list(rows[0].keys()) if rows else []
    for row in rows:
        row["note"] = hostile(counter)
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, names)
        writer.writeheader()
        writer.writerows(rows)


def locations(model: type[BaseModel], data: Any, path: tuple = ()) -> dict[str, list[tuple]]:
    """Where each model field occurs in one file's data: {'Model.field': [key path, ...]}."""
    found: dict[str, list[tuple]] = {}

    def add(more: dict[str, list[tuple]]) -> None:
        for key, paths in more.items():
            found.setdefault(key, []).extend(paths)

    if issubclass(model, RootModel):
        (root,) = fields(model)
        for index, item in enumerate(data):
            add(locations(root.target, item, (*path, index)))
        return found
    for leaf in fields(model):
        if leaf.name not in data:
            continue
        found.setdefault(leaf.key, []).append((*path, leaf.name))
        value = data[leaf.name]
        if leaf.kind == "model" and isinstance(value, dict):
            add(locations(leaf.target, value, (*path, leaf.name)))
        elif leaf.kind == "models" and value:
            for index, item in enumerate(value):
                add(locations(leaf.target, item, (*path, leaf.name, index)))
    return found


def data_files(root: Path) -> list[tuple[Path, type[BaseModel]]]:
    """Each YAML data file under root, with its model."""
    return [(p, FILE_MODELS[p.name]) for p in sorted(root.rglob("*.yml")) if p.name in FILE_MODELS]
