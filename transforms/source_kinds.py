"""What kind of source a noun phrase names: lexicon names first, then head nouns.

All knowledge is in ``lexicons/source_kinds.toml``; this module only reads a
phrase's words against it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from transforms.gazetteer import country_code, demonym_country, words_pattern
from transforms.lexicon import load_toml


@dataclass(frozen=True, slots=True)
class Named:
    name: str  # canonical
    kind: str


@cache
def _lexicon() -> dict:
    return load_toml("source_kinds")


@cache
def named_sources() -> dict[str, Named]:
    """Lower-cased alias (and canonical name, with and without "the") -> Named."""
    names: dict[str, Named] = {}
    for kind, entries in _lexicon()["names"].items():
        for canonical, aliases in entries.items():
            named = Named(canonical, kind)
            for alias in (canonical, *aliases):
                names[alias.lower()] = named
                names[alias.lower().removeprefix("the ")] = named
    return names


@cache
def head_kinds() -> dict[str, str]:
    """Head noun (one or two words, lower case) -> kind."""
    return {head: kind for kind, heads in _lexicon()["heads"].items() for head in heads}


@cache
def role_defaults() -> dict[str, str]:
    return dict(_lexicon()["roles"])


@cache
def affiliation_kinds() -> dict[str, str]:
    return dict(_lexicon()["affiliation_kinds"])


@cache
def coreference_heads() -> dict[str, str]:
    return dict(_lexicon()["coreference"])


@cache
def type_descriptors() -> frozenset[str]:
    """Nouns of a body's type written after its name and no part of it: "the Aslef union", "the Likud party"."""
    return frozenset(_lexicon()["words"]["type_descriptors"])


@cache
def place_possessors() -> dict[str, str]:
    """Nouns standing for a place named before ("the country's", "the province's") -> the place's kind."""
    return dict(_lexicon()["place_possessors"])


@cache
def anonymous_markers() -> tuple[str, ...]:
    return tuple(_lexicon()["words"]["anonymous_markers"])


@cache
def anonymous_marker_openers() -> frozenset[str]:
    """The first words of the anonymity markers ("close", "familiar"): where a marker may start."""
    return frozenset(marker.split()[0] for marker in anonymous_markers())


@cache
def anonymous_marker_search() -> re.Pattern[str]:
    """Any anonymity marker anywhere ("familiar with", "briefed on"): one pass to rule all of them out."""
    return re.compile(words_pattern(anonymous_markers()))


@cache
def titles() -> frozenset[str]:
    return frozenset(_lexicon()["words"]["titles"])


@cache
def place_adjective_endings() -> tuple[str, ...]:
    return tuple(_lexicon()["words"]["place_adjective_endings"])


def place_adjective(word: str) -> bool:
    """"Seoul-based", "London-listed": a place and a participle, no part of a name."""
    return "-" in word and word.lower().endswith(place_adjective_endings())


@cache
def public_owners() -> frozenset[str]:
    """Listed bodies whose own services are public bodies ("the EU's Copernicus service")."""
    return frozenset(_lexicon()["words"]["public_owners"])


@cache
def person_roles() -> frozenset[str]:
    """Role nouns that head a person's title ("president", "minister"), though their kind is a body's."""
    return frozenset(_lexicon()["words"]["person_roles"])


@cache
def affiliated_groups() -> frozenset[str]:
    """People who speak for the institution after them: "Researchers at the University of Exeter"."""
    return frozenset(_lexicon()["words"]["affiliated_groups"])


@cache
def organisation_words() -> frozenset[str]:
    return frozenset(_lexicon()["words"]["organisation_words"])


@cache
def government_words() -> frozenset[str]:
    return frozenset(_lexicon()["words"]["government_words"])


@cache
def company_words() -> frozenset[str]:
    return frozenset(_lexicon()["words"]["company_words"])


@cache
def media_words() -> frozenset[str]:
    return frozenset(_lexicon()["words"]["media_words"])


