"""Linking: which source a figure (or event) is attributed to, and which event it quantifies.

Attribution scope: a sentence with sources is covered by its claimants (the
sources that are not merely the channel of another, e.g. "Western officials",
not "the BBC" in "Western officials revealed to the BBC"); the nearest claimant
to a position wins. A sentence without sources continues the report of the
last covered sentence when it reads as reported speech (a quote, "Another 12 ...", "would",
"had": ``continues_report``), until another attribution or a paragraph break ("\\n"); a sentence in
the narrator's own voice ("About 86,000 homes lost power.") takes no source.
When the document text is not at hand, a report continues for at most
``_CONTINUATION_WITHOUT_TEXT`` sentences instead. Within a source's own sentence, a figure
outside what its cue introduces (the source's words, an apposition describing it, a clause of
its own before it: ``outside_claim``) takes no source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from transforms.gazetteer import words_pattern
from transforms.lexicon import load_toml
from transforms.records import Event, Figure, Sentence, Source

_CONTINUATION_WITHOUT_TEXT = 2


@dataclass(slots=True)
class AttributionScope:
    """Claimants per sentence: the sentence's own, or those of the report it continues."""

    claimants: dict[int, list[Source]] = field(default_factory=dict)

    def source_at(self, sentence_index: int, position: int) -> Source | None:
        """The claimant nearest ``position`` (a document offset) in the sentence's scope."""
        return nearest_claimant(self.claimants.get(sentence_index, []), position)


def nearest_claimant(candidates: list[Source], position: int) -> Source | None:
    """The claimant nearest ``position`` (a document offset), if any."""
    if len(candidates) < 2:
        return candidates[0] if candidates else None
    return min(candidates, key=lambda source: _distance(source.start, source.end, position, position))


# The last scope read, with what it was read from: events and linking of one document ask for the same one.
_last_scope: list[tuple[object, ...]] = [()]


def attribution_scope(sources: list[Source], sentences: list[Sentence], text: str | None = None
                      ) -> AttributionScope:
    """The claimants covering each sentence (read once for the same sources, sentences and text)."""
    # The sources' ids and channels, so that a list changed in place is read again.
    fingerprint = [(source.source_id, source.via_source_id, source.sentence_index) for source in sources]
    known = _last_scope[0]
    if known and known[0] is sources and known[1] is sentences and known[2] is text and known[3] == fingerprint \
            and known[4] == len(sentences):
        return known[5]
    scope = _read_scope(sources, sentences, text)
    _last_scope[0] = (sources, sentences, text, fingerprint, len(sentences), scope)
    return scope


def _read_scope(sources: list[Source], sentences: list[Sentence], text: str | None) -> AttributionScope:
    if not sources:
        return AttributionScope()
    by_sentence: dict[int, list[Source]] = {}
    for source in sources:
        by_sentence.setdefault(source.sentence_index, []).append(source)
    scope = AttributionScope()
    current: list[Source] = []
    age = 0
    previous: Sentence | None = None
    for sentence in sentences:
        if previous is not None and _paragraph_break(previous, sentence, text):
            current = []
        own = by_sentence.get(sentence.index)
        if own:
            channels = {source.via_source_id for source in own}
            current = [source for source in own if source.source_id not in channels] or own
            age = 0
        else:
            age += 1
            if not current:
                previous = sentence
                continue  # no report to continue: nothing to read in this sentence
            if text is None and age > _CONTINUATION_WITHOUT_TEXT:
                current = []
            elif text is not None and not continues_report(sentence.text):
                previous = sentence
                continue  # the narrator's voice: no source, though a later sentence may resume the report
        if current:
            scope.claimants[sentence.index] = current
        previous = sentence
    return scope


@cache
def _continuation() -> tuple[re.Pattern[str], re.Pattern[str]]:
    cues = load_toml("attribution")
    # "Another 12 people ...", "He added ...", "“We ...": a sentence opening that carries a report on.
    openers = re.compile(rf"[\s\"“‘']*(?:[\"“]|(?:{words_pattern(cues['continuation_openers'])})\b)", re.IGNORECASE)
    # "... would open 11 bases", "... had fallen": reported speech anywhere in the sentence.
    words = re.compile(rf"(?:[\"“”]|\b(?:{words_pattern(cues['continuation_words'])})\b)", re.IGNORECASE)
    return openers, words


def continues_report(sentence: str) -> bool:
    """True when a sentence without its own attribution reads as the previous report going on."""
    openers, words = _continuation()
    return openers.match(sentence) is not None or words.search(sentence) is not None


