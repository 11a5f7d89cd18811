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

import re
from dataclasses import dataclass

from transforms import source_kinds as kinds
from transforms.gazetteer import country_code, demonyms, find_places
from transforms.phrases import Tokens, determiners, phrase_after
from transforms.records import Document, Sentence, Source
from transforms.source_coreference import (
    document_antecedent, introduced_person, named_antecedent, named_person, role_speaker, source_antecedent,
    surname_antecedent,
)
from transforms.source_names import DocumentNames, document_names
from transforms.source_cues import (
    HEAD_PREPOSITIONS, NAME_JOINER_WORDS, AUTHOR_AFTER_TOPIC, capitalised, count_words, cues, document_author,
)


# Rules whose kind is a guess from the name's form, which the document's own description overrides.
_GUESSED_KIND_RULES = frozenset({"proper_name", "role_named", "document_author", "possessed_name", "appositive_name"})
# Kinds of body a group of people may speak for ("Researchers at the University of Exeter").
_BODY_KINDS = frozenset({"media", "government", "military", "intelligence", "organisation", "company"})


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
        last = self._before_anonymity_marker(first, last)
        definite = tokens.lowered[first] == "the"
        if tokens.lowered[first] in determiners() and first == last:
            return None  # "An estimated 300 people": a determiner alone names no one
        if tokens.lowered[first] in determiners() and first < last:
            named = kinds.lookup_name(self.tokens.surface(first, last))
            if named and named.name.lower().startswith("the "):
                return self._named(first, last, named)
            publication = self._publication(first, last)
            if publication is not None:
                return publication
            first += 1
        if first < last and "-" in tokens.words[first] and kinds.place_adjective(tokens.words[first]):
            first += 1  # "Seoul-based Hanbit Electronics"
        words = tokens.words[first:last + 1]
        if "of" in words[2:]:
            owner = words[:words.index("of", 2)]
            name = owner[len(owner) - next((i for i, word in enumerate(reversed(owner)) if not capitalised(word)),
                                           len(owner)):]
            opener = owner[len(owner) - len(name) - 1] if len(name) < len(owner) else None
            if len(name) >= 2 and (opener is None or opener.islower() and opener not in NAME_JOINER_WORDS) \
                    and kinds.lookup_name(" ".join(name)) is None and kinds.proper_name_kind(name) == "person":
                return self.read(first, first + len(owner) - 1)  # "Dr Tom Hale of the Marine Institute"
        if not HEAD_PREPOSITIONS.isdisjoint(words):
            affiliation = next(i for i, word in enumerate(words) if word in HEAD_PREPOSITIONS)
            possessor = next((i for i, word in enumerate(words[:affiliation]) if word.endswith(("'s", "’s"))), None)
            if possessor is not None and kinds.lookup_name(" ".join(words[:possessor + 1])[:-2]) is not None:
                # "the UN's International Organization for Migration": a listed owner's possessive comes first
                return self._possessor_mention(first, first + possessor, last)
            if affiliation:
                return self._affiliated_mention(first, last, words, affiliation)
        joined = " ".join(words)
        if "'s " in joined or "’s " in joined:  # a word before the last ends in "'s" (tokens hold no spaces)
            possessor = next(i for i, word in enumerate(words[:-1]) if word.endswith(("'s", "’s")))
            return self._possessor_mention(first, first + possessor, last)
        named = kinds.lookup_name(joined)
        if named:
            return self._named(first, last, named)
        lowered = words[-1].lower()
        if len(words) == 1 and lowered in cues()["pronouns"]:
            return self._antecedent(first, last, cues()["pronouns"][lowered], "coreference_pronoun")
        if definite and lowered in kinds.coreference_heads() and words[-1].islower() \
                and all(word.islower() or word in demonyms() or kinds.place_adjective(word) for word in words):
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
        if definite and len(words) == 1 and words[0].islower() and kinds.head_kind(words) == "government":
            introduced = self._introduced_description(first, words[0])
            if introduced is not None:  # "the jury" after "A federal jury in San Francisco ordered"
                return self._make(first, last, introduced, "government", "coreference_description")
        kind = kinds.head_kind(words)
        if kind == "organisation" and len(words) > 1 and all(capitalised(word) for word in words) \
                and kinds.proper_name_kind(words) == "company":
            kind = "company"  # "Arvelle Group": a company's name, though "group" heads organisations too
        if kind is None and "of" in words[1:] and words[-1].islower() and kinds.phrase_head_kind(words) == "document":
            kind = "document"  # "survey of 2,000 adults"
        rule = "head_noun"
        if words[-1].lower() in kinds.affiliated_groups() and len(words) > 1 \
                and all(capitalised(word) or word in NAME_JOINER_WORDS for word in words[:-1]):
            # "Goldman Sachs analysts", "Nasa scientists": the body they speak for
            body = kinds.lookup_name(" ".join(words[:-1]))
            if body is not None:
                return self._named(first, last - 1, body)
            body_kind = kinds.proper_name_kind(words[:-1])
            if body_kind is not None and body_kind != "government" or len(words) > 2:
                return self._make(first, last - 1, " ".join(words[:-1]),
                                  "organisation" if body_kind in (None, "person") else body_kind, "affiliation_institution")
        if kind in ("government", "organisation") and len(words) > 1 and capitalised(words[0]):
            kind = kinds.listed_prefix(words) or kind  # "UN refugee agency": the listed body's kind
        if kind == "media" and len(words) > 1 and capitalised(words[0]) and words[-1].islower():
            named_part = [word for word in words if capitalised(word)]
            if len(named_part) == words.index(named_part[-1]) + 1 and not kinds.head_kind(named_part):
                # "the Andina news agency", "the Kommersant newspaper": the outlet's name before its noun
                return self._make(first, first + len(named_part) - 1, " ".join(named_part), "media", "named_outlet")
        if kind == "document":
            author = self._document_author(last) or self._author_before(first, last, words)
            if author is not None:
                return author
            if definite:
                earlier = document_antecedent(self._earlier_sources(), self.sentence.index)
                if earlier is not None:
                    return self._make(first, last, earlier.name, earlier.kind, "coreference_document")
        if kind is None:
            kind = kinds.proper_name_kind(words)
            rule = "proper_name"
            if kind == "person" or kind == "organisation":
                surname = surname_antecedent(self.history, words)
                if surname is not None:
                    return self._make(first, last, surname.name, surname.kind, "coreference_surname")
                if len(words) == 1:
                    position = self.sentence.start + self.tokens.starts[first]
                    person = introduced_person(self.document.text, position, words[0])
                    if person is not None:
                        return self._make(first, last, person, "person", "coreference_surname")
        if kind is None:
            return None
        if kind != "anonymous" and self.followed_by_anonymity(last):
            kind = "anonymous"
        name = " ".join(self.tokens.surface(first, last).split())
        if kind == "person":
            name = " ".join(kinds.without_titles(name.split()))
        return self._make(first, last, name, kind, rule)

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

    def _affiliated_mention(self, first: int, last: int, words: list[str], split: int) -> Mention | None:
        """"Scientists at Nasa" (organisation), "a spokesperson for the ministry" (the ministry's kind)."""
        named_after = [word for word in words[split + 1:split + 3] if word != "the"][:1]
        if named_after and capitalised(named_after[0]) and capitalised(words[0]) \
                and all(capitalised(word) or word in NAME_JOINER_WORDS for word in words):
            # "United Nations Office for the Coordination of Humanitarian Affairs": one name, read whole
            kind = kinds.listed_prefix(words[:split]) or kinds.head_kind(words[:split]) or kinds.proper_name_kind(words)
            if kind is not None:
                return self._make(first, last, " ".join(words), "organisation" if kind == "person" else kind,
                                  "proper_name")
        outer = kinds.phrase_head_kind(words[:split])
        inner = self.read(first + split + 1, last)
        role = words[split - 1].lower()
        if outer == "document" and inner is not None and inner.kind in _BODY_KINDS:
            # "Figures from the Department of Health": the body that wrote them
            return self._make(first + split + 1, last, inner.name, inner.kind, "document_author")
        if split == 1 and role in kinds.affiliated_groups() and inner is not None and inner.kind in _BODY_KINDS:
            # "Researchers at the University of Exeter", "economists at ING": the institution speaks.
            return self._make(first, last, inner.name, inner.kind, "affiliation_institution")
        if split == 1 and role in kinds.affiliated_groups() and inner is not None and inner.kind == "person" \
                and inner.rule == "proper_name":
            # "Analysts at Peel Hunt": a name read as a person's by its form is the body they work for.
            kind = kinds.affiliation_kinds().get(role, "organisation")
            return self._make(first, last, inner.name, kind, "affiliation_institution")
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
        if descriptor[-1].lower() in kinds.person_roles() and len(name_words) >= 2 \
                and kinds.proper_name_kind(name_words) == "person":
            kind = "person"  # "Athletics Kenya president Daniel Kiprop": the holder of the role
        if kind == "person":
            name_words = kinds.without_titles(name_words)
        named = kinds.lookup_name(" ".join(name_words))
        if named:
            return self._named(name_first, name_last, named)
        return self._make(name_first, name_last, " ".join(name_words), kind, "appositive_name")

    def _make(self, first: int, last: int, name: str, kind: str, rule: str) -> Mention:
        start, end = self.tokens.span(first, last)
        return Mention(start, end, name, kind, rule)

    def _named(self, first: int, last: int, named: kinds.Named) -> Mention:
        """A listed source, named as the text writes it ("Bloomberg News", "World Health Organization")."""
        return self._make(first, last, kinds.written_name(named, self.tokens.surface(first, last)), named.kind,
                          "lexicon_name")

    def _publication(self, first: int, last: int) -> Mention | None:
        """"according to The Athletic": a capitalised "The" inside a sentence opens a publication's title."""
        words = self.tokens.words[first + 1:last + 1]
        if first == 0 or self.tokens.words[first] != "The" or not words or len(words) > 3 \
                or not all(capitalised(word) for word in words) or self.tokens.words[first - 1] in '"“':
            return None
        if kinds.proper_name_kind(words) not in ("organisation", "person") or kinds.head_kind(words):
            return None
        return self._make(first, last, self.tokens.surface(first, last), "media", "publication")

    def _author_before(self, first: int, last: int, words: list[str]) -> Mention | None:
        """"NHS England figures", "Eurostat data": the body named before a document wrote it."""
        owner = words[:-1]
        if owner and owner[-1].islower() and kinds.head_kind(owner) == "media":
            # "local media reports": the media wrote them ("court documents" stay documents)
            return self._make(first, last - 1, " ".join(owner), "media", "document_author")
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

    def _earlier_sources(self) -> list[Source]:
        return [*self.history, *sorted(self.rows.values(), key=lambda source: source.start)]

    def _possessor_mention(self, first: int, possessor: int, last: int) -> Mention | None:
        """"the ministry's statement" -> the ministry; "Ukraine's military" stays whole."""
        head_words = self.tokens.words[possessor + 1:last + 1]
        words = self.tokens.words[first:possessor + 1]
        words[-1] = words[-1][:-2]
        if head_words and [word.lower() for word in words] in (["country"], ["the", "country"]):
            resolved = self._country_body(first, possessor, last, head_words)
            if resolved is not None:
                return resolved
        if head_words and " ".join(words) in kinds.titles() and capitalised(head_words[0]):
            # "the Prime Minister's Office": an office-holder's body is a public one, named whole
            return self._make(first, last, self.tokens.surface(first, last), "government", "possessed_office")
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
        country = country_code(" ".join(owner))
        if named and country and kinds.head_kinds().get(" ".join(head_words).lower()):
            # "Ukraine's General Staff": a generic body keeps its country
            return self._make(possessor, last, f"{' '.join(owner)}'s {' '.join(head_words)}", named.kind,
                              "possessed_name")
        if named:
            return self._named(possessor + 1, last, named)
        if country:
            return None
        kind = kinds.proper_name_kind(head_words)
        if kind is None:
            return None
        owner_name = kinds.lookup_name(" ".join(owner))
        if owner_name is not None and owner_name.name in kinds.public_owners() and kind == "organisation":
            kind = "government"  # "the EU's Copernicus Climate Change Service": a public body's service
        return self._make(possessor + 1, last, " ".join(head_words), kind, "possessed_name")

    def _country_body(self, first: int, possessor: int, last: int, head_words: list[str]) -> Mention | None:
        """"the country's Culture Ministry" after "Archaeologists in Peru": Peru's Culture Ministry."""
        kind = kinds.head_kind(head_words) or (kinds.proper_name_kind(head_words) if capitalised(head_words[0])
                                                 else None)
        if kind in (None, "document", "person"):
            return None
        position = self.sentence.start + self.tokens.starts[first]
        countries = [place for place in find_places(self.document.text[:position]) if place.kind == "country"]
        if not countries:
            return None
        country = countries[-1].surface.removeprefix("the ")
        return self._make(possessor if self.tokens.lowered[first] == "the" else first, last,
                          f"{country}'s {' '.join(head_words)}", kind, "possessed_country")

    def _introduced_description(self, first: int, head: str) -> str | None:
        """"federal jury": the modifier and head of the last "a/an ... <head>" written before token ``first``."""
        position = self.sentence.start + self.tokens.starts[first]
        text = self.document.text[:position]
        found = None
        for match in re.finditer(rf"\b[Aa]n? ([a-z][a-z-]+ )?{re.escape(head)}\b", text):
            found = f"{match.group(1) or ''}{head}"
        return found if found and found != head else None

    def _role_mention(self, first: int, last: int, words: list[str]) -> Mention | None:
        """"Ukrainian special forces spokesperson", "a spokesperson" (for whom?), "U.S. officials"."""
        head = words[-1].lower()
        modifiers = words[:-1]
        if self.followed_by_anonymity(last):
            return self._make(first, last, " ".join(words), "anonymous", "role_anonymous")
        opening = first == 0 and kinds.lookup_name(modifiers[0]) is None if modifiers else False
        if modifiers and head in ("source", "sources") \
                and all(word.islower() or (index == 0 and opening) for index, word in enumerate(modifiers)):
            # "senior government sources", "judicial sources": unnamed people, whatever service they are in
            return self._make(first, last, " ".join(words), "anonymous", "role_anonymous")
        if modifiers and kinds.role_defaults()[head] == "anonymous" and all(capitalised(word) for word in modifiers):
            # "A State Department spokesperson", "a Premier League spokesman": the body named before the role.
            named = kinds.lookup_name(" ".join(modifiers))
            kind = named.kind if named else kinds.modifier_kind(modifiers) or kinds.proper_name_kind(modifiers)
            if kind == "person":
                kind = "organisation"  # a spokesperson speaks for a body, not for a person
            if kind is not None:
                name = kinds.written_name(named, " ".join(modifiers)) if named else " ".join(modifiers)
                return self._make(first, last, name, kind, "role_named")
        if modifiers:
            kind = kinds.modifier_kind(modifiers) or kinds.role_defaults()[head]
            if kinds.role_defaults()[head] == "anonymous" and kind != "anonymous":
                # "a government spokesperson", "Ukrainian special forces spokesperson": the body speaks.
                return self._make(first, last, " ".join(modifiers), kind, "role_modifier")
            return self._make(first, last, " ".join(words), kind, "role_modifier")
        if kinds.role_defaults()[head] == "anonymous" and head not in ("source", "sources"):
            speaker = role_speaker(self.history, self.sentence.index)
            if speaker is not None:
                return self._make(first, last, speaker.name, speaker.kind, "role_antecedent")
        return self._make(first, last, " ".join(words), kinds.role_defaults()[head], "role_default")

    def _antecedent(self, first: int, last: int, wanted: list[str], rule: str) -> Mention | None:
        earlier = source_antecedent(self._earlier_sources(), self.sentence.index, wanted)
        if earlier is not None:
            return self._make(first, last, earlier.name, earlier.kind, rule)
        if wanted == ["person"]:  # "She told reporters" after "Kenya's Faith Mwangi won": the person named last
            position = self.sentence.start + self.tokens.starts[first]
            person = named_person(self.document.text, position, self.history)
            if person is not None:
                return self._make(first, last, person, "person", "coreference_named_person")
        return None

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
            if found is not None:
                found = self._extend_after(found)
            author = self.read(*found) if found is not None else None
            if author is not None and author.kind != "document":
                author.rule = "document_by"
                return author
        return None

    def _extend_after(self, found: tuple[int, int]) -> tuple[int, int]:
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
        return found

    # -- names the document gave -------------------------------------------------------------
    def settle_name(self, mention: Mention) -> None:
        """Give ``mention`` the name and kind under which the document introduced its source.

        "WHO" after "the World Health Organization (WHO)", "the RSF" after "Rapid Support Forces",
        "Northbridge" after "Northbridge City" take the full name; a name the document described
        ("agrochemical maker Bellcrest") takes that kind; a listed source keeps the name it was first
        written with ("Bloomberg News", then "Bloomberg").
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
