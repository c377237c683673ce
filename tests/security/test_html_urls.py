"""Links: every URL field has the Url type, which allows only https:, http:, mailto: and tel:.

The list of URL fields comes from the models (tests/security/model_fields.py); each is set to
a script link in a copy of the hostile fixture, which must then be refused with the file, the
line and the field.
"""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest
import yaml

from portal.load import validate
from portal.models.common import check_url
from portal.render.html import tag
from portal.site.components import link_setting
from tests.security.hostile import FIXTURE, data_files, locations
from tests.security.model_fields import every_leaf, url_leaves

REFUSED = [
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "\x00javascript:alert(1)",
    "javascript\x0b:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html,<script>alert(1)</script>",
    "file:///etc/passwd",
    "//evil.example/",
    "/relative/page",
    "relative/page",
    "www.example.org",
    "https:evil.example",
    "https:///path",
    "https://",
    "mailto:",
    "https://example.org/a b",
    "https://example.org/\u2028",
]
ALLOWED = [
    "https://www.lgo.org.uk",
    "HTTPS://EXAMPLE.ORG/Path?q=1&r=2#x",
    "http://example.org",
    "mailto:complaints@example.org",
    "tel:+442079460000",
]
URL_LIKE_NAME = re.compile(r"url|website|link|href|web_|_page|site")


def _url_locations() -> list[tuple[str, Path, tuple]]:
    """(field, file relative to the fixture, key path) for the first place each URL field
    occurs in the hostile fixture."""
    found: dict[str, tuple[Path, tuple]] = {}
    for path, model in data_files(FIXTURE):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for key, paths in locations(model, data).items():
            found.setdefault(key, (path.relative_to(FIXTURE), paths[0]))
    return [(key, *found[key]) for key in sorted(url_leaves()) if key in found]


@pytest.mark.parametrize("url", REFUSED)
def test_unsafe_links_are_refused(url: str) -> None:
    with pytest.raises(ValueError, match="a link must be a web address starting https://"):
        check_url(url)


@pytest.mark.parametrize("url", ALLOWED)
def test_web_mail_and_phone_links_are_allowed(url: str) -> None:
    assert check_url(url) == url


def test_the_models_have_url_fields_and_the_fixture_uses_each() -> None:
    assert len(url_leaves()) >= 5  # the walk finds them (sources, council, routes...)
    missing = url_leaves() - {key for key, _, _ in _url_locations()}
    assert not missing, f"add an example of {sorted(missing)} to tests/fixtures/hostile/"


def test_no_address_field_is_left_as_plain_text() -> None:
    """A field named like a link must have the Url type, or it would be a live link unchecked."""
    plain = [
        leaf.key
        for leaf in every_leaf()
        if leaf.kind in ("text", "other") and URL_LIKE_NAME.search(leaf.name)
    ]
    assert not plain, f"these look like links but are not the Url type: {plain}"


@pytest.mark.parametrize(
    ("field", "file", "path"), _url_locations(), ids=[k for k, _, _ in _url_locations()]
)
def test_a_script_link_is_refused_in_every_url_field(
    field: str, file: Path, path: tuple, tmp_path: Path
) -> None:
    root = tmp_path / "data"
    shutil.copytree(FIXTURE, root)
    target = root / file
    data = yaml.safe_load(target.read_text(encoding="utf-8"))
    holder = data
    for part in path[:-1]:
        holder = holder[part]
    holder[path[-1]] = "JavaScript:alert(document.cookie)"
    target.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")

    problems = [p for p in validate(root).problems if p.severity == "error"]

    shown = ".".join(str(part) for part in path)
    assert [p.field for p in problems] == [shown], [p.format() for p in problems]
    (problem,) = problems
    assert problem.file.endswith(file.as_posix())
    assert problem.line is not None
    assert "a link must be a web address starting https://" in problem.message
    assert "Traceback" not in problem.format()


@pytest.mark.parametrize("url", [u for u in REFUSED if ":" in u or u.startswith("//")])
def test_a_link_the_model_did_not_check_is_shown_as_text(url: str) -> None:
    """The page's own link helper checks again, so no other path makes a live script link."""
    html = link_setting(url)
    assert "<a" not in html
    with pytest.raises(ValueError, match="is not a link a page may have"):
        tag("a", "x", href=url)


@pytest.mark.parametrize("url", [*ALLOWED, "reports/2023-24/", "../downloads/a.csv", "#top"])
def test_page_links_and_checked_links_are_kept(url: str) -> None:
    assert f'href="{html.escape(url)}"' in tag("a", "x", href=url)
