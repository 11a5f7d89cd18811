"""Sources: who each claim in a document is attributed to, and through whom.

``source_cues`` finds the attribution cues of ``lexicons/attribution.toml`` in
a document; around each cue ``source_roles`` reads the phrase that names its
source (the subject before a claim verb, the phrase after "according to" /
"citing" / "told") and ``source_mentions`` gives it a name and a kind
(``source_kinds``), resolving referring mentions through ``source_coreference``.
Here, within a sentence, a source that reached us through a channel ("revealed
to the BBC", "citing U.S. officials") gets ``via_source_id``.
"""

from __future__ import annotations

import re

from transforms.phrases import sentence_tokens
from transforms.records import Document, Sentence, Source
from transforms.source_cues import cue_scanner, cue_sets
from transforms.source_roles import UNLISTED_NAME_RULES, CueReader
from transforms.word_scan import Hit

# Rules of a source read as a document's author ("NHS England figures showed", "a report by the WHO found").
_DOCUMENT_RULES = frozenset({"document_author", "document_by", "coreference_document"})


def extract_sources(document: Document, sentences: list[Sentence]) -> list[Source]:
    """Every attributed source mention, in document order."""
    sources: list[Source] = []
    hits_by_sentence = cue_scanner().sentence_hits(document.text, sentences)
    for sentence in sentences:
        hits = hits_by_sentence.get(sentence.index)
        if hits:
            sources.extend(_sentence_sources(document, sentence, hits, sources))
    return sources


# The object and amount after an estimating verb: "put| the crowd at 42,000", "put| the cost at about $2bn".
_ESTIMATE_OBJECT = re.compile(r"\s+(?:[\w'’-]+\s+){1,5}at\s+(?:about\s+|around\s+|some\s+|least\s+|more\s+than\s+)?"
                              r"[$€£¥]?\d")
# A determiner opening a verb's object: "declared| an outbreak", "declared| a state of emergency".
_DETERMINED_OBJECT = re.compile(r"\s+(?:a|an|the|its|their|war)\b", re.IGNORECASE)
# What may stand between a claim verb and the subject of its content: "said [that] [the] company had reported".
_OPENING_CONTENT = re.compile(r"\s*(?:that\s+)?(?:(?:the|a|an)\s+)?", re.IGNORECASE)


def _sentence_sources(document: Document, sentence: Sentence, hits: list[Hit], history: list[Source]
                      ) -> list[Source]:
    rows: dict[tuple[int, int], Source] = {}
    claimants: list[tuple[int, Source]] = []  # (cue position, source)
    relayed: list[tuple[int, Source]] = []
    channels: list[tuple[int, Source, Source | None]] = []  # (cue position, channel, its own claimant)
    reader = CueReader(document, sentence, sentence_tokens(sentence), history, rows)
    sets = cue_sets()
    cues = [(match, " ".join(sentence.text[match.start:match.end].lower().split())) for match in hits]
    weak = sets["weak_claim_verbs"]
    # Weak verbs last, and only when no other cue found a source: "told Reuters the group still expected"
    # is Haugland's claim, "There have been reports that the agency believes" the agency's.
    ordered = [item for item in cues if item[1] not in weak] + [item for item in cues if item[1] in weak]
    verb_ends: list[int] = []  # ends of the claim verbs read so far (sentence-local)
    for match, cue in ordered:
        if cue in weak and claimants:
            break
        if match.group == "verb" and match.start > 0 and sentence.text[match.start].isupper():
            continue  # "the United States": a capitalised verb inside a sentence is part of a name
        if cue in sets["estimate_verbs"] and not _ESTIMATE_OBJECT.match(sentence.text, match.end):
            continue  # "put pressure on": only "put the crowd at 42,000" states an estimate
        if cue in sets["act_verbs"] and _DETERMINED_OBJECT.match(sentence.text, match.end):
            continue  # "Uganda has declared an outbreak": an act, not a claim
        if match.group == "verb" and any(row.start <= sentence.start + match.start < row.end for row in rows.values()):
            continue  # "according to local media reports": the verb is inside a source already read
        if match.group == "verb":
            claimant = reader.claim_subject(match, cue)
            if claimant is None:
                continue
            if _reported(sentence, claimant, verb_ends):
                rows.pop((claimant.start, claimant.end), None)  # "Amnesty said Delmar had reported 61 spills"
                continue
            verb_ends.append(match.end)
            court = claimant.name.split()[-1].lower() in sets["court_heads"]
            if (cue in sets["finding_verbs"] and claimant.kind not in sets["finding_kinds"]
                    and claimant.rule not in _DOCUMENT_RULES and not court) or (cue in sets["court_verbs"] and not court):
                rows.pop((claimant.start, claimant.end), None)
                continue
            claimants.append((match.start, claimant))
            channel = reader.verb_channel(match, cue)
            if channel is not None:
                channels.append((match.start, channel, claimant))
        else:
            mention = reader.phrase_source(match.end, cue, channel_only=match.group == "channel")
            if mention is None:
                continue
            if match.group == "channel":
                channels.append((match.start, mention, None))
            elif cue in sets["relayed_prepositions"]:
                relayed.append((match.start, mention))
            else:
                claimants.append((match.start, mention))
    for position, channel, claimant in channels:
        claimant = claimant or _nearest(claimants, position, channel)
        if claimant is not None and claimant is not channel:
            claimant.via_source_id = channel.source_id
    for position, source in relayed:
        claimant = _nearest(claimants, position, source, prefer_before=True)
        if claimant is not None:
            source.via_source_id = claimant.source_id
            if claimant.rule in UNLISTED_NAME_RULES and claimant.kind in ("organisation", "person"):
                claimant.kind = "media"  # "L'Equipe reported, citing a source": who relays a source is an outlet
    return sorted(rows.values(), key=lambda source: source.start)


def _reported(sentence: Sentence, claimant: Source, verb_ends: list[int]) -> bool:
    """True when ``claimant`` opens the content of an earlier claim verb ("X said [that] Y had reported"):
    Y is what X reports, not a second source."""
    start = claimant.start - sentence.start
    return any(end < start and _OPENING_CONTENT.fullmatch(sentence.text, end, start) for end in verb_ends)


def _nearest(claimants: list[tuple[int, Source]], position: int, exclude: Source,
             prefer_before: bool = False) -> Source | None:
    """The claimant whose cue is nearest ``position``; for "citing", one named before it."""
    candidates = [(pos, source) for pos, source in claimants if source is not exclude]
    if prefer_before:
        before = [(pos, source) for pos, source in candidates if source.start < exclude.start]
        candidates = before or candidates
    if not candidates:
        return None
    return min(candidates, key=lambda item: abs(item[0] - position))[1]
