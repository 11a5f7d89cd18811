"""Widening a source's token span to the whole of a name that a function word split.

The noun-phrase scanner stops at "for the", so "the Institute for the Study of War" reaches a reader as
"the Institute" (after a cue) or "the Study of War" (before a verb). ``whole_name`` joins the two halves
when capitalised words stand on both sides: a body's name, never a lower-case description ("a spokesperson
for the ministry"), nor two sources ("a poll by YouGov for the Times": a listed name, an outlet or a company
on either side stands alone).
"""

from __future__ import annotations

from transforms import source_kinds as kinds
from transforms.phrases import Tokens, phrase_after
from transforms.source_cues import cue_sets

# Joiners followed by "the" inside a body's name: "Institute for the Study of War", "Centre for the Study of ...".
_JOINERS = frozenset({"for"})
_LINKS = frozenset({"of", "for", "and", "the", "&"})


def whole_name(tokens: Tokens, found: tuple[int, int]) -> tuple[int, int]:
    """``found`` widened over a "for the" that joins two capitalised parts of one name."""
    words, lowered = tokens.words, tokens.lowered
    first, last = found
    if "for" not in lowered:
        return found  # most sentences: nothing to join
    if _joined_at(words, lowered, last + 1):
        end = last + 3
        while end + 1 < len(words) and (_capital(words[end + 1]) or (
                lowered[end + 1] in _LINKS and end + 2 < len(words) and _capital(words[end + 2]))):
            end += 2 if lowered[end + 1] in _LINKS else 1
        if _one_body(words[first:last + 1], words[last + 3:end + 1]):
            last = end
    joiner = first - 1 if lowered[first] == "the" else first - 2
    if joiner >= 1 and _joined_at(words, lowered, joiner):
        start = joiner - 1
        while start > 0 and _capital(words[start - 1]):
            start -= 1
        if _one_body(words[start:joiner], words[joiner + 2:last + 1]):
            first = start - 1 if start > 0 and lowered[start - 1] == "the" else start
    return first, last


def _one_body(before: list[str], after: list[str]) -> bool:
    """True unless either part is a listed name, an outlet's or a company's ("YouGov" | "the Times")."""
    before = before[1:] if before[:1] in (["the"], ["The"]) else before
    return not any(kinds.lookup_name(" ".join(part)) or kinds.proper_name_kind(part) in ("media", "company")
                   for part in (before, after))


def _joined_at(words: list[str], lowered: list[str], joiner: int) -> bool:
    """True when ``joiner`` opens "for the <Capitalised>" right after a capitalised word."""
    return (0 < joiner and joiner + 2 < len(words) and lowered[joiner] in _JOINERS and lowered[joiner + 1] == "the"
            and _capital(words[joiner - 1]) and _capital(words[joiner + 2]))


def _capital(word: str) -> bool:
    return word[:1].isupper()


def participle_outlet(tokens: Tokens, found: tuple[int, int]) -> tuple[int, int] | None:
    """The outlet after a source and a participle with "by" ("preliminary flight data cited by The Straits Times",
    "economists polled by Reuters"): the channel the source reached the text through."""
    after = found[1] + 1
    if after + 2 >= len(tokens.words) or tokens.lowered[after] not in cue_sets()["polled_participles"] \
            or tokens.lowered[after + 1] != "by":
        return None
    return phrase_after(tokens, after + 2)
