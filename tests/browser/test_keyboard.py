"""Keyboard use: skip link, every control reachable with Tab and visibly focused, tabs."""

from __future__ import annotations

import pytest

from tests.browser.helpers import NARROW, WIDE, goto, open_page, settle, walk

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [WIDE, NARROW])
def test_skip_link_is_first_and_moves_focus_to_the_content(sweep, width):
    """On every page (checked during the sweep, on the page as loaded)."""
    reports = sweep.at(width)
    assert reports
    problems = [f"{r.path}: {p}" for r in reports for p in r.skip_link]
    assert not problems, "\n".join(problems)


def _walk_pages(site) -> list[str]:
    return ["/how-to-complain/", site.latest_year, site.component_page]


@pytest.mark.parametrize("width", [WIDE, NARROW])
def test_every_control_is_reachable_and_shows_focus(browser, site, width):
    problems = []
    with open_page(browser, width) as page:
        for path in _walk_pages(site):
            goto(page, site.url(path))
            expected, reached, found = walk(page)
            problems += [f"{path}: {p}" for p in found]
            missing = [name for i, name in enumerate(expected) if str(i) not in reached]
            problems += [f"{path}: never reached with Tab: {name}" for name in missing]
            if len(reached) < 5:
                problems.append(f"{path}: only {len(reached)} Tab stops reached")
    assert not problems, f"keyboard problems at {width} px:\n" + "\n".join(problems)


def _tab_sets(page) -> int:
    return page.locator("article .tabbed-set").count()


@pytest.mark.parametrize("width", [WIDE, NARROW])
def test_chart_and_table_tabs_switch_with_the_keyboard(browser, site, width):
    checked_sets = 0
    problems = []
    with open_page(browser, width) as page:
        for path in (site.latest_year, site.component_page):
            goto(page, site.url(path))
            for index in range(_tab_sets(page)):
                tab_set = page.locator("article .tabbed-set").nth(index)
                radios = tab_set.locator(":scope > input[type=radio]")
                blocks = tab_set.locator(":scope > .tabbed-content > .tabbed-block")
                if radios.count() < 2:
                    continue
                # Reach the set's Tab stop from the control before it, as a keyboard user does.
                radios.nth(0).focus()
                page.keyboard.press("Shift+Tab")
                page.keyboard.press("Tab")
                label = tab_set.locator(".tabbed-labels > label").nth(0)
                if page.evaluate("document.activeElement.id") != radios.nth(0).get_attribute("id"):
                    problems.append(f"{path}: set {index}: Tab does not reach the first tab")
                    continue
                ring = label.evaluate("l => getComputedStyle(l).backgroundColor")
                if ring != "rgb(255, 221, 0)":
                    problems.append(f"{path}: set {index}: focused tab not highlighted ({ring})")
                page.keyboard.press("ArrowRight")
                settle(page)
                if not (blocks.nth(1).is_visible() and blocks.nth(0).is_hidden()):
                    problems.append(f"{path}: set {index}: ArrowRight did not show the 2nd tab")
                page.keyboard.press("ArrowLeft")
                settle(page)
                if not (blocks.nth(0).is_visible() and blocks.nth(1).is_hidden()):
                    problems.append(f"{path}: set {index}: ArrowLeft did not go back")
                checked_sets += 1
    assert checked_sets >= 2, "no chart / table tabs found, not even on the component page"
    assert not problems, "\n".join(problems)


SCHEME = "document.body.getAttribute('data-md-color-scheme')"


def test_dark_mode_button_works_with_the_keyboard_and_is_remembered(browser, site):
    with open_page(browser, WIDE) as page:
        goto(page, site.url("/"))
        button = page.locator("button[data-portal-palette]")
        assert button.get_attribute("aria-pressed") == "false"
        for _ in range(10):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.hasAttribute('data-portal-palette')"):
                break
        else:
            pytest.fail("Tab never reached the dark mode button")
        page.keyboard.press("Enter")
        assert page.evaluate(SCHEME) == "slate"
        assert button.get_attribute("aria-pressed") == "true"
        goto(page, site.url("/how-to-complain/"))
        assert page.evaluate(SCHEME) == "slate", "the choice was not remembered"
        page.locator("button[data-portal-palette]").focus()
        page.keyboard.press("Space")
        assert page.evaluate(SCHEME) == "default"
        assert page.locator("button[data-portal-palette]").get_attribute("aria-pressed") == "false"
