"""Descriptions that name no body of their own.

An unnamed person at an unnamed workplace: "a source at the club", "a doctor at Lusaka's main treatment centre".

Such a speaker stays anonymous and keeps the whole phrase as its name; "researchers at the University of Exeter",
"analysts at the bank" (a body named before) speak for the body, and are left to the affiliation readers.

A body described by a capitalised modifier and a lower-case head: "the Bundesliga club", "the Porto Alegre side" refer
back to a body named before, unless the modifier is the body's own name ("the Aslef union", "the UN agency"); a
public body described by its nation ("the Brazilian foreign ministry") is that nation's own, never another's.
"""

from __future__ import annotations

from transforms import source_kinds as kinds
from transforms.gazetteer import demonyms

_OPENERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "one", "another"})
_PERSON_KINDS = frozenset({"anonymous", "person"})


def workplace_role(word: str) -> bool:
    """"source", "doctor", "nurse": a lower-case noun for someone who may be placed "at" somewhere; a spokesperson
    speaks for the body, named or not, and is left to the role readers."""
    kind = kinds.head_kind([word])
    return word.islower() and kind in _PERSON_KINDS and not (word in kinds.role_defaults() and kind != "anonymous")


def unnamed_workplace(role: str, place: list[str]) -> bool:
    """True when ``place`` (the words after "at") names no body: "the club", "Lusaka's main treatment centre";
    "the bank" after an affiliated group ("analysts at the bank") refers back to a body and is not."""
    if place[:1] and place[0].lower() in _OPENERS:
        definite = place[0].lower() == "the"
        place = place[1:]
    else:
        definite = False
    if not place or not workplace_role(role):
        return False
    if all(word.islower() for word in place):
        return not (definite and role.lower() in kinds.affiliated_groups()
                    and place[-1] in kinds.coreference_heads())
    owner, rest = place[0], place[1:]
    if not owner.endswith(("'s", "’s")) or not rest or not all(word.islower() for word in rest):
        return False
    return kinds.lookup_name(owner[:-2]) is None


def described_again(words: list[str]) -> bool:
    """True for "Bundesliga club" (words after "the"): capitalised modifiers that are no listed name, before a
    lower-case head that is no type noun written after a name ("union", "party", "newspaper")."""
    modifiers, head = words[:-1], words[-1]
    return bool(modifiers) and head.islower() and head not in kinds.type_descriptors() \
        and all(word[:1].isupper() and not word.isupper() for word in modifiers) \
        and kinds.lookup_name(" ".join(modifiers)) is None


def national_body(words: list[str]) -> bool:
    """True for "Brazilian foreign ministry": a demonym before a head that only public bodies take."""
    return kinds.coreference_heads().get(words[-1].lower()) == "government" and any(word in demonyms() for word in words)


def opening_descriptor(words: list[str]) -> str | None:
    """The kind given by a sentence's capitalised first word when it is a company's or an outlet's descriptor
    before a name ("Utility Hydro-Quebec", "Broadcaster Kanal Nord"), not a word of the name ("Bank Leumi", "Union
    Pacific", "Police Scotland")."""
    opener, rest = words[0], words[1:]
    kind = kinds.head_kinds().get(opener.lower())
    if kind not in ("company", "media") or not all(word[:1].isupper() for word in rest):
        return None
    if any(opener in table for table in (kinds.organisation_words(), kinds.government_words(), kinds.company_words(),
                                         kinds.media_words())):
        return None
    return kind
