"""Sources: who each claim in a document is attributed to, and through whom.

One combined regex finds the attribution cues of ``lexicons/attribution.toml``
in a sentence; around each cue a noun phrase is read (the subject before a
claim verb, the phrase after "according to" / "citing" / "told") and given a
kind by ``source_kinds``. Within a sentence, a source that reached us through
a channel ("revealed to the BBC", "citing U.S. officials") gets ``via_source_id``.

Coreference is kept simple and documented: a definite description ("the
newspaper", "the company"), a pronoun ("he", "it") or a bare role noun ("a
spokesperson") takes the NAME and KIND of the most recent fitting source,
with its own span, so every mention is a row of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from transforms.ids import span_id
from transforms.lexicon import load_toml
from transforms.phrases import Tokens, determiners, phrase_after, phrase_before, sentence_tokens
from transforms.records import Document, Sentence, Source
from transforms import source_kinds as kinds
from transforms.gazetteer import country_code, words_pattern
from transforms.word_scan import Hit, WordScanner

# Prepositions between a source head and its affiliation: "Researchers at the University of Oxford".
_HEAD_PREPOSITIONS = frozenset({"at", "in", "for", "from"})
_QUOTES = frozenset("\"'“”‘’")
# Sources a bare role noun ("a spokesperson") may speak for.
_SPEAKS_FOR = frozenset({"government", "military", "intelligence", "organisation", "company"})


# A document's topic, then its author: "review of football finance by Deloitte", "survey on pay from Acas".
_AUTHOR_AFTER_TOPIC = re.compile(r"\s+(?:of|on|into|about)\s+(?:[a-z][\w-]*\s+){1,4}(?:by|from)\s+")
# How far back (characters) a definite description looks for the name it refers to.
_NAME_WINDOW = 400
# A capitalised name, possibly with linking words: "Thames Valley Water", "Keller & Moss", "Bank of Ireland".
_PROPER_NAME = re.compile(r"[A-Z][\w’'-]*(?:[ ]+(?:(?:of|for|and|the|&)[ ]+)*[A-Z][\w’'-]*)*")



# Lower-case words inside a name: "Bank of England", "Keller & Moss".
_NAME_JOINER_WORDS = frozenset({"of", "for", "and", "the", "de", "&"})


def _capitalised(word: str) -> bool:
    return word[0].isupper()


@dataclass(slots=True)
class _Mention:
    start: int  # sentence-local
    end: int
    name: str
    kind: str
    rule: str


@cache
def _cues() -> dict:
    return load_toml("attribution")


@cache
def _count_words() -> frozenset[str]:
    """"two", "several", "dozens": counts dropped from an anonymous group's name."""
    return frozenset(load_toml("number_words")["cardinals"]) | frozenset(_cues()["vague_counts"])


@cache
def _cue_scanner() -> WordScanner:
    """"according to" | "speaking to" | "said" ... as trie regexes with named roles."""
    cues = _cues()
    roles = ("source_prepositions", "channel_phrases", "claim_verbs")
    return WordScanner(
        rf"(?P<preposition>{words_pattern(cues['source_prepositions'])})"
        rf"|(?P<channel>{words_pattern(cues['channel_phrases'])})"
        rf"|(?P<verb>{words_pattern(cues['claim_verbs'])})",
        [entry for role in roles for entry in cues[role]],
    )


@cache
def _cue_sets() -> dict[str, frozenset[str]]:
    cues = _cues()
    return {key: frozenset(cues[key]) for key in (
        "recipient_verbs", "relayed_prepositions", "skip_before_verb", "parenthetical_openers",
        "finding_verbs", "finding_kinds")}


@cache
def _channel_after_verb() -> re.Pattern[str]:
    # "revealed to the BBC", "said in an interview with CNN" (the phrase right after the verb).
    return re.compile(rf"\s+(?:{words_pattern(_cues()['channel_after_verb'])})\s+", re.IGNORECASE)


@cache
def _document_author() -> re.Pattern[str]:
    # "a report by The New York Times" -> the phrase after "by".
    return re.compile(rf"\s+(?:{words_pattern(_cues()['document_authors'])})\s+")


