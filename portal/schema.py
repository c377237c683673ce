"""`portal schema`: JSON Schema of the data files, generated from the pydantic models.

Editors such as VS Code (and GitHub Codespaces) use it to complete keys and underline
mistakes while typing. It checks the shape of each file only; `portal validate` checks
everything. data/schema/ also holds the blank year to copy in the GitHub web editor.
Everything in data/schema/ is generated: `portal schema --check` lists stale files.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from portal.models import Council, SourceList, Vocabulary, YearReport
from portal.models.withdrawal import WithdrawalList
from portal.scaffold import TEMPLATE_LABEL, year_files

DIALECT = "https://json-schema.org/draft/2020-12/schema"
TEMPLATE_DIR = "year-template"

# file name -> (model, the data file it describes)
SCHEMAS: dict[str, tuple[type[BaseModel], str]] = {
    "council.schema.json": (Council, "data/council.yml: the council's own settings"),
    "vocabularies.schema.json": (
        Vocabulary,
        "data/vocabularies.yml: the categories shared by every year",
    ),
    "sources.schema.json": (SourceList, "data/sources.yml: the documents figures come from"),
    "report.schema.json": (YearReport, "data/<year>/report.yml: one year's report"),
    "withdrawals.schema.json": (
        WithdrawalList,
        "data/withdrawals.yml: published years taken off the site, and why",
    ),
}


def write_schema(out: Path, check: bool = False) -> list[str]:
    """Write every generated file into out; with check, write nothing and list stale files."""
    out = Path(out)
    expected = generated_files()
    stale = [
        name
        for name, text in expected.items()
        if not (out / name).is_file() or (out / name).read_text(encoding="utf-8") != text
    ]
    extra = [name for name in _generated_on_disk(out) if name not in expected]
    if check:
        return sorted(stale + extra)
    for name in stale:
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_text(expected[name], encoding="utf-8", newline="\n")
    for name in extra:
        (out / name).unlink()
    return []


def generated_files() -> dict[str, str]:
    """Relative path -> content of everything in data/schema/."""
    files = {name: _dump(schema_of(name)) for name in SCHEMAS}
    files["README.md"] = README
    for name, text in year_files(TEMPLATE_LABEL).items():
        files[f"{TEMPLATE_DIR}/{name}"] = text
    return files


def schema_of(name: str) -> dict[str, Any]:
    model, describes = SCHEMAS[name]
    generated = model.model_json_schema(mode="validation")
    schema: dict[str, Any] = {"$schema": DIALECT, "title": describes.split(":")[0]}
    schema["description"] = (
        f"{describes[0].upper()}{describes[1:]}. Generated from portal/models by "
        "`portal schema`: do not edit."
    )
    schema.update({k: v for k, v in generated.items() if k not in ("title", "description")})
    if model is YearReport:
        _lists_may_be_empty(schema)
    return schema


def _lists_may_be_empty(schema: dict[str, Any]) -> None:
    """The validator reads `stages:` with nothing after it as an empty list: say so here too."""
    for name, prop in schema["properties"].items():
        if prop.get("type") == "array":
            listed = copy.deepcopy(prop)
            outer = {k: listed.pop(k) for k in ("title", "description", "default") if k in listed}
            schema["properties"][name] = {**outer, "anyOf": [listed, {"type": "null"}]}


def _dump(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def _generated_on_disk(out: Path) -> list[str]:
    found = [p.name for p in out.glob("*.schema.json")]
    template = out / TEMPLATE_DIR
    if template.is_dir():
        found += [f"{TEMPLATE_DIR}/{p.name}" for p in template.iterdir() if p.is_file()]
    return found


README = """\
# data/schema: the shape of the data files

Everything in this folder is generated from the data model (`portal/models/`) by
`portal schema`. Do not edit it by hand: a test fails when it is out of date, and
`portal schema` (or `make schema`) writes it again.

| file | describes |
|---|---|
| `council.schema.json` | `data/council.yml` |
| `vocabularies.schema.json` | `data/vocabularies.yml` |
| `sources.schema.json` | `data/sources.yml` |
| `report.schema.json` | `data/<year>/report.yml` |
| `withdrawals.schema.json` | `data/withdrawals.yml` (only once a published year is withdrawn) |
| `year-template/` | a blank year, to copy when you start a year in the GitHub web editor |

## Help while you type (VS Code, GitHub Codespaces)

With the **YAML** extension by Red Hat installed, VS Code (on your computer or in a
GitHub Codespace) reads a schema named on the first line of a file. It then suggests
the keys, explains each one when you hover over it, and underlines mistakes at once.

A new year made by `portal new-year` (or copied from `year-template/`) already starts
with the line. For the shared files, add it as the first line yourself:

| file | first line |
|---|---|
| `data/<year>/report.yml` | `# yaml-language-server: $schema=../schema/report.schema.json` |
| `data/council.yml` | `# yaml-language-server: $schema=schema/council.schema.json` |
| `data/vocabularies.yml` | `# yaml-language-server: $schema=schema/vocabularies.schema.json` |
| `data/sources.yml` | `# yaml-language-server: $schema=schema/sources.schema.json` |
| `data/withdrawals.yml` | `# yaml-language-server: $schema=schema/withdrawals.schema.json` |

Or map them once for the whole project in `.vscode/settings.json`:

```json
{
  "yaml.schemas": {
    "data/schema/report.schema.json": "data/*/report.yml",
    "data/schema/council.schema.json": "data/council.yml",
    "data/schema/vocabularies.schema.json": "data/vocabularies.yml",
    "data/schema/sources.schema.json": "data/sources.yml",
    "data/schema/withdrawals.schema.json": "data/withdrawals.yml"
  }
}
```

The schema checks the shape of each file only: which keys exist, which are required,
what kind of value each takes. `portal validate` (and the checks on every pull request)
check much more: totals, percentages, sources, personal data. The GitHub web editor
does not use the schema; the checks on the pull request tell you the same things.
"""
