"""Performance benchmark of the portal: page weight, build time, scaling, validation, Lighthouse.

    .venv/bin/python benchmarks/run.py [--data DIR] [--runs 9] [--cold-runs 5] [--no-lighthouse]

Prints a table, writes benchmarks/out/results.json and exits 1 when a budget is missed.
Everything runs on a snapshot of the project copied to a temporary folder, so builds never touch
site/ or .cache/ in the working tree (and edits made meanwhile don't change the numbers).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synthetic

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "benchmarks"
VENV = ROOT / ".venv" / "bin"
FALLBACK_DATA = (
    ROOT / "tests" / "fixtures" / "council-004",
    ROOT / "tests" / "fixtures" / "minimal",
)
TOP_IGNORE = {".git", ".venv", ".tools", "site", ".cache", "node_modules"}


def snapshot_ignore(folder: str, names: list[str]) -> set[str]:
    """Leave out the venv, build output, caches and benchmark output of the working tree."""
    top = Path(folder).resolve() == ROOT
    skip = {n for n in names if n == "__pycache__" or n.endswith("_cache")}
    if top:
        skip |= TOP_IGNORE & set(names)
    if Path(folder).resolve() == BENCH:
        skip |= {"out", "node_modules"} & set(names)
    return skip


SVG = re.compile(r"<svg\b[^>]*>.*?</svg>", re.S)
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset"[^>]*>(.*?)</article>', re.S)
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")
# Altair's default HTML embedding (`chart.to_html()`), less the spec: a div and a vegaEmbed call.
ALTAIR_EMBED = (
    '<div id="vis"></div><script type="text/javascript">(function(spec, embedOpt){{'
    "let outputDiv = document.currentScript.previousElementSibling;"
    "vegaEmbed(outputDiv, spec, embedOpt).catch(err => console.error(err));"
    '}})({spec}, {{"mode": "vega-lite"}});</script>'
)
KB = 1024


@dataclass
class Row:
    group: str
    name: str
    value: float | str
    unit: str = ""
    budget: str = ""
    ok: bool | None = None  # None: information only


ROWS: list[Row] = []


def add(group: str, name: str, value: float | str, unit: str = "", budget: str = "", ok=None):
    ROWS.append(
        Row(group, name, round(value, 3) if isinstance(value, float) else value, unit, budget, ok)
    )


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 6))


# ---------------------------------------------------------------- builds


class Project:
    """A snapshot of the working tree in a temporary folder, built with the project's venv."""

    def __init__(self, tmp: Path) -> None:
        self.dir = tmp / "project"
        shutil.copytree(ROOT, self.dir, ignore=snapshot_ignore, symlinks=True)

    def env(self, data: Path | None) -> dict[str, str]:
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(self.dir))
        # This machine sets PYTHONDONTWRITEBYTECODE=1, so every build recompiled altair, pandas...
        # (~6 s). Measure as a normal install would run, with bytecode kept outside the tree.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(self.dir.parent / "pycache")
        env.pop("PORTAL_PREVIEW", None)
        if data is not None:
            env["PORTAL_DATA"] = str(data)
        return env

    def build(self, out: Path, data: Path | None = None, config: Path | None = None) -> float:
        cmd = [str(VENV / "mkdocs"), "build", "--strict", "-d", str(out)]
        if config is not None:
            cmd += ["-f", str(config)]
        start = time.perf_counter()
        done = subprocess.run(cmd, cwd=self.dir, env=self.env(data), capture_output=True, text=True)
        took = time.perf_counter() - start
        if done.returncode:
            raise RuntimeError(f"build failed ({' '.join(cmd)}):\n{done.stderr[-3000:]}")
        return took

    def clear_cache(self) -> None:
        shutil.rmtree(self.dir / ".cache", ignore_errors=True)


# ---------------------------------------------------------------- page weight


