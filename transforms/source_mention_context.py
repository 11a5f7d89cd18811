"""The record a source's noun phrase is read into, and the sentence context its readers share.

``MentionContext`` holds one sentence, its tokens and the document's sources so far; the readers of
``source_possessives``, ``source_document_authors``, ``source_mention_names`` and ``source_mentions``
build on it, turning token spans into ``Mention`` records.
"""

from __future__ import annotations

from dataclasses import dataclass

from transforms import source_kinds as kinds
from transforms.phrases import Tokens
from transforms.records import Document, Sentence, Source


@dataclass(slots=True)
class Mention:
    """A source read from a phrase: its span (sentence-local), canonical name, kind and the rule that read it."""

    start: int
    end: int
    name: str
    kind: str
    rule: str


class MentionContext:
    """One sentence of a document, its tokens and the sources read before, with the spans readers make."""

    def __init__(self, document: Document, sentence: Sentence, tokens: Tokens, history: list[Source],
                 rows: dict[tuple[int, int], Source]) -> None:
        self.document = document
        self.sentence = sentence
        self.tokens = tokens
        self.history = history  # the sources of earlier sentences
        self.rows = rows  # this sentence's sources so far, by span

    def read(self, first: int, last: int) -> Mention | None:
        """The source named by tokens ``first`` to ``last``; given by ``MentionReader``."""
        raise NotImplementedError

    def _appositive_name(self, first: int, last: int, possessed: bool = False) -> Mention | None:
        """A name after its descriptor; given by ``MentionReader``."""
        raise NotImplementedError

    def _definite_antecedent(self, first: int, last: int, wanted: list[str]) -> Mention | None:
        """What "the company" refers to; given by ``MentionReader``."""
        raise NotImplementedError

    def _make(self, first: int, last: int, name: str, kind: str, rule: str) -> Mention:
        start, end = self.tokens.span(first, last)
        return Mention(start, end, name, kind, rule)

    def _named(self, first: int, last: int, named: kinds.Named) -> Mention:
        """A listed source, named as the text writes it ("Bloomberg News", "World Health Organization")."""
        return self._make(first, last, kinds.written_name(named, self.tokens.surface(first, last)), named.kind,
                          "lexicon_name")

    def _earlier_sources(self) -> list[Source]:
        return [*self.history, *sorted(self.rows.values(), key=lambda source: source.start)]

    def followed_by_anonymity(self, last: int) -> bool:
        following = self.tokens.text[self.tokens.ends[last]:self.tokens.ends[last] + 40].lstrip(" ,")
        return following.startswith(kinds.anonymous_markers())
