"""Reading the source each attribution cue points at, in one sentence.

A claim verb's source is its subject ("Western officials revealed"), or the
name after it when inverted ("..., said Jane Smith"); a prepositional cue's
is the phrase after it ("according to the ministry"); a channel's is the
outlet after it ("speaking to the BBC", "told Reuters"). Each source found
becomes a ``Source`` row, one per span.
"""

from __future__ import annotations

from functools import cache

from transforms import source_kinds as kinds
from transforms.ids import span_id
from transforms.phrases import Tokens, determiners, phrase_after, phrase_before
from transforms.records import Document, Sentence, Source
from transforms.source_cues import (
    HEAD_PREPOSITIONS, NAME_JOINER_WORDS, capitalised, channel_after_verb, cue_sets, cues, publication_after_verb,
)
from transforms.source_coreference import calendar_words
from transforms.source_mention_context import Mention
from transforms.source_mentions import MentionReader
from transforms.source_parentheticals import person_name, skip_parenthetical
from transforms.source_spans import participle_outlet, whole_name
from transforms.word_scan import Hit

_QUOTES = frozenset("\"'“”‘’")
# Rules of a source named only by the form of its name: where a channel or a relaying source stands, an outlet.
# Pronouns opening a relative clause whose verb reports: "SSEN, which said".
_RELATIVE_PRONOUNS = frozenset({"which", "who"})
UNLISTED_NAME_RULES = frozenset({"proper_name", "possessed_name", "appositive_name"})
# Kinds of body a description before a name between commas may give it: "the country's biggest lender, Nordbank,".
_NAMED_BODY_KINDS = frozenset({"organisation", "company", "media"})


@cache
def _document_cues() -> frozenset[str]:
    """Prepositional cues naming a document before its author: "data from", "a report by"."""
    return frozenset(cue for cue in cues()["source_prepositions"] if kinds.head_kind(cue.split()[-2:-1]) == "document")