class Assets(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.inline_js: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        rel = a.get("rel", "").lower().split()
        if tag == "link" and {"stylesheet", "icon", "preload", "modulepreload"} & set(rel):
            self.urls.append(a.get("href", ""))
        elif tag == "script":
            self._in_script = "src" not in a and a.get("type", "") != "application/json"
            if a.get("src"):
                self.urls.append(a["src"])
        elif tag in ("img", "source", "video", "audio", "iframe", "embed", "object"):
            for key in ("src", "poster", "data"):
                if a.get(key):
                    self.urls.append(a[key])
            for part in a.get("srcset", "").split(","):
                if part.strip():
                    self.urls.append(part.split()[0])

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.inline_js.append(data)


def resolve(site: Path, base: Path, url: str) -> Path | None:
    """The file a same-site URL points to, relative to the folder `base`; None if external."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith("data:"):
        return None
    path = unquote(parts.path)
    target = (site / path.lstrip("/")) if path.startswith("/") else (base / path)
    target = target.resolve()
    return target / "index.html" if target.is_dir() else target


@dataclass
class Weight:
    page: str
    html_raw: int
    html_gzip: int
    assets_raw: int
    assets_gzip: int
    files: int
    external: list[str]
    charts: int
    chart_svg_raw: int
    vega_in_js: list[str]

    @property
    def raw(self) -> int:
        return self.html_raw + self.assets_raw

    @property
    def gzip(self) -> int:
        return self.html_gzip + self.assets_gzip


def chart_svgs(html: str) -> list[str]:
    """vl-convert's charts (root class "marks", or any big SVG); not Material's 24px icons."""
    return [m for m in SVG.findall(html) if 'class="marks"' in m[:400] or len(m) > 2000]


def page_weight(site: Path, page: str) -> Weight:
    file = site / page / "index.html" if page else site / "index.html"
    html = file.read_text("utf-8")
    seen: dict[Path, bytes] = {}
    external: list[str] = []
    parser = Assets()
    parser.feed(html)
    queue = [(file.parent, u) for u in parser.urls if u]
    while queue:
        base, url = queue.pop()
        target = resolve(site, base, url)
        if target is None:
            external.append(url)
            continue
        if target in seen or not target.is_file():
            continue
        seen[target] = target.read_bytes()
        if target.suffix == ".css":
            text = seen[target].decode("utf-8", "replace")
            queue += [(target.parent, a or b) for a, b in CSS_URL.findall(text) if a or b]
    charts = chart_svgs(html)
    vega = [
        str(p.relative_to(site))
        for p, b in seen.items()
        if p.suffix == ".js" and b"vega" in b.lower()
    ]
    if any("vega" in js.lower() for js in parser.inline_js):
        vega.append("(inline script)")
    return Weight(
        page="/" + (page + "/" if page else ""),
        html_raw=len(html.encode()),
        html_gzip=gz(html.encode()),
        assets_raw=sum(len(b) for b in seen.values()),
        assets_gzip=sum(gz(b) for b in seen.values()),
        files=len(seen),
        external=external,
        charts=len(charts),
        chart_svg_raw=sum(len(c.encode()) for c in charts),
        vega_in_js=vega,
    )


def cached_specs(project: Path) -> list[str]:
    """Vega-Lite specs found in the chart render cache (empty if there is none)."""
    cache = project / ".cache"
    files = sorted(f for f in cache.rglob("*.vl.json") if f.is_file()) if cache.is_dir() else []
    texts = (f.read_text("utf-8", "replace") for f in files)
    return [t for t in texts if "vega-lite" in t]


def naive_gzip(site: Path, page: str, w: Weight, specs: list[str]) -> tuple[int, str]:
    """The same page with each chart as Altair's default embedding, plus the Vega runtime."""
    import vl_convert

    html = (site / page / "index.html").read_text("utf-8")
    spec = sorted(specs, key=len)[len(specs) // 2] if specs else "{}"
    for svg in chart_svgs(html):
        html = html.replace(svg, ALTAIR_EMBED.format(spec=spec), 1)
    runtime = vl_convert.javascript_bundle().encode()
    note = (
        f"runtime: vl_convert.javascript_bundle() = vega+vega-lite+vega-embed, "
        f"{len(runtime) // KB} KB raw / {gz(runtime) // KB} KB gz; each chart SVG replaced by "
        "Altair to_html() snippet with "
        + (f"the median cached spec ({len(spec)} B)" if specs else "an empty spec (lower bound)")
    )
    return gz(html.encode()) + w.assets_gzip + gz(runtime), note


# ---------------------------------------------------------------- plain Material site


def plain_site(built: Path, out: Path) -> Path:
    """Docs with each built page's article HTML (charts removed), and a stock Material config."""
    docs = out / "docs"
    docs.mkdir(parents=True)
    for page in built.rglob("index.html"):
        rel = page.relative_to(built)
        if rel.parts[0] in ("assets", "search"):
            continue
        match = ARTICLE.search(page.read_text("utf-8"))
        if not match:
            continue
        body = match.group(1)
        for svg in chart_svgs(body):
            body = body.replace(svg, "")
        target = docs / rel.with_suffix(".md")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f'<div class="plain">\n{body}\n</div>\n', "utf-8")
    (out / "mkdocs.yml").write_text(
        "site_name: Plain\ndocs_dir: docs\n"
        "theme:\n  name: material\n  font: false\nplugins:\n  - search\n",
        "utf-8",
    )
    return out / "mkdocs.yml"


# ---------------------------------------------------------------- main


def valid(data: Path) -> bool:
    done = subprocess.run(
        [str(VENV / "portal"), "validate", "--data", str(data)], capture_output=True, cwd=ROOT
    )
    return done.returncode == 0


def machine() -> dict[str, str]:
    cpu = next(
        (
            ln.split(":", 1)[1].strip()
            for ln in Path("/proc/cpuinfo").read_text().splitlines()
            if ln.startswith("model name")
        ),
        platform.processor(),
    )
    mem = next(
        ln.split()[1]
        for ln in Path("/proc/meminfo").read_text().splitlines()
        if ln.startswith("MemTotal")
    )
    return {
        "cpu": cpu,
        "nproc": str(os.cpu_count()),
        "memory_gb": f"{int(mem) / 1024**2:.1f}",
        "python": platform.python_version(),
    }


def weights(project: Project, site: Path) -> None:
    years = sorted(p.parent.name for p in (site / "reports").glob("*/index.html"))
    latest = f"reports/{years[-1]}" if years else ""
    for page in ("", "how-to-complain", "trends", latest):
        if page and not (site / page / "index.html").is_file():
            add("weight", f"/{page}/", "missing", ok=False)
            continue
        w = page_weight(site, page)
        is_year = page == latest and bool(latest)
        add(
            "weight",
            f"{w.page} total",
            w.gzip / KB,
            "KB gz",
            "<=150" if is_year else "",
            w.gzip <= 150 * KB if is_year else None,
        )
        add("weight", f"{w.page} raw (html+{w.files} files)", w.raw / KB, "KB", "")
        add("weight", f"{w.page} html", w.html_gzip / KB, "KB gz", "")
        add(
            "weight",
            f"{w.page} charts (inline svg)",
            f"{w.charts} / {w.chart_svg_raw // KB} KB raw",
        )
        add("weight", f"{w.page} external requests", len(w.external), "", "0", not w.external)
        add(
            "weight",
            f"{w.page} chart runtime JS",
            ",".join(w.vega_in_js) or "none",
            "",
            "none",
            not w.vega_in_js,
        )
        if is_year:
            naive, note = naive_gzip(site, page, w, cached_specs(project.dir))
            ratio = w.gzip / naive
            add("weight", f"{w.page} naive vega-embed page", naive / KB, "KB gz", "", None)
            add("weight", f"{w.page} vs naive", ratio * 100, "%", "<=30", ratio <= 0.30)
            add("weight", "naive method", note)
            if w.charts == 0:
                add("weight", f"{w.page} note", "no chart SVG on the page yet: charts not wired in")


def builds(project: Project, tmp: Path, data: Path | None, runs: int, cold_runs: int) -> Path:
    """Cold and warm builds of the portal, each run next to a plain build of the same pages.

    Pairs rather than one batch after another: this machine's speed drifts by ±15 % over a
    minute, and a ratio should compare builds made under the same conditions. A first,
    untimed build compiles the bytecode (as an installed package has it) and gives the pages
    the plain site is made from.
    """
    site, plain_out = tmp / "site", tmp / "plain-site"
    project.build(site, data)
    plain_cfg = plain_site(site, tmp / "plain")
    project.build(plain_out, config=plain_cfg)
    cold_t, pcold_t, warm_t, pwarm_t = [], [], [], []
    for _ in range(cold_runs):
        shutil.rmtree(site, ignore_errors=True)
        project.clear_cache()
        cold_t.append(project.build(site, data))
        shutil.rmtree(plain_out, ignore_errors=True)
        pcold_t.append(project.build(plain_out, config=plain_cfg))
    for _ in range(runs):
        warm_t.append(project.build(site, data))
        pwarm_t.append(project.build(plain_out, config=plain_cfg))
    c, w, pc, pw = (statistics.median(t) for t in (cold_t, warm_t, pcold_t, pwarm_t))
    add("build", f"cold (median of {cold_runs})", c, "s")
    add("build", f"warm (median of {runs})", w, "s")
    add("build", f"plain Material cold (median of {cold_runs})", pc, "s")
    add("build", f"plain Material warm (median of {runs})", pw, "s")
    add("build", "cold / plain", c / pc, "x", "<=3", c / pc <= 3)
    add("build", "warm / plain", w / pw, "x", "<=1.3", w / pw <= 1.3)
    add("build", "charts in the cache", sum(1 for _ in (project.dir / ".cache").rglob("*.svg")))
    return site


def scaling(project: Project, tmp: Path, runs: int) -> None:
    per_year: dict[int, float] = {}
    totals: dict[int, float] = {}
    for n in (10, 30, 60):
        base = project.dir / "tests" / "fixtures" / "council-004"
        data = synthetic.generate(n, tmp / f"data-{n}", base=base)
        site = tmp / f"site-{n}"
        project.clear_cache()
        project.build(site, data)  # prime the cache: the numbers below are warm
        times = [project.build(site, data) for _ in range(runs)]
        totals[n] = statistics.median(times)
        per_year[n] = totals[n] / n
        add("scaling", f"{n} years warm build (median of {runs})", totals[n], "s")
        add("scaling", f"{n} years: time per year", per_year[n], "s")
    slope = (totals[60] - totals[10]) / 50
    add("scaling", "cost per extra year (10->60)", slope, "s", "<=0.3", slope <= 0.3)
    add("scaling", "cost per extra year (30->60)", (totals[60] - totals[30]) / 30, "s")
    ratio = per_year[60] / per_year[10]
    add("scaling", "time per year at 60 / at 10", ratio, "x", "<=1.5", ratio <= 1.5)
    start = time.perf_counter()
    ok = valid(tmp / "data-60")
    add("validate", "portal validate, 60 years", time.perf_counter() - start, "s", "valid", ok)


def lighthouse(site: Path, runs: int) -> None:
    """Performance and accessibility of three pages: the median of `runs` Lighthouse runs each.

    One run is not enough here: on this machine the same page scored anywhere from 88 to 99,
    nearly all of it in Total Blocking Time (Lighthouse's own advice is to take a median).
    """
    binary = BENCH / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists() or not Path("/usr/bin/chromium").exists():
        add("lighthouse", "skipped", "run `make bench` (installs it) or --no-lighthouse", ok=False)
        return
    years = sorted(p.parent.name for p in (site / "reports").glob("*/index.html"))
    server = subprocess.Popen(
        [sys.executable, str(BENCH / "serve.py"), "8765", str(site)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        time.sleep(0.5)
        for page in ("", "how-to-complain/", f"reports/{years[-1]}/" if years else ""):
            scores = [s for s in (_lighthouse_once(binary, page) for _ in range(runs)) if s]
            if not scores:
                add("lighthouse", f"/{page}", "failed", ok=False)
                continue
            perf = statistics.median(p for p, _ in scores)
            a11y = min(a for _, a in scores)
            every = "/".join(str(p) for p, _ in scores)
            name = f"/{page} performance (median of {every})"
            add("lighthouse", name, perf, "", ">=95", perf >= 95)
            add("lighthouse", f"/{page} accessibility (lowest)", a11y, "", "100", a11y == 100)
    finally:
        server.terminate()
        server.wait()


def _lighthouse_once(binary: Path, page: str) -> tuple[int, int] | None:
    out = Path(tempfile.mkstemp(suffix=".json")[1])
    subprocess.run(
        [
            str(binary),
            f"http://127.0.0.1:8765/{page}",
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            "--only-categories=performance,accessibility",
            "--form-factor=mobile",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        ],
        env=dict(os.environ, CHROME_PATH="/usr/bin/chromium"),
        capture_output=True,
        timeout=180,
    )
    try:
        cats = json.loads(out.read_text())["categories"]
        perf, a11y = (round(cats[k]["score"] * 100) for k in ("performance", "accessibility"))
        return perf, a11y
    except (ValueError, KeyError, TypeError):
        return None
    finally:
        out.unlink(missing_ok=True)


def table() -> str:
    lines = [
        f"| {'group':<10} | {'measure':<46} | {'value':>12} | unit  | budget | result |",
        "|" + "---|" * 6,
    ]
    for r in ROWS:
        result = "" if r.ok is None else ("pass" if r.ok else "FAIL")
        value = f"{r.value:.3f}" if isinstance(r.value, float) else str(r.value)
        lines.append(
            f"| {r.group:<10} | {r.name:<46} | {value:>12} "
            f"| {r.unit:<5} | {r.budget:<6} | {result:<6} |"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description="Portal performance benchmark")
    parser.add_argument(
        "--data", type=Path, help="data folder (default: data/, or a fixture if it is not valid)"
    )
    parser.add_argument("--runs", type=int, default=9, help="warm builds per median")
    parser.add_argument("--cold-runs", type=int, default=5, help="cold builds per median")
    parser.add_argument("--scale-runs", type=int, default=3, help="warm builds per scaling median")
    parser.add_argument(
        "--no-lighthouse", action="store_true", help="skip Lighthouse (a quicker look)"
    )
    parser.add_argument(
        "--lighthouse-runs", type=int, default=3, help="Lighthouse runs per page (median)"
    )
    args = parser.parse_args()
    started = time.perf_counter()
    data = args.data or next((d for d in (ROOT / "data", *FALLBACK_DATA) if valid(d)), None)
    if data is None:
        print("no valid data folder", file=sys.stderr)
        return 2
    add(
        "setup",
        "data",
        str(data.resolve().relative_to(ROOT)) if data.resolve().is_relative_to(ROOT) else str(data),
    )
    with tempfile.TemporaryDirectory(prefix="portal-bench-") as name:
        tmp = Path(name)
        project = Project(tmp)
        site = builds(project, tmp, data.resolve(), args.runs, args.cold_runs)
        weights(project, site)
        scaling(project, tmp, args.scale_runs)
        if args.no_lighthouse:
            add("lighthouse", "not run", "--no-lighthouse")
        else:
            lighthouse(site, args.lighthouse_runs)
    add("setup", "benchmark wall time", time.perf_counter() - started, "s")
    out = BENCH / "out"
    out.mkdir(exist_ok=True)
    failed = [r for r in ROWS if r.ok is False]
    (out / "results.json").write_text(
        json.dumps(
            {"machine": machine(), "passed": not failed, "rows": [asdict(r) for r in ROWS]},
            indent=2,
        )
        + "\n",
        "utf-8",
    )
    print(table())
    print(f"\n{len(failed)} budget(s) missed" if failed else "\nall budgets met")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
