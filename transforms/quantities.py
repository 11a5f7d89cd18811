"""The quantity scanner: every number in a sentence, read with what surrounds it.

One combined regex (``quantity_patterns.scanner``) finds number expressions,
tried only where a number may start; each match is then read outwards by
``quantity_reading.Reading``: range, unit, counted noun and qualifier. Numbers
that are not quantities (ordinals, identifiers such as "F-16" or "Windows 11",
list numbers, times of day, scores, years) are set aside on the way.
"""

from __future__ import annotations

import bisect

from transforms.qualifiers import ReversedSentence
from transforms.quantity_patterns import link_spans, not_quantity_spans, number_candidates, scanner
from transforms.quantity_reading import Quantity, Reading

__all__ = ["Quantity", "link_spans", "not_quantity_spans", "number_candidates", "scan"]

# How far before a candidate position a number expression may begin ("US$ 5", "half a million"),
# and how far after it the scanner looks.
_LOOKBACK = 8
_LOOKAHEAD = 64


def scan(
    text: str, start: int, end: int, claimed: list[tuple[int, int]], candidates: list[int] | None = None
) -> list[Quantity]:
    """Every quantity in ``text[start:end]`` (one sentence), outside the ``claimed`` spans.

    ``candidates`` is ``number_candidates(text)``, computed once per document; the scanner is
    searched for only just around each candidate position, from where the last reading stopped."""
    if candidates is None:
        candidates = number_candidates(text)
    search = scanner().search
    reversed_sentence: ReversedSentence | None = None
    found: list[Quantity] = []
    resume = start  # where the next search may begin
    for index in range(bisect.bisect_left(candidates, start), bisect.bisect_left(candidates, end)):
        position = candidates[index]
        if position < resume:
            continue
        # a few characters back, to take in "US$ ", "an " or "half a " before the candidate
        match = search(text, max(resume, position - _LOOKBACK), min(end, position + _LOOKAHEAD))
        if match is None:
            continue
        if match.start() > position:  # a later number, perhaps cut short by the window ("5" of "5,000")
            match = search(text, match.start(), min(end, match.start() + _LOOKAHEAD))
            if match is None:
                continue
        if claimed and _overlaps(match.start(), match.end(), claimed):
            resume = max(resume, match.end())
            continue
        if reversed_sentence is None:
            reversed_sentence = ReversedSentence(text[start:end][::-1], end)
        reading = Reading(text, start, end, reversed_sentence, match)
        quantity = reading.read()
        resume = max(reading.cursor, match.end())
        if quantity is not None and not (claimed and _overlaps(quantity.start, quantity.end, claimed)):
            found.append(quantity)
    return found


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < span_end and span_start < end for span_start, span_end in spans)
