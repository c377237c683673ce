"""First names and surnames to recognise a person's name that has no title before it.

The lists come from Faker (MIT licence, maintained, on PyPI): its person providers hold the
first names and surnames its contributors compiled for each locale from public name
statistics, not from leaked personal data. We take the locales whose names people in England
commonly have, in Latin script. Nothing is downloaded at run time.
"""

from __future__ import annotations

import importlib
import re
from functools import cache


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# England's population: British, Irish and American English names, and the countries of birth
# most common in the census (South Asia, West and East Africa, Poland, Romania, Italy, Portugal,
# Spain, France, Germany, Turkey).
_LOCALES = (
    "en",
    "en_GB",
    "en_IE",
    "en_US",
    "en_NZ",
    "en_IN",
    "en_PK",
    "en_NG",
    "en_KE",
    "ga_IE",
    "yo_NG",
    "ig_NG",
    "ha_NG",
    "tw_GH",
    "sw",
    "zu_ZA",
    "pl_PL",
    "ro_RO",
    "it_IT",
    "pt_PT",
    "es_ES",
    "fr_FR",
    "de_DE",
    "tr_TR",
)
_LATIN_NAME = re.compile(r"^[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*$")

# English words that are also first names: at the start of a sentence or in a heading they
# are words ("May 2023", "Will Provide", "Early Help"), so they never start a name on their own.
FUNCTION_WORDS = _words(
    """
    a an and the of in on at to for by with from as or but not no so if is it its be was were
    will may can must might should would could shall did does done have has had
    """
)
ENGLISH_WORDS = FUNCTION_WORDS | _words(
    """
    mark grace hope faith joy rose summer page case early young bill frank chase dawn guy
    miles pat sue ray art don carol lane park hall child care family ever long major royal
    star sky storm trust fair given general best able august june april march january
    february september october november december monday tuesday wednesday thursday friday
    saturday sunday christmas easter london england britain member chair director
    officer officers service services team head stage review council panel court justice
    honor honour liberty destiny harmony crystal amber heather holly ivy iris violet olive
    pearl penny sunny sonny king prince princess duke earl lord lady sir dean bishop pastor
    deacon angel baby love lovely sweet happy hunter archer baker carter cook cooper fisher
    fletcher mason miller parker porter potter smith taylor turner walker ward wood white
    black brown green grey gray gold silver reed rush well wells win winter autumn spring
    unknown male female infant boy girl son daughter mother father
    """
)


@cache
def first_names() -> frozenset[str]:
    """Every first name in the lists, lower case."""
    return _names(("first_names", "first_names_male", "first_names_female"))


@cache
def surnames() -> frozenset[str]:
    """Every surname in the lists, lower case."""
    return _names(("last_names",))


def _names(attributes: tuple[str, ...]) -> frozenset[str]:
    found: set[str] = set()
    for locale in _LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attribute in attributes:
            # Some providers weight their names: a dict of name to frequency.
            names = getattr(provider, attribute, ())
            if not isinstance(names, (list, tuple, dict)):
                continue  # a property that picks among the other lists
            found.update(n.lower() for n in names if isinstance(n, str) and _LATIN_NAME.match(n))
    return frozenset(found)
