"""Events: what happened, to whom, where, when, and how sure the text is.

Trigger words come from ``lexicons/event_triggers.toml`` (a taxonomy aligned
with CAMEO and ACLED); one combined regex finds them. Around each trigger the
actor (subject before it), target (object after it), location (a gazetteer
place after a locative preposition), time (the nearest date figure in the
sentence) and modality (hedge or negation cues in the clause before it) are read.
"""

from __future__ import annotations

from dataclasses import dataclass
from bisect import bisect_left
from functools import cache, partial
from itertools import compress, count
from typing import NamedTuple

from transforms.gazetteer import Place, demonyms, place_at, words_pattern
from transforms.ids import span_id
from transforms.lexicon import load_toml
from transforms.linking import AttributionScope, attribution_scope
from transforms.phrases import phrase_after, phrase_before, sentence_tokens
from transforms.records import Document, Event, Figure, Sentence, Source
from transforms.word_scan import WordScanner

# Noun triggers within this many tokens after a light verb absorb it ("launched a lightning offensive").
_LIGHT_VERB_REACH = 4
_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "its"})
# Openers of an adverbial before the subject: "Last August, Ukrainian forces ...", "On Monday, the ...".
_ADVERBIAL_OPENERS = frozenset({"last", "on", "in", "since", "after", "before", "however", "meanwhile", "earlier",
                                "later", "yesterday", "today", "during", "at", "by", "for", "with", "despite", "while",
                                "although", "according", "overnight", "this", "next", "within", "over", "amid"})
# After a bare participle these mark a reduced relative: "soldiers deployed to fight", "people killed by".
_REDUCED_RELATIVE_FOLLOWERS = frozenset({"to", "by", "into", "in", "on", "from"})
_CLAUSE_BREAKS = frozenset({",", ";", ":", "that", "which", "who", "but", "while", "(", ")"})
_DETERMINERS = frozenset({"a", "an", "the", "any", "no", "some", "these", "those", "this", "that", "its",
                          "their", "his", "her", "our", "my", "your", "every", "each"})
_QUANTIFIERS = frozenset({"any", "some", "all", "no", "over", "about", "approximately", "around", "nearly",
                          "almost", "roughly", "more", "than", "at", "least", "up", "to", "most", "a", "an", "the"})


class _Match(NamedTuple):
    """One trigger found in a sentence (sentence-local offsets)."""

    start: int
    end: int
    text: str


# ``_Match`` from a (start, end, text) tuple without the keyword handling of ``_Match(...)``.
_new_match = partial(tuple.__new__, _Match)


@dataclass(frozen=True, slots=True)
class _Trigger:
    event_type: str
    is_noun: bool
    is_verb: bool


@cache
def _lexicon() -> dict:
    return load_toml("event_triggers")


@cache
def _triggers() -> dict[str, _Trigger]:
    """Lower-cased trigger form -> its type and part of speech (first listed type wins)."""
    forms: dict[str, _Trigger] = {}
    for event_type, entry in _lexicon()["types"].items():
        for part in ("verbs", "nouns"):
            for group in entry.get(part, []):
                for form in group.split("|"):
                    known = forms.get(form)
                    if known is None:
                        forms[form] = _Trigger(event_type, part == "nouns", part == "verbs")
                    elif known.event_type == event_type:
                        forms[form] = _Trigger(event_type, known.is_noun or part == "nouns",
                                               known.is_verb or part == "verbs")
    return forms


@cache
def _trigger_scanner() -> WordScanner:
    return WordScanner(words_pattern(_triggers()), _triggers())


@cache
def _verb_forms() -> frozenset[str]:
    """Light verbs and trigger forms: where a sentence's subject ends ("Russian forces launched ...")."""
    return _words("light_verbs") | frozenset(_triggers())


@cache
def _words(key: str) -> frozenset[str]:
    value = _lexicon()[key] if key in _lexicon() else _lexicon()["modality"][key]
    return frozenset(value)


