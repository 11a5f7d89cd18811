"""Events: what happened, to whom, where, when, and how sure the text is.

Trigger words come from ``lexicons/event_triggers.toml`` (a taxonomy aligned
with CAMEO and ACLED); one scan of the document finds them all
(``event_lexicon``). Light verbs before a noun trigger ("launched an
offensive") and a noun that is a same-type verb's object are dropped, and so
are words that tell no happening: later mentions ("the deadliest strike",
"The planet was spotted"), forecasts, demands and things prevented, verb forms
used as nouns ("in charge"). Around each remaining trigger ``event_roles``
reads the actor, target, location and modality, and the nearest date figure of
the sentence gives its time.
"""

from __future__ import annotations

from bisect import bisect_left

from transforms.event_context import DETERMINERS
from transforms.event_lexicon import EventWords, event_words, trigger_scanner
from transforms.event_roles import LIGHT_VERB_REACH, RoleReader
from transforms.ids import span_id
from transforms.linking import AttributionScope, attribution_scope
from transforms.records import Document, Event, Figure, Sentence, Source
from transforms.word_scan import Hit

def extract_events(document: Document, sentences: list[Sentence], figures: list[Figure],
                   sources: list[Source]) -> list[Event]:
    """Every event a trigger word signals, in document order."""
    events: list[Event] = []
    hits_by_sentence = trigger_scanner().sentence_hits(document.text, sentences)
    if not hits_by_sentence:
        return events
    scope = attribution_scope(sources, sentences, document.text)
    date_figures: dict[int, list[Figure]] = {}
    for figure in figures:
        if figure.dimension == "date":
            date_figures.setdefault(figure.sentence_index, []).append(figure)
    seen: set[str] = set()  # types of the events told so far in the document
    for sentence in sentences:
        hits = hits_by_sentence.get(sentence.index)
        if not hits:
            continue
        text = sentence.text
        # A capitalised trigger inside a sentence is a name ("Operation Strike", "Victory Day"), and so is one
        # opening a sentence before another capitalised word ("Storm Brannagh brought gusts").
        hits = [hit for hit in hits if not text[hit.start].isupper()
                or hit.start == 0 and not text[hit.end:hit.end + 2][1:].isupper()]
        if not hits:
            continue
        reader = RoleReader(sentence)
        dates = date_figures.get(sentence.index, [])
        told: set[str] = set()  # types of the events of this sentence
        previous: Event | None = None
        for hit, form, first, after in _keep_heads(reader, hits):
            event = _event(document, reader, hit, form, first, after - 1, dates, scope)
            if event is None:
                continue
            if (event.rule == "noun_trigger" or event.event_type in told) and (
                    _told_before(reader, event, form, first, told, seen, bool(events)) or _in_object(event, previous)):
                continue
            if event.event_type in seen and _restated(event, text, events):
                continue
            previous = event
            events.append(event)
            told.add(event.event_type)
        seen.update(told)
    return events


def _restated(event: Event, text: str, events: list[Event]) -> bool:
    """"... have discovered a planet ... The planet was spotted using": a verb of a type told before whose
    target is a definite mention of an earlier event's target of that type restates it."""
    target = event.target
    if target is None or event.rule != "verb_trigger" or f"the {target.lower()}" not in text.lower():
        return False
    head = target.split()[-1].lower()
    return any(told.event_type == event.event_type and told.target is not None
               and told.target.split()[-1].lower() == head for told in events)


def _in_object(event: Event, previous: Event | None) -> bool:
    """"cut its funding for arts councils": a noun inside the object of the verb just before is no event."""
    return previous is not None and event.rule == "noun_trigger" and previous.rule == "verb_trigger" \
        and previous.target is not None and event.start - previous.end <= 40 \
        and event.trigger.lower() in previous.target.lower().split()


