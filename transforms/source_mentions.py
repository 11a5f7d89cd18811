"""Reading a source's name and kind from the noun phrase found around a cue.

A phrase is read in this order: a listed name ("the BBC"); a head noun with an
affiliation ("Scientists at Nasa"); a possessor ("the ministry's statement");
a pronoun or definite description (``source_coreference``); a role noun ("a
spokesperson for the ministry", "U.S. officials"); a name after its descriptor
("network operator Western Power"); a document and its author ("a report by The
New York Times"); a head noun; a capitalised name. Kinds come from
``source_kinds``; people are named without their titles, anonymous groups
without their counts. Possessives are read in ``source_possessives``, a
document's author in ``source_document_authors``, the names the document gave
in ``source_mention_names``, what a pronoun or description refers back to in
``source_antecedents``, unnamed workplaces and descriptions in ``source_workplaces``.
"""

from __future__ import annotations

import re

from transforms import source_kinds as kinds
from transforms.gazetteer import demonyms
from transforms.phrases import determiners
from transforms.source_antecedents import AntecedentReading
from transforms.source_coreference import document_antecedent, introduced_person, role_speaker, surname_antecedent
from transforms.source_cues import HEAD_PREPOSITIONS, NAME_JOINER_WORDS, capitalised, cues
from transforms.source_document_authors import DocumentAuthorReading
from transforms.source_mention_context import Mention, MentionContext
from transforms.source_mention_names import MentionNaming
from transforms.source_names import document_names
from transforms.source_possessives import PossessiveReading
from transforms.source_workplaces import described_again, national_body, opening_descriptor, unnamed_workplace


# Kinds of body a group of people may speak for ("Researchers at the University of Exeter").
_BODY_KINDS = frozenset({"media", "government", "military", "intelligence", "organisation", "company"})
# Heads of a description that, with a portfolio and no body named before, is the country's own: "The health
# ministry said" ("the ministry" alone stays unnamed).
_NATIONAL_HEADS = frozenset({"ministry"})


