"""Reading who wrote a document a source phrase names: "a report by The New York Times", "Eurostat data".

The author is read after the document ("by ...", "from ..."), else before it ("NHS England figures");
a document without an author is left to ``source_mentions``.
"""

from __future__ import annotations

from transforms import source_kinds as kinds
from transforms.phrases import phrase_after
from transforms.source_spans import whole_name
from transforms.source_workplaces import unnamed_workplace, workplace_role
from transforms.source_cues import AUTHOR_AFTER_TOPIC, NAME_JOINER_WORDS, capitalised, cue_sets, cues, document_author
from transforms.source_mention_context import Mention, MentionContext


# Kinds of body that write documents under a lower-case name: "a finance ministry document".
_AUTHOR_KINDS = frozenset({"government", "military", "intelligence", "organisation", "company"})


class DocumentAuthorReading(MentionContext):
    """The readers of a document's author, before or after the document's noun."""

    def _author_before(self, first: int, last: int, words: list[str]) -> Mention | None:
        """"NHS England figures", "Eurostat data": the body named before a document wrote it."""
        owner = words[:-1]
        if owner and owner[-1].islower() and kinds.head_kind(owner) == "media":
            # "local media reports": the media wrote them ("court documents" stay documents)
            return self._make(first, last - 1, " ".join(owner), "media", "document_author")
        if len(owner) >= 2 and all(word.islower() for word in owner) and owner[-1] not in cue_sets()["court_heads"] \
                and kinds.head_kind(owner[-1:]) in _AUTHOR_KINDS:
            # "a finance ministry document": the body named before it wrote it ("company filings", "court records"
            # and "government budget documents" name no body of their own and stay documents)
            return self._make(first, last - 1, " ".join(owner), kinds.head_kind(owner[-1:]), "document_author")
        if not owner or not all(capitalised(word) or word in NAME_JOINER_WORDS for word in owner) \
                or not capitalised(owner[0]) or any(word in cues()["not_authors"] for word in owner):
            return None
        named = kinds.lookup_name(" ".join(owner))
        if named is not None:
            author = self._named(first, last - 1, named)
            author.rule = "document_author"
            return author
        kind = kinds.head_kind(owner) or kinds.proper_name_kind(owner)
        if kind in (None, "document", "anonymous"):
            return None
        return self._make(first, last - 1, " ".join(owner), "organisation" if kind == "person" else kind,
                          "document_author")

    def _document_author(self, last: int) -> Mention | None:
        """"a report by The New York Times": the author, when the document names one."""
        for pattern in (document_author(), AUTHOR_AFTER_TOPIC):
            joined = pattern.match(self.tokens.text, self.tokens.ends[last])
            if joined is None:
                continue
            found = phrase_after(self.tokens, self.tokens.index_at(joined.end()))
            if found is not None:
                found = self.extend_to_affiliation(whole_name(self.tokens, found))
            author = self.read(*found) if found is not None else None
            if author is not None and author.kind != "document":
                author.rule = "document_by"
                return author
        return None

    def extend_to_affiliation(self, found: tuple[int, int]) -> tuple[int, int]:
        """"researchers at Stanford University": a phrase read on through a preposition to a name."""
        words = self.tokens.words
        first, last = found
        if last + 2 < len(words) and words[last + 1] in ("at", "in", "from") \
                and words[last].lower() in kinds.affiliated_groups():
            following = last + 3 if words[last + 2] == "the" and last + 3 < len(words) else last + 2
            if capitalised(words[following]):
                extra = phrase_after(self.tokens, last + 2)
                if extra is not None:
                    return first, extra[1]
        if last + 2 < len(words) and words[last + 1] == "at" and workplace_role(words[last]):
            extra = phrase_after(self.tokens, last + 2)  # "a source at the club": read whole
            if extra is not None and unnamed_workplace(words[last], words[last + 2:extra[1] + 1]):
                return first, extra[1]
        return found
