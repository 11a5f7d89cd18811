"""Reading a source's name and kind from the noun phrase found around a cue.

A phrase is read in this order: a listed name ("the BBC"); a head noun with an
affiliation ("Scientists at Nasa"); a possessor ("the ministry's statement");
a pronoun or definite description (``source_coreference``); a role noun ("a
spokesperson for the ministry", "U.S. officials"); a name after its descriptor
("network operator Western Power"); a document and its author ("a report by The
New York Times"); a head noun; a capitalised name. Kinds come from
``source_kinds``; people are named without their titles, anonymous groups
without their counts.
"""

from __future__ import annotations

from dataclasses import dataclass

from transforms import source_kinds as kinds
from transforms.gazetteer import country_code
from transforms.phrases import Tokens, determiners, phrase_after
from transforms.records import Document, Sentence, Source
from transforms.source_coreference import (
    named_antecedent, role_speaker, source_antecedent, surname_antecedent,
)
from transforms.source_cues import (
    HEAD_PREPOSITIONS, NAME_JOINER_WORDS, AUTHOR_AFTER_TOPIC, capitalised, count_words, cues, document_author,
)


@dataclass(slots=True)
class Mention:
    """A source read from a phrase: its span (sentence-local), canonical name, kind and the rule that read it."""

    start: int
    end: int
    name: str
    kind: str
    rule: str


