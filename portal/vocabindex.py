"""Looking up a printed name (id, label or alias) in the declared vocabularies."""

from __future__ import annotations

from portal.models.vocabulary import PROCEDURES, Term, Vocabulary


class VocabularyIndex:
    def __init__(self, vocabulary: Vocabulary):
        self.vocabulary = vocabulary
        self._terms: dict[tuple[str, str | None], tuple[Term, ...]] = {
            ("services", None): vocabulary.services,
            ("teams", None): vocabulary.teams(),
            ("outcomes", None): vocabulary.outcomes,
            ("timeliness_bands", None): vocabulary.timeliness_bands,
            ("ombudsman_decisions", None): vocabulary.ombudsman_decisions,
            ("subjects", None): vocabulary.subjects,
            ("how_received", None): vocabulary.how_received,
            ("relationships", None): vocabulary.relationships,
            ("timescale_results", None): vocabulary.timescale_results,
            ("ombudsman_received", None): vocabulary.ombudsman_received,
            ("representation_kinds", None): vocabulary.representation_kinds,
            ("cost_items", None): vocabulary.cost_items,
            ("procedures", None): PROCEDURES,
        }
        groups = vocabulary.demographic_groups
        for name in type(groups).model_fields:
            self._terms[("demographic_groups", name)] = getattr(groups, name)
        self._names = {
            key: {name.casefold(): term.id for term in terms for name in term.names()}
            for key, terms in self._terms.items()
        }

    def resolve(self, vocabulary: str, value: str, scope: str | None = None) -> str | None:
        return self._names.get((vocabulary, scope), {}).get(value.strip().casefold())

    def labels(self, vocabulary: str, scope: str | None = None) -> list[str]:
        return [term.label for term in self._terms.get((vocabulary, scope), ())]

    def terms(self, vocabulary: str | None, scope: str | None = None) -> tuple[Term, ...]:
        return self._terms.get((vocabulary, scope), ())

    def term(self, vocabulary: str, term_id: str, scope: str | None = None) -> Term | None:
        return next((t for t in self._terms.get((vocabulary, scope), ()) if t.id == term_id), None)

    def service_of_team(self, team_id: str) -> str | None:
        return self.vocabulary.service_of_team(team_id)

    def parent(self, vocabulary: str | None, term_id: str | None, scope: str | None = None):
        """The group a term is a subgroup of (None for a top-level term)."""
        if vocabulary is None or term_id is None:
            return None
        term = self.term(vocabulary, term_id, scope)
        return None if term is None else term.parent

    def label(self, vocabulary: str, term_id: str, scope: str | None = None) -> str:
        term = self.term(vocabulary, term_id, scope)
        return term_id if term is None else term.label


def parent_problems(vocabulary: Vocabulary) -> list[tuple[str, str, str]]:
    """(vocabulary, term id, parent) for every parent that is not a top-level term of the
    same list: subgroups are one level deep, under a group that exists."""
    found = []
    for (name, scope), terms in VocabularyIndex(vocabulary)._terms.items():
        top = {t.id for t in terms if t.parent is None}
        for term in terms:
            if term.parent is not None and term.parent not in top:
                found.append((f"{name}.{scope}" if scope else name, term.id, term.parent))
    return found


def name_clashes(vocabulary: Vocabulary) -> list[tuple[str, str, str]]:
    """(vocabulary, name, second id) for every name that would point at two terms."""
    clashes = []
    index = VocabularyIndex(vocabulary)
    for (name, _scope), terms in index._terms.items():
        seen: dict[str, str] = {}
        for term in terms:
            for alias in {n.casefold() for n in term.names()}:
                if alias in seen and seen[alias] != term.id:
                    clashes.append((name, alias, term.id))
                seen.setdefault(alias, term.id)
    return clashes
