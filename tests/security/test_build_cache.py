"""What a build keeps between builds (issue 11, item 9) can never publish stale pages.

- Preview and public builds keep separate caches: alternating them redraws nothing, and
  one never prunes a chart the other is reading.
- The memo key covers every installed package (so every package the project depends on,
  derived from pyproject.toml here), the templates, and the data without following links:
  a symbolic link in the data folder always means a full validation.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import tomllib
from importlib.metadata import requires
from pathlib import Path

import pytest

from portal.render import cache
from portal.render.renderer import PRUNE_GRACE_SECONDS, ChartRenderer
from portal.site import memo, state
from tests.site.build import MINIMAL, ROOT, build

UNCHANGED = "unchanged since the last build"


def _name(requirement: str) -> str:
    return re.sub(r"[-_.]+", "-", re.match(r"[A-Za-z0-9_.-]+", requirement).group()).lower()


def _dependencies() -> set[str]:
    """Every package the project needs at build time: pyproject.toml's list, and theirs."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    found: set[str] = set()
    todo = [_name(r) for r in project["project"]["dependencies"]]
    while todo:
        name = todo.pop()
        if name in found:
            continue
        found.add(name)
        try:
            needs = requires(name) or []
        except Exception:  # an optional package that is not installed
            continue
        todo += [_name(r) for r in needs if "extra ==" not in r]
    return found


def test_the_memo_and_chart_keys_name_every_package_the_build_depends_on() -> None:
    versions = memo.settings(False)
    missing = sorted(name for name in _dependencies() if name not in versions and _installed(name))
    assert not missing, f"not in the memo key: {missing}"
    for name in ("altair", "vl-convert-python", "pandas", "mkdocs", "mkdocs-material", "jinja2"):
        assert name in versions, name
    assert cache.installed_versions().items() <= versions.items()


def _installed(name: str) -> bool:
    from importlib.metadata import PackageNotFoundError, version

    try:
        version(name)
    except PackageNotFoundError:
        return False
    return True


def test_a_package_upgrade_changes_both_keys(monkeypatch, tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    before_memo = memo.fingerprint(data, [], memo.settings(False))
    before_chart = cache.cache_key("charts.bars.counts_bar", [], "s", {})
    upgraded = {**cache.installed_versions(), "vl-convert-python": "99.0"}
    monkeypatch.setattr(cache, "installed_versions", lambda: upgraded)
    monkeypatch.setattr(memo, "installed_versions", lambda: upgraded)
    assert memo.fingerprint(data, [], memo.settings(False)) != before_memo
    assert cache.cache_key("charts.bars.counts_bar", [], "s", {}) != before_chart


@pytest.mark.parametrize("folder", memo.TEMPLATES)
def test_templates_the_build_reads_are_in_the_memo_key(tmp_path: Path, folder: str) -> None:
    root, data = tmp_path / "project", tmp_path / "data"
    (root / folder).mkdir(parents=True)
    data.mkdir()
    page = root / folder / "page.html"
    page.write_text("one")
    key = memo.fingerprint(data, memo.code_dirs(root), {})
    page.write_text("two")
    assert memo.fingerprint(data, memo.code_dirs(root), {}) != key
    assert memo.code_dirs(ROOT), "the real project has them"


def _linked_data(tmp_path: Path) -> tuple[Path, Path]:
    """A data folder whose year folder is a link to a folder outside it."""
    data = tmp_path / "data"
    shutil.copytree(MINIMAL, data)
    outside = tmp_path / "elsewhere" / "2023-24"
    outside.parent.mkdir()
    shutil.move(data / "2023-24", outside)
    (data / "2023-24").symlink_to(outside, target_is_directory=True)
    return data, outside


def test_a_link_in_the_data_never_gives_the_same_key_twice(tmp_path: Path) -> None:
    data, _ = _linked_data(tmp_path)
    assert memo.fingerprint(data, [], {}) != memo.fingerprint(data, [], {})
    plain = tmp_path / "plain"
    shutil.copytree(MINIMAL, plain)
    assert memo.fingerprint(plain, [], {}) == memo.fingerprint(plain, [], {})
    (plain / "council.yml").unlink()
    (plain / "council.yml").symlink_to(MINIMAL / "council.yml")
    assert memo.fingerprint(plain, [], {}) != memo.fingerprint(plain, [], {}), "a file link too"


def test_a_data_folder_reached_through_a_link_is_still_remembered(tmp_path: Path) -> None:
    real = tmp_path / "real"
    shutil.copytree(MINIMAL, real)
    (tmp_path / "data").symlink_to(real, target_is_directory=True)
    key = memo.fingerprint(tmp_path / "data", [], {})
    assert memo.fingerprint(tmp_path / "data", [], {}) == key


def test_a_pipe_in_the_data_folder_is_never_opened(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(MINIMAL, data)
    os.mkfifo(data / "2023-24" / "outcomes.csv.fifo")  # opening it would wait forever
    assert memo.fingerprint(data, [], {}) != memo.fingerprint(data, [], {})


def test_an_edit_behind_a_linked_year_folder_is_never_published_stale(tmp_path: Path) -> None:
    data, outside = _linked_data(tmp_path)
    cache_dir = tmp_path / "cache"
    first = build(data, tmp_path / "one", cache=cache_dir)
    report = outside / "report.yml"
    report.write_text(report.read_text().replace("count: 20", "count: 21"), encoding="utf-8")
    second = build(data, tmp_path / "two", cache=cache_dir)
    assert UNCHANGED not in second.output, second.output
    if second.returncode == 0:  # links allowed: the page shows the edit
        assert "21" in (second.site / "downloads" / "complaints.csv").read_text("utf-8-sig")
    else:  # links refused by the validator: it says which
        assert "2023-24" in second.output and first.returncode != 0


def test_preview_and_public_builds_keep_separate_caches(monkeypatch) -> None:
    monkeypatch.setenv("PORTAL_CACHE", "/somewhere")
    monkeypatch.delenv("PORTAL_PREVIEW", raising=False)
    public = state.cache_root(ROOT / "mkdocs.yml")
    monkeypatch.setenv("PORTAL_PREVIEW", "1")
    preview = state.cache_root(ROOT / "mkdocs.yml")
    assert public != preview
    assert not public.is_relative_to(preview) and not preview.is_relative_to(public)
    monkeypatch.delenv("PORTAL_CACHE")
    assert state.cache_root(ROOT / "mkdocs.yml") != preview
    assert state.cache_root(ROOT / "mkdocs.yml").is_relative_to(ROOT / ".cache")


def _start(data: Path, out: Path, cache_dir: Path, preview: bool) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "PORTAL_DATA": str(data),
        "PORTAL_CACHE": str(cache_dir),
        "NO_MKDOCS_2_WARNING": "1",
        "PORTAL_PREVIEW": "1" if preview else "0",
    }
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)]
    return subprocess.Popen(command, cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)


