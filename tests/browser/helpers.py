"""Shared browser helpers and the in-page JavaScript the checks use."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit

WIDE = 1280
ZOOMED = 640  # 1280 px at 200% zoom
NARROW = 320
HEIGHTS = {WIDE: 900, ZOOMED: 720, NARROW: 640}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


@contextmanager
def open_page(browser, width: int, *, scheme: str = "light", js: bool = True) -> Iterator:
    """A fresh context (no stored state) and one page in it."""
    context = browser.new_context(
        viewport={"width": width, "height": HEIGHTS.get(width, 900)},
        color_scheme=scheme,
        reduced_motion="reduce",
        java_script_enabled=js,
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        yield page
    finally:
        context.close()


def goto(page, url: str, *, js: bool = True) -> None:
    response = page.goto(url, wait_until="load")
    assert response is not None and response.ok, f"{url}: HTTP {response and response.status}"
    if js:
        # Material's bundle has run (it swaps the no-js class and mounts the components).
        page.wait_for_function("document.documentElement.classList.contains('js')")
    settle(page)


# Pages may use `content-visibility: auto` to skip the layout of figures and tables below the
# fold. axe-core does not check what is not laid out, and full-page screenshots show it blank;
# the checks lay everything out first. (Nothing else about the page changes.)
RENDER_ALL_CSS = "*, *::before, *::after { content-visibility: visible !important; }"


def render_everything(page) -> None:
    page.add_style_tag(content=RENDER_ALL_CSS)
    settle(page)


def settle(page) -> None:
    """Wait until no CSS transition or animation is running, and two frames have been drawn
    (Material resizes its sticky sidebars on the frame after a scroll)."""
    page.wait_for_function(
        "document.getAnimations().every(a => a.playState !== 'running')", timeout=3_000
    )
    # Frame callbacks never run in a page without JavaScript: do not wait for them there.
    page.evaluate(
        """() => document.documentElement.classList.contains('no-js') ? null
           : new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"""
    )


def path_of(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"#{parts.fragment}" if parts.fragment else "")


def pretty(value: object) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False)


# In-page helpers, defined once per page as window.__portal -------------------------------
HELPERS_JS = r"""
(() => {
  if (window.__portal) return;
  const FOCUSABLE = 'a[href], area[href], button, input, select, textarea, summary, iframe, '
    + '[tabindex], [contenteditable="true"]';

  function describe(el) {
    if (!el || el === document.body) return 'body';
    let text = (el.getAttribute('aria-label') || el.textContent || el.value || '').trim();
    text = text.replace(/\s+/g, ' ').slice(0, 40);
    const id = el.id ? '#' + el.id : '';
    const cls = typeof el.className === 'string' && el.className
      ? '.' + el.className.trim().split(/\s+/).join('.') : '';
    return `${el.tagName.toLowerCase()}${id}${cls} "${text}"`;
  }

  // Where a control shows focus: hidden radio buttons show it on their label.
  function indicator(el) {
    if (el.matches('.tabbed-set > input')) {
      return el.parentElement.querySelector(`.tabbed-labels > label[for="${el.id}"]`) || el;
    }
    return el;
  }

  function rendered(el) {
    if (!el.getClientRects().length) return false;
    const style = getComputedStyle(el);
    return style.visibility === 'visible' && !el.closest('[inert]');
  }

  function radioSkipped(el) {
    // Only one radio button of a group is a Tab stop: the checked one, else the first.
    if (el.type !== 'radio' || !el.name) return false;
    const group = [...document.querySelectorAll(`input[type=radio][name="${el.name}"]`)];
    const checked = group.find(r => r.checked);
    return el !== (checked || group[0]);
  }

  function tabbable() {
    return [...document.querySelectorAll(FOCUSABLE)].filter(el =>
      el.tabIndex >= 0 && !el.disabled && el.type !== 'hidden' && rendered(el)
      && !radioSkipped(el));
  }

  function tag() {
    const all = tabbable();
    all.forEach((el, i) => { el.dataset.portalStop = String(i); });
    return all.map(describe);
  }

  function look(el) {
    const s = getComputedStyle(el);
    return {
      outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1
        ? `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}` : 'none',
      shadow: s.boxShadow,
      background: s.backgroundColor,
      color: s.color,
      decoration: s.textDecorationLine + ' ' + s.textDecorationThickness,
      border: s.borderColor + ' ' + s.borderWidth,
    };
  }

  function visibleOutline(l) {
    return l.outline !== 'none' && !/rgba\(\d+, \d+, \d+, 0\)/.test(l.outline);
  }

  function looks() {
    const out = {};
    document.querySelectorAll('[data-portal-stop]').forEach(el => {
      out[el.dataset.portalStop] = look(indicator(el));
    });
    return out;
  }

  // What obscures a point, if anything other than the element (or its label).
  function coveredBy(target, x, y) {
    const hit = document.elementFromPoint(x, y);
    if (!hit || target.contains(hit) || hit.contains(target)) return null;
    if (target.tagName === 'LABEL' && target.control && target.control.contains(hit)) return null;
    return describe(hit);
  }

  function header() {
    const h = document.querySelector('.md-header');
    if (!h) return null;
    const r = h.getBoundingClientRect();
    return getComputedStyle(h).display === 'none' ? null : {top: r.top, bottom: r.bottom};
  }

  function focusState() {
    const el = document.activeElement;
    if (!el || el === document.body) return {stop: null, name: 'body'};
    const ind = indicator(el);
    const r = ind.getBoundingClientRect();
    const vw = document.documentElement.clientWidth, vh = window.innerHeight;
    const inView = r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0
      && r.top < vh && r.left < vw;
    const clamp = (v, lo, hi) => Math.min(Math.max(v, lo), hi);
    const points = [
      [r.left + r.width / 2, r.top + r.height / 2],
      [r.left + 2, r.top + 2], [r.right - 2, r.top + 2],
      [r.left + 2, r.bottom - 2], [r.right - 2, r.bottom - 2],
    ].map(([x, y]) => [clamp(x, 0, vw - 1), clamp(y, 0, vh - 1)]);
    const covered = inView ? points.map(([x, y]) => coveredBy(ind, x, y)) : [];
    const h = header();
    const inHeader = !!el.closest('.md-header');
    const inDrawer = !!el.closest('.md-sidebar--primary');
    // Under the sticky header: any overlap for an element that fits below it; for one
    // taller than the space below the header, no part of it showing below the header.
    const fits = !h || r.height <= vh - h.bottom;
    const underHeader = !!h && !inHeader && !inDrawer && (fits
      ? r.top < h.bottom - 0.5 && r.bottom > h.top + 0.5
      : r.bottom < h.bottom + 24);
    return {
      stop: el.dataset.portalStop ?? null,
      name: describe(el),
      indicatorName: describe(ind),
      rect: {x: Math.round(r.x), y: Math.round(r.y), w: Math.round(r.width),
             h: Math.round(r.height)},
      inView,
      covered: covered.filter(Boolean),
      allCovered: covered.length > 0 && covered.every(Boolean),
      underHeader,
      headerBottom: h ? Math.round(h.bottom) : null,
      look: look(ind),
      opacity: Number(getComputedStyle(ind).opacity),
    };
  }

  // WCAG 2.5.8 Target Size (Minimum): 24 x 24 CSS px, or spaced so that a 24 px circle on
  // each undersized target touches no other target or circle. Links inside a sentence are
  // exempt ("inline" exception).
  function blockOf(el) {
    let node = el.parentElement;
    while (node && ['inline', 'contents'].includes(getComputedStyle(node).display)) {
      node = node.parentElement;
    }
    return node;
  }

  function inSentence(el) {
    if (getComputedStyle(el).display !== 'inline') return false;
    const block = blockOf(el);
    if (!block) return false;
    const own = (el.textContent || '').replace(/\s+/g, '');
    const all = (block.textContent || '').replace(/\s+/g, '');
    return all.length > own.length + 1;
  }

  function targets() {
    const set = new Set();
    for (const el of tabbable()) set.add(indicator(el));
    document.querySelectorAll('label[for]').forEach(label => {
      const control = document.getElementById(label.htmlFor);
      if (control && rendered(label) && !control.disabled) set.add(label);
    });
    return [...set].filter(el => {
      if (!rendered(el)) return false;
      const r = el.getBoundingClientRect();
      return r.width > 1 && r.height > 1;   // visually hidden (e.g. the unfocused skip link)
    });
  }

  function targetProblems() {
    const list = targets().map(el => {
      const r = el.getBoundingClientRect();
      return {el, r, cx: r.left + r.width / 2, cy: r.top + r.height / 2,
              small: r.width < 24 - 0.01 || r.height < 24 - 0.01};
    });
    const problems = [];
    for (const t of list) {
      if (!t.small || inSentence(t.el)) continue;
      const clash = list.find(o => {
        if (o === t) return false;
        if (o.el.contains(t.el) || t.el.contains(o.el)) return false;
        // the circle touches the other target's box
        const nx = Math.max(o.r.left, Math.min(t.cx, o.r.right));
        const ny = Math.max(o.r.top, Math.min(t.cy, o.r.bottom));
        if (Math.hypot(t.cx - nx, t.cy - ny) < 12) return true;
        // or the other undersized target's circle
        return o.small && !inSentence(o.el) && Math.hypot(t.cx - o.cx, t.cy - o.cy) < 24;
      });
      if (clash) {
        problems.push(`${describe(t.el)} is ${Math.round(t.r.width)}x${Math.round(t.r.height)}`
          + ` px and too close to ${describe(clash.el)}`);
      }
    }
    return problems;
  }

  function overflow() {
    const doc = document.documentElement;
    if (doc.scrollWidth <= doc.clientWidth) return null;
    const clipped = el => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== 'visible') return true;
      }
      return false;
    };
    const wide = [...document.querySelectorAll('body *')].filter(el => {
      const r = el.getBoundingClientRect();
      return r.right > doc.clientWidth + 0.5 && rendered(el) && !clipped(el);
    }).slice(0, 8)
      .map(el => `${describe(el)} right=${Math.round(el.getBoundingClientRect().right)}`);
    return {scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth, widest: wide};
  }

  window.__portal = {describe, indicator, tabbable, tag, looks, look, visibleOutline,
                     focusState, targetProblems, overflow, rendered};
})();
"""


def install(page) -> None:
    page.evaluate(HELPERS_JS)


# Charts: inline SVGs in the content that are not icons.
CHARTS_JS = r"""
() => [...document.querySelectorAll('article svg')].filter(svg =>
  !svg.closest('.twemoji, .md-icon, .md-annotation, a, button, label, svg svg')
  && !svg.parentElement.closest('svg'))