def extract_sources(document: Document, sentences: list[Sentence]) -> list[Source]:
    """Every attributed source mention, in document order."""
    sources: list[Source] = []
    hits_by_sentence = _cue_scanner().sentence_hits(document.text, sentences)
    for sentence in sentences:
        hits = hits_by_sentence.get(sentence.index)
        if hits:
            sources.extend(_sentence_sources(document, sentence, hits, sources))
    return sources


def _sentence_sources(document: Document, sentence: Sentence, hits: list[Hit], history: list[Source]
                      ) -> list[Source]:
    tokens = sentence_tokens(sentence)
    rows: dict[tuple[int, int], Source] = {}
    claimants: list[tuple[int, Source]] = []  # (cue position, source)
    relayed: list[tuple[int, Source]] = []
    channels: list[tuple[int, Source, Source | None]] = []  # (cue position, channel, its own claimant)
    context = _Context(document, sentence, tokens, history, rows)
    for match in hits:
        cue = " ".join(sentence.text[match.start:match.end].lower().split())
        if match.group == "verb":
            claimant = context.claim_subject(match, cue)
            if claimant is None:
                continue
            if cue in _cue_sets()["finding_verbs"] and claimant.kind not in _cue_sets()["finding_kinds"]:
                rows.pop((claimant.start, claimant.end), None)
                continue
            claimants.append((match.start, claimant))
            channel = context.verb_channel(match, cue)
            if channel is not None:
                channels.append((match.start, channel, claimant))
        else:
            mention = context.phrase_source(match.end, cue, channel_only=match.group == "channel")
            if mention is None:
                continue
            if match.group == "channel":
                channels.append((match.start, mention, None))
            elif cue in _cue_sets()["relayed_prepositions"]:
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
    return sorted(rows.values(), key=lambda source: source.start)


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


