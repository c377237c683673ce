"""Reading a built site with real parsers for anything that would run: script elements, event
handler attributes and script URLs, in every HTML, SVG and XML file and in the search index
(whose text Material's search shows as HTML)."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

from bs4 import BeautifulSoup

# Browsers ignore these characters inside a URL's scheme, so "java\tscript:" runs.
_IGNORED = re.compile(r"[\x00-\x20\x7f-\x9f]")
_SCRIPT_URL = re.compile(r"^(javascript|vbscript|data):", re.I)


def script_url(value: str) -> bool:
    return bool(_SCRIPT_URL.match(_IGNORED.sub("", value)))


def html_findings(markup: str, where: str) -> Counter[str]:
    """What in this HTML could run: one entry per script, handler or script URL found."""
    found: Counter[str] = Counter()
    soup = BeautifulSoup(markup, "html.parser")
    for element in soup.find_all(True):
        name = element.name.lower()
        if name == "script":
            found[f"{where}: <script src={element.get('src')!r}> {element.get_text()[:80]!r}"] += 1
        if name in ("iframe", "object", "embed", "frame", "base", "meta") and name != "meta":
            found[f"{where}: <{name}>"] += 1
        if name == "meta" and (element.get("http-equiv") or "").lower() == "refresh":
            found[f"{where}: <meta http-equiv=refresh>"] += 1
        for attribute, value in element.attrs.items():
            values = value if isinstance(value, list) else [value]
            if attribute.lower().startswith("on"):
                found[f"{where}: <{name} {attribute}=...>"] += 1
            if any(script_url(str(v)) for v in values):
                found[f"{where}: <{name} {attribute}={str(value)[:40]!r}>"] += 1
    return found


def xml_findings(text: str, where: str) -> Counter[str]:
    found: Counter[str] = Counter()
    root = ET.fromstring(text)  # our own build's output: nothing to expand
    for element in root.iter():
        name = element.tag.rsplit("}", 1)[-1].lower()
        if name == "script" or name == "foreignobject":
            found[f"{where}: <{name}>"] += 1
        for attribute, value in element.attrib.items():
            local = attribute.rsplit("}", 1)[-1].lower()
            if local.startswith("on"):
                found[f"{where}: <{name} {local}=...>"] += 1
            if script_url(value):
                found[f"{where}: <{name} {local}={value[:40]!r}>"] += 1
        # An Atom text construct of type html is shown by feed readers as HTML.
        if element.get("type") in ("html", "xhtml") and name != "link":
            inner = (element.text or "") + "".join(ET.tostring(c, "unicode") for c in element)
            found += html_findings(inner, f"{where} <{name} type=html>")
    return found


def site_findings(site: Path) -> Counter[str]:
    """Everything that could run, in every file of the site that a browser would read."""
    found: Counter[str] = Counter()
    for path in sorted(site.rglob("*")):
        where = path.relative_to(site).as_posix()
        if path.suffix == ".html":
            found += html_findings(path.read_text(encoding="utf-8"), where)
        elif path.suffix in (".svg", ".xml"):
            found += xml_findings(path.read_text(encoding="utf-8"), where)
    index = site / "search" / "search_index.json"
    for doc in json.loads(index.read_text(encoding="utf-8"))["docs"]:
        for key in ("title", "text"):
            found += html_findings(doc[key], f"search index {doc['location']} {key}")
    return found


def every_file_text(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): path.read_text(encoding="utf-8", errors="replace")
        for path in sorted(site.rglob("*"))
        if path.is_file() and path.suffix in (".html", ".svg", ".xml", ".json", ".csv", ".txt")
    }