class MentionReader:
    """Reads the source a phrase of one sentence names, against the document's sources so far."""

    def __init__(self, document: Document, sentence: Sentence, tokens: Tokens, history: list[Source],
                 rows: dict[tuple[int, int], Source]) -> None:
        self.document = document
        self.sentence = sentence
        self.tokens = tokens
        self.history = history  # the sources of earlier sentences
        self.rows = rows  # this sentence's sources so far, by span

    def read(self, first: int, last: int) -> Mention | None:
        """The source named by tokens ``first`` to ``last``, or None when they name no source."""
        tokens = self.tokens
        definite = tokens.lowered[first] == "the"
        if tokens.lowered[first] in determiners() and first < last:
            named = kinds.lookup_name(self.tokens.surface(first, last))
            if named and named.name.lower().startswith("the "):
                return self._make(first, last, named.name, named.kind, "lexicon_name")
            first += 1
        words = tokens.words[first:last + 1]
        if not HEAD_PREPOSITIONS.isdisjoint(words):
            affiliation = next(i for i, word in enumerate(words) if word in HEAD_PREPOSITIONS)
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
        if len(words) == 1 and lowered in cues()["pronouns"]:
            return self._antecedent(first, last, cues()["pronouns"][lowered], "coreference_pronoun")
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
                surname = surname_antecedent(self.history, words)
                if surname is not None:
                    return self._make(first, last, surname.name, surname.kind, "coreference_surname")
        if kind is None:
            return None
        if kind != "anonymous" and self.followed_by_anonymity(last):
            kind = "anonymous"
        name = " ".join(self.tokens.surface(first, last).split())
        if kind == "person":
            name = " ".join(kinds.without_titles(name.split()))
        return self._make(first, last, name, kind, "head_noun")

    def _affiliated_mention(self, first: int, last: int, words: list[str], split: int) -> Mention | None:
        """"Scientists at Nasa" (organisation), "a spokesperson for the ministry" (the ministry's kind)."""
        outer = kinds.head_kind(words[:split])
        inner = self.read(first + split + 1, last)
        role = words[split - 1].lower()
        if role in kinds.role_defaults() and inner is not None:
            if split == 1 and kinds.role_defaults()[role] == "anonymous":
                # "a spokesperson for Romania's Health Ministry": the spokesperson speaks for the ministry.
                return self._make(first, last, inner.name, inner.kind, "role_affiliation")
            outer = inner.kind
        if outer is None:
            return inner
        return self._make(first, last, " ".join(words), outer, "head_with_affiliation")

    def _appositive_name(self, first: int, last: int, possessed: bool = False) -> Mention | None:
        """A name after its descriptor: "Network operator Western Power", "aviation consultancy Cirium".

        The capitalised words after the last lower-case word are the name; the descriptor's head noun
        gives the kind. After a possessive, a name followed by its head noun ("the EU's Copernicus service")
        keeps the noun's kind; elsewhere "British intelligence" is no name.
        """
        words = self.tokens.words[first:last + 1]
        lowercase = [i for i, word in enumerate(words) if word.islower() and word not in NAME_JOINER_WORDS]
        if not lowercase:
            return None
        split = lowercase[-1] + 1
        if split < len(words):  # descriptor, then name
            descriptor, name_first, name_last = words[:split], first + split, last
        elif possessed and lowercase[0] > 0 and all(capitalised(word) for word in words[:lowercase[0]]):
            descriptor, name_first, name_last = words[lowercase[0]:], first, first + lowercase[0] - 1
        else:
            return None
        kind = kinds.head_kind(descriptor)
        name_words = self.tokens.words[name_first:name_last + 1]
        if kind in (None, "document", "anonymous") or not capitalised(name_words[0]):
            return None
        if kind == "person":
            name_words = kinds.without_titles(name_words)
        named = kinds.lookup_name(" ".join(name_words))
        if named:
            return self._make(name_first, name_last, named.name, named.kind, "lexicon_name")
        return self._make(name_first, name_last, " ".join(name_words), kind, "appositive_name")

    def _make(self, first: int, last: int, name: str, kind: str, rule: str) -> Mention:
        start, end = self.tokens.span(first, last)
        return Mention(start, end, name, kind, rule)

    def _possessor_mention(self, first: int, possessor: int, last: int) -> Mention | None:
        """"the ministry's statement" -> the ministry; "Ukraine's military" stays whole."""
        head_words = self.tokens.words[possessor + 1:last + 1]
        words = self.tokens.words[first:possessor + 1]
        words[-1] = words[-1][:-2]
        if head_words and all(capitalised(word) or word in NAME_JOINER_WORDS for word in head_words):
            inner = self._possessed_name(possessor, last, words, head_words)
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
        return Mention(start, end, named.name if named else " ".join(words), kind, "possessor")

    def _possessed_name(self, possessor: int, last: int, owner: list[str], head_words: list[str]) -> Mention | None:
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

    def _role_mention(self, first: int, last: int, words: list[str]) -> Mention | None:
        """"Ukrainian special forces spokesperson", "a spokesperson" (for whom?), "U.S. officials"."""
        head = words[-1].lower()
        modifiers = words[:-1]
        if self.followed_by_anonymity(last):
            return self._make(first, last, " ".join(words), "anonymous", "role_anonymous")
        if modifiers and kinds.role_defaults()[head] == "anonymous" and all(capitalised(word) for word in modifiers):
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
            speaker = role_speaker(self.history, self.sentence.index)
            if speaker is not None:
                return self._make(first, last, f"{speaker.name} {head}", speaker.kind, "role_antecedent")
        return self._make(first, last, " ".join(words), kinds.role_defaults()[head], "role_default")

    def _antecedent(self, first: int, last: int, wanted: list[str], rule: str) -> Mention | None:
        earlier_sources = [*self.history, *sorted(self.rows.values(), key=lambda source: source.start)]
        earlier = source_antecedent(earlier_sources, self.sentence.index, wanted)
        return self._make(first, last, earlier.name, earlier.kind, rule) if earlier is not None else None

    def _named_antecedent(self, first: int, last: int, wanted: list[str]) -> Mention | None:
        position = self.sentence.start + self.tokens.starts[first]
        found = named_antecedent(self.document.text, position, wanted, self.history)
        return self._make(first, last, found[0], found[1], "coreference_name") if found is not None else None

    def _document_author(self, last: int) -> Mention | None:
        """"a report by The New York Times": the author, when the document names one."""
        for pattern in (document_author(), AUTHOR_AFTER_TOPIC):
            joined = pattern.match(self.tokens.text, self.tokens.ends[last])
            if joined is None:
                continue
            found = phrase_after(self.tokens, self.tokens.index_at(joined.end()))
            author = self.read(*found) if found is not None else None
            if author is not None and author.kind != "document":
                return author
        return None

    # -- anonymous sources -------------------------------------------------------------------
    def anonymous_name(self, mention: Mention) -> str:
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
        while len(words) > 1 and (words[0][0].isdigit() or words[0].lower() in count_words()):
            words = words[1:]
        return " ".join(words)

    def followed_by_anonymity(self, last: int) -> bool:
        following = self.tokens.text[self.tokens.ends[last]:self.tokens.ends[last] + 40].lstrip(" ,")
        return following.startswith(kinds.anonymous_markers())