def extract_events(document: Document, sentences: list[Sentence], figures: list[Figure],
                   sources: list[Source]) -> list[Event]:
    """Every event a trigger word signals, in document order."""
    events: list[Event] = []
    hits_by_sentence = _trigger_scanner().sentence_hits(document.text, sentences)
    scope = attribution_scope(sources, sentences, document.text)
    date_figures: dict[int, list[Figure]] = {}
    for figure in figures:
        if figure.dimension == "date":
            date_figures.setdefault(figure.sentence_index, []).append(figure)
    for sentence in sentences:
        text = sentence.text
        hits = hits_by_sentence.get(sentence.index, ())
        matches = [_new_match((start, end, text[start:end])) for start, end, _ in hits
                   if start == 0 or not text[start].isupper()]
        if not matches:
            continue
        reader = _SentenceReader(sentence)
        dates = date_figures.get(sentence.index, [])
        for match, form, first, after in _keep_heads(reader, matches):
            event = reader.event(document, match, form, first, after - 1, dates, scope)
            if event is not None:
                events.append(event)
    return events


def _keep_heads(reader: "_SentenceReader", matches: list[_Match]) -> list[tuple[_Match, str, int, int]]:
    """Drop light verbs before a noun trigger and nouns that are a same-type verb's object.

    Each kept match comes with its lower-cased form, the token it starts at and the token just after it.
    """
    light = _words("light_verbs")
    triggers = _triggers()
    starts = reader.tokens.starts
    text = reader.sentence.text
    forms = [match.text.lower() for match in matches]
    first_tokens = [bisect_left(starts, match.start) for match in matches]  # token where each match starts
    after_tokens = [bisect_left(starts, match.end) for match in matches]  # token just after each match
    count = len(matches)
    kept = []
    previous = -1
    for position, match in enumerate(matches):
        form = forms[position]
        after = after_tokens[position]
        if form in light and any(first_tokens[other] - after <= _LIGHT_VERB_REACH and triggers[forms[other]].is_noun
                                 for other in range(position + 1, min(position + 3, count))):
            continue
        if position + 1 < count and first_tokens[position + 1] - after == 1 \
                and text[match.end:matches[position + 1].start].strip() == "to":
            continue  # "agreed to acquire": the second verb is the event
        if previous >= 0 and first_tokens[position] - after_tokens[previous] <= _LIGHT_VERB_REACH \
                and triggers[forms[previous]].event_type == triggers[form].event_type:
            continue
        kept.append((match, form, first_tokens[position], after))
        previous = position
    return kept