class _Context:
    """One sentence being read: its tokens, the rows made so far, the document's history."""

    def __init__(self, document: Document, sentence: Sentence, tokens: Tokens, history: list[Source],
                 rows: dict[tuple[int, int], Source]) -> None:
        self.document = document
        self.sentence = sentence
        self.tokens = tokens
        self.history = history
        self.rows = rows

    # -- cue roles ---------------------------------------------------------------------------
    def claim_subject(self, match: Hit, cue: str) -> Source | None:
        """The subject of a claim verb, or the name after it when inverted ('..., said Jane Smith')."""
        tokens = self.tokens
        index = tokens.index_at(match.start)
        anonymous = self._anonymity_before(match.start)
        if anonymous is not None:
            index = anonymous
        skip = _cue_sets()["skip_before_verb"]
        while index > 0 and tokens.lowered[index - 1] in skip:
            index -= 1
        if index > 0 and tokens.words[index - 1] == ",":
            named = self._name_after_role(index - 1)
            if named is not None:
                return self._row(named, cue)
            index = self._skip_parenthetical(index - 1)
        if index > 0 and tokens.lowered[index - 1] in _cues()["pronouns"]:
            found = (index - 1, index - 1)
            return self._row(found, cue)
        if index == 0 or tokens.words[index - 1] in _QUOTES or tokens.words[index - 1] == ",":
            after = tokens.index_at(match.end)
            found = phrase_after(tokens, after)
            return self._row(found, cue) if found else None
        found = phrase_before(tokens, index)
        return self._row(self._extend_over_preposition(found), cue) if found else None

    def _extend_over_preposition(self, found: tuple[int, int]) -> tuple[int, int]:
        """"Scientists at Nasa", "the health ministry in Gaza": the head before the preposition leads."""
        tokens = self.tokens
        first, last = found
        if first < 2 or tokens.words[first - 1] not in _HEAD_PREPOSITIONS:
            return found
        outer = phrase_before(tokens, first - 1)
        if outer is None:
            return found
        dets = determiners()
        words = [word for word, lower in zip(tokens.words[outer[0]:outer[1] + 1], tokens.lowered[outer[0]:outer[1] + 1])
                 if lower not in dets]
        return (outer[0], last) if words and kinds.head_kind(words) else found

    def verb_channel(self, match: Hit, cue: str) -> Source | None:
        """The channel object of a claim verb: "told the BBC", "revealed to Reuters"."""
        text = self.sentence.text
        if cue in _cue_sets()["recipient_verbs"]:
            start = match.end
        else:
            joined = _channel_after_verb().match(text, match.end)
            if joined is None:
                return None
            start = joined.end()
        found = phrase_after(self.tokens, self.tokens.index_at(start))
        if found is None:
            return None
        attribution = " ".join(text[match.start:self.tokens.starts[found[0]]].lower().split())
        return self._row(found, attribution, channel_only=True)

    def phrase_source(self, position: int, cue: str, channel_only: bool) -> Source | None:
        found = phrase_after(self.tokens, self.tokens.index_at(position))
        return self._row(found, cue, channel_only=channel_only) if found else None

    def _name_after_role(self, comma: int) -> tuple[int, int] | None:
        """"His lawyer, Rebecca Tan, said", "the city's mayor, Elena Ruiz, said": the name between the commas."""
        words = self.tokens.words
        opening = comma - 1
        while opening >= 0 and words[opening] != "," and opening > comma - 6:
            opening -= 1
        if opening < 1 or words[opening] != "," or opening + 1 >= comma:
            return None
        name = words[opening + 1:comma]
        if not all(_capitalised(word) or word in _NAME_JOINER_WORDS for word in name) or not _capitalised(name[0]):
            return None
        role = phrase_before(self.tokens, opening)
        if role is None:
            return None
        role_words = [word.removesuffix("'s").removesuffix("’s") for word in words[role[0]:role[1] + 1]]
        if kinds.head_kind(role_words) not in ("person", "government", "military") or not role_words[-1].islower():
            return None
        return opening + 1, comma - 1

    def _skip_parenthetical(self, comma: int) -> int:
        """Token index just before ", citing U.S. officials," when that comma closes a parenthetical."""
        words = self.tokens.words
        opening = comma - 1
        while opening >= 0 and words[opening] not in (",", ";", "(", '"', "“", "”"):
            opening -= 1
        if opening < 1 or words[opening] != "," or opening + 1 >= comma:
            return comma + 1
        first = words[opening + 1]
        if first.lower() in _cue_sets()["parenthetical_openers"] or first[0].isdigit():
            return opening
        return comma + 1

    # -- mentions ----------------------------------------------------------------------------
    def _row(self, found: tuple[int, int], attribution: str, channel_only: bool = False) -> Source | None:
        mention = self._mention(*found)
        if mention is None or (channel_only and mention.kind != "media"):
            return None
        if mention.kind == "anonymous":
            mention.name = self._anonymous_name(mention)
        start = self.sentence.start + mention.start
        end = self.sentence.start + mention.end
        existing = self.rows.get((start, end))
        if existing is not None:
            return existing
        source = Source(
            source_id=span_id("source", self.document.document_id, start, end),
            document_id=self.document.document_id,
            sentence_index=self.sentence.index,
            start=start,
            end=end,
            name=mention.name,
            kind=mention.kind,
            attribution=attribution,
            rule=mention.rule,
        )
        self.rows[(start, end)] = source
        return source

    def _mention(self, first: int, last: int) -> _Mention | None:
        tokens = self.tokens
        definite = tokens.lowered[first] == "the"
        if tokens.lowered[first] in determiners() and first < last:
            named = kinds.lookup_name(self.tokens.surface(first, last))
            if named and named.name.lower().startswith("the "):
                return self._make(first, last, named.name, named.kind, "lexicon_name")
            first += 1
        words = tokens.words[first:last + 1]
        if not _HEAD_PREPOSITIONS.isdisjoint(words):
            affiliation = next(i for i, word in enumerate(words) if word in _HEAD_PREPOSITIONS)
            if affiliation:
                return self._affiliated_mention(first, last, words, affiliation)
        joined = " ".join(words)
        if "'s " in joined or "’s " in joined:  # a word before the last ends in "'s" (tokens hold no spaces)
            possessor = next(i for i, word in enumerate(words[:-1]) if word.endswith(("'s", "’s")))
            return self._possessor_mention(first, first + possessor, last)
        named = kinds.lookup_name(joined)
        if named:
            return self._make(first, last, named.name, named.kind, "lexicon_name")
        lowered = words[-1].lower()
        if len(words) == 1 and lowered in _cues()["pronouns"]:
            return self._antecedent(first, last, _cues()["pronouns"][lowered], "coreference_pronoun")
        if definite and lowered in kinds.coreference_heads() and all(word.islower() for word in words):
            # "the company", "the low-cost carrier": the last source, else the last name, of a fitting kind.
            wanted = kinds.coreference_heads()[lowered]
            wanted = wanted if isinstance(wanted, list) else [wanted]
            resolved = self._antecedent(first, last, wanted, "coreference_definite") \
                or self._named_antecedent(first, last, wanted)
            if resolved:
                return resolved
        if lowered in kinds.role_defaults():
            return self._role_mention(first, last, words)
        appositive = self._appositive_name(first, last)
        if appositive is not None:
            return appositive
        kind = kinds.head_kind(words)
        if kind == "document":
            author = self._document_author(last)
            if author is not None:
                return author
        if kind is None:
            kind = kinds.proper_name_kind(words)
            if kind == "person" or kind == "organisation":
                surname = self._surname_antecedent(words)
                if surname is not None:
                    return self._make(first, last, surname.name, surname.kind, "coreference_surname")
        if kind is None:
            return None
        if kind != "anonymous" and self._followed_by_anonymity(last):
            kind = "anonymous"
        name = " ".join(self.tokens.surface(first, last).split())
        if kind == "person":
            name = " ".join(kinds.without_titles(name.split()))
        return self._make(first, last, name, kind, "head_noun")

    def _affiliated_mention(self, first: int, last: int, words: list[str], split: int) -> _Mention | None:
        """"Scientists at Nasa" (organisation), "a spokesperson for the ministry" (the ministry's kind)."""
        outer = kinds.head_kind(words[:split])
        inner = self._mention(first + split + 1, last)
        role = words[split - 1].lower()
        if role in kinds.role_defaults() and inner is not None:
            if split == 1 and kinds.role_defaults()[role] == "anonymous":
                # "a spokesperson for Romania's Health Ministry": the spokesperson speaks for the ministry.
                return self._make(first, last, inner.name, inner.kind, "role_affiliation")
            outer = inner.kind
        if outer is None:
            return inner
        return self._make(first, last, " ".join(words), outer, "head_with_affiliation")

    def _appositive_name(self, first: int, last: int, possessed: bool = False) -> _Mention | None:
        """A name after its descriptor: "Network operator Western Power", "aviation consultancy Cirium".

        The capitalised words after the last lower-case word are the name; the descriptor's head noun
        gives the kind. After a possessive, a name followed by its head noun ("the EU's Copernicus service")
        keeps the noun's kind; elsewhere "British intelligence" is no name.
        """
        words = self.tokens.words[first:last + 1]
        lowercase = [i for i, word in enumerate(words) if word.islower() and word not in _NAME_JOINER_WORDS]
        if not lowercase:
            return None
        split = lowercase[-1] + 1
        if split < len(words):  # descriptor, then name
            descriptor, name_first, name_last = words[:split], first + split, last
        elif possessed and lowercase[0] > 0 and all(_capitalised(word) for word in words[:lowercase[0]]):
            descriptor, name_first, name_last = words[lowercase[0]:], first, first + lowercase[0] - 1
        else:
            return None
        kind = kinds.head_kind(descriptor)
        name_words = self.tokens.words[name_first:name_last + 1]
        if kind in (None, "document", "anonymous") or not _capitalised(name_words[0]):
            return None
        if kind == "person":
            name_words = kinds.without_titles(name_words)
        named = kinds.lookup_name(" ".join(name_words))
        if named:
            return self._make(name_first, name_last, named.name, named.kind, "lexicon_name")
        return self._make(name_first, name_last, " ".join(name_words), kind, "appositive_name")

    def _make(self, first: int, last: int, name: str, kind: str, rule: str) -> _Mention:
        start, end = self.tokens.span(first, last)
        return _Mention(start, end, name, kind, rule)

    def _possessor_mention(self, first: int, possessor: int, last: int) -> _Mention | None:
        """"the ministry's statement" -> the ministry; "Ukraine's military" stays whole."""
        head_words = self.tokens.words[possessor + 1:last + 1]
        words = self.tokens.words[first:possessor + 1]
        words[-1] = words[-1][:-2]
        if head_words and all(_capitalised(word) or word in _NAME_JOINER_WORDS for word in head_words):
            inner = self._possessed_name(first, possessor, last, words, head_words)
            if inner is not None:
                return inner
        tail_kind = kinds.head_kind(head_words) if head_words else None
        if tail_kind not in ("document", None):
            # "Ukraine's military", "the country's disaster agency": the whole phrase names the source.
            end_index = possessor + len(head_words)
            return self._make(first, end_index, self.tokens.surface(first, end_index), tail_kind, "head_noun")
        appositive = self._appositive_name(possessor + 1, last, possessed=True) if head_words else None
        if appositive is not None:
            return appositive  # "the EU's Copernicus service", "Spain's weather agency AEMET": the name inside
        named = kinds.lookup_name(" ".join(words))
        kind = named.kind if named else kinds.head_kind(words) or kinds.proper_name_kind(words)
        if kind is None:
            return None
        start, _ = self.tokens.span(first, possessor)
        end = self.tokens.ends[possessor] - 2
        return _Mention(start, end, named.name if named else " ".join(words), kind, "possessor")

    def _possessed_name(self, first: int, possessor: int, last: int, owner: list[str], head_words: list[str]
                        ) -> _Mention | None:
        """A name after a possessive: "Britain's Met Office" -> Met Office, "the EU's Copernicus Climate Change
        Service" -> the service; after a country a generic body keeps it ("Romania's Health Ministry")."""
        named = kinds.lookup_name(" ".join(head_words))
        if named:
            return self._make(possessor + 1, last, named.name, named.kind, "lexicon_name")
        if country_code(" ".join(owner)):
            return None
        kind = kinds.proper_name_kind(head_words)
        if kind is None:
            return None
        return self._make(possessor + 1, last, " ".join(head_words), kind, "possessed_name")

    def _role_mention(self, first: int, last: int, words: list[str]) -> _Mention | None:
        """"Ukrainian special forces spokesperson", "a spokesperson" (for whom?), "U.S. officials"."""
        head = words[-1].lower()
        modifiers = words[:-1]
        if self._followed_by_anonymity(last):
            return self._make(first, last, " ".join(words), "anonymous", "role_anonymous")
        if modifiers and kinds.role_defaults()[head] == "anonymous" and all(_capitalised(word) for word in modifiers):
            # "A State Department spokesperson", "a Premier League spokesman": the body named before the role.
            named = kinds.lookup_name(" ".join(modifiers))
            kind = named.kind if named else kinds.modifier_kind(modifiers) or kinds.proper_name_kind(modifiers)
            if kind == "person":
                kind = "organisation"  # a spokesperson speaks for a body, not for a person
            if kind is not None:
                return self._make(first, last, named.name if named else " ".join(modifiers), kind, "role_named")
        if modifiers:
            kind = kinds.modifier_kind(modifiers) or kinds.role_defaults()[head]
            return self._make(first, last, " ".join(words), kind, "role_modifier")
        if kinds.role_defaults()[head] == "anonymous" and head not in ("source", "sources"):
            for earlier in reversed(self.history[-6:]):
                if earlier.kind in _SPEAKS_FOR and self.sentence.index - earlier.sentence_index <= 2:
                    return self._make(first, last, f"{earlier.name} {head}", earlier.kind, "role_antecedent")
        return self._make(first, last, " ".join(words), kinds.role_defaults()[head], "role_default")

    def _antecedent(self, first: int, last: int, wanted: list[str], rule: str) -> _Mention | None:
        for earlier in reversed([*self.history, *sorted(self.rows.values(), key=lambda s: s.start)]):
            if earlier.kind in wanted and self.sentence.index - earlier.sentence_index <= 6:
                return self._make(first, last, earlier.name, earlier.kind, rule)
        return None

    def _named_antecedent(self, first: int, last: int, wanted: list[str]) -> _Mention | None:
        """The last capitalised name before the mention whose kind fits ("... from Corvane Pharma. The company")."""
        sentence_start = self.sentence.start
        window_start = max(0, sentence_start - _NAME_WINDOW)
        window = self.document.text[window_start:sentence_start + self.tokens.starts[first]]
        fallback = None
        for match in _PROPER_NAME.finditer(window):
            words = match.group().split()
            if words[0] in ("The", "A", "An"):
                words = words[1:]
            if words and words[-1].endswith(("'s", "’s")):
                words[-1] = words[-1][:-2]
            if not words or country_code(" ".join(words)):
                continue
            named = kinds.lookup_name(" ".join(words))
            kind = named.kind if named else kinds.proper_name_kind(words)
            before = window[max(0, match.start() - 30):match.start()].split()
            introduced = bool(before) and kinds.head_kinds().get(before[-1].lower()) in wanted
            if len(words) == 1 and not (named or introduced):
                continue  # "Tuesday", "Shares", "Dimorphos": one capitalised word is rarely the body meant
            if kind in wanted or introduced:
                fallback = (named.name if named else " ".join(words), kind if kind in wanted else wanted[0])
            elif kind == "person" and "company" in wanted and len(words) >= 2 and not self._known_person(words):
                fallback = (" ".join(words), "company")
        if fallback is None:
            return None
        return self._make(first, last, fallback[0], fallback[1], "coreference_name")

    def _known_person(self, words: list[str]) -> bool:
        name = " ".join(kinds.without_titles(words))
        return any(earlier.kind == "person" and earlier.name == name for earlier in self.history)

    def _surname_antecedent(self, words: list[str]) -> Source | None:
        if len(words) != 1:
            return None
        for earlier in reversed(self.history):
            if earlier.kind == "person" and earlier.name.split()[-1] == words[0] and earlier.name != words[0]:
                return earlier
        return None

    def _document_author(self, last: int) -> _Mention | None:
        """"a report by The New York Times": the author, when the document names one."""
        for pattern in (_document_author(), _AUTHOR_AFTER_TOPIC):
            joined = pattern.match(self.tokens.text, self.tokens.ends[last])
            if joined is None:
                continue
            found = phrase_after(self.tokens, self.tokens.index_at(joined.end()))
            author = self._mention(*found) if found is not None else None
            if author is not None and author.kind != "document":
                return author
        return None

    def _anonymity_before(self, position: int) -> int | None:
        """Token index of an anonymity marker just before a verb ("officials familiar with the matter said")."""
        text = self.tokens.text
        window_start = max(0, position - 60)
        window = text[window_start:position]
        if window.rstrip().endswith(","):
            return None  # a parenthetical: "The Post, citing people briefed on the plan, reported"
        if kinds.anonymous_marker_search().search(window) is None:
            return None
        for marker in kinds.anonymous_markers():
            found = window.rfind(marker)
            if found > 0 and "," not in window[found:].rstrip(", "):
                return self.tokens.index_at(window_start + found)
        return None

    def _anonymous_name(self, mention: _Mention) -> str:
        """"two officials familiar with the plan" -> officials familiar with the plan: the marker and its object
        stay in the name, a count before it goes."""
        text = self.tokens.text
        marker = kinds.anonymous_marker_search().search(text, mention.start, mention.end + 40)
        if marker is None or marker.start() > mention.end + 2:
            words = mention.name.split()
        else:
            end = marker.end()
            found = phrase_after(self.tokens, self.tokens.index_at(end))
            if found is not None and self.tokens.starts[found[0]] - end <= 1:
                end = self.tokens.ends[found[1]]
            words = (text[mention.start:min(marker.start(), mention.end)] + " " + text[marker.start():end]).split()
        while len(words) > 1 and (words[0][0].isdigit() or words[0].lower() in _count_words()):
            words = words[1:]
        return " ".join(words)

    def _followed_by_anonymity(self, last: int) -> bool:
        following = self.tokens.text[self.tokens.ends[last]:self.tokens.ends[last] + 40].lstrip(" ,")
        return following.startswith(kinds.anonymous_markers())
