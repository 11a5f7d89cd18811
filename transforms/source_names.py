"""What a document itself says about the names of its sources.

News text introduces a body once and then shortens it: "the World Health
Organization (WHO)" then "WHO"; "the paramilitary Rapid Support Forces" then
"the RSF"; "Northbridge City" then "Northbridge"; "chipmaker Veltrix
Semiconductor" then "a Veltrix spokesperson". It also says what kind of body a
name is where it introduces it: "agrochemical maker Bellcrest", "broadcaster
MDR", "the conservation charity Buglife". ``DocumentNames`` reads these from
the document text, once per document, so that every mention of a source carries
the name and kind under which the document introduced it.
"""

from __future__ import annotations

import re

from transforms import source_kinds as kinds
from transforms.gazetteer import country_code, place_at

# A capitalised name: "World Health Organization", "Bank of England", "Keller & Moss", "Médecins Sans Frontières".
_NAME = r"[A-Z][\w’'&.-]*(?:[ ](?:(?:of|for|the|and|on|de|du|&)[ ])*[A-Z][\w’'&-]*)*"
_NAME_PATTERN = re.compile(_NAME)
# A name with its acronym in brackets: "the World Health Organization (WHO)".
_DEFINED_ACRONYM = re.compile(rf"({_NAME})[ ]\(([A-Z][A-Za-z&]{{1,7}})\)")
# A lower-case descriptor right before a name: "chipmaker Veltrix Semiconductor", "the law firm Keller & Moss".
_DESCRIBED_NAME = re.compile(rf"\b([a-z][a-z-]+(?:[ ][a-z][a-z-]+)?)[ ]({_NAME})")
# Words that are no part of an acronym's initials: "Office for the Coordination of Humanitarian Affairs".
_JOINERS = frozenset({"of", "for", "the", "and", "on", "de", "du", "&"})
# Kinds a descriptor may give a name (a descriptor saying "person" or "document" names no body).
_BODY_KINDS = frozenset({"media", "government", "military", "intelligence", "organisation", "company"})


class DocumentNames:
    """Acronyms, short forms and descriptors of the names in one document's text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._acronyms: dict[str, str] | None = None
        self._described: dict[str, str] | None = None
        self._initialled_names: dict[str, list[tuple[int, str]]] | None = None

    def full_name(self, name: str, position: int) -> str | None:
        """The longer name written before ``position`` that ``name`` shortens, if any.

        "WHO" -> "World Health Organization" (defined in brackets); "RSF" -> "Rapid Support Forces"
        (its initials); "Northbridge" -> "Northbridge City" (its first word).
        """
        if " " in name or not name[:1].isupper():
            return None
        if name.isupper() and len(name) >= 2:
            return self.defined(name) or self._initialled(name, position)
        if name.lower() in kinds.head_kinds() or name in kinds.organisation_words():
            # "the Commission" after "The European Commission", "United" after "Manchester United"
            return self.headed(name, position) or self._lengthened(name, position)
        return self._lengthened(name, position)

    def defined(self, acronym: str) -> str | None:
        """The full name the document gives an acronym in brackets: "the World Health Organization (WHO)"."""
        return self.acronyms().get(acronym)

    def described_kind(self, name: str) -> str | None:
        """The kind the document gives ``name`` where it introduces it ("agrochemical maker Bellcrest")."""
        if self._described is None:
            self._described = self._read_descriptors()
        return self._described.get(name)

    def acronyms(self) -> dict[str, str]:
        if self._acronyms is None:
            self._acronyms = {}
            if "(" in self.text:
                for match in _DEFINED_ACRONYM.finditer(self.text):
                    full = _without_article(match.group(1))
                    if _initials(full).startswith(match.group(2)[0]):
                        self._acronyms.setdefault(match.group(2), full)
        return self._acronyms

    def _initialled(self, acronym: str, position: int) -> str | None:
        """The last name before ``position`` whose initials spell ``acronym`` ("Rapid Support Forces": RSF)."""
        if self._initialled_names is None:
            self._initialled_names = {}
            for match in _NAME_PATTERN.finditer(self.text):
                full = _without_article(match.group())
                if " " in full:
                    self._initialled_names.setdefault(_initials(full), []).append((match.start(), full))
        found = None
        for start, full in self._initialled_names.get(acronym, ()):
            if start < position:
                found = full
        return found

    def _lengthened(self, word: str, position: int) -> str | None:
        """The last longer name before ``position`` that starts with ``word`` ("Northbridge City"); a place is
        named whole ("Spain" is not "Spain and Portugal", "Ontario" not "Ontario School Bus Association")."""
        if country_code(word) or place_at(word, 0) is not None:
            return None
        found = None
        pattern = re.compile(rf"\b{re.escape(word)}(?:[ ](?:(?:of|for|and|&)[ ])?[A-Z][\w’'-]*)+")
        for match in pattern.finditer(self.text, 0, position):
            before = self.text[max(0, match.start() - 20):match.start()].split()
            if before and (before[-1] in kinds.titles() or kinds.head_kinds().get(before[-1].lower()) == "person"):
                continue  # "defender Luca Ferraz", "President Kim Jong-un": a person's name
            full = match.group()
            if full.endswith(("'s", "’s")):
                full = full[:-2]
            if " " in full and not country_code(full):
                found = full
        return found

    def headed(self, head: str, position: int) -> str | None:
        """The last name before ``position`` that ends in the head noun ``head``: "the Commission" after "The
        European Commission fined ...", "the Court" after "Rotterdam District Court"."""
        found = None
        pattern = re.compile(rf"\b(?:[A-Z][\w’'&.-]*[ ](?:(?:of|for|the|and|&)[ ])*)+{re.escape(head)}\b")
        for match in pattern.finditer(self.text, 0, position):
            full = _without_article(match.group())
            if " " in full and not full.startswith(head):
                found = full
        return found

    def _read_descriptors(self) -> dict[str, str]:
        described: dict[str, str] = {}
        for match in _DESCRIBED_NAME.finditer(self.text):
            kind = kinds.head_kind(match.group(1).split())
            if kind in _BODY_KINDS and match.group(1).split()[-1] not in kinds.person_roles():
                described.setdefault(_without_article(match.group(2)), kind)
        return described


def _without_article(name: str) -> str:
    return name[4:] if name.startswith(("The ", "the ")) else name


def _initials(name: str) -> str:
    return "".join(word[0] for word in name.split() if word not in _JOINERS)


# The names of the last document read, for every sentence of that document (one slot).
_last: list[DocumentNames | None] = [None]


def document_names(text: str) -> DocumentNames:
    known = _last[0]
    if known is not None and known.text is text:
        return known
    names = DocumentNames(text)
    _last[0] = names
    return names