def _paragraph_break(previous: Sentence, sentence: Sentence, text: str | None) -> bool:
    return text is not None and "\n" in text[previous.end:sentence.start]


def covering_sources(sources: list[Source], sentences: list[Sentence], text: str | None = None
                     ) -> dict[int, Source]:
    """Sentence index -> the last claimant covering it (one per sentence)."""
    scope = attribution_scope(sources, sentences, text)
    return {index: claimants[-1] for index, claimants in scope.claimants.items()}


def link_figures(figures: list[Figure], sources: list[Source], events: list[Event],
                 sentences: list[Sentence], text: str | None = None) -> None:
    """Set ``figure.source_id`` and ``figure.event_id`` in place.

    A figure quantifies the event whose trigger governs it: the trigger whose
    actor or target contains the figure's words, else the nearest trigger in the
    same clause of the sentence (none when a comma or semicolon stands between
    them). A figure in a sentence with events takes their scope's source;
    otherwise the attribution scope decides.
    """
    scope = attribution_scope(sources, sentences, text)
    events_by_sentence: dict[int, list[tuple[Event, str, str]]] = {}
    for event in events:
        events_by_sentence.setdefault(event.sentence_index, []).append(_with_roles(event))
    by_id = {source.source_id: source for source in sources}
    starts = {sentence.index: sentence.start for sentence in sentences}
    for figure in figures:
        candidates = events_by_sentence.get(figure.sentence_index)
        if candidates:
            event = _governing_event(figure, candidates, text)
            figure.event_id = event.event_id if event is not None else None
        claimants = scope.claimants.get(figure.sentence_index, [])
        if text is not None:
            # of the figure's own sentence, only the claimants whose claim holds it
            claimants = [source for source in claimants if source.sentence_index != figure.sentence_index
                         or not outside_claim(text, starts[figure.sentence_index], figure, source)]
            if not claimants and figure.sentence_index in scope.claimants:
                figure.source_id = None
                continue
        source = nearest_claimant(claimants, figure.start)
        if source is None and candidates and candidates[0][0].source_id:
            source = by_id.get(candidates[0][0].source_id)
        figure.source_id = source.source_id if source else None


def outside_claim(text: str, sentence_start: int, figure: Figure, source: Source) -> bool:
    """True when a figure of the source's own sentence is the narrator's, not the source's claim.

    The claim is what the cue introduces: after "X said" / "according to X", or before a trailing attribution
    ("..., the office said"). Outside it stand the source's own words ("two government officials"), what describes
    the source between it and its cue ("Okafor, 52, said", "The union, which represents 190,000 doctors, said"),
    what follows an inverted speaker ("..., said Meera Pillai, president of a body which represents 120 operators")
    and a clause before a speaker who is no trailing attribution ("Shares fell 9% after the company said").
    """
    if source.start <= figure.start < source.end:
        return True
    cue = source.attribution
    before = text[max(0, source.start - len(cue) - 12):source.start].lower()
    if re.search(rf"\b{re.escape(cue)}\s+(?:(?:the|a|an)\s+)?$", before):
        # the cue is written right before the source: "said Meera Pillai", "according to the ministry"
        if figure.start < source.start or cue not in _claim_verbs():
            return False
        between = text[source.end:figure.start].lower()
        return not _CLAIM_GOES_ON.search(between)
    at = text[source.end:source.end + _APPOSITION_REACH].lower().find(cue)
    if at < 0:
        return False
    at += source.end
    if source.end <= figure.start < at:
        # between the source and its cue, set off by a comma: an apposition describing the source ("Okafor, 52,
        # said"); without one it is the source's own act ("The company proposed a dividend of 1.15 euros and said")
        return "," in text[source.end:figure.start]
    if figure.start < source.start:
        # the words from the last comma or quote to the source: "..., the country's Health Ministry said" trails
        # the claim; "... fell 9% after the company said" opens a clause of its own
        lead = re.split(r"[,;:\"“”]", text[sentence_start:source.start])[-1]
        return _SUBORDINATORS.search(lead) is not None
    return False


# How far after a source its cue may stand ("The union, which represents 190,000 doctors, said").
_APPOSITION_REACH = 120
# Words after an inverted speaker that carry the claim on: "..., said Aldo Reyes, adding that 40 more ...".
_CLAIM_GOES_ON = re.compile(r"\b(?:adding|added|saying|noting|warning)\b")
# Words opening a clause of its own before a speaker: "Shares fell 9% after the company said".
_SUBORDINATORS = re.compile(r"\b(?:after|before|while|when|as|because|since|although|though|until|and|but|once)\b",
                            re.IGNORECASE)


