"""The event trigger lexicon (``lexicons/event_triggers.toml``), read once into lookup tables.

Every word list the event readers ask about becomes a frozenset here, and every
trigger form a ``Trigger`` (its type and part of speech), so that reading an
event is set and dict lookups only.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from transforms.gazetteer import demonyms, words_pattern
from transforms.lexicon import load_toml
from transforms.word_scan import WordScanner


@dataclass(frozen=True, slots=True)
class Trigger:
    event_type: str
    is_noun: bool
    is_verb: bool


@dataclass(frozen=True, slots=True)
class EventWords:
    """The trigger lexicon as lookup tables (all words lower case)."""

    triggers: dict[str, Trigger]  # trigger form -> its type and part of speech
    light_verbs: frozenset[str]
    verb_forms: frozenset[str]  # light verbs and trigger forms: where a subject ends
    intransitive: frozenset[str]
    modifier_followers: frozenset[str]
    anaphoric_determiners: frozenset[str]
    skip_before_trigger: frozenset[str]
    passive_auxiliaries: frozenset[str]
    target_prepositions: frozenset[str]
    retypable: frozenset[str]
    retype_by_target: dict[str, str]
    negations: frozenset[str]
    hedges: frozenset[str]
    demonyms: frozenset[str]  # "Ukrainian", "North Korean": capitalised words that do not start a verb's subject
    locative_prepositions: frozenset[str]  # "in |eastern Ukraine", "near the |Donetsk region": a place follows
    change_markers: frozenset[str]  # "fell 22%", "rose to": what a change verb needs after it
    refusal_forms: frozenset[str]  # "declined to comment"
    marked_change_types: frozenset[str]
    measure_types: frozenset[str]  # "profit", "sales": nouns a change verb measures
    unmarked_changes: frozenset[str]  # "slowed", "soared": changes with no amount after them
    actor_modifiers: frozenset[str]  # "army" of "an army attack"
    money_raising_forms: frozenset[str]  # "raised $50m": an investment
    money_raising_type: str
    described_by_verbs: dict[str, frozenset[str]]  # noun type -> verb types that only describe it
    unlisted_place_prepositions: frozenset[str]  # "near |El Fasher": a capitalised name after them is a place
    not_places: frozenset[str]  # months and weekdays: "in March" is a time
    required_after: dict[str, frozenset[str]]  # "broke" -> {"record"}: what must follow in the clause
    placings: frozenset[str]  # "second": what "<placing>" in required_after stands for
    undergoer_forms: frozenset[str]  # "fled": the subject is the target
    cut_forms: frozenset[str]
    cut_retype_by_target: dict[str, str]  # "funding" -> funding_cut
    indicator_words: frozenset[str]  # "inflation": a price change of a measure is an economic indicator
    price_words: frozenset[str]  # "prices", "shares": a price change stays one
    labour_words: frozenset[str]  # "workers", "union": a strike is a walkout
    measure_nouns: frozenset[str]  # "revenue": an event only with an amount after it
    no_event_after: frozenset[str]  # "on" of "on record"
    excluded_after: dict[str, frozenset[str]]  # "seized" -> {"<money>", "cash", ...}: no event with these after
    back_referring_nouns: frozenset[str]  # "the deal": an event already told
    purpose_types: frozenset[str]  # "marched ... to protest": the infinitive restates the event
    settlement_nouns: frozenset[str]  # "the town of |Walikale"
    causative_forms: frozenset[str]  # "forcing |250,000 people| to evacuate"
    measured_types: frozenset[str]  # "gusts of up to 98 mph": an amount, no target
    noun_prepositions: frozenset[str]  # "in |charge": a verb-only form after them is a noun
    cut_objects: frozenset[str]  # "rates", "budget": what a cut must lower to be a price change
    time_nouns: frozenset[str]  # "by the end of": no agent
    clause_openers: frozenset[str]  # "who", "after": a place before them is not a later trigger's
    unrealising_words: frozenset[str]  # "to stop |outbreaks", "demanding a |rise": no event happens
    unrealising_participles: frozenset[str]  # "the rise |demanded by"
    time_frame_prepositions: frozenset[str]  # "Before the |pandemic"
    reduced_relative_markers: frozenset[str]  # "an attack discovered |last week"
    expectation_words: frozenset[str]  # "expects |revenue growth of 2%": a forecast
    site_nouns: frozenset[str]  # "outside |parliament": a site named by a common noun
    agent_of_types: frozenset[str]  # "an outbreak of |cholera", "a measles |outbreak": the disease acts
    in_target_types: frozenset[str]  # "an investment in |diagnostic centres"


@cache
def event_words() -> EventWords:
    lexicon = load_toml("event_triggers")
    triggers = _triggers(lexicon["types"])
    light_verbs = frozenset(lexicon["light_verbs"])
    context = lexicon["context_words"]
    return EventWords(
        triggers=triggers,
        light_verbs=light_verbs,
        verb_forms=light_verbs | frozenset(triggers),
        intransitive=frozenset(lexicon["intransitive"]),
        modifier_followers=frozenset(lexicon["modifier_followers"]),
        anaphoric_determiners=frozenset(lexicon["anaphoric_determiners"]),
        skip_before_trigger=frozenset(lexicon["skip_before_trigger"]),
        passive_auxiliaries=frozenset(lexicon["passive_auxiliaries"]),
        target_prepositions=frozenset(lexicon["target_prepositions"]),
        retypable=frozenset(lexicon["retypable"]),
        retype_by_target=dict(lexicon["retype_by_target"]),
        negations=frozenset(lexicon["modality"]["negations"]),
        hedges=frozenset(lexicon["modality"]["hedges"]),
        demonyms=frozenset(demonyms()),
        locative_prepositions=frozenset(lexicon["locative_prepositions"]),
        change_markers=frozenset(lexicon["change_markers"]),
        refusal_forms=frozenset(lexicon["refusal_forms"]),
        marked_change_types=frozenset(lexicon["marked_change_types"]),
        measure_types=frozenset(lexicon["measure_types"]),
        unmarked_changes=frozenset(lexicon["unmarked_changes"]),
        actor_modifiers=frozenset(lexicon["actor_modifiers"]),
        money_raising_forms=frozenset(lexicon["money_raising_forms"]),
        money_raising_type=lexicon["money_raising_type"],
        described_by_verbs={noun: frozenset(verbs) for noun, verbs in lexicon["described_by_verbs"].items()},
        unlisted_place_prepositions=frozenset(lexicon["unlisted_place_prepositions"]),
        not_places=frozenset(_calendar_names()),
        required_after={form: frozenset(words) for form, words in lexicon["required_after"].items()},
        placings=frozenset(context["placings"]),
        undergoer_forms=frozenset(context["undergoer_forms"]),
        cut_forms=frozenset(context["cut_forms"]),
        cut_retype_by_target=dict(lexicon["cut_retype_by_target"]),
        indicator_words=frozenset(context["indicator_words"]),
        price_words=frozenset(context["price_words"]),
        labour_words=frozenset(context["labour_words"]),
        measure_nouns=frozenset(context["measure_nouns"]),
        no_event_after=frozenset(context["no_event_after"]),
        excluded_after={form: frozenset(words) for form, words in lexicon["excluded_after"].items()},
        back_referring_nouns=frozenset(context["back_referring_nouns"]),
        purpose_types=frozenset(context["purpose_types"]),
        settlement_nouns=frozenset(context["settlement_nouns"]),
        causative_forms=frozenset(context["causative_forms"]),
        measured_types=frozenset(context["measured_types"]),
        noun_prepositions=frozenset(context["noun_prepositions"]),
        cut_objects=frozenset(context["price_words"]) | frozenset(context["cut_objects"]),
        time_nouns=frozenset(context["time_nouns"]),
        clause_openers=frozenset(context["clause_openers"]),
        unrealising_words=frozenset(context["unrealising_words"]),
        unrealising_participles=frozenset(context["unrealising_participles"]),
        time_frame_prepositions=frozenset(context["time_frame_prepositions"]),
        reduced_relative_markers=frozenset(context["reduced_relative_markers"]),
        expectation_words=frozenset(context["expectation_words"]),
        site_nouns=frozenset(context["site_nouns"]),
        agent_of_types=frozenset(context["agent_of_types"]),
        in_target_types=frozenset(context["in_target_types"]),
    )


def _calendar_names() -> list[str]:
    dates = load_toml("dates")
    return [*dates["months"]["full"], *dates["months"]["abbreviated"], *dates["weekdays"]["names"]]


def _triggers(types: dict) -> dict[str, Trigger]:
    """Lower-cased trigger form -> its type and part of speech (first listed type wins)."""
    forms: dict[str, Trigger] = {}
    for event_type, entry in types.items():
        for part in ("verbs", "nouns"):
            for group in entry.get(part, []):
                for form in group.split("|"):
                    known = forms.get(form)
                    if known is None:
                        forms[form] = Trigger(event_type, part == "nouns", part == "verbs")
                    elif known.event_type == event_type:
                        forms[form] = Trigger(event_type, known.is_noun or part == "nouns",
                                              known.is_verb or part == "verbs")
    return forms


@cache
def trigger_scanner() -> WordScanner:
    """Every trigger form of the lexicon, found in one scan of a document."""
    triggers = event_words().triggers
    return WordScanner(words_pattern(triggers), triggers)
