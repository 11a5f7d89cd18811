"""Where an event happened: the places of a sentence named after a locative preposition.

A sentence's places are read once (``locative_places``), trying the gazetteer
only right after "in", "near the", "the town of" ...; each trigger then takes
the first place after it or, failing that, the last one before it
(``event_location``). A capitalised name the gazetteer does not hold counts
after some prepositions unless it reads as a time, a demonym or a body; that
decision depends only on the name's words, so it is made once per name.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import compress, count

from transforms import source_kinds as kinds
from transforms.event_lexicon import event_words
from transforms.gazetteer import Place, place_at
from transforms.phrases import Tokens


def event_location(places: list[Place], tokens: Tokens, start: int, end: int,
                   reporting_verbs: frozenset[str], clause_openers: frozenset[str]) -> str | None:
    """The first of ``places`` after a trigger at sentence offsets ``start``-``end``, unless a reporting verb
    or a new clause (", and") stands between ("..., told a news conference in Milan"); else the last place before it, unless a
    subordinate clause opens between ("in Mubende after nine cases were confirmed, including three deaths",
    "a jury in Los Angeles ... a woman who died"); a participle's own opener does not count."""
    if not places:
        return None
    lowered, index_at = tokens.lowered, tokens.index_at
    for place in places:
        if place.start >= end:
            between = lowered[index_at(end):index_at(place.start)]
            if reporting_verbs.isdisjoint(between) and not _new_clause(between):
                return place.surface
            break
    for place in reversed(places):
        if place.end <= start:
            between = lowered[index_at(place.end):index_at(start)]
            if between and tokens.text[start:end].endswith("ing"):
                between = between[:-1]  # "withdrew from Walikale ..., two weeks after seizing": the main clause's
            return None if not clause_openers.isdisjoint(between) else place.surface
    return None


def _new_clause(words: list[str]) -> bool:
    """True when ", and" or ", but" opens a clause of its own among ``words`` ("Police detained 14 people, and six
    officers were injured outside parliament")."""
    return any(word == "," and following in ("and", "but") for word, following in zip(words, words[1:]))


def locative_places(tokens: Tokens) -> list[Place]:
    """Places right after a locative preposition ("in", "near the", "the town of"), tried only there."""
    lowered = tokens.lowered
    words = event_words()
    locatives = words.locative_prepositions
    settlements = words.settlement_nouns
    of_settlement = "of" in lowered and not settlements.isdisjoint(lowered)  # "the town of Walikale"
    if locatives.isdisjoint(lowered) and not of_settlement:
        return []
    # ``index``: the token just after each locative preposition.
    openings = list(compress(count(1), map(locatives.__contains__, lowered)))
    if of_settlement:
        openings = sorted(openings + [index + 1 for index, word in enumerate(lowered)
                                      if word == "of" and index > 0 and lowered[index - 1] in settlements])
    text, starts, length = tokens.text, tokens.starts, len(lowered)
    places: list[Place] = []
    reached = 0
    for index in openings:
        if index < length and lowered[index] == "the":
            index += 1
        if index >= length or starts[index] < reached:
            continue
        place = place_at(text, starts[index])
        if place is None and lowered[index] in words.site_nouns:
            place = Place(starts[index], tokens.ends[index], tokens.words[index], "site", None)  # "outside parliament"
        elif place is None and tokens.words[index][0].isupper():
            preposition = lowered[index - 1 if lowered[index - 1] != "the" else index - 2]
            if preposition in words.unlisted_place_prepositions:
                place = _unlisted_place(tokens, index, preposition)
            elif preposition == "of":
                place = _unlisted_place(tokens, index, "near")  # one word will do after "the town of"
        if place is not None and not _inside_name(text, place):
            places.append(place)
            reached = place.end
    return places


def _inside_name(text: str, place: Place) -> bool:
    """"at the Japan Meteorological Agency", "from Hungary's National Election Office": a place followed
    by capitalised words (after its possessive, too) begins a longer name."""
    following = text[place.end:place.end + 4]
    if following[:2] in ("'s", "’s"):
        following = following[2:]
    return len(following) >= 2 and following[0] == " " and following[1].isupper()


def _unlisted_place(tokens: Tokens, index: int, preposition: str) -> Place | None:
    """"near El Fasher": a capitalised name the gazetteer does not hold, unless a time or a body
    (after "in", one word is too often a company: "Shares in Kelmar")."""
    words = tokens.words
    last = index
    while last + 1 < len(words) and last - index < 2 and (words[last + 1][0].isupper() and words[last + 1].isalpha()):
        last += 1
    name_words = tuple(words[index:last + 1])
    if preposition in ("in", "at") and len(name_words) < 2:
        return None  # "Shares in Kelmar", "at Nasa": one word is too often a body
    if index == 0 or not _could_be_place(name_words):
        return None
    start, end = tokens.span(index, last)
    return Place(start, end, tokens.text[start:end], "area", None)


@lru_cache(maxsize=8192)
def _could_be_place(name_words: tuple[str, ...]) -> bool:
    """True when capitalised ``name_words`` may name a place: no time, demonym or known body, and a name that
    reads as a person's or an organisation's (the kinds an unknown place name falls into)."""
    lexicon = event_words()
    return name_words[0][0].isupper() and name_words[-1].isalpha() \
        and not any(word in lexicon.not_places or word in lexicon.demonyms for word in name_words) \
        and not kinds.lookup_name(" ".join(name_words)) \
        and kinds.proper_name_kind(list(name_words)) in ("person", "organisation") \
        and not any(word in kinds.organisation_words() for word in name_words)
