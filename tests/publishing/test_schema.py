"""data/schema/ is generated from the models and kept in sync; the schemas fit real files."""

from __future__ import annotations

import functools
import json

import pytest

from portal.load import validate
from portal.scaffold import new_year
from portal.schema import SCHEMAS, generated_files, write_schema
from portal.yamlfile import load_yaml
from tests.publishing.helpers import FIXTURE, ROOT, copy_fixture, portal

jsonschema = pytest.importorskip("jsonschema")


def test_data_schema_is_in_sync_with_the_models() -> None:
    """Never regenerated in CI: if this fails, run `make schema` and commit data/schema/."""
    stale = write_schema(ROOT / "data" / "schema", check=True)
    assert not stale, f"data/schema is out of date ({', '.join(stale)}): run `make schema`"


def test_check_lists_stale_missing_and_extra_files_and_writes_nothing(tmp_path) -> None:
    out = tmp_path / "schema"
    assert write_schema(out) == []
    assert write_schema(out, check=True) == []
    (out / "report.schema.json").write_text("{}\n", encoding="utf-8")
    (out / "council.schema.json").unlink()
    (out / "old.schema.json").write_text("{}\n", encoding="utf-8")
    assert write_schema(out, check=True) == [
        "council.schema.json",
        "old.schema.json",
        "report.schema.json",
    ]
    assert (out / "report.schema.json").read_text(encoding="utf-8") == "{}\n"
    assert write_schema(out) == []
    assert write_schema(out, check=True) == []
    assert not (out / "old.schema.json").exists()


def test_cli_check_exits_1_naming_each_stale_file(tmp_path, capsys) -> None:
    out = tmp_path / "schema"
    ran = portal(capsys, "schema", "--out", out, "--check")
    assert ran.code == 1
    assert "report.schema.json is out of date: run `portal schema`" in ran.err
    assert portal(capsys, "schema", "--out", out).code == 0
    assert portal(capsys, "schema", "--out", out, "--check").code == 0


def test_one_schema_per_model_named_as_promised() -> None:
    assert set(SCHEMAS) == {
        "council.schema.json",
        "vocabularies.schema.json",
        "sources.schema.json",
        "report.schema.json",
        "withdrawals.schema.json",
    }
    files = generated_files()
    for name in SCHEMAS:
        schema = json.loads(files[name])
        assert schema["$schema"].startswith("https://json-schema.org/")
        jsonschema.Draft202012Validator.check_schema(schema)
    assert "yaml-language-server" in files["README.md"]


@functools.cache
def _validator(name: str):
    return jsonschema.Draft202012Validator(json.loads(generated_files()[name]))


@pytest.mark.parametrize(
    ("name", "file"),
    [
        ("council.schema.json", "council.yml"),
        ("vocabularies.schema.json", "vocabularies.yml"),
        ("sources.schema.json", "sources.yml"),
        ("report.schema.json", "2023-24/report.yml"),
    ],
)
def test_schemas_accept_valid_files(name, file) -> None:
    data = load_yaml(FIXTURE / file).data
    assert not list(_validator(name).iter_errors(data))


def test_report_schema_accepts_a_new_year_and_refuses_a_misspelt_key(tmp_path) -> None:
    data = copy_fixture(tmp_path)
    new_year(data, "2024-25")
    blank = load_yaml(data / "2024-25" / "report.yml").data
    assert validate(data).ok
    assert not list(_validator("report.schema.json").iter_errors(blank))
    blank["stagess"] = []
    assert list(_validator("report.schema.json").iter_errors(blank))


def _data_files():
    """Every data file in the repository: data/ and every test fixture folder."""
    kinds = {
        "council.yml": "council.schema.json",
        "vocabularies.yml": "vocabularies.schema.json",
        "sources.yml": "sources.schema.json",
        "report.yml": "report.schema.json",
    }
    for folder in (ROOT / "data", ROOT / "tests"):
        for path in sorted(folder.rglob("*.yml")):
            if path.name in kinds and "schema" not in path.parts:
                yield path, kinds[path.name]


def test_whatever_the_validator_accepts_the_schema_accepts() -> None:
    """No false alarms in the editor: a file the models accept is never underlined."""
    checked = 0
    for path, name in _data_files():
        model = SCHEMAS[name][0]
        try:
            data = load_yaml(path).data
            model.model_validate(data)
        except Exception:
            continue  # broken on purpose (a test case) or being filled in
        errors = list(_validator(name).iter_errors(data))
        assert not errors, f"{path.relative_to(ROOT)}: {errors[0].message}"
        checked += 1
    assert checked >= 5
