"""The names sources are given: the document's own names for them, and anonymous sources without their counts.

"WHO" after "the World Health Organization (WHO)" takes the full name; a name the document described takes
that kind; "two officials familiar with the plan" is named "officials familiar with the plan".
"""

from __future__ import annotations

import re
from functools import cache

from transforms import source_kinds as kinds
from transforms.gazetteer import words_pattern
from transforms.phrases import phrase_after
from transforms.records import Source
from transforms.source_cues import count_words
from transforms.source_mention_context import Mention, MentionContext
from transforms.source_names import DocumentNames, document_names


# Possessive determiners before the object of an anonymity marker: "a person familiar with its finances".
_POSSESSIVE_DETERMINERS = frozenset({"its", "their", "his", "her", "our"})
# Openings of anonymity markers that say why a speaker is unnamed, not who they are.
_WHY_UNNAMED = ("who", "on condition", "not authori")
# Rules whose kind is a guess from the name's form, which the document's own description overrides.
_GUESSED_KIND_RULES = frozenset({"proper_name", "role_named", "document_author", "possessed_name", "appositive_name"})


class MentionNaming(MentionContext):
    """Settles the names of mentions read, and reads where anonymity markers stand."""

    # -- names the document gave -------------------------------------------------------------
    def settle_name(self, mention: Mention) -> None:
        """Give ``mention`` the name and kind under which the document introduced its source.

        "WHO" after "the World Health Organization (WHO)", "the RSF" after "Rapid Support Forces",
        "Northbridge" after "Northbridge City" take the full name; a name the document described
        ("agrochemical maker Bellcrest") takes that kind; a listed source keeps the name it was first
        written with ("Bloomberg News", then "Bloomberg"), as a source or not.
        """
        names = document_names(self.document.text)
        earlier = self._earlier_sources()
        named = kinds.lookup_name(mention.name)
        if mention.kind != "person" and not mention.rule.startswith("coreference"):
            if named is not None:  # a listed name is shortened only where the document defines it: "(WHO)"
                full = names.defined(mention.name) if mention.name.isupper() else None
            else:
                full = names.full_name(mention.name, self.sentence.start + mention.start)
            if full is not None:
                mention.name = full
                mention.kind = self._kind_of_name(full, earlier, names)
                mention.rule = "document_name"
                return
        if mention.rule in _GUESSED_KIND_RULES:
            same = next((source for source in earlier if source.name == mention.name), None)
            described = names.described_kind(mention.name)
            if same is not None:
                mention.kind = same.kind
            elif described is not None:
                mention.kind = described
        if named is not None:
            first = next((source for source in earlier
                          if source.kind == named.kind and kinds.lookup_name(source.name) is named), None)
            if first is not None:
                mention.name = first.name
            elif len(mention.name) < kinds.longest_form(named):
                # "a WHO spokesperson" after "The World Health Organization has shipped": as first written
                written = kinds.alias_search(named).search(self.document.text, 0, self.sentence.start + mention.start)
                if written is not None and len(written.group()) > len(mention.name.removeprefix("the ")):
                    mention.name = kinds.written_name(named, written.group())  # never shortened: "UN", "United Nations"

    @staticmethod
    def _kind_of_name(name: str, earlier: list[Source], names: DocumentNames) -> str:
        named = kinds.lookup_name(name)
        if named is not None:
            return named.kind
        same = next((source.kind for source in earlier if source.name == name), None)
        if same is not None:
            return same
        kind = names.described_kind(name) or kinds.proper_name_kind(name.split())
        return "organisation" if kind in (None, "person") else kind

    # -- anonymous sources -------------------------------------------------------------------
    def anonymous_name(self, mention: Mention) -> str:
        """"two officials familiar with the plan" -> officials familiar with the plan: the marker and its object
        stay in the name, a count before it goes; a clause saying why the speaker is unnamed ("who asked not to be
        named", "on condition of anonymity") tells nothing of who they are and stays out."""
        text = self.tokens.text
        marker = kinds.anonymous_marker_search().search(text, mention.start, mention.end + 40)
        if marker is None or marker.start() > mention.end + 2 or marker.group().lower().startswith(_WHY_UNNAMED):
            words = mention.name.split()
        else:
            end = marker.end()
            following = self.tokens.index_at(end)
            if following < len(self.tokens.words) - 1 and self.tokens.lowered[following] in _POSSESSIVE_DETERMINERS:
                following += 1  # "familiar with its finances"
            found = phrase_after(self.tokens, following)
            if found is not None and self.tokens.starts[self.tokens.index_at(end)] - end <= 1:
                end = self.tokens.ends[found[1]]
            words = (text[mention.start:min(marker.start(), mention.end)] + " " + text[marker.start():end]).split()
        return " ".join(_without_count(words))

    def uncounted_name(self, mention: Mention) -> None:
        """"two government officials" -> government officials: a group is named without its count."""
        if _count_opening().match(mention.name):
            words = mention.name.split()
            if len(words) > 1 and words[-1].islower():
                mention.name = " ".join(_without_count(words))

    def _before_anonymity_marker(self, first: int, last: int) -> int:
        """"sources close to the player": the phrase ends before a marker read into it ("close")."""
        openers = kinds.anonymous_marker_openers()
        lowered = self.tokens.lowered
        if openers.isdisjoint(lowered[first + 1:last + 1]):
            return last
        for index in range(first + 1, last + 1):
            if lowered[index] in openers \
                    and self.tokens.text.startswith(kinds.anonymous_markers(), self.tokens.starts[index]):
                return index - 1
        return last


def _without_count(words: list[str]) -> list[str]:
    """The words of a group's name after its count: "two officials familiar with the plan" -> officials ..."""
    while len(words) > 1 and (words[0][0].isdigit() or words[0].lower() in count_words()):
        words = words[1:]
    return words


@cache
def _count_opening() -> re.Pattern[str]:
    """A name opening with a count: "two government officials", "Several people", "12 officials"."""
    return re.compile(rf"(?:\d|(?:{words_pattern(count_words())})\s)", re.IGNORECASE)
