"""Readable citations: a source reference ("council-2023-24 §4.2") as readers see it, linked
to its entry in the list of sources on About the data (never the raw id in body text)."""

from __future__ import annotations

import re

from portal.dataset import Dataset
from portal.models.common import SOURCE_REF
from portal.render.html import tag, text

# Year pages are reports/<year>/; the list of sources is on about/.
ABOUT_FROM_YEAR = "../../about/"


def source_anchor(doc_id: str) -> str:
    """The id of a document's entry in the list of sources."""
    return f"source-{doc_id}"


def citation_words(dataset: Dataset, ref: str) -> str:
    """'Children's complaints report 2023/2024, section 4.2', in plain text."""
    found = SOURCE_REF.match(ref)
    if found is None:
        return ref
    doc = dataset.sources_by_id.get(found.group("doc"))
    title = doc.title if doc is not None else "the report"
    section = found.group("section")
    if section.lower().startswith(("appendix", "page")):
        where = section
    else:
        # "4.1-4.3" and "7.5 and §7.8" name more than one section.
        several = any(mark in section for mark in ("-", " and ", ","))
        where = f"{'sections' if several else 'section'} {section}"
    return f"{title}, {where}"


def citation(dataset: Dataset, ref: str, about: str = ABOUT_FROM_YEAR) -> str:
    """The citation as a link to the document in the list of sources."""
    found = SOURCE_REF.match(ref)
    words = text(citation_words(dataset, ref))
    if found is None or found.group("doc") not in dataset.sources_by_id:
        return words
    return tag("a", words, href=f"{about}#{source_anchor(found.group('doc'))}")


def citations(dataset: Dataset, refs: tuple[str, ...], about: str = ABOUT_FROM_YEAR) -> str:
    """Several references, one link per document: 'Annual report 2023/24, sections 4.1 and 13'."""
    by_doc: dict[str, list[str]] = {}
    loose: list[str] = []
    for ref in refs:
        found = SOURCE_REF.match(ref)
        if found is None or found.group("doc") not in dataset.sources_by_id:
            loose.append(text(ref))
            continue
        sections = by_doc.setdefault(found.group("doc"), [])
        if found.group("section") not in sections:
            sections.append(found.group("section"))
    links = []
    for doc_id, sections in by_doc.items():
        if len(sections) == 1:
            links.append(citation(dataset, f"{doc_id} §{sections[0]}", about))
            continue
        listed = ", ".join(sections[:-1]) + " and " + sections[-1]
        words = text(f"{dataset.sources_by_id[doc_id].title}, sections {listed}")
        links.append(tag("a", words, href=f"{about}#{source_anchor(doc_id)}"))
    return "; ".join(links + loose)


def readable(dataset: Dataset, sentence: str) -> str:
    """Data text with raw references ('council-2023-24 §4.2') as words ('§4.2 of <title>')."""

    return _INLINE_REF.sub(lambda m: _inline(dataset, m), sentence)


_INLINE_REF = re.compile(r"\b([a-z0-9][a-z0-9-]*[a-z0-9]) (§)")


def _inline(dataset: Dataset, found: re.Match[str]) -> str:
    doc = dataset.sources_by_id.get(found.group(1))
    return found.group(0) if doc is None else f"{doc.title}, §"