class CueReader:
    """One sentence being read: its tokens, the rows made so far, the document's earlier sources."""

    def __init__(self, document: Document, sentence: Sentence, tokens: Tokens, history: list[Source],
                 rows: dict[tuple[int, int], Source]) -> None:
        self.document = document
        self.sentence = sentence
        self.tokens = tokens
        self.rows = rows
        self.mentions = MentionReader(document, sentence, tokens, history, rows)

    def claim_subject(self, match: Hit, cue: str) -> Source | None:
        """The subject of a claim verb, or the name after it when inverted ('..., said Jane Smith')."""
        tokens = self.tokens
        index = tokens.index_at(match.start)
        anonymous = self._anonymity_before(match.start)
        if anonymous is not None:
            index = anonymous
        skip = cue_sets()["skip_before_verb"]
        while index > 0 and tokens.lowered[index - 1] in skip:
            index -= 1
        if index > 2 and tokens.words[index - 1] == ")" and tokens.words[index - 3] == "(":
            index -= 3  # "The World Health Organization (WHO) said": the name before its acronym
        if index > 0 and tokens.words[index - 1] == ",":
            named = self._name_after_role(index - 1)
            if named is not None:
                source = self._row(named[:2], cue)
                if source is not None and source.kind == "person" and source.rule == "proper_name" \
                        and named[2] in _NAMED_BODY_KINDS:
                    source.kind = named[2]  # "Germany's largest union, IG Metall, said": the union
                return source
            index = skip_parenthetical(self.tokens, index - 1)
        if index > 2 and tokens.lowered[index - 1] in _RELATIVE_PRONOUNS and tokens.words[index - 2] == ",":
            return self._relative_subject(index - 1, cue)
        if index > 0 and tokens.lowered[index - 1] in cues()["pronouns"]:
            found = (index - 1, index - 1)
            return None if self._quoted(found[0]) else self._row(found, cue)
        if index > 1 and tokens.lowered[index - 1] in cue_sets()["coordinators"]:
            return self._clause_subject(cue)
        if index == 0 or tokens.words[index - 1] in _QUOTES or tokens.words[index - 1] == ",":
            after = tokens.index_at(match.end)
            found = phrase_after(tokens, after)
            return self._row(found, cue) if found else None
        found = phrase_before(tokens, index)
        amount = None if found is None or found[1] - found[0] < 2 and not (
            found[0] > 0 and tokens.words[found[0] - 1][0].isdigit()) else next(
            (index for index in range(found[1] - 2, max(0, found[0] - 1) - 1, -1) if tokens.words[index][0].isdigit()),
            None)
        if amount is not None:
            # "the 5.4 billion euros analysts had expected": the people after an amount and its unit speak
            # ("the survey of 2,000 adults" keeps its counted noun)
            first = found[1]
            while first > found[0] and capitalised(tokens.words[first - 1]):
                first -= 1
            found = (first, found[1])
        if found is not None and tokens.words[found[1]] in calendar_words() and self._calendar_phrase(found):
            found = self._before_time(found[0])
        if found is None or self._quoted(found[0]):
            return None  # '"We expect a crater," said ...': a claim inside a quote is what is claimed
        published = self._published_document(found, cue)
        if published is not None:
            return published
        polled = self._polled_speaker(found, cue)
        if polled is not None:
            return polled
        pair = self._listed_pair(found, cue)
        if pair is not None:
            return pair
        known = len(self.rows)
        source = self._row(self._extend_over_preposition(found), cue)
        if source is not None and len(self.rows) > known and self._authored(found[0]):
            source.rule = "document_by"  # "a report by the federal ethics commissioner found": the author finds
        return source

    def _listed_pair(self, found: tuple[int, int], cue: str) -> Source | None:
        """"the WHO and Unicef said": two listed bodies joined by "and" are two sources; the first is returned."""
        tokens = self.tokens
        if found[1] - found[0] < 2:
            return None
        words = tokens.lowered[found[0]:found[1] + 1]
        if "and" not in words[1:-1]:
            return None
        joint = found[0] + words.index("and", 1)
        parts = [(found[0] + (tokens.lowered[found[0]] == "the"), joint - 1),
                 (joint + 1 + (tokens.lowered[joint + 1] == "the"), found[1])]
        if any(part[0] > part[1] or kinds.lookup_name(tokens.surface(*part)) is None for part in parts):
            return None
        first = self._row(parts[0], cue)
        self._row(parts[1], cue)
        return first

    def _published_document(self, journal: tuple[int, int], cue: str) -> Source | None:
        """"A study of 12,000 adults published in The Lancet found": the document speaks, through the journal."""
        tokens = self.tokens
        index = journal[0] - 1
        if index < 2 or tokens.lowered[index] != "in":
            return None
        index -= 1
        while index > 0 and (tokens.words[index] in calendar_words() or tokens.lowered[index] in ("on", "this")):
            index -= 1  # "published on Thursday in Science Advances"
        if tokens.lowered[index] not in cue_sets()["publication_participles"]:
            return None
        document = phrase_before(tokens, index)
        if document is None:
            return None
        document = self._extend_over_preposition(document)
        if kinds.head_kind(tokens.words[document[0]:document[1] + 1]) != "document" \
                and kinds.phrase_head_kind(tokens.words[document[0]:document[1] + 1]) != "document":
            return None
        mention = self.mentions.read(*document)
        if mention is not None and mention.end <= tokens.starts[index]:
            source = self._row(document, cue)  # "a report by the WHO published in The Lancet": its author
            if source is not None and source.kind == "document" and " of " in source.name:
                source.name = source.name.split(" of ", 1)[0]  # "study of 4,000 nurses": the study
        else:
            # the journal read as the document's author: the document itself speaks ("study of 12,000 adults")
            words = [word for word in tokens.words[document[0]:document[1] + 1] if word.lower() not in determiners()]
            name = " ".join(words[:words.index("of")] if "of" in words[1:] else words)
            source = self._source(Mention(*tokens.span(*document), name, "document", "head_noun"), cue)
        channel = self._row(journal, f"{tokens.lowered[index]} in", channel_only=True)
        if source is not None and channel is not None:
            source.via_source_id = channel.source_id
        return source

    def _calendar_phrase(self, found: tuple[int, int]) -> bool:
        """"Thursday", "March": a time, never who speaks."""
        return all(word in calendar_words() for word in self.tokens.words[found[0]:found[1] + 1])

    def _before_time(self, first: int) -> tuple[int, int] | None:
        """The subject before "<participle> on <day>" ("NHS England figures published on Thursday show"), or None."""
        tokens = self.tokens
        index = first
        if index > 0 and tokens.lowered[index - 1] in ("on", "in", "at", "since", "from"):
            index -= 1
        if index > 0 and (tokens.lowered[index - 1].endswith("ed")
                          or tokens.lowered[index - 1] in cue_sets()["irregular_participles"]):
            index -= 1
        if index == first:
            return None
        found = phrase_before(tokens, index)
        return None if found is None or self._calendar_phrase(found) else found

    def _authored(self, first: int) -> bool:
        """True when the phrase at ``first`` follows "<document> by" ("a report by the commissioner")."""
        tokens = self.tokens
        if first < 2 or tokens.lowered[first - 1] not in ("by", "from"):
            return False
        document = phrase_before(tokens, first - 1)
        return document is not None and kinds.head_kind(tokens.words[document[0]:document[1] + 1]) == "document"

    def _polled_speaker(self, outlet: tuple[int, int], cue: str) -> Source | None:
        """"Economists polled by Reuters had expected": the people polled speak, through the outlet."""
        tokens = self.tokens
        first = outlet[0]
        if first < 3 or tokens.lowered[first - 1] != "by" or tokens.lowered[first - 2] not in cue_sets()["polled_participles"]:
            return None
        speakers = phrase_before(tokens, first - 2)
        if speakers is None:
            return None
        speaker = self._row(speakers, cue)
        channel = self._row(outlet, f"{tokens.lowered[first - 2]} by", channel_only=True)
        if speaker is not None and channel is not None:
            speaker.via_source_id = channel.source_id
        return speaker

    def _relative_subject(self, pronoun: int, cue: str) -> Source | None:
        """"according to network operator SSEN, which said": the pronoun is a second mention of the phrase
        before its comma, with that phrase's name and kind."""
        found = phrase_before(self.tokens, pronoun - 1)
        if found is None or self._quoted(found[0]):
            return None
        antecedent = self.mentions.read(*found)
        if antecedent is None or antecedent.kind == "anonymous":
            return None
        self.mentions.settle_name(antecedent)
        start, end = self.tokens.span(pronoun, pronoun)
        return self._source(Mention(start, end, antecedent.name, antecedent.kind, "coreference_relative"), cue)

    def _clause_subject(self, cue: str) -> Source | None:
        """The subject a coordinated claim verb shares with the verb before it: the sentence's first phrase
        ("A State Department spokesperson declined to comment but said", "The company plans ... and said")."""
        tokens = self.tokens
        start = 0
        if tokens.words[0] in _QUOTES:
            return None
        found = phrase_after(tokens, start)
        if found is None:
            return None
        first, last = found
        for end in range(last, first - 1, -1):  # "The company plans": the longest reading that names a source
            source = self._row((first, end), cue)
            if source is not None:
                return source
        return None

    def _quoted(self, index: int) -> bool:
        """True when token ``index`` is inside a quotation opened before it in the sentence."""
        before = self.sentence.text[:self.tokens.starts[index]]
        return before.count('"') % 2 == 1 or before.count("“") > before.count("”")

    def verb_channel(self, match: Hit, cue: str) -> Source | None:
        """The channel object of a claim verb: "told the BBC", "revealed to Reuters"."""
        text = self.sentence.text
        named_outlet_only = False
        if cue in cue_sets()["recipient_verbs"]:
            start = match.end
        else:
            joined = channel_after_verb().match(text, match.end) or publication_after_verb().match(text, match.end)
            if joined is None:
                return None
            # "reported in The Astrophysical Journal Letters" names a publication, "said in Geneva" a place
            named_outlet_only = joined.re is publication_after_verb()
            start = joined.end()
        found = phrase_after(self.tokens, self.tokens.index_at(start))
        if found is None:
            return None
        attribution = " ".join(text[match.start:self.tokens.starts[found[0]]].lower().split())
        return self._row(found, attribution, channel_only=True, outlet_by_position=not named_outlet_only)

    def phrase_source(self, position: int, cue: str, channel_only: bool) -> Source | None:
        """The source named right after a prepositional or channel cue ("according to the ministry")."""
        found = phrase_after(self.tokens, self.tokens.index_at(position))
        if found is not None and not channel_only:
            # "according to researchers at Sweden's Karolinska Institute": the people and where they work
            found = self.mentions.extend_to_affiliation(found)
        source = self._row(found, cue, channel_only=channel_only) if found else None
        if source is not None and cue in _document_cues() and not source.rule.startswith("coreference"):
            source.rule = "document_by"  # "data from the Norwegian Road Federation": "the figures" later are its
        outlet = participle_outlet(self.tokens, found) if source is not None and not channel_only else None
        channel = self._row(outlet, f"{self.tokens.lowered[found[1] + 1]} by", channel_only=True) if outlet else None
        if channel is not None and source.via_source_id is None:
            source.via_source_id = channel.source_id  # "according to flight data cited by The Straits Times"
        return source

    def _extend_over_preposition(self, found: tuple[int, int]) -> tuple[int, int]:
        """"Scientists at Nasa", "the health ministry in Gaza": the head before the preposition leads."""
        tokens = self.tokens
        first, last = found
        of = first - 2 if first >= 3 and tokens.lowered[first - 1] == "the" else first - 1
        if of >= 2 and tokens.words[of] == "of":
            person = phrase_before(tokens, of)
            if person is not None and person_name(self.tokens, person):
                return person  # "Dr Lena Fischer of the Alfred Wegener Institute said": the person speaks
        if first >= 2 and tokens.words[first - 1] == "of":
            outer = phrase_before(tokens, first - 1)
            if outer is not None and kinds.head_kind(tokens.words[outer[0]:first - 1]) == "document":
                return outer[0], last  # "The survey of 2,000 adults": the document before "of"
        if first < 2 or tokens.words[first - 1] not in HEAD_PREPOSITIONS:
            return found
        outer = phrase_before(tokens, first - 1)
        if outer is not None and outer[0] >= 2 and tokens.lowered[outer[0] - 1] == "of":
            outer = phrase_before(tokens, outer[0] - 1) or outer  # "the ministry of health in Kyiv"
        if outer is None:
            return found
        dets = determiners()
        words = [word for word, lower in zip(tokens.words[outer[0]:first - 1], tokens.lowered[outer[0]:first - 1])
                 if lower not in dets]
        return (outer[0], last) if words and kinds.phrase_head_kind(words) else found

    def _name_after_role(self, comma: int) -> tuple[int, int, str] | None:
        """"His lawyer, Rebecca Tan, said", "Germany's largest union, IG Metall, said": the name between the commas,
        with the kind its description gives."""
        words = self.tokens.words
        opening = comma - 1
        while opening >= 0 and words[opening] != "," and opening > comma - 6:
            opening -= 1
        if opening < 1 or words[opening] != "," or opening + 1 >= comma:
            return None
        name = words[opening + 1:comma]
        if not all(capitalised(word) or word in NAME_JOINER_WORDS for word in name) or not capitalised(name[0]):
            return None
        role = phrase_before(self.tokens, opening)
        if role is None:
            return None
        role = self._extend_over_preposition(role)  # "Its chief economist for the region, Aaditya Mattoo, told"
        role_words = [word.removesuffix("'s").removesuffix("’s") for word in words[role[0]:role[1] + 1]]
        joined = next((index for index, word in enumerate(role_words) if word in HEAD_PREPOSITIONS or word == "of"),
                      None)
        if joined:
            role_words = role_words[:joined]
        kind = kinds.head_kind(role_words)
        if kind not in ("person", "government", "military", *_NAMED_BODY_KINDS) or not role_words[-1].islower():
            return None
        return opening + 1, comma - 1, kind

    def _unlisted_outlet(self, mention) -> bool:
        """True for a capitalised name read only by its form ("Sky Sports", "Andina") where a channel stands:
        what a claim is told to or written on is an outlet, unless the document knows it as a person or a body."""
        if mention.rule not in UNLISTED_NAME_RULES or mention.kind not in ("organisation", "person"):
            return False
        words = mention.name.split()
        if any(word in kinds.organisation_words() or word in kinds.government_words() or word in calendar_words()
               for word in words):
            return False  # "said on Monday"
        return not any(source.name == mention.name for source in self.mentions.history)

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

    def _row(self, found: tuple[int, int], attribution: str, channel_only: bool = False,
             outlet_by_position: bool = True) -> Source | None:
        """The source row of the phrase ``found`` (one row per span), or None when it names no source; where only
        a channel may stand, an unlisted name is an outlet unless ``outlet_by_position`` is False."""
        mention = self.mentions.read(*whole_name(self.tokens, found))
        if mention is not None and channel_only and outlet_by_position and mention.kind != "media" \
                and self._unlisted_outlet(mention):
            mention.kind, mention.rule = "media", "channel_position"  # "told Sky Sports", "wrote on Telegram"
        if mention is None or (channel_only and mention.kind != "media"):
            return None
        if mention.kind == "anonymous":
            mention.name = self.mentions.anonymous_name(mention)
        else:
            self.mentions.settle_name(mention)
            self.mentions.uncounted_name(mention)
        return self._source(mention, attribution)

    def _source(self, mention: Mention, attribution: str) -> Source:
        """The row of a settled mention (the existing one when its span, or the same name over it, has one)."""
        start = self.sentence.start + mention.start
        end = self.sentence.start + mention.end
        existing = self.rows.get((start, end)) or next(
            (row for row in self.rows.values() if row.start < end and start < row.end and row.name == mention.name),
            None)  # "according to data from the Resolution Foundation": one source, read from two cues
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
