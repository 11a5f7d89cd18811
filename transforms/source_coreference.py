"""Coreference for sources: which earlier source or name a referring mention stands for.

Kept simple and documented: a pronoun ("he", "it") or a definite description
("the company", "the newspaper") takes the NAME and KIND of the most recent
source of a fitting kind; failing that, a definite description takes the last
capitalised name of a fitting kind written before it ("... from Corvane Pharma.
The company"). A bare surname ("Smith") takes the full name of the person
quoted earlier, and a bare role noun ("a spokesperson") the body that spoke
just before it. Each resolved mention keeps its own span; only its name and
kind come from what it refers to.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from transforms import source_kinds as kinds
from transforms.gazetteer import country_code, demonym_country, place_at
from transforms.lexicon import load_toml
from transforms.records import Source

# How far back (sentences) a pronoun or a definite description looks for the source it refers to.
_SOURCE_REACH = 6
# How far back (sentences) a bare role noun ("a spokesperson") looks for the body it speaks for.
_ROLE_REACH = 2
# How far back (characters) a definite description looks for the name it refers to.
_NAME_WINDOW = 700
# Rules of sources that are a document's author: "the data" after them refers back to them, and "the study" to the
# institution whose researchers spoke ("researchers at the Karolinska Institute ... the study found").
_DOCUMENT_RULES = frozenset({"document_author", "document_by", "affiliation_institution"})
# Sources a bare role noun ("a spokesperson") may speak for.
_SPEAKS_FOR = frozenset({"government", "military", "intelligence", "organisation", "company"})


@cache
def _proper_name() -> re.Pattern[str]:
    """A capitalised name, possibly with linking words and name particles: "Thames Valley Water", "Keller & Moss",
    "Bank of Ireland", "Marieke van Dalen"."""
    links = "|".join(re.escape(word) for word in sorted(kinds.name_links()))
    return re.compile(rf"[A-Z][\w’'-]*(?:[ ]+(?:(?:{links})[ ]+)*[A-Z][\w’'-]*)*")


def source_antecedent(earlier_sources: Iterable[Source], sentence_index: int, wanted: list[str]) -> Source | None:
    """The most recent source (``earlier_sources`` is in reading order) of a ``wanted`` kind, close enough."""
    for earlier in reversed(list(earlier_sources)):
        if earlier.kind in wanted and sentence_index - earlier.sentence_index <= _SOURCE_REACH:
            return earlier
    return None


def role_speaker(history: list[Source], sentence_index: int) -> Source | None:
    """The body a bare "a spokesperson" speaks for: the last government, company, ... source just before."""
    for earlier in reversed(history[-6:]):
        if earlier.kind in _SPEAKS_FOR and sentence_index - earlier.sentence_index <= _ROLE_REACH:
            return earlier
    return None


def role_holder(earlier_sources: list[Source], sentence_index: int) -> Source | None:
    """"he said" after "a rescue official told Reuters": the last source named by one role-holder's noun
    ("official", "spokesperson", "analyst") in this sentence or the one before."""
    for earlier in reversed(earlier_sources):
        if sentence_index - earlier.sentence_index > 1:
            return None
        if earlier.rule.startswith("role") and earlier.name.split()[-1].lower() in kinds.person_roles():
            return earlier
    return None


def document_antecedent(earlier_sources: list[Source], sentence_index: int) -> Source | None:
    """"the data showed" after "NHS England figures showed": the author of the last document read."""
    for earlier in reversed(earlier_sources):
        if sentence_index - earlier.sentence_index > _ROLE_REACH:
            return None
        if earlier.rule in _DOCUMENT_RULES:
            return earlier
    return None


def named_person(text: str, position: int, history: list[Source]) -> str | None:
    """The last person's name written before ``position`` ("Kenya's Faith Mwangi won ... She told")."""
    window = text[max(0, position - _NAME_WINDOW):position]
    found = None
    for match in _proper_name().finditer(window):
        words = match.group().split()
        owners = [index for index, word in enumerate(words[:-1]) if word.endswith(("'s", "’s"))]
        if owners:
            words = words[owners[-1] + 1:]  # "Kenya's Faith Mwangi": the name after the possessor
        if words[0] in ("The", "A", "An"):
            words = words[1:]
        if words and words[-1].endswith(("'s", "’s")):
            words[-1] = words[-1][:-2]
        if len(words) < 2 or country_code(" ".join(words)) or kinds.lookup_name(" ".join(words)) \
                or _place_name(" ".join(words)):
            continue
        if kinds.proper_name_kind(words) == "person":
            found = " ".join(kinds.without_titles(words))
    return found


