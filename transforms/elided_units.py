"""Bare numbers whose unit is stated elsewhere in the sentence.

News copy names a unit once and leaves it off the numbers that are contrasted with it:
"out of 11,000 soldiers, 1,000 had been killed", "25 of the 30 drones", "by 52 votes to 48",
"1,284 cases, up from 368", "4.1%, compared with 3.8", "a majority of 3,207". And an exchange
rate names its currency as the subject: "the yen weakened past 156 to the dollar" (156 yen).
``inherit_units`` gives each such bare number the unit of the figure it leans on, in place.
Words come from ``lexicons/figure_words.toml``.
"""

from __future__ import annotations

import re
from functools import cache

from transforms import entities
from transforms.alternation import compile_fast, trie_pattern
from transforms.lexicon import load_toml
from transforms.quantity_reading import Quantity
from transforms.records import Sentence
from transforms.units import aliases

# How far before a bare number a comparison word may stand ("up from roughly 650" is within it).
_COMPARISON_REACH = 24
# Measures a bare number may inherit only at a like magnitude: "4.1%, up from 3.8" but not "$3.2bn, up from 2.9".
_MEASURE_RATIO = 10.0
# How far before a bare number the subject it counts may be named ("the death toll since October 2023 to 63,000").
_SUBJECT_REACH = 72
# Figures a comparison looks past to its antecedent: "1,284 cases in the first nine months, up from 368".
_SKIPPED_DIMENSIONS = frozenset({"duration", "date", "score"})


def inherit_units(text: str, sentence: Sentence, quantities: list[Quantity]) -> None:
    """Each bare count takes the unit of the count or measure it is part of or contrasted with."""
    for index, quantity in enumerate(quantities):
        if not quantity.bare or quantity.dimension != "count":
            continue
        following = quantities[index + 1] if index + 1 < len(quantities) else None
        if _is_count(following) and _patterns()["of"].match(text, quantity.end, following.start):
            _inherit(quantity, following)  # "25 of the 30 drones"
            continue
        if _is_change_before_level(text, sentence, quantity, following):
            _inherit(quantity, following)  # "fell 412 to 38,120 points"
            continue
        antecedent = _compared_antecedent(text, sentence, quantities, index)
        if antecedent is not None:
            _inherit(quantity, antecedent)
            continue
        for antecedent in reversed(quantities[:index]):
            if _is_count(antecedent) and _is_partitive(text, sentence, antecedent, quantity):
                _inherit(quantity, antecedent)
                break
        else:
            if not _counted_subject(text, sentence, quantities, index):
                _exchange_rate(text, sentence, quantity)


def _is_count(quantity: Quantity | None) -> bool:
    return quantity is not None and quantity.rule in ("count.noun", "count.vague") and quantity.unit is not None


def _inherit(quantity: Quantity, antecedent: Quantity) -> None:
    quantity.unit = antecedent.unit
    quantity.entity = antecedent.entity
    quantity.noun_kind = antecedent.noun_kind
    quantity.noun_category = antecedent.noun_category
    quantity.dimension = antecedent.dimension
    quantity.rule = "count.elided" if antecedent.dimension == "count" else "measure.elided"
    quantity.bare = False


def _is_change_before_level(text: str, sentence: Sentence, quantity: Quantity, level: Quantity | None) -> bool:
    """"fell 412 to 38,120 points", "gained 3 to 45 seats": a change takes the unit of the level it reached."""
    if level is None or level.unit is None or level.dimension in _SKIPPED_DIMENSIONS:
        return False
    patterns = _patterns()
    return (
        patterns["tally"].fullmatch(text, quantity.end, level.start) is not None
        and patterns["change_verb"].search(text, max(sentence.start, quantity.start - 16), quantity.start) is not None
    )


def _compared_antecedent(text: str, sentence: Sentence, quantities: list[Quantity], index: int) -> Quantity | None:
    """"by 52 votes to 48": a tally; "cases, up from 368", "a majority of 3,207": a comparison.
    The antecedent is the nearest earlier figure with a unit, looking past durations and dates."""
    quantity = quantities[index]
    previous = quantities[index - 1] if index else None
    patterns = _patterns()
    tally = previous is not None and patterns["tally"].fullmatch(text, previous.end, quantity.start) is not None
    if not tally and not patterns["compared"].search(
        text, max(sentence.start, previous.end if previous else 0, quantity.start - _COMPARISON_REACH), quantity.start
    ):
        return None
    for antecedent in reversed(quantities[:index]):
        if antecedent.dimension in _SKIPPED_DIMENSIONS and not tally:
            continue
        if _is_count(antecedent):
            return antecedent
        if antecedent.unit is None or antecedent.dimension == "count" or antecedent.value is None:
            return None
        low, high = sorted((abs(antecedent.value), abs(quantity.value or 0.0)))
        return antecedent if low and high / low <= _MEASURE_RATIO else None
    return None


def _is_partitive(text: str, sentence: Sentence, antecedent: Quantity, quantity: Quantity) -> bool:
    """"out of 11,000 soldiers ..., 1,000"; "500 passengers, 20 of whom"; "of whom 20";
    "killing 12 people and wounding 60" (the same verb shape before both)."""
    patterns = _patterns()
    between = text[antecedent.end : quantity.start]
    if patterns["after"].match(text, quantity.end, sentence.end):
        return True
    if patterns["before"].search(text, max(antecedent.end, quantity.start - 20), quantity.start):
        return True
    if patterns["coordinated"].search(between) and patterns["verb_before"].search(
        text, max(sentence.start, antecedent.start - 24), antecedent.start
    ):
        return True
    lead = text[max(sentence.start, antecedent.start - 12) : antecedent.start].lower()
    return "," in between and patterns["lead"].search(lead) is not None


