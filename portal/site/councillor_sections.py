"""What a councillor reads first on a year's page: key points, and "you said, we did"
(actions by theme and status, linked across years). The Learning page shows every year's."""

from __future__ import annotations

from portal.yearlabel import long_label
from portal.dataset import Dataset, Year
from portal.models.common import SOURCE_REF, Placeholder
from portal.render.html import block, tag, text
from portal.site.cite import citation_words
from portal.views.actions import Action, actions, by_theme, status_counts
from portal.views.claims import Claim, sentence, to_json, value_text
from portal.views.keypoints import changes
from portal.views.targets import results


def cite(dataset: Dataset, ref: str | None) -> str:
    """'(Source: <document title>, section 4.4)', escaped; '' for no source."""
    if not ref or SOURCE_REF.match(ref) is None:
        return ""
    words = f"(Source: {citation_words(dataset, ref)})"
    return tag("span", text(words), class_="portal-cite")


def claim_item(claim: Claim, extra: str = "") -> str:
    """A checked claim as a list item: the sentence, and the claim itself for the checks."""
    return tag("li", text(sentence(claim) + ".") + extra, data_claim=to_json(claim))


def complete(claim: Claim) -> bool:
    """A sentence cut short to fit a title would no longer say what the claim says."""
    words = sentence(claim)
    values = all(value_text(v, claim.unit) in words for v in claim.values)
    return values and all(y in words for y in claim.years)


def _report_dates(dataset: Dataset, year: Year) -> list[str]:
    """When the year's own report came out, and where to read it, when sources.yml says."""
    docs = dict.fromkeys(c.source.split(" §")[0] for c in year.report.stages)
    found = []
    for doc_id in docs:
        doc = dataset.sources_by_id.get(doc_id)
        if doc is None or not (doc.published or doc.url):
            continue
        words = text(f"{doc.title}: published {doc.published}.") if doc.published else ""
        link = tag("a", text(f"Read {doc.title}"), href=doc.url) if doc.url else ""
        found.append(tag("p", " ".join(p for p in (words, link) if p)))
    return found


def _publication(dataset: Dataset, year: Year) -> str:
    pub = dataset.council.publication
    facts = [
        (name, value)
        for name, value in (("Data published", pub.published), ("Next update", pub.next_update))
        if value is not None and not isinstance(value, Placeholder)
    ]
    parts = _report_dates(dataset, year)
    if facts:
        parts.append(
            tag(
                "p",
                " ".join(tag("strong", f"{n}:") + " " + text(f"{v}.") for n, v in facts),
            )
        )
    return block(*parts)


def key_points(dataset: Dataset, year: Year) -> str:
    """Staff's key points with sources, then each headline change and each aim, as claims."""
    parts = []
    if year.report.key_points:
        items = [
            tag("li", text(p.text) + " " + cite(dataset, p.source)) for p in year.report.key_points
        ]
        parts.append(tag("ul", block(*items), class_="portal-key-points"))
    found = [c for c in changes(dataset, year) if complete(c)]
    if found:
        parts.append("### Since the previous year\n")
        parts.append(tag("ul", block(*(claim_item(c) for c in found)), class_="portal-changes"))
    aims = [r for r in results(dataset, year) if r.claim is not None]
    if aims:
        parts.append("### Against the council’s aims\n")
        items = [
            claim_item(
                r.claim,  # type: ignore[arg-type]
                " " + text(f"The aim: {r.target.text}.") + " " + cite(dataset, r.target.source),
            )
            for r in aims
        ]
        parts.append(tag("ul", block(*items), class_="portal-targets"))
    if not parts:
        return ""
    publication = _publication(dataset, year)
    return "\n\n".join(
        ["## Key points\n", *parts, publication] if publication else ["## Key points\n", *parts]
    )


def _links(pairs: tuple[tuple[str, str], ...], here: str | None, words: str) -> str:
    """Links to the actions in other years; in-page when `here` is None (the Learning page)."""
    links = []
    for label, item_id in pairs:
        href = (
            f"#action-{item_id}"
            if here is None or here == label
            else f"../{label}/#action-{item_id}"
        )
        links.append(tag("a", text(long_label(label)), href=href))
    return tag("p", text(words) + " " + ", ".join(links) + ".", class_="portal-follow-up")


def action_item(dataset: Dataset, action: Action, here: str | None) -> str:
    item = action.item
    parts = [tag("p", text(item.text))]
    if item.action:
        parts.append(tag("p", tag("strong", "Action: ") + text(item.action)))
    facts = [("Status", action.status), ("Owner", action.owner or "Not reported")]
    facts.append(("Due", item.due or "No date given"))
    parts.append(
        tag(
            "dl",
            block(*(tag("dt", text(k)) + tag("dd", text(v)) for k, v in facts)),
            class_="portal-facts",
        )
    )
    if action.earlier:
        parts.append(_links(action.earlier, here, "Follows up the action from"))
    if action.later:
        parts.append(_links(action.later, here, "Progress reported in"))
    return tag("li", block(*parts), id=action.anchor, class_="portal-action")


def _summary(found: tuple[Action, ...]) -> str:
    counts = status_counts(found)
    words = "; ".join(f"{name.lower()}: {n}" for name, n in counts.items())
    total = len(found)
    return tag(
        "p",
        text(f"{total} action{'s' if total != 1 else ''} — {words}. ")
        + text("“Not reported” means the report did not say what happened, not that nothing did."),
    )


def action_list(dataset: Dataset, found: tuple[Action, ...], here: str | None, level: int) -> str:
    if not found:
        return ""
    parts = [_summary(found)]
    for theme, statuses in by_theme(found).items():
        parts.append(f"{'#' * level} {text(theme)}\n")
        for status, items in statuses.items():
            parts.append(
                tag("p", tag("strong", text(status)), class_="portal-status-heading")
                + "\n"
                + tag(
                    "ul",
                    block(*(action_item(dataset, a, here) for a in items)),
                    class_="portal-actions",
                )
            )
    return "\n\n".join(parts)


def year_actions(dataset: Dataset, year: Year) -> str:
    """The year's actions by theme and status (the titled section "You said, we did")."""
    found = tuple(a for a in actions(dataset) if a.year == year.label)
    return action_list(dataset, found, year.label, 3)


def all_actions(dataset: Dataset) -> str:
    """Every year's actions, newest year first, for the Learning page."""
    found = actions(dataset)
    parts = []
    for label in sorted({a.year for a in found}, reverse=True):
        parts.append(f"### Reported in {long_label(label)}\n")
        parts.append(action_list(dataset, tuple(a for a in found if a.year == label), None, 4))
    return "\n\n".join(parts) or tag("p", "No actions have been published yet.")
