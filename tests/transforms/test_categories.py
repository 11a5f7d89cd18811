"""Categories: context rules around a figure, the head noun of what it measures, dimension defaults."""

from __future__ import annotations

import pytest

from transforms.categories import categorise, categorise_span, window_after, window_before


@pytest.mark.parametrize(
    ("sentence", "surface", "dimension", "noun_kind", "noun_category", "entity", "category"),
    [
        ("Officials said 300 pilgrims had been killed in the crush.", "300 pilgrims", "count", "unknown", None, "pilgrims", "casualties"),
        ("The offensive in Kursk, seizing over 1,000 square kilometres", "1,000 square kilometres", "area", None, None, None, "territory"),
        ("Like-for-like sales rose 4.2% in the quarter.", "4.2%", "percentage", None, None, None, "growth"),
        ("Shares fell 3% after the warning.", "3%", "percentage", None, None, None, "decline"),
        ("The company posted a profit of $2bn for the year.", "$2bn", "currency", None, None, None, "profit"),
        ("The club sold 20,000 season tickets.", "20,000 season tickets", "count", "thing", None, "season tickets", "count"),
        ("A 10-year-old boy was rescued.", "10-year-old", "duration", None, None, None, "age"),
        ("Emissions of 40 tonnes of carbon were recorded.", "40 tonnes", "mass", None, None, "carbon", "emissions"),
    ],
)
def test_category_in_context(sentence, surface, dimension, noun_kind, noun_category, entity, category):
    start = sentence.index(surface)
    end = start + len(surface)
    found = categorise_span(sentence, start, end, 0, len(sentence), dimension, noun_kind, noun_category, entity)
    assert found == category
    # the same answer from the windows read by hand
    before, after = window_before(sentence, start, 0), window_after(sentence, end, len(sentence))
    assert categorise(dimension, noun_kind, noun_category, entity, before, after, surface) == category


def test_windows_stop_at_clause_breaks():
    text = "In Kursk, seizing 1,000 square kilometres, the army advanced"
    start = text.index("1,000")
    assert window_before(text, start, 0) == " seizing "
    assert window_after(text, text.index(" square"), len(text)) == "square kilometres"