def _told_before(reader: RoleReader, event: Event, form: str, first: int, told: set[str], seen: set[str],
                 any_before: bool) -> bool:
    """True when ``event`` is a later mention of one already told (convention: one event per happening).

    In its sentence: a noun with no actor or count of its own of a type told ("marched ..., the largest
    demonstration", "lost 14 seats in Sunday's election"), a trigger "to" or "by" joins to one ("marched ... to
    protest", "killed by landslides"); in the document: "the storm" after a storm, "the deal" after any event.
    """
    lowered = reader.tokens.lowered
    before = lowered[first - 1] if first > 0 else None
    if event.event_type in told and (before == "by" or before == "to" and event.event_type in
                                     reader.words.purpose_types):
        return True
    if event.rule != "noun_trigger":
        return False
    if event.event_type in told and (event.actor is None or event.actor == reader.main_subject()) \
            and not reader.counted_before(first):
        return True
    if before == "by" and told:
        return True  # "killed by landslides": the cause of the event told
    if before == "the" and (event.event_type in seen or (form in reader.words.back_referring_nouns and any_before)):
        return True
    return event.event_type in seen and _after_definite_modifiers(lowered, first)


def _after_definite_modifiers(lowered: list[str], first: int) -> bool:
    """"the deadliest strike", "the latest attack": "the" and one or two lower-case modifiers before a noun."""
    for index in range(first - 1, max(-1, first - 3), -1):
        word = lowered[index]
        if word == "the":
            return index < first - 1
        if not word.isalpha() or word in DETERMINERS:
            return False
    return False


def _keep_heads(reader: RoleReader, hits: list[Hit]) -> list[tuple[Hit, str, int, int]]:
    """Drop light verbs before a noun trigger and nouns that are a same-type verb's object.

    Each kept hit comes with its lower-cased form, the token it starts at and the token just after it.
    """
    starts = reader.tokens.starts
    text = reader.sentence.text
    if len(hits) == 1:
        hit = hits[0]
        return [(hit, text[hit.start:hit.end].lower(), bisect_left(starts, hit.start), bisect_left(starts, hit.end))]
    lexicon = event_words()
    light, triggers = lexicon.light_verbs, lexicon.triggers
    lowered = reader.tokens.lowered
    forms = [text[hit.start:hit.end].lower() for hit in hits]
    first_tokens = [bisect_left(starts, hit.start) for hit in hits]  # token where each hit starts
    after_tokens = [bisect_left(starts, hit.end) for hit in hits]  # token just after each hit
    count = len(hits)
    kept = []
    previous = -1
    for position, hit in enumerate(hits):
        form = forms[position]
        after = after_tokens[position]
        if form in light and any(first_tokens[other] - after <= LIGHT_VERB_REACH and triggers[forms[other]].is_noun
                                 for other in range(position + 1, min(position + 3, count))):
            continue
        if position + 1 < count and first_tokens[position + 1] - after == 1 \
                and text[hit.end:hits[position + 1].start].strip() == "to":
            continue  # "agreed to acquire": the second verb is the event
        if previous >= 0 and first_tokens[position] - after_tokens[previous] <= LIGHT_VERB_REACH \
                and triggers[forms[previous]].event_type == triggers[form].event_type:
            if not (triggers[forms[previous]].is_noun and triggers[form].is_noun and not triggers[form].is_verb
                    and any(word in light for word in lowered[after_tokens[previous]:first_tokens[position]])):
                continue
            kept.pop()  # "The hurricane made landfall": the hazard acts, the landfall is the event
        elif previous >= 0 and first_tokens[position] == after_tokens[previous] and form.endswith("ed") \
                and triggers[forms[previous]].is_noun and not triggers[form].is_noun \
                and after < len(lowered) and lowered[after] in lexicon.reduced_relative_markers:
            continue  # "in an attack discovered last week": the participle describes the noun's event
        kept.append((hit, form, first_tokens[position], after))
        previous = position
    return _measured_once(kept, lexicon)


def _measured_once(kept: list[tuple[Hit, str, int, int]], lexicon: EventWords) -> list[tuple[Hit, str, int, int]]:
    """A noun trigger right before a change verb is one event, not two: "net profit fell 22%" is the change
    (a measure's noun is no event), "the death toll rose to 62" the deaths (the change only counts them)."""
    triggers = lexicon.triggers
    dropped: set[int] = set()
    for position in range(len(kept) - 1):
        noun, verb = kept[position], kept[position + 1]
        noun_trigger, verb_trigger = triggers[noun[1]], triggers[verb[1]]
        if noun_trigger.is_noun and verb_trigger.is_verb and verb[2] - noun[3] <= 3 \
                and verb_trigger.event_type in lexicon.described_by_verbs.get(noun_trigger.event_type, ()):
            dropped.add(position + 1)  # "The earthquake, which struck": the noun's event, described
            continue
        if not noun_trigger.is_noun or noun_trigger.is_verb or verb_trigger.event_type not in \
                lexicon.marked_change_types or not verb_trigger.is_verb or verb[2] - noun[3] > 2:
            continue
        dropped.add(position if noun_trigger.event_type in lexicon.measure_types else position + 1)
    return [item for position, item in enumerate(kept) if position not in dropped]