def _counted_subject(text: str, sentence: Sentence, quantities: list[Quantity], index: int) -> bool:
    """"the death toll rose to more than 63,000" (deaths); "the number of jobless claims reached 240,000" (claims):
    a bare number counts what the subject before it names, with no other figure between them."""
    quantity = quantities[index]
    earliest = max(sentence.start, quantity.start - _SUBJECT_REACH, quantities[index - 1].end if index else 0)
    subject = None
    for subject in _patterns()["subject"].finditer(text, earliest, quantity.start):
        pass
    if subject is None:
        return False
    if subject.group("toll"):
        toll = subject.group("toll")
        known = entities.count_nouns().get(f"{toll}s")  # "death toll": deaths, a casualty figure
        quantity.unit = known.lemma if known else toll
        quantity.entity = text[subject.start("toll") : subject.end()]
        quantity.noun_kind, quantity.noun_category = (known.kind, known.category) if known else ("thing", None)
    else:
        counted = entities.counted_noun_after(text, subject.end(), quantity.start)
        if counted is None:
            return False
        quantity.unit, quantity.entity = counted.noun.lemma, counted.phrase.text
        quantity.noun_kind, quantity.noun_category = counted.noun.kind, counted.noun.category
    quantity.rule, quantity.bare = "count.subject", False
    return True


def _exchange_rate(text: str, sentence: Sentence, quantity: Quantity) -> None:
    """"the yen weakened past 156 to the dollar": 156 of the currency the sentence is about."""
    per = _patterns()["per_currency"].match(text, quantity.end, sentence.end)
    if per is None:
        return
    currencies = _currency_words()
    denominator = currencies.get(per.group("currency").lower())
    for named in _patterns()["currency_word"].finditer(text, sentence.start, quantity.start):
        unit = currencies.get(named.group(0).lower())
        if unit is not None and unit != denominator:
            quantity.unit, quantity.dimension, quantity.rule, quantity.bare = unit, "currency", "measure.exchange_rate", False
            return


@cache
def _currency_words() -> dict[str, str]:
    """Currency word (lower-cased) -> ISO code: "yen" -> JPY; "pound" and "sterling" -> GBP."""
    table = aliases()
    words = {word: unit.name for word, unit in table.words.items() if unit.dimension == "currency"}
    words.update((word, unit.name) for word, unit in table.scaled_words.items())
    return words


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """after: "20 of whom"; before: "of whom 20"; lead: "out of 11,000 soldiers"; compared: "up from 368"."""
    words = load_toml("figure_words")
    return {
        "after": compile_fast(rf"(?i:[ \u00a0]+(?:{trie_pattern(words['elided_after'])})\b)"),
        "before": compile_fast(rf"(?i:\b(?:{trie_pattern(words['elided_before'])})[ \u00a0,]*$)"),
        "compared": compile_fast(rf"(?i:\b(?:{trie_pattern(words['compared_before'])})[ \u00a0,]*$)"),
        # "52 votes to 48", "27 points to 13": the second number right after "to".
        "tally": compile_fast(r"[ \u00a0]+to[ \u00a0]+"),
        "lead": compile_fast(rf"\b(?:{trie_pattern(words['antecedent_leads'])})[ \u00a0]+$"),
        "of": compile_fast(rf"(?i:[ \u00a0]+(?:{trie_pattern(words['partitive_of'])})[ \u00a0]+(?:last[ \u00a0]+|first[ \u00a0]+)?$)"),
        # "... and wounding 60", ", injuring 60": a conjunction, then one verb, then the number.
        "coordinated": compile_fast(r"(?:\band|,)[ \u00a0]+[a-z]+(?:ing|ed)[ \u00a0]+(?:another[ \u00a0]+|more than[ \u00a0]+|at least[ \u00a0]+)?$"),
        # "killing 12 people": the earlier count right after a verb of the same shape.
        "verb_before": compile_fast(r"\b[a-z]+(?:ing|ed)[ \u00a0]+(?:[a-z]+[ \u00a0]+)?$"),
        # "fell 412": a verb of change right before a number ("rose by 3").
        "change_verb": compile_fast(rf"(?i:\b(?:{trie_pattern(words['change_verbs'])})[ \u00a0]+(?:by[ \u00a0]+)?$)"),
        # "the death toll", "the number of": a subject that names what a later bare number counts.
        "subject": compile_fast(r"\b(?:(?P<toll>[a-z]+)[ \u00a0]+toll|(?:number|tally|count)[ \u00a0]+of)\b"),
        # " to the dollar", " to one euro": what an exchange rate is counted against.
        "per_currency": compile_fast(rf"[ \u00a0]+to[ \u00a0]+(?:the|one|a|each)[ \u00a0]+(?P<currency>(?i:{trie_pattern(_currency_words())}))\b"),
        # A currency named as a word: "the yen", "the rupee".
        "currency_word": compile_fast(rf"\b(?i:{trie_pattern(_currency_words())})\b"),
    }