"""


def walk(page, *, limit: int = 400) -> tuple[list[str], dict[str, dict], list[str]]:
    """Tab through the whole page from the top, checking each stop as it takes focus.

    Returns the page's expected Tab stops, the stops reached (by index), and problems: a
    stop whose focus indicator is not visible (no outline or box-shadow, or the same as when
    unfocused), that is off screen, entirely hidden by something else, or under the sticky
    header (WCAG 2.4.7, 2.4.11).
    """
    install(page)
    page.evaluate("window.scrollTo(0, 0); document.activeElement && document.activeElement.blur()")
    expected = page.evaluate("window.__portal.tag()")
    before = page.evaluate("window.__portal.looks()")
    reached: dict[str, dict] = {}
    problems: list[str] = []
    for _ in range(min(limit, len(expected) + 25)):
        page.keyboard.press("Tab")
        settle(page)
        state = page.evaluate("window.__portal.focusState()")
        if state["name"] == "body":
            if reached:
                break
            continue
        stop = state["stop"]
        if stop is not None and stop in reached:
            break  # round again to the start
        where = f"{state['name']} (stop {stop}) at {state['rect']}"
        look = state["look"]
        shown = look["shadow"] != "none" or _outline_visible(look["outline"])
        changed = stop is None or look != before.get(stop)
        if not (shown and changed):
            problems.append(f"{where}: no visible focus indicator ({look})")
        if not state["inView"]:
            problems.append(f"{where}: focused but off screen")
        elif state["allCovered"]:
            problems.append(f"{where}: hidden behind {state['covered'][0]}")
        elif state["underHeader"]:
            problems.append(f"{where}: under the sticky header (bottom {state['headerBottom']})")
        if state["opacity"] < 0.5:
            problems.append(f"{where}: nearly transparent (opacity {state['opacity']})")
        reached[stop if stop is not None else f"untagged {len(reached)}"] = state
    return expected, reached, problems


def _outline_visible(outline: str) -> bool:
    return outline != "none" and "rgba(0, 0, 0, 0)" not in outline and " 0px " not in outline
