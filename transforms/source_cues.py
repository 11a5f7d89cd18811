"""Attribution cues: the words that tie a claim to whoever made it, and where they occur.

The cue lists live in ``lexicons/attribution.toml``; this module compiles them
once: one scanner finds every cue of a document ("according to", "speaking
to", "said", ...) with its role, and the small patterns and word sets that the
readers of ``source_roles`` and ``source_mentions`` ask about are built here.
"""

from __future__ import annotations

import re
from functools import cache

from transforms.gazetteer import words_pattern
from transforms.lexicon import load_toml
from transforms.word_scan import WordScanner

# Prepositions between a source head and its affiliation: "Researchers at the University of Oxford".
HEAD_PREPOSITIONS = frozenset({"at", "in", "for", "from"})
# Lower-case words inside a name: "Bank of England", "Keller & Moss".
NAME_JOINER_WORDS = frozenset({"of", "for", "and", "the", "de", "&"})
# A document's topic, then its author: "review of football finance by Deloitte", "survey on pay from Acas".
AUTHOR_AFTER_TOPIC = re.compile(r"\s+(?:of|on|into|about)\s+(?:[a-z][\w-]*\s+){1,4}(?:by|from)\s+")


def capitalised(word: str) -> bool:
    return word[0].isupper()


@cache
def cues() -> dict:
    return load_toml("attribution")


@cache
def count_words() -> frozenset[str]:
    """"two", "several", "dozens": counts dropped from an anonymous group's name."""
    return frozenset(load_toml("number_words")["cardinals"]) | frozenset(cues()["vague_counts"])


@cache
def cue_scanner() -> WordScanner:
    """"according to" | "speaking to" | "said" ... as trie regexes with named roles."""
    table = cues()
    roles = ("source_prepositions", "channel_phrases", "claim_verbs")
    return WordScanner(
        rf"(?P<preposition>{words_pattern(table['source_prepositions'])})"
        rf"|(?P<channel>{words_pattern(table['channel_phrases'])})"
        rf"|(?P<verb>{words_pattern(table['claim_verbs'])})",
        [entry for role in roles for entry in table[role]],
    )


@cache
def cue_sets() -> dict[str, frozenset[str]]:
    table = cues()
    return {key: frozenset(table[key]) for key in (
        "recipient_verbs", "relayed_prepositions", "skip_before_verb", "parenthetical_openers",
        "finding_verbs", "finding_kinds", "weak_claim_verbs", "coordinators", "polled_participles", "court_verbs",
        "court_heads", "irregular_participles", "estimate_verbs", "publication_participles",
        "act_verbs")}


@cache
def channel_after_verb() -> re.Pattern[str]:
    # "revealed to the BBC", "said in an interview with CNN" (the phrase right after the verb).
    return re.compile(rf"\s+(?:{words_pattern(cues()['channel_after_verb'])})\s+", re.IGNORECASE)


@cache
def publication_after_verb() -> re.Pattern[str]:
    # "reported in The Astrophysical Journal Letters": a channel only where a publication is named after it.
    return re.compile(rf"\s+(?:{words_pattern(cues()['publication_after_verb'])})\s+", re.IGNORECASE)


@cache
def document_author() -> re.Pattern[str]:
    # "a report by The New York Times" -> the phrase after "by".
    return re.compile(rf",?\s+(?:(?:published|released|compiled)\s+)?(?:{words_pattern(cues()['document_authors'])})\s+")