@cache
def alias_search(named: Named) -> re.Pattern[str]:
    """Every written form of a listed source, longest first: "World Health Organization|World Health ...|WHO"."""
    forms = {alias.removeprefix("the ") for alias, same in named_sources().items() if same is named}
    originals = {form for entries in _lexicon()["names"].values() for canonical, aliases in entries.items()
                 if canonical == named.name for form in (canonical, *aliases)}
    written = sorted({form.removeprefix("the ") for form in originals if form.lower().removeprefix("the ") in forms},
                     key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(form) for form in written) + r")(?![\w-])")


@cache
def longest_form(named: Named) -> int:
    """Length of a listed source's longest written form: a mention as long needs no earlier, longer one."""
    return max(len(alias.removeprefix("the ")) for alias, same in named_sources().items() if same is named)


def lookup_name(text: str) -> Named | None:
    """``"the BBC"`` -> Named("BBC", "media")."""
    return named_sources().get(text.lower())


def written_name(named: Named, surface: str) -> str:
    """A listed source's name as the text writes it: "Bloomberg News", "World Health Organization", "NASA";
    the canonical name when the text writes just that ("the Kremlin", "The New York Times")."""
    words = surface.split()
    if len(words) > 1 and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    written = " ".join(words)
    if written.lower() == named.name.lower().removeprefix("the "):
        return named.name
    return written


def head_kind(words: list[str]) -> str | None:
    """Kind of a phrase by its last two words, then its last word; an occupation's ending makes a person."""
    kinds = head_kinds()
    if len(words) >= 2:
        kind = kinds.get(f"{words[-2]} {words[-1]}".lower())
        if kind:
            return kind
    if not words:
        return None
    kind = kinds.get(words[-1].lower())
    if kind is None and "-" in words[-1][1:]:
        kind = kinds.get(words[-1].rsplit("-", 1)[1].lower())  # "co-founder", "vice-chancellor"
    if kind is None and words[-1].islower() and occupation(words[-1]):
        return "person"  # "archaeologist", "paediatrician"
    return kind


@cache
def occupation(word: str) -> bool:
    """"archaeologist", "Glaciologist": a person's occupation by its ending."""
    return word.lower().endswith(person_noun_endings())


@cache
def person_noun_endings() -> tuple[str, ...]:
    return tuple(_lexicon()["words"]["person_noun_endings"])


def phrase_head_kind(words: list[str]) -> str | None:
    """Kind of a phrase by the head before its "of": "ministry of health" -> government."""
    if "of" in words[1:]:
        words = words[:words.index("of", 1)]
    return head_kind(words)


def modifier_kind(words: list[str]) -> str | None:
    """Kind carried by the words before a role noun: "special forces" -> military."""
    for end in range(len(words), 0, -1):
        named = lookup_name(" ".join(words[:end]))
        if named:
            return named.kind
        kind = head_kind(words[:end])
        if kind in ("military", "intelligence", "government", "company", "organisation", "media"):
            return kind
    return None


def proper_name_kind(words: list[str]) -> str | None:
    """Kind of a capitalised name: titled person, country, company, organisation, person."""
    while len(words) > 1 and (head_kinds().get(words[0].lower()) == "person" or words[0] in titles()
                              or words[0].lower() in person_roles() or occupation(words[0])):
        words = words[1:]  # "manager Pep Guardiola", "Head coach Tomas Lindqvist", "Prosecutor Anna Whitfield"
        if all(word[0].isupper() for word in words):
            return "person"
    if not words or not all(_name_word(word) or word in name_links() for word in words) or not _name_word(words[0]):
        return None
    joined = " ".join(words)
    if country_code(joined) or state_body(words):
        return "government"
    title_set = titles()
    if any(word in title_set or f"{word} {after}" in title_set for word, after in zip(words, words[1:])):
        return "person"
    kind = _last_word_kinds().get(words[-1])
    if kind is not None:
        return kind  # the last word leads: "Japan Aerospace Exploration Agency", "British Retail Consortium"
    if any(word in company_words() for word in words):
        return "company"
    if any(word in government_words() for word in words):
        return "government"
    if len(words) >= 2:
        parent = listed_prefix(words)
        if parent is not None:
            return parent  # "United Nations Office for ...": the listed body it belongs to
        head = head_kind(words)
        if head in ("military", "media", "company", "government"):
            return head  # "Rapid Support Forces", "Kingsford Broadcasting Channel"
    if any(word in organisation_words() for word in words):
        return "organisation"
    if len(words) >= 2 and country_code(words[-1]):
        # "Environment Canada" is a department, "Cricket Australia" a federation: neither a person
        return "government" if words[0] in _state_portfolios() else "organisation"
    if any(word in _JOINERS for word in words):
        return "organisation"  # "Archive of Public Gatherings": a person's name holds no "of" or "and"
    return "person" if len(words) >= 2 else "organisation"


