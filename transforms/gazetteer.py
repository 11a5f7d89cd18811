"""Places, countries and demonyms: which words in a sentence name somewhere.

Country names come from pycountry; short names ("Russia"), regions, cities,
direction adjectives and place suffixes come from ``lexicons/places.csv``;
demonyms from ``lexicons/demonyms.csv``. Everything is compiled once into a
single regular expression, so a sentence is scanned in one pass.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Iterable, NamedTuple

import pycountry

from transforms.alternation import trie_pattern
from transforms.lexicon import load_csv


class Place(NamedTuple):
    """A place named in a text (a tuple: made for every place found, so cheap to make)."""

    start: int
    end: int
    surface: str
    kind: str  # country, region, city, continent, area
    country: str | None  # ISO 3166 alpha-2


def words_pattern(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` arranged as a character trie.

    ``words_pattern(["said", "says", "stated"])`` -> ``s(?:a(?:id|ys)|tated)``;
    a trie lets the regex engine reject a position after one character instead
    of trying every alternative in turn.
    """
    return trie_pattern(words)


@cache
def _country_names() -> dict[str, str]:
    """Country name -> alpha-2, from pycountry plus the short names in places.csv."""
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            name = getattr(country, attribute, None)
            if name and "," not in name:
                names[name] = country.alpha_2
    for row in load_csv("places"):
        if row["kind"] == "country":
            names[row["name"]] = row["country"]
    return names


@cache
def _place_rows() -> dict[str, tuple[str, str | None]]:
    """Place name -> (kind, alpha-2) for every named place, countries included."""
    places: dict[str, tuple[str, str | None]] = {
        name: ("country", code) for name, code in _country_names().items()
    }
    for row in load_csv("places"):
        if row["kind"] not in ("direction", "suffix", "country"):
            places[row["name"]] = (row["kind"], row["country"] or None)
    return places


@cache
def demonyms() -> dict[str, str]:
    """Demonym -> alpha-2: ``{"Ukrainian": "UA", "North Korean": "KP", ...}``."""
    return {row["demonym"]: row["country"] for row in load_csv("demonyms")}


def demonym_country(word: str) -> str | None:
    return demonyms().get(word)


def country_code(name: str) -> str | None:
    """Alpha-2 code of a country name (``"Russia"`` -> ``"RU"``), else None."""
    return _country_names().get(name.removeprefix("the ").strip())


def _words_of_kind(kind: str) -> list[str]:
    return [row["name"] for row in load_csv("places") if row["kind"] == kind]


@cache
def _place_regex() -> re.Pattern[str]:
    countries = words_pattern(_country_names())
    places = words_pattern(_place_rows())
    directions = words_pattern(_words_of_kind("direction"))
    suffixes = words_pattern(_words_of_kind("suffix"))
    # "Russia's western Kursk region", "eastern Ukraine", "the Donetsk region",
    # and an unlisted "Zhytomyr oblast" (a capitalised name followed by a suffix).
    pattern = rf"""
        (?<![\w-])
        (?:(?P<owner>{countries})['’]s\s+)?
        (?:(?P<direction>{directions})\s+)?
        (?:
            (?P<name>{places})(?:\s+(?P<suffix>{suffixes})(?![\w-]))?
          | (?P<unlisted>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)\s+(?P<required_suffix>{suffixes})
        )
        (?![\w-])
    """
    return re.compile(pattern, re.VERBOSE)


def find_places(text: str, offset: int = 0) -> list[Place]:
    """Places named in ``text``; ``offset`` is added to every start/end."""
    return [_place(match, offset) for match in _place_regex().finditer(text)]


@cache
def _place_initials() -> frozenset[str]:
    """Every character a place can start with: the first letters of the names, A-Z for unlisted ones."""
    names = [*_country_names(), *_place_rows(), *_words_of_kind("direction")]
    return frozenset(name[0] for name in names if name) | frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")


@cache
def _lower_case_openings() -> tuple[str, ...]:
    """The names that start in lower case ("eastern", "the Middle East"): the only ways a place can start
    with a lower-case letter."""
    names = [*_country_names(), *_place_rows(), *_words_of_kind("direction")]
    return tuple(sorted({name for name in names if name and not name[0].isupper()}))


def place_at(text: str, position: int) -> Place | None:
    """The place named at ``position`` in ``text`` ("in |eastern Ukraine"), if one starts there."""
    if position >= len(text) or text[position] not in _place_initials():
        return None  # the regex could not match here: skip the attempt
    if text[position].islower() and not text.startswith(_lower_case_openings(), position):
        return None  # "in |response", "near |the": no lower-case name starts here
    match = _place_regex().match(text, position)
    return _place(match, 0) if match is not None else None


def _place(match: re.Match, offset: int) -> Place:
    name = match.group("name")
    if name is not None:
        kind, country = _place_rows()[name]
        if match.group("suffix") or (match.group("direction") and kind == "country"):
            kind = "region"
    else:
        kind, country = "region", None
    if country is None and match.group("owner"):
        country = country_code(match.group("owner"))
    return Place(offset + match.start(), offset + match.end(), match.group(), kind, country)