class _SentenceReader:
    """Reads actor, target, location, time and modality around triggers in one sentence."""

    def __init__(self, sentence: Sentence) -> None:
        self.sentence = sentence
        self.tokens = sentence_tokens(sentence)
        self._places = None
        self._subject: tuple[str | None] | None = None  # the sentence's main subject, once read

    def token_distance(self, left: _Match, right: _Match) -> int:
        return self.tokens.index_at(right.start) - self.tokens.index_at(left.end)

    def event(self, document: Document, match: _Match, form: str, first: int, last: int, dates: list[Figure],
              scope: AttributionScope) -> Event | None:
        """The event of ``match`` (lower-cased ``form``, tokens ``first`` to ``last``), unless it is no event."""
        trigger = _triggers()[form]
        lowered = self.tokens.lowered
        before = lowered[first - 1] if first > 0 else None
        if before in _words("anaphoric_determiners"):
            return None
        if last + 1 < len(lowered) and lowered[last + 1] in _words("modifier_followers"):
            return None
        if not trigger.is_noun and before in _DETERMINERS:
            return None  # "any signs of": a verb form used as a noun
        as_noun = trigger.is_noun and (not trigger.is_verb or self._reads_as_noun(first))
        actor, target = self._noun_roles(first, last) if as_noun else self._verb_roles(first, last, form)
        event_type = self._retyped(trigger.event_type, target)
        start = self.sentence.start + match.start
        end = self.sentence.start + match.end
        source = scope.source_at(self.sentence.index, start)
        time_figure = min(dates, key=lambda f: abs(f.start - start)) if dates else None
        return Event(
            event_id=span_id("event", document.document_id, start, end),
            document_id=document.document_id,
            sentence_index=self.sentence.index,
            start=start,
            end=end,
            event_type=event_type,
            trigger=match.text,
            modality=self._modality(first),
            actor=actor,
            target=target,
            location=self._location(match),
            time_text=time_figure.surface if time_figure else None,
            date_start=time_figure.date_start if time_figure else None,
            date_end=time_figure.date_end if time_figure else None,
            source_id=source.source_id if source else None,
            rule="noun_trigger" if as_noun else "verb_trigger",
        )

    # -- roles ---------------------------------------------------------------------------------
    def _reads_as_noun(self, first: int) -> bool:
        """"drone attacks", "Kyiv's raid", "the strike" read as nouns; "Russia attacks", "they raid" as verbs."""
        if first == 0:
            return True
        before = self.tokens.words[first - 1]
        lowered = before.lower()
        if lowered in _PRONOUNS or lowered in _words("skip_before_trigger"):
            return False
        if before[0].isupper() and not before.endswith(("'s", "’s")) and before not in demonyms():
            return False
        return True

    def _verb_roles(self, first: int, last: int, form: str) -> tuple[str | None, str | None]:
        words, lowered = self.tokens.words, self.tokens.lowered
        index = first
        skipped: set[str] = set()
        skip = _words("skip_before_trigger")
        while index > 0 and lowered[index - 1] in skip:
            index -= 1
            skipped.add(lowered[index])
        target = self._object(last + 1)
        if index > 0 and words[index - 1] == "," and (form.endswith("ing") or "having" in skipped):
            return self._main_subject(), target
        if index > 0 and lowered[index - 1] in _PRONOUNS:
            return self._main_subject(), None if form in _words("intransitive") else target
        subject = self._phrase(phrase_before(self.tokens, index, limit=12))
        following = lowered[last + 1] if last + 1 < len(words) else ""
        intransitive = form in _words("intransitive")
        passive = not intransitive and (
            skipped & _words("passive_auxiliaries")
            or (not skipped and form.endswith(("ed", "en")) and following in _REDUCED_RELATIVE_FOLLOWERS)
        )
        if passive:
            return self._by_agent(last + 1), subject
        if subject is not None and subject.lower() in _PRONOUNS:
            subject = self._main_subject() or subject
        return subject, None if intransitive else target

    def _noun_roles(self, first: int, last: int) -> tuple[str | None, str | None]:
        words, lowered = self.tokens.words, self.tokens.lowered
        actor = None
        if first > 0 and words[first - 1].endswith(("'s", "’s")):
            actor = words[first - 1][:-2]
        else:
            light_verbs = _words("light_verbs")
            light = next((i for i in range(first - 1, max(-1, first - 1 - _LIGHT_VERB_REACH), -1)
                          if lowered[i] in light_verbs), None)
            if light is not None:
                actor, _ = self._verb_roles(light, light, lowered[light])
            else:
                # "Ukrainian drone attacks": the capitalised words among the noun's modifiers.
                found = phrase_before(self.tokens, first, limit=4)
                modifiers = words[found[0]:found[1] + 1] if found else []
                actor = " ".join(word for word in modifiers
                                 if word[0].isupper() and word.isalpha() and word.lower() not in _DETERMINERS) or None
        target = None
        if last + 1 < len(words) and lowered[last + 1] in _words("target_prepositions"):
            target = self._object(last + 2)
        return actor, target

    def _object(self, index: int) -> str | None:
        """The phrase after a trigger, through "of" and "and": "over 1,000 km² of Russian territory"."""
        words, lowered = self.tokens.words, self.tokens.lowered
        opening = index
        while index < len(words) and lowered[index] in _QUANTIFIERS:
            index += 1
        partitive = index > opening and index < len(words) and words[index] == "of"  # "most of the territory"
        found = phrase_after(self.tokens, index + 1 if partitive else index)
        if found is None:
            return None
        first, last = (index - 1, found[1]) if partitive else found
        for joiner in ("of", "and"):
            if last + 2 < len(words) and lowered[last + 1] == joiner:
                extra = phrase_after(self.tokens, last + 2)
                if extra is not None:
                    last = extra[1]
        return self.tokens.surface(first, last)

    def _by_agent(self, index: int) -> str | None:
        words = self.tokens.words
        for position in range(index, min(index + 6, len(words))):
            if words[position] == "by":
                return self._phrase(phrase_after(self.tokens, position + 1))
            if words[position] in _CLAUSE_BREAKS:
                break
        return None

    def _main_subject(self) -> str | None:
        """The sentence's subject, after an opening adverbial ("Last August, Ukrainian forces ...")."""
        if self._subject is None:
            self._subject = (self._read_main_subject(),)
        return self._subject[0]

    def _read_main_subject(self) -> str | None:
        words, lowered = self.tokens.words, self.tokens.lowered
        start = 0
        if words and lowered[0] in _ADVERBIAL_OPENERS:
            start = next((index + 1 for index, word in enumerate(words[:7]) if word == ","), 0)
        found = phrase_after(self.tokens, start, limit=12)
        if found is None:
            return None
        first, last = found
        verbs = _verb_forms()
        for index in range(first + 1, last + 1):
            word = words[index]
            if word.islower() and (word.endswith("ed") or word in verbs):
                last = index - 1
                break
        return self._phrase((first, last))

    def _phrase(self, found: tuple[int, int] | None) -> str | None:
        if found is None:
            return None
        words, lowered = self.tokens.words, self.tokens.lowered
        first, last = found
        while first <= last and lowered[first] in _QUANTIFIERS:
            first += 1
        if first > last:
            return None
        head = words[last]
        if head.islower() and head.endswith(("ed", "ing")):
            return None  # "withdrawn", "fighting": a verb, not a participant
        return self.tokens.surface(first, last)

    def _retyped(self, event_type: str, target: str | None) -> str:
        if not target or event_type not in _words("retypable"):
            return event_type
        table = _lexicon()["retype_by_target"]
        return next((table[word] for word in target.lower().split() if word in table), event_type)

    # -- where, how sure -----------------------------------------------------------------------
    def _location(self, match: _Match) -> str | None:
        if self._places is None:
            self._places = self._locative_places()
        places = self._places
        if not places:
            return None
        end = match.end
        return next((place for place in places if place.start >= end), places[-1]).surface

    def _locative_places(self) -> list[Place]:
        """Places right after a locative preposition ("in", "near the"), tried only there."""
        tokens = self.tokens
        lowered = tokens.lowered
        locatives = _words("locative_prepositions")
        places: list[Place] = []
        reached = 0
        # ``index``: the token just after each locative preposition.
        for index in compress(count(1), map(locatives.__contains__, lowered)):
            if index < len(lowered) and lowered[index] == "the":
                index += 1
            if index >= len(lowered) or tokens.starts[index] < reached:
                continue
            place = place_at(self.sentence.text, tokens.starts[index])
            if place is not None and self._after_locative(place.start):
                places.append(place)
                reached = place.end
        return places

    def _after_locative(self, position: int) -> bool:
        before = self.sentence.text[max(0, position - 12):position].split()
        if before and before[-1].lower() == "the":
            before = before[:-1]
        return bool(before) and before[-1].lower() in _words("locative_prepositions")

    def _modality(self, first: int) -> str:
        """negated / hedged from cue words in the clause before the trigger; else asserted."""
        lowered = self.tokens.lowered
        hedged = False
        negations, hedges = _words("negations"), _words("hedges")
        for word in reversed(lowered[max(0, first - 8):first]):
            if word in _CLAUSE_BREAKS:
                break
            if word in negations:
                return "negated"
            if word in hedges:
                hedged = True
        return "hedged" if hedged else "asserted"