def _name_word(word: str) -> bool:
    """"Reuters", and a brand's inner capital: "beIN", "eBay"."""
    return word[0].isupper() or word[0].islower() and any(letter.isupper() for letter in word[1:])


# Words joining the parts of a body's name, never inside a person's: "Archive of Public Gatherings".
_JOINERS = frozenset({"of", "for", "and", "&"})


def state_body(words: list[str]) -> bool:
    """"Indian Space Research Organisation", "U.S. National Hurricane Center", "Office of Rail and Road": a
    state's own body by the words that open and end its name."""
    openers, heads, qualifiers = _state_body_words()
    if len(words) >= 3 and words[0] in openers and words[1] in ("of", "for"):
        return True
    return len(words) >= 2 and words[-1] in heads and (
        words[0] in qualifiers or country_code(words[0]) is not None or demonym_country(words[0]) is not None)


@cache
def _state_portfolios() -> frozenset[str]:
    return frozenset(_lexicon()["words"]["state_portfolios"])


@cache
def _state_body_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    table = _lexicon()["words"]
    return (frozenset(table["public_body_openers"]), frozenset(table["public_body_heads"]),
            frozenset(table["state_qualifiers"]))


@cache
def _last_word_kinds() -> dict[str, str]:
    """A name's last word -> the kind it gives the name (an outlet's first, then public body, company,
    organisation; an armed body's head noun, "Forces", is left to the head nouns)."""
    kinds: dict[str, str] = {}
    for kind, kind_words in (("media", media_words()), ("government", government_words()), ("company", company_words()),
                             ("organisation", organisation_words())):
        for word in kind_words:
            if word not in kinds and head_kinds().get(word.lower()) not in _ARMED_KINDS:
                kinds[word] = kind
    return kinds


def listed_prefix(words: list[str]) -> str | None:
    """Kind of a listed name that opens ``words`` ("United Nations" of "United Nations Office for ...")."""
    for end in range(len(words) - 1, 0, -1):
        named = lookup_name(" ".join(words[:end]))
        if named is not None and named.kind != "media":
            return named.kind
    return None


def without_titles(words: list[str]) -> list[str]:
    """A person's name without the titles and roles before it.

    "Chancellor Rachel Ormond" -> Rachel Ormond; "Health Secretary Wes Harlan" -> Wes Harlan;
    "chief financial officer Omar Haddad" -> Omar Haddad. Only capitalised words after the last title stay.
    """
    title_set = titles()
    heads = head_kinds()
    last_title = -1
    for index, word in enumerate(words[:-1]):
        if word in title_set or word.rstrip(".") in title_set or heads.get(word.lower()) in _TITLE_HEAD_KINDS \
                or index == 0 and occupation(word):
            last_title = index
    rest = words[last_title + 1:]
    if last_title < 0 or not rest or not all(word[0].isupper() or word in name_links() for word in rest):
        return words
    return rest


@cache
def name_particles() -> frozenset[str]:
    """Lower-case particles inside a person's name: "van" of "Marieke van Dalen"."""
    return frozenset(_lexicon()["words"]["name_particles"])


@cache
def name_links() -> frozenset[str]:
    """Lower-case words inside a name: "Bank of England", "Keller & Moss", "Sanne de Vries"."""
    return frozenset({"of", "for", "and", "the", "&"}) | name_particles()

# Kinds of armed bodies, whose head nouns ("Forces", "Army") lead a name's kind.
_ARMED_KINDS = frozenset({"military", "intelligence"})

# Head nouns that, written before a name, are its holder's role ("Senator", "Manager", "Judge").
_TITLE_HEAD_KINDS = frozenset({"person", "government", "military"})


def has_title(words: list[str]) -> bool:
    title_set = titles()
    return any(word in title_set for word in words[:-1])
