"""The build memo: remembered only for exactly the same inputs."""

from __future__ import annotations

from pathlib import Path

from portal.site.memo import Memo, fingerprint


def _tree(tmp_path: Path) -> tuple[Path, Path]:
    data, code = tmp_path / "data", tmp_path / "code"
    (data / "2023-24").mkdir(parents=True)
    code.mkdir()
    (data / "council.yml").write_text("name: A\n")
    (data / "2023-24" / "outcomes.csv").write_text("stage,count\n1,5\n")
    (code / "pages.py").write_text("X = 1\n")
    return data, code


def test_any_change_to_data_code_or_settings_changes_the_key(tmp_path: Path) -> None:
    data, code = _tree(tmp_path)
    key = fingerprint(data, [code], {"preview": "False"})
    assert fingerprint(data, [code], {"preview": "False"}) == key
    assert fingerprint(data, [code], {"preview": "True"}) != key
    (code / "notes.txt").write_text("not code")  # only .py files are code
    assert fingerprint(data, [code], {"preview": "False"}) == key
    for file, text in [
        (data / "2023-24" / "outcomes.csv", "stage,count\n1,6\n"),
        (data / "2024-25.yml", ""),
        (code / "pages.py", "X = 2\n"),
    ]:
        file.write_text(text)
        assert fingerprint(data, [code], {"preview": "False"}) != key
        key = fingerprint(data, [code], {"preview": "False"})


def test_values_are_kept_for_the_same_key_only(tmp_path: Path) -> None:
    path = tmp_path / "memo.json"
    calls = []
    first = Memo(path, "k1")
    assert not first.warm
    assert first.get("site:name", lambda: calls.append(1) or "Camden") == "Camden"
    assert first.get("site:name", lambda: calls.append(1) or "other") == "Camden"
    assert not path.exists()  # written only when a build succeeds
    first.save()
    again = Memo(path, "k1")
    assert again.warm and again.get("site:name", lambda: "other") == "Camden"
    assert calls == [1]
    assert not Memo(path, "k2").warm
    path.write_text("{not json")
    assert not Memo(path, "k1").warm
