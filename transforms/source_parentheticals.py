"""Parentheticals between a speaker and a claim verb, and the person a phrase names.

"The Post, citing people briefed on the plan, reported", "Dr Sarah Cole, chief medical officer, warned": the
reader of a claim's subject steps over such a parenthetical to the speaker before it.
"""

from __future__ import annotations

from transforms import source_kinds as kinds
from transforms.phrases import Tokens
from transforms.source_cues import HEAD_PREPOSITIONS, capitalised, cue_sets


def skip_parenthetical(tokens: Tokens, comma: int) -> int:
    """Token index just before ", citing U.S. officials," when that comma closes a parenthetical."""
    words = tokens.words
    opening = comma - 1
    while opening >= 0 and words[opening] not in (",", ";", "(", '"', "“", "”"):
        opening -= 1
    if opening < 1 or words[opening] != "," or opening + 1 >= comma:
        return comma + 1
    first = words[opening + 1]
    if first.lower() in cue_sets()["parenthetical_openers"] or first[0].isdigit() \
            or first.endswith(("'s", "’s")):
        return opening  # ", citing U.S. officials,", ", Europe's largest airline,"
    inside = [word.lower() for word in words[opening + 1:comma]]
    joined = next((index for index, word in enumerate(inside) if word in HEAD_PREPOSITIONS or word == "of"), None)
    if joined:
        inside = inside[:joined]  # "Amanda Bryden, head of mortgages at Halifax, said": the role before "of"
    if inside[-1] in kinds.person_roles() or kinds.head_kind(inside) == "person":
        return opening  # "Dr Sarah Cole, chief medical officer, warned": the holder before the role
    return comma + 1


def person_name(tokens: Tokens, found: tuple[int, int]) -> bool:
    """"Dr Lena Fischer": two or more capitalised words, no listed name, read as a person's."""
    words = [word for word in tokens.words[found[0]:found[1] + 1] if capitalised(word)]
    return len(words) >= 2 and len(words) == found[1] - found[0] + 1 \
        and kinds.lookup_name(" ".join(words)) is None and kinds.proper_name_kind(words) == "person"