def test_preview_and_public_builds_at_once_both_succeed_and_redraw_nothing_next_time(
    tmp_path: Path,
) -> None:
    """Sharing one cache, a preview run beside a public build failed 4 times in 12 ("chart ...
    is in no cache"), and each redrew the charts the other had pruned."""
    cache_dir = tmp_path / "cache"
    for turn in ("first", "second"):
        builds = [
            _start(MINIMAL, tmp_path / f"{turn}-{preview}", cache_dir, preview)
            for preview in (False, True)
        ]
        outputs = [running.communicate(timeout=300)[1] for running in builds]
        for running, output in zip(builds, outputs, strict=True):
            assert running.returncode == 0, output
            if turn == "second":
                assert "charts: 0 rendered" in output, output
    # Each kind remembered its own build (whether the next one is warm also depends on the
    # code being unchanged meanwhile, which other tests check).
    memos = sorted(cache_dir.rglob("memo.json"))
    assert [m.parent.name for m in memos] == ["preview", "public"]


def test_prune_never_deletes_a_chart_another_build_just_used(tmp_path: Path) -> None:
    """Two builds of one kind at once: each prunes only what nobody used for a while."""
    other = tmp_path / ("a" * 64 + ".svg")
    stale = tmp_path / ("b" * 64 + ".svg")
    for file in (other, stale, stale.with_suffix(".vl.json")):
        file.write_text("<svg/>")
    long_ago = time.time() - PRUNE_GRACE_SECONDS - 60
    os.utime(stale, (long_ago, long_ago))
    os.utime(stale.with_suffix(".vl.json"), (long_ago, long_ago))
    os.utime(other, (long_ago, long_ago))
    reading = ChartRenderer(tmp_path)
    assert reading.cached(["a" * 64]), "a warm build marks the charts it is about to read"
    assert ChartRenderer(tmp_path).prune() == 2
    assert other.exists() and not stale.exists() and not stale.with_suffix(".vl.json").exists()


def test_a_half_written_chart_of_another_build_is_left_alone(tmp_path: Path) -> None:
    part = tmp_path / ".tmp-xyz.part"
    part.write_text("<sv")
    assert ChartRenderer(tmp_path).prune() == 0 and part.exists()
    long_ago = time.time() - PRUNE_GRACE_SECONDS - 60
    os.utime(part, (long_ago, long_ago))
    assert ChartRenderer(tmp_path).prune() == 1 and not part.exists(), "left by a killed build"


def test_a_chart_gone_from_the_cache_mid_build_is_a_clean_message(tmp_path: Path) -> None:
    from portal.render.renderer import ChartError, placeholder

    key = "c" * 64
    (tmp_path / f"{key}.svg").write_text("<svg/>")
    renderer = ChartRenderer(tmp_path)
    assert renderer.cached([key])
    (tmp_path / f"{key}.svg").unlink()  # something else removed it meanwhile
    with pytest.raises(ChartError, match=r"cache.*build again"):
        renderer.fill(placeholder(key))