def surname_antecedent(history: list[Source], words: list[str]) -> Source | None:
    """"Smith" after "Jane Smith said": the person quoted earlier with that surname."""
    if len(words) != 1:
        return None
    for earlier in reversed(history):
        if earlier.kind == "person" and earlier.name.split()[-1] == words[0] and earlier.name != words[0]:
            return earlier
    return None


def introduced_person(text: str, position: int, surname: str) -> str | None:
    """"Okafor" after "Canada's housing minister Daniel Okafor resigned": the person the document introduced
    with that surname anywhere before ``position`` (the last one), named without titles. The surname may stand
    inside a longer name: "Ruth Chepkoech of Kenya", "Markus Feldhaus's Christian Democrats"."""
    if surname not in text[:position]:
        return None
    found = None
    for match in _proper_name().finditer(text, 0, position):
        words = match.group().split()
        bare = [word.removesuffix("'s").removesuffix("’s") for word in words]
        if surname not in bare:
            continue
        words = words[:bare.index(surname) + 1]
        owners = [index for index, word in enumerate(words[:-1]) if word.endswith(("'s", "’s"))]
        if owners:
            words = words[owners[-1] + 1:]  # "Kenya's Faith Wanjiru": the name after the possessor
        words[-1] = surname
        if words[0] in ("The", "A", "An"):
            words = words[1:]
        if len(words) < 2 or kinds.lookup_name(" ".join(words)) or kinds.proper_name_kind(words) != "person":
            continue
        name = kinds.without_titles(words)
        if len(name) >= 2:
            found = " ".join(name)
    return found