class MentionReader(PossessiveReading, DocumentAuthorReading, AntecedentReading, MentionNaming, MentionContext):
    """Reads the source a phrase of one sentence names, against the document's sources so far."""

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
                    and not any(word.endswith(("'s", "’s")) for word in name) \
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
            wanted = cues()["pronouns"][lowered]
            return self._trailing_subject(first, wanted) or self._antecedent(first, last, wanted, "coreference_pronoun")
        if definite and lowered in kinds.coreference_heads() and words[-1].islower() \
                and (all(word.islower() or word in demonyms() or kinds.place_adjective(word) for word in words)
                     or described_again(words)) and not national_body(words):
            # "the company", "the low-cost carrier": the last source, else the last name, of a fitting kind.
            wanted = kinds.coreference_heads()[lowered]
            wanted = wanted if isinstance(wanted, list) else [wanted]
            resolved = self._same_description(first, last, words) or self._definite_antecedent(first, last, wanted)
            if resolved is None and lowered in _NATIONAL_HEADS and len(words) > 1 and not any(word in demonyms() for word in words):
                resolved = self._country_body(first, first, last, words, "country")  # "The health ministry"
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
        if kind == "document" and len(words) > 1 and capitalised(words[-1]) \
                and all(capitalised(word) or word in NAME_JOINER_WORDS for word in words):
            kind = kinds.proper_name_kind(words)  # "the U.S. Geological Survey": a body's name, no survey
            kind = "organisation" if kind == "person" else kind
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
        if kind == "organisation" and kinds.state_body(words) \
                and all(capitalised(word) or word in NAME_JOINER_WORDS for word in words):
            kind = "government"  # "the Indian Space Research Organisation"
        if kind in _BODY_KINDS and len(words) > 1 and capitalised(words[0]) and words[-1].islower():
            named = self._name_before_type(first, words, kind)
            if named is not None:
                return named
        if kind == "document":
            author = self._document_author(last) or self._author_before(first, last, words)
            if author is not None:
                return author
            if definite:
                earlier = document_antecedent(self._earlier_sources(), self.sentence.index)
                if earlier is not None:
                    return self._make(first, last, earlier.name, earlier.kind, "coreference_document")
        if kind is None and first == self._opening() and len(words) > 1:
            described = opening_descriptor(words)
            if described is not None:  # "Utility Hydro-Quebec said": the descriptor capitalised as the sentence opens
                return self._make(first + 1, last, " ".join(words[1:]), described, "appositive_name")
        if kind is None:
            kind = kinds.proper_name_kind(words)
            rule = "proper_name"
            if kind == "person" and definite and not kinds.has_title(words) and words[0] not in kinds.titles():
                kind = "organisation"  # "according to the Emergency Lawyers": no person's name takes "the"
            if kind == "person" or kind == "organisation":
                surname = surname_antecedent(self.history, words)
                if surname is not None:
                    return self._make(first, last, surname.name, surname.kind, "coreference_surname")
                if len(words) == 1 or len(words) == 2 and words[0].lower() in kinds.name_particles():
                    # "Okafor", "De Boer": a surname, with its particle capitalised at a sentence's start
                    position = self.sentence.start + self.tokens.starts[first]
                    person = introduced_person(self.document.text, position, words[-1])
                    if person is not None and (len(words) == 1 or person.lower().endswith(" ".join(words).lower())):
                        return self._make(first, last, person, "person", "coreference_surname")
        if kind is None:
            return None
        if kind != "anonymous" and self.followed_by_anonymity(last):
            kind = "anonymous"
        name = " ".join(self.tokens.surface(first, last).split())
        if kind == "person":
            name = " ".join(kinds.without_titles(name.split()))
        return self._make(first, last, name, kind, rule)
    def _name_before_type(self, first: int, words: list[str], kind: str) -> Mention | None:
        """"the Andina news agency", "the Kommersant newspaper", "the Aslef union": a name before the noun of its
        type is the name alone, when the noun is a descriptor (lexicon) or the document writes the name alone."""
        named_part = [word for word in words if capitalised(word)]
        if len(named_part) != words.index(named_part[-1]) + 1 or kinds.head_kind(named_part) \
                or any(word in demonyms() or kinds.place_adjective(word) for word in named_part):
            return None
        name = " ".join(named_part)
        type_words = " ".join(words[len(named_part):]).lower()
        if kind != "media" and type_words not in kinds.type_descriptors() \
                and not re.search(rf"\b{re.escape(name)}\b(?!\s+{re.escape(type_words)})", self.document.text):
            return None
        return self._make(first, first + len(named_part) - 1, name, kind,
                          "named_outlet" if kind == "media" else "named_body")

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
        if split == 1 and words[split] == "at" and unnamed_workplace(words[0], words[split + 1:]):
            return self._make(first, last, " ".join(words), "anonymous", "unnamed_workplace")  # "a source at the club"
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
    def _publication(self, first: int, last: int) -> Mention | None:
        """"according to The Athletic": a capitalised "The" inside a sentence opens a publication's title."""
        words = self.tokens.words[first + 1:last + 1]
        if first == 0 or self.tokens.words[first] != "The" or not words or len(words) > 3 \
                or not all(capitalised(word) for word in words) or self.tokens.words[first - 1] in '"“':
            return None
        if kinds.proper_name_kind(words) not in ("organisation", "person", "media") or kinds.head_kind(words):
            return None
        return self._make(first, last, self.tokens.surface(first, last), "media", "publication")

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
            described = modifiers[-1].lower()
            if kinds.role_defaults()[head] == "anonymous" and len(modifiers) == 1 and modifiers[0].islower() \
                    and described in kinds.coreference_heads():
                # "a league spokesperson" after "the Premier League": the name ending in that description
                position = self.sentence.start + self.tokens.starts[first]
                body = document_names(self.document.text).headed(described.capitalize(), position)
                if body is not None:
                    wanted = kinds.coreference_heads()[described]
                    named = kinds.lookup_name(body)
                    kind = named.kind if named else kinds.proper_name_kind(body.split())
                    kind = kind if kind not in (None, "person") else wanted if isinstance(wanted, str) else wanted[0]
                    return self._make(first, last, body, kind, "role_antecedent")
                wanted = kinds.coreference_heads()[described]
                wanted = wanted if isinstance(wanted, list) else [wanted]
                if "government" not in wanted:  # "an army spokesperson" after "The Israeli military said"
                    earlier = self._antecedent(first, last, wanted, "role_antecedent")
                    if earlier is not None:
                        return earlier
            if kinds.role_defaults()[head] == "anonymous" and kind != "anonymous":
                # "a government spokesperson", "Ukrainian special forces spokesperson": the body speaks.
                return self._make(first, last, " ".join(modifiers), kind, "role_modifier")
            return self._make(first, last, " ".join(words), kind, "role_modifier")
        if kinds.role_defaults()[head] == "anonymous" and head not in ("source", "sources"):
            speaker = role_speaker(self.history, self.sentence.index)
            if speaker is not None:
                return self._make(first, last, speaker.name, speaker.kind, "role_antecedent")
        return self._make(first, last, " ".join(words), kinds.role_defaults()[head], "role_default")
