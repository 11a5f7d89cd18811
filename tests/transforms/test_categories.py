"""Categories: context rules around a figure, the head noun of what it measures, dimension defaults."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


_WINDOW_TEXT = st.text(alphabet=st.sampled_from(list("abcdefghiklmnoprstuwyz KSAD,;:()—–-0123456789ΣİÉ\u00a0\n")), max_size=120)


@settings(max_examples=300, deadline=None)
@given(before=_WINDOW_TEXT, after=_WINDOW_TEXT, kind=st.sampled_from([
    ("count", "person", None), ("count", "unknown", None), ("percentage", None, None), ("currency", None, None),
    ("duration", None, None), ("area", None, None), ("count", "thing", "vehicles"),
]))
def test_categorise_span_reads_the_windows_categorise_is_given(before, after, kind):
    """The span reader (which reads the window before a figure backwards) agrees with ``categorise``
    on the windows read by hand, whatever the text around the figure."""
    text = before + "1,000" + after
    start, end = len(before), len(before) + 5
    dimension, noun_kind, noun_category = kind
    expected = categorise(dimension, noun_kind, noun_category, None, window_before(text, start, 0),
                          window_after(text, end, len(text)), "1,000")
    assert categorise_span(text, start, end, 0, len(text), dimension, noun_kind, noun_category, None) == expected


@pytest.mark.parametrize(("before", "after", "category"), [
    ("the storm killed ", " people and displaced others", "casualties"),
    ("were killed, ", " people", "count"),  # a comma ends the window before the figure
])
def test_context_words_before_a_figure(before, after, category):
    text = before + "1,000" + after
    start = len(before)
    assert categorise_span(text, start, start + 5, 0, len(text), "count", "unknown", None, None) == category
