"""How a build ends when it does not finish: never with a traceback.

- A data problem: the validator's messages (hooks raise PluginError; MkDocs exits 1).
- Ctrl-C: the chart workers are stopped, one line says so, and the build exits 130 (the
  shell's code for "ended by Ctrl-C"). Without this, MkDocs printed "Aborted!" and the
  workers' executor printed a traceback as Python shut down.
- A bug in the build's own code (an exception no hook expected): one line naming it, where it
  happened and that it is a bug to report, then exit 3, the code `portal` itself uses for a
  bug, so a script or CI can tell it from a data problem (1) or a usage error (2). Under
  `mkdocs serve` the server keeps running.
"""

from __future__ import annotations

import functools
import logging
import signal
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from mkdocs.exceptions import MkDocsException, PluginError

from portal.problems import DataError, one_line

# The same codes as portal.cli's (not imported from there: a warm build loads no CLI code).
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130
ROOT = Path(__file__).resolve().parents[2]

F = TypeVar("F", bound=Callable[..., Any])
log = logging.getLogger("mkdocs.plugins.portal")
_command = "build"
_previous: Any = None


def started(command: str) -> None:
    """Record which MkDocs command runs (on_startup): `serve` must survive a failed build."""
    global _command
    _command = command


def catch_ctrl_c(stop: Callable[[], None]) -> None:
    """Until released(), Ctrl-C calls stop() (the chart workers) and ends the build quietly."""
    global _previous

    def interrupted(signum: int, frame: object) -> None:
        release()
        stop()
        log.error("Stopped by Ctrl-C before the build finished: the site folder is incomplete.")
        raise SystemExit(EXIT_INTERRUPTED)

    try:
        previous = signal.signal(signal.SIGINT, interrupted)
    except ValueError:  # not the main thread: leave Ctrl-C to MkDocs
        return
    if _previous is None:
        _previous = previous


def release() -> None:
    """Give Ctrl-C back to whoever had it before the build."""
    global _previous
    if _previous is not None:
        try:
            signal.signal(signal.SIGINT, _previous)
        except ValueError:
            return
        _previous = None


def guarded(stop: Callable[[], None]) -> Callable[[F], F]:
    """Decorate a hook: an exception it did not expect is reported as a bug (see above)."""

    def decorate(hook: F) -> F:
        @functools.wraps(hook)
        def run(*args: Any, **kwargs: Any) -> Any:
            try:
                return hook(*args, **kwargs)
            except MkDocsException:
                raise  # expected: a data problem, already a clean message
            except DataError as exc:
                stop()
                raise PluginError(str(exc)) from None
            except Exception as exc:
                release()
                stop()
                message = internal_error(exc)
                if _command == "serve":
                    raise PluginError(message) from None
                log.error(message)
                sys.stderr.flush()
                raise SystemExit(EXIT_INTERNAL) from None

        return run  # type: ignore[return-value]

    return decorate


def internal_error(exc: BaseException) -> str:
    """One line: what went wrong, in which file and line of the site's own code, and what to do."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if _ours(f.filename)] or frames
    where = ""
    if ours:
        frame = ours[-1]
        try:
            shown = Path(frame.filename).resolve().relative_to(ROOT)
        except ValueError:
            shown = Path(frame.filename).name
        where = f" at {shown}:{frame.lineno}"
    detail = one_line(str(exc))[:200]  # control characters from data shown escaped
    return (
        f"Internal error{where}: {type(exc).__name__}: {detail}. This is a bug in the site's "
        "code, not a problem with the data: please report it with this line "
        f"(exit code {EXIT_INTERNAL})."
    )


def _ours(filename: str) -> bool:
    path = Path(filename)
    return path.is_file() and path.resolve().is_relative_to(ROOT) and ".venv" not in path.parts