@cache
def _claim_verbs() -> frozenset[str]:
    """Claim verbs, whose speaker may stand after them: "..., said Meera Pillai"."""
    return frozenset(load_toml("attribution")["claim_verbs"])


def _with_roles(event: Event) -> tuple[Event, str, str]:
    """The event, its roles as `` target | actor | time `` (lower case, space-padded) and its target."""
    roles = " | ".join(role for role in (event.target, event.actor, event.time_text) if role).lower()
    return event, f" {roles} ", (event.target or "").lower()


def _governing_event(figure: Figure, events: list[tuple[Event, str, str]], text: str | None) -> Event | None:
    """The event whose roles name the figure, else the nearest in the figure's clause (no comma or
    semicolon between them: "fell 22% to 1.9 billion euros" but not "..., hit by a 340 million euro writedown").

    A duration that places an event in time ("within 12 months") quantifies none, nor does an attribute of a
    participant (a distance, a mass) unless the event is a hazard's or a record's."""
    if text is not None and figure.dimension == "duration" and _places_in_time(text, figure):
        return None
    if figure.dimension in _figure_words()["attribute_dimensions"]:
        events = [candidate for candidate in events
                  if candidate[0].event_type in _figure_words()["measuring_types"]]
        if not events:
            return None
    surface = figure.surface.lower()
    padded = f" {surface} "
    mentioned = [candidate for candidate in events
                 if surface and (padded in candidate[1] or (candidate[2] and candidate[2] in surface))]
    if mentioned:
        events = mentioned
    elif text is not None:
        events = [candidate for candidate in events if _same_clause(text, figure, candidate[0])]
    if not events:
        return None
    return min(events, key=lambda candidate: _distance(figure.start, figure.end, candidate[0].start,
                                                        candidate[0].end))[0]


def _places_in_time(text: str, figure: Figure) -> bool:
    """"in three months", "the past 24 hours", "two weeks after", "a 41-year-old": a duration placing in time."""
    words = _figure_words()
    before = text[max(0, figure.start - 12):figure.start].lower().split()
    after = text[figure.end:figure.end + 10].lower().replace("-", " ").split()
    if before and before[-1] in ("in", "within") and figure.unit not in _CALENDAR_UNITS:
        return False  # "won in 30 minutes 15.42 seconds": a race time measures the race
    return bool(before) and before[-1] in words["time_placing_before"] \
        or bool(after) and after[0] in words["time_placing_after"] or figure.surface.endswith("-old")


# Units of a duration long enough to place an event in time after "in" ("in three months").
_CALENDAR_UNITS = frozenset({"day", "week", "month", "year", "decade", "century"})


@cache
def _figure_words() -> dict[str, frozenset[str]]:
    table = load_toml("event_triggers")
    return {key: frozenset(table[key]) for key in (
        "time_placing_before", "time_placing_after", "attribute_dimensions", "measuring_types")}


def _same_clause(text: str, figure: Figure, event: Event) -> bool:
    between = text[min(figure.end, event.end):max(figure.start, event.start)]
    if ";" in between:
        return False
    if ", " not in between:  # "10,000" holds no break
        return True
    if figure.start < event.start:
        # "taking his tally to 31, a club record": an appositive noun event right after the figure's clause
        return event.rule == "noun_trigger" and _APPOSITIVE.fullmatch(between) is not None
    if between.endswith(", ") and text.startswith((" of them", " of whom"), figure.end):
        return True  # "112 people wounded in the attack, 30 of them children"
    stretch = between.rsplit(", ", 1)[1].lower()  # from the last comma to the figure: ", up from "
    return _clause_openers().match(stretch) is not None


# The stretch between a figure and an appositive noun event after it: "31|, a club |record".
_APPOSITIVE = re.compile(r"[^,]*, (?:a|an|the) (?:[a-z-]+ )*")


@cache
def _clause_openers() -> re.Pattern[str]:
    openers = load_toml("event_triggers")["figure_clause_openers"]
    return re.compile(rf"(?:{words_pattern(openers)})\b")


def _distance(start_a: int, end_a: int, start_b: int, end_b: int) -> int:
    if end_a <= start_b:
        return start_b - end_a
    if end_b <= start_a:
        return start_a - end_b
    return 0
