"""What a pronoun or a definite description refers back to, read into a ``Mention``.

``AntecedentReading`` resolves "it", "the company", "the prosecution service", "a spokesperson for the airline":
first the earlier source whose name ends in the description's words, then the name its own sentence introduced
with that noun, then the last source of a fitting kind, then the last fitting name written before.
"""

from __future__ import annotations

import re

from transforms import source_kinds as kinds
from transforms.phrases import phrase_after
from transforms.source_coreference import named_antecedent, named_person, role_holder, source_antecedent
from transforms.source_mention_context import Mention, MentionContext


class AntecedentReading(MentionContext):
    """Readers of what a mention refers back to (``read`` and ``settle_name`` come from the reader it is mixed into)."""

    def _antecedent(self, first: int, last: int, wanted: list[str], rule: str) -> Mention | None:
        earlier = source_antecedent(self._earlier_sources(), self.sentence.index, wanted)
        if earlier is not None:
            return self._make(first, last, earlier.name, earlier.kind, rule)
        if wanted == ["person"]:  # "She told reporters" after "Kenya's Faith Mwangi won": the person named last
            official = role_holder(self._earlier_sources(), self.sentence.index)
            if official is not None:  # "a rescue official told Reuters ... he said": the one official
                return self._make(first, last, official.name, official.kind, rule)
            position = self.sentence.start + self.tokens.starts[first]
            person = named_person(self.document.text, position, self.history)
            if person is not None:
                return self._make(first, last, person, "person", "coreference_named_person")
        return None

    def _trailing_subject(self, pronoun: int, wanted: list[str]) -> Mention | None:
        """"The presidency named Ibrahim Sule acting minister, it said": a pronoun after a comma, in a trailing
        attribution, is the body its own sentence opens with (one capitalised word alone is too weak a name)."""
        tokens = self.tokens
        if pronoun < 2 or tokens.words[pronoun - 1] != "," or "person" in wanted:
            return None
        opening = 1 if tokens.words[0] in '"“' else 0
        found = phrase_after(tokens, opening)
        if found is None or found[1] >= pronoun - 1:
            return None
        subject = self.read(*found)
        if subject is None or subject.kind not in wanted \
                or subject.rule == "proper_name" and " " not in subject.name:
            return None
        self.settle_name(subject)
        return self._make(pronoun, pronoun, subject.name, subject.kind, "coreference_subject")

    def _opening(self) -> int:
        """Index of a sentence's first word (after an opening quote)."""
        return 1 if self.tokens.words and self.tokens.words[0] in '"“' else 0

    def _same_description(self, first: int, last: int, words: list[str]) -> Mention | None:
        """"the prosecution service" after "the public prosecution service said": the source whose name ends in
        the description's words, before the last source of its kind."""
        ending = " ".join(words).lower()
        earlier = next((source for source in reversed(self._earlier_sources())
                        if source.name.lower() == ending or source.name.lower().endswith(" " + ending)), None)
        if earlier is not None:
            return self._make(first, last, earlier.name, earlier.kind, "coreference_same")
        # "Canadian airline Maple Air cancelled 870 flights, a spokesperson for the airline said": the name its own
        # sentence introduced with the same noun
        before = self.tokens.text[:self.tokens.starts[first]]
        introduced = list(re.finditer(rf"\b{re.escape(words[-1])} ((?:[A-Z][\w'’-]*(?: |$))+)", before))
        if not introduced or len(words) > 1:
            return None
        name = introduced[-1].group(1).strip()
        named = kinds.lookup_name(name)
        kind = named.kind if named else kinds.head_kind(words)
        return self._make(first, last, named.name if named else name, kind, "coreference_introduced") if kind else None

    def _definite_antecedent(self, first: int, last: int, wanted: list[str]) -> Mention | None:
        """What "the company" refers to: a source, else a name, of the description's own kind first (a company
        named in the text before a union that spoke: "the Aslef union said, in a walkout the company said"),
        then of any kind it may take."""
        if len(wanted) > 1:
            resolved = self._antecedent(first, last, wanted[:1], "coreference_definite") \
                or self._named_antecedent(first, last, wanted[:1], strict=True)
            if resolved is not None:
                return resolved
        return self._antecedent(first, last, wanted, "coreference_definite") \
            or self._named_antecedent(first, last, wanted)

    def _named_antecedent(self, first: int, last: int, wanted: list[str], strict: bool = False) -> Mention | None:
        position = self.sentence.start + self.tokens.starts[first]
        found = named_antecedent(self.document.text, position, wanted, self.history, self.sentence.start, strict)
        return self._make(first, last, found[0], found[1], "coreference_name") if found is not None else None