def _event(document: Document, reader: RoleReader, hit: Hit, form: str, first: int, last: int,
           dates: list[Figure], scope: AttributionScope) -> Event | None:
    """The event of ``hit`` (lower-cased ``form``, tokens ``first`` to ``last``), unless it is no event."""
    lexicon = reader.words
    trigger = lexicon.triggers[form]
    lowered = reader.tokens.lowered
    before = lowered[first - 1] if first > 0 else None
    if before in lexicon.anaphoric_determiners:
        return None  # "this withdrawal": an event already described
    if last + 1 < len(lowered) and lowered[last + 1] in lexicon.modifier_followers:
        return None  # "deployment methods", "aid workers"
    if not trigger.is_noun and before in DETERMINERS:
        return None  # "any signs of": a verb form used as a noun
    if not trigger.is_noun and form.endswith("s") and reader.counted_before(first):
        return None  # "3 million artillery shells": a plural noun, not the verb
    if not trigger.is_noun and reader.verb_used_as_noun(first, form):
        return None  # "15 games in charge", "14 shell companies": a verb's form used as a noun
    required = lexicon.required_after.get(form)
    if required is not None and not reader.required_follows(last, required):
        return None  # "broke into", "ordered an inquiry", "finished the work": no record, award or placing
    excluded = lexicon.excluded_after.get(form)
    if excluded is not None and reader.required_follows(last, excluded):
        return None  # "Officers seized €2.7 million in cash": a seizure of goods
    as_noun = trigger.is_noun and (not trigger.is_verb or reader.reads_as_noun(first))
    if as_noun and not trigger.is_verb and before in lexicon.no_event_after:
        return None  # "the warmest on record"
    if as_noun and (reader.unrealised(first, last) or reader.time_frame(first)):
        return None  # "needed to stop outbreaks", "demanding a pay rise", "Before the pandemic": nothing happens
    if as_noun and form in lexicon.measure_nouns and (not reader.amount_follows(last) or reader.forecast(first, last)):
        return None  # "9 times expected earnings", "the loss of the villages", "expects revenue growth of 2%"
    actor, target = reader.noun_roles(first, last, trigger.event_type) if as_noun \
        else reader.verb_roles(first, last, form)
    event_type = reader.retyped(trigger.event_type, form, actor, target)
    if event_type == "attack" and form.startswith("strik") and reader.labour_context():
        event_type = "protest"  # "resident doctors began a strike": a walkout
    if form in lexicon.money_raising_forms and reader.money_follows(last):
        event_type = lexicon.money_raising_type  # "raised $50m in a funding round"
    if form in lexicon.cut_forms and event_type in lexicon.marked_change_types:
        if not reader.priced(actor, target):
            return None  # "cut the risk of", "Power was cut to 715,000 homes": no price or rate is cut
    elif not as_noun and event_type in lexicon.marked_change_types and not reader.change_follows(last, form):
        return None  # "trees fell on their vehicles", "declined to comment": no amount changes
    sentence = reader.sentence
    start = sentence.start + hit.start
    end = sentence.start + hit.end
    source = scope.source_at(sentence.index, start)
    time_figure = min(dates, key=lambda figure: abs(figure.start - start)) if dates else None
    return Event(
        event_id=span_id("event", document.document_id, start, end),
        document_id=document.document_id,
        sentence_index=sentence.index,
        start=start,
        end=end,
        event_type=event_type,
        trigger=sentence.text[hit.start:hit.end],
        modality=reader.modality(first),
        actor=actor,
        target=target,
        location=reader.location(hit.start, hit.end),
        time_text=time_figure.surface if time_figure else None,
        date_start=time_figure.date_start if time_figure else None,
        date_end=time_figure.date_end if time_figure else None,
        source_id=source.source_id if source else None,
        rule="noun_trigger" if as_noun else "verb_trigger",
    )
