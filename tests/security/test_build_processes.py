"""Builds that end early (issue 11, item 9): a killed build leaves no chart worker behind,
Ctrl-C stops it quietly with a non-zero code, and a bug in the hooks says it is a bug.

Each test starts a real `mkdocs build` of the small fixture with an empty chart cache, so the
build forks its chart workers at once; Linux only (/proc lists each process's parent).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.site.build import MINIMAL, ROOT

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")


def _children(pid: int) -> set[int]:
    """Every live descendant of pid (workers, and a fork server's children)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if fields[0] != "Z":  # a zombie has ended; it only waits for its parent to reap it
            parents[int(entry.name)] = int(fields[1])
    found, todo = set(), [pid]
    while todo:
        parent = todo.pop()
        for child, ppid in parents.items():
            if ppid == parent and child not in found:
                found.add(child)
                todo.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


# A build held at its last hook until the test has signalled it: a small site builds in
# under a second, so a signal sent "while it runs" could otherwise arrive after it ended.
HELD_BUILD = """
import sys, time
from mkdocs.__main__ import cli
from portal.site import state

finish = state.finish

def held(*args, **kwargs):
    print("held", file=sys.stderr, flush=True)
    time.sleep(60)
    return finish(*args, **kwargs)

state.finish = held
sys.argv = ["mkdocs", "build", "--strict", "-d", sys.argv[1]]
cli()
"""


def _start_build(tmp_path: Path, **extra_env: str) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "PORTAL_DATA": str(MINIMAL),
        "PORTAL_CACHE": str(tmp_path / "cache"),  # empty: the workers start at once
        "NO_MKDOCS_2_WARNING": "1",
        **extra_env,
    }
    env.pop("PORTAL_PREVIEW", None)
    command = [sys.executable, "-c", HELD_BUILD, str(tmp_path / "s")]
    return subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal would give it
    )


def _wait_until_held(build: subprocess.Popen[str]) -> list[str]:
    """Lines the build wrote to stderr before it reached its last hook."""
    seen = []
    for line in build.stderr:
        if line.strip() == "held":
            return seen
        seen.append(line)
    raise AssertionError("the build ended before its last hook:\n" + "".join(seen))


def _wait_for_workers(build: subprocess.Popen[str], timeout: float = 30) -> set[int]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        workers = _children(build.pid)
        if workers:
            time.sleep(0.3)  # let each finish forking and start its initializer
            return _children(build.pid)
        if build.poll() is not None:
            break
        time.sleep(0.05)
    build.kill()
    out, err = build.communicate()
    raise AssertionError(f"the build started no chart worker:\n{out}\n{err}")


def test_a_killed_build_leaves_no_chart_worker_running(tmp_path: Path) -> None:
    build = _start_build(tmp_path)
    workers = _wait_for_workers(build)
    build.send_signal(signal.SIGKILL)  # nothing in the build gets to clean up
    build.wait(timeout=10)
    build.stdout.close()
    build.stderr.close()
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and any(_alive(pid) for pid in workers):
        time.sleep(0.1)
    survivors = [pid for pid in workers if _alive(pid)]
    for pid in survivors:  # don't leave them for the next test
        os.kill(pid, signal.SIGKILL)
    assert not survivors, f"chart workers outlived the build: {survivors}"


def test_ctrl_c_stops_the_build_quietly_with_a_non_zero_code(tmp_path: Path) -> None:
    build = _start_build(tmp_path)
    workers = _wait_for_workers(build)
    before = "".join(_wait_until_held(build))
    os.killpg(build.pid, signal.SIGINT)  # Ctrl-C reaches the whole process group
    out, err = build.communicate(timeout=60)
    err = before + err
    assert build.returncode not in (0, None), out + err
    assert "Traceback" not in out + err, err
    assert "KeyboardInterrupt" not in out + err, err
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and any(_alive(pid) for pid in workers):
        time.sleep(0.1)
    assert not [pid for pid in workers if _alive(pid)], "workers stop with the build"


def test_ctrl_c_says_the_build_stopped_and_exits_130(tmp_path: Path) -> None:
    from portal.site.guard import EXIT_INTERRUPTED

    build = _start_build(tmp_path)
    _wait_for_workers(build)
    before = "".join(_wait_until_held(build))
    os.killpg(build.pid, signal.SIGINT)
    out, err = build.communicate(timeout=60)
    err = before + err
    assert build.returncode == EXIT_INTERRUPTED, out + err
    assert "Stopped by Ctrl-C" in err


# A build in which one hook's code fails as a bug would: the site's own code raising an
# exception nobody expected (patched in, since the real code has no known bug to trigger).
BUGGY_BUILD = """
import sys
from mkdocs.__main__ import cli
from portal.site import state

def broken(*args, **kwargs):
    raise KeyError("no-such-key")

state.{name} = broken
sys.argv = ["mkdocs", "build", "--strict", "-d", sys.argv[1]]
cli()
"""


@pytest.mark.parametrize("name", ["start", "finish"])  # the first and the last hook's work
def test_a_bug_in_the_build_says_so_in_one_line_with_its_own_exit_code(
    tmp_path: Path, name: str
) -> None:
    from portal.site.guard import EXIT_INTERNAL

    env = {
        **os.environ,
        "PORTAL_DATA": str(MINIMAL),
        "PORTAL_CACHE": str(tmp_path / "cache"),
        "NO_MKDOCS_2_WARNING": "1",
    }
    env.pop("PORTAL_PREVIEW", None)
    done = subprocess.run(
        [sys.executable, "-c", BUGGY_BUILD.format(name=name), str(tmp_path / "s")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    output = done.stdout + done.stderr
    assert done.returncode == EXIT_INTERNAL, output
    assert EXIT_INTERNAL not in (0, 1, 2), "its own code: not success, data or usage"
    assert "Traceback" not in output, output
    (line,) = [ln for ln in output.splitlines() if "Internal error" in ln]
    assert "KeyError" in line and "no-such-key" in line and "bug" in line
    assert "portal/site/hooks.py:" in line, "names the file and line"


# Where prctl is not available (macOS), a worker's thread notices its parent has gone.
WORKER_WITHOUT_PRCTL = """
import sys, time
sys.platform = "darwin"
from portal.render.workers import _die_with_parent
_die_with_parent()
print("ready", flush=True)
time.sleep(60)
"""
PARENT = """
import subprocess, sys, time
child = subprocess.Popen([sys.executable, "-c", sys.argv[1]], stdout=subprocess.PIPE, text=True)
assert child.stdout.readline() == "ready\\n"
print(child.pid, flush=True)
time.sleep(60)
"""


def test_without_prctl_a_worker_still_ends_soon_after_its_parent(tmp_path: Path) -> None:
    parent = subprocess.Popen(
        [sys.executable, "-c", PARENT, WORKER_WITHOUT_PRCTL],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    worker = int(parent.stdout.readline())
    assert _alive(worker)
    parent.kill()
    parent.wait(timeout=10)
    parent.stdout.close()
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and _alive(worker):
        time.sleep(0.1)
    if _alive(worker):
        os.kill(worker, signal.SIGKILL)
        raise AssertionError("the worker outlived its parent")


def test_the_build_and_the_portal_command_use_the_same_exit_codes() -> None:
    import portal.cli
    from portal.site import guard

    assert guard.EXIT_INTERNAL == portal.cli.EXIT_INTERNAL
    assert guard.EXIT_INTERRUPTED == portal.cli.EXIT_INTERRUPTED
