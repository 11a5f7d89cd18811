"""Reading the source a possessive phrase names: "the ministry's statement" -> the ministry.

A possessor stands for the source unless what it owns names one itself: a body ("Ukraine's military"),
a name ("Britain's Met Office"), an office ("the Prime Minister's Office") or, after "the country's",
a body of the last country the document named.
"""

from __future__ import annotations

from transforms import source_kinds as kinds
from transforms.gazetteer import country_code, find_places, place_at
from transforms.source_cues import NAME_JOINER_WORDS, capitalised
from transforms.source_mention_context import Mention, MentionContext


class PossessiveReading(MentionContext):
    """The readers of phrases with a possessive ("'s") before their head."""

    def _possessor_mention(self, first: int, possessor: int, last: int) -> Mention | None:
        """"the ministry's statement" -> the ministry; "Ukraine's military" stays whole."""
        head_words = self.tokens.words[possessor + 1:last + 1]
        words = self.tokens.words[first:possessor + 1]
        words[-1] = words[-1][:-2]
        lowered = [word.lower() for word in words if word.lower() != "the"]
        if head_words and len(lowered) == 1 and lowered[0] in kinds.place_possessors():
            resolved = self._country_body(first, possessor, last, head_words, kinds.place_possessors()[lowered[0]])
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
        if tail_kind is None and head_words and capitalised(head_words[0]) and _is_place(" ".join(words)):
            # "Florida's Division of Emergency Management", "Spain's Guardia Civil": a place's body, named whole;
            # a titled person after it is read below ("Kenya's President Amina Otieno")
            tail_kind = kinds.proper_name_kind(head_words)
            if tail_kind == "person":
                tail_kind = None if kinds.has_title(head_words) else "government"
        if tail_kind not in ("document", None):
            # "Ukraine's military", "the country's disaster agency": the whole phrase names the source.
            end_index = possessor + len(head_words)
            return self._make(first, end_index, self.tokens.surface(first, end_index), tail_kind, "head_noun")
        appositive = self._appositive_name(possessor + 1, last, possessed=True) if head_words else None
        if appositive is not None:
            return appositive  # "the EU's Copernicus service", "Spain's weather agency AEMET": the name inside
        named = kinds.lookup_name(" ".join(words))
        kind = named.kind if named else kinds.head_kind(words) or kinds.proper_name_kind(words)
        if kind == "organisation" and not named and all(capitalised(word) for word in words) \
                and kinds.proper_name_kind(words) == "company":
            kind = "company"  # "CME Group's FedWatch tool"
        if kind is None:
            return None
        start, _ = self.tokens.span(first, possessor)
        end = self.tokens.ends[possessor] - 2
        owner = [word.lower() for word in words]
        if owner[0] == "the" or first > 0 and self.tokens.lowered[first - 1] == "the":
            owner = owner[1:] if owner[0] == "the" else owner
        else:
            owner = []
        if len(owner) == 1 and owner[0] in kinds.coreference_heads():
            # "the court's registrar said", "the charity's report": the body that description refers to
            wanted = kinds.coreference_heads()[owner[0]]
            resolved = self._definite_antecedent(first, possessor, wanted if isinstance(wanted, list) else [wanted])
            if resolved is not None:
                return Mention(start, end, resolved.name, resolved.kind, "coreference_possessor")
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
        if kind not in (None, "person") and _is_place(" ".join(owner)):
            return None  # "Florida's Division of Emergency Management": a place's body keeps its place
        if kind is None:
            return None
        owner_name = kinds.lookup_name(" ".join(owner))
        if owner_name is not None and owner_name.name in kinds.public_owners() and kind == "organisation":
            kind = "government"  # "the EU's Copernicus Climate Change Service": a public body's service
        return self._make(possessor + 1, last, " ".join(head_words), kind, "possessed_name")

    def _country_body(self, first: int, possessor: int, last: int, head_words: list[str], place_kind: str
                      ) -> Mention | None:
        """"the country's Culture Ministry" after "Archaeologists in Peru": Peru's Culture Ministry; "the
        province's Education Ministry" after "Ontario will cut": Ontario's. The place is the first of ``place_kind``
        in the mention's own sentence (its topic: "Uganda has declared an outbreak of Sudan ebolavirus ..., the
        country's Health Ministry said"), else the last one written before it."""
        kind = kinds.head_kind(head_words) or (kinds.proper_name_kind(head_words) if capitalised(head_words[0])
                                                 else None)
        if kind in (None, "document", "person"):
            return None
        position = self.sentence.start + self.tokens.starts[first]
        places = [place for place in find_places(self.document.text[:position]) if place.kind == place_kind]
        if not places:
            return None
        own = [place for place in places if place.start >= self.sentence.start]
        country = (own[0] if own else places[-1]).surface.removeprefix("the ")
        return self._make(possessor if self.tokens.lowered[first] == "the" else first, last,
                          f"{country}'s {' '.join(head_words)}", kind, "possessed_country")


def _is_place(name: str) -> bool:
    """A country or a region the gazetteer knows, named whole: "Spain", "Florida", "Ontario"."""
    if country_code(name):
        return True
    place = place_at(name, 0)
    return place is not None and place.end == len(name)