def named_antecedent(text: str, position: int, wanted: list[str], history: list[Source], sentence_start: int,
                     strict: bool = False) -> tuple[str, str] | None:
    """(name, kind) of the last capitalised name before ``position`` whose kind fits ``wanted``; the first of the
    sentence that starts at ``sentence_start`` (a document offset) wins: "X agreed to buy Y, the company said".
    Unless ``strict``, a name of a person's form or a lone capitalised word is a last resort."""
    window_start = max(0, position - _NAME_WINDOW)
    window = text[window_start:position]
    fallback = None
    subject = None  # the first fitting name of the mention's own sentence
    local_start: int | None = sentence_start - window_start - 1
    if local_start < -1:
        local_start = None  # the window opens inside the sentence: its subject is out of reach
    single: str | None = None
    guessed: tuple[str, str] | None = None
    for match in _proper_name().finditer(window):
        words = match.group().split()
        if words[0] in ("The", "A", "An"):
            words = words[1:]
        if words and kinds.place_adjective(words[0]):
            words = words[1:]  # "Seoul-based Hanbit Electronics"
        if words and words[-1].endswith(("'s", "’s")):
            words[-1] = words[-1][:-2]
        elif words and words[-1].endswith(("s'", "s’")):
            words[-1] = words[-1][:-1]  # "Corvanta Therapeutics' injection"
        if not words or country_code(" ".join(words)) or demonym_country(" ".join(words)):
            continue
        named = kinds.lookup_name(" ".join(words))
        kind = named.kind if named else kinds.proper_name_kind(words)
        before = window[max(0, match.start() - 30):match.start()].split()
        introducing = kinds.head_kinds().get(before[-1].lower()) if before else None
        if introducing not in wanted:  # "M23 rebels": the noun after the name introduces it
            after = window[match.end():match.end() + 30].split()
            introducing = kinds.head_kinds().get(after[0].lower()) \
                if after and after[0].islower() and not (len(after) > 1 and after[1][:1].isupper()) else None
            # ("Investment group Corvel Capital": a noun before a name describes that name)
        introduced = introducing in wanted and not named and kind in (None, "person", "organisation")
        if introduced:
            kind = introducing  # (a name's own company or public-body word outweighs it: "group Corvel Capital")
        if len(words) == 1 and not (named or introduced):
            if _inside_sentence(window, match.start()) and words[0] not in calendar_words() \
                    and words[0] not in kinds.titles() and not _known_person(words, history):
                single = words[0]  # "Sales at Zara owner Inditex rose": a one-word name inside a sentence
            elif subject is None and local_start is not None and match.start() > local_start \
                    and wanted[0] in ("company", "organisation") and _name_elsewhere(text, words[0], history):
                subject = (words[0], wanted[0])  # "Wolfsburg have signed ..., the Bundesliga club said"
            continue  # "Tuesday", "Shares", "Dimorphos": one capitalised word is rarely the body meant
        if kind in wanted or introduced:
            # a name the text introduced with a fitting noun takes the description's own kind ("engineering group
            # Halvorsen & De Wit ... The company": a company)
            fitting = wanted[0] if introduced and kind == "organisation" else kind if kind in wanted else wanted[0]
            fallback = (named.name if named else " ".join(words), fitting)
            if subject is None and local_start is not None and match.start() > local_start:
                subject = fallback
        elif kind == "person" and len(words) >= 2 and not _known_person(words, history) \
                and not _introduced_as_person(before) and not kinds.has_title(words) \
                and wanted[0] in ("company", "organisation"):
            # "Sporting Almada", "Corvane Pharma": a two-word name not introduced as a person's may be the body,
            # when no name of a fitting kind is written before it.
            guessed = (" ".join(words), wanted[0])
    if strict:
        return subject or fallback
    if fallback is None and guessed is None and single is not None and wanted[0] in ("company", "organisation"):
        return subject or (single, wanted[0])  # the last resort: the last one-word name written inside a sentence
    return subject or fallback or guessed


def _name_elsewhere(text: str, word: str, history: list[Source]) -> bool:
    """True when a sentence's capitalised first word is also written capitalised inside a sentence, so a name
    ("Wolfsburg have signed ..." and "said Wolfsburg had"), not a capitalised common word ("Shares", "Police")."""
    if word in calendar_words() or word in kinds.titles() or _known_person([word], history) \
            or kinds.head_kinds().get(word.lower()) is not None:
        return False
    return any(_inside_sentence(text, match.start()) for match in re.finditer(rf"\b{re.escape(word)}\b", text))


def _place_name(name: str) -> bool:
    """"West Sumatra", "North Darfur": a place the gazetteer knows, named whole."""
    place = place_at(name, 0)
    return place is not None and place.end == len(name)


def _inside_sentence(window: str, start: int) -> bool:
    before = window[:start].rstrip()
    return bool(before) and before[-1] not in '.!?"“”:'


@cache
def calendar_words() -> frozenset[str]:
    dates = load_toml("dates")
    return frozenset([*dates["months"]["full"], *dates["months"]["abbreviated"], *dates["weekdays"]["names"]])


def _introduced_as_person(before: list[str]) -> bool:
    """"defender Luca Ferraz", "Dr Paul Reyes": a role or title right before a name makes it a person's."""
    if not before:
        return False
    word = before[-1]
    return word in kinds.titles() or kinds.head_kinds().get(word.lower()) == "person" \
        or word.lower() in kinds.person_roles()


def _known_person(words: list[str], history: list[Source]) -> bool:
    name = " ".join(kinds.without_titles(words))
    return any(earlier.kind == "person" and earlier.name == name for earlier in history)
