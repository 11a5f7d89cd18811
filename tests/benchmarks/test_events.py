"""The event benchmark: its gold loads against its paragraphs, and its matching and role rules score as documented."""

from __future__ import annotations

import pytest

from benchmarks.events import GOLD, PARAGRAPHS, GoldEvent, Paragraph, Score, head_word, load_paragraphs, \
    match_events, roles_agree, score_events
from transforms.records import Event


def test_gold_loads_and_joins_its_paragraphs() -> None:
    paragraphs = load_paragraphs(GOLD, PARAGRAPHS)
    assert len(paragraphs) == 25
    for paragraph in paragraphs:
        for event in paragraph.events:
            assert paragraph.text[event.start:event.end] == event.trigger
        for link in paragraph.figure_links:
            assert paragraph.text[link.start:link.end] == link.surface


@pytest.mark.parametrize(("phrase", "head"), [
    ("Shares in chipmaker Veltrix Semiconductor", "shares"),
    ("34 of the 97 seats", "34"),
    ("the State Department's budget", "budget"),
    ("Kyiv's", "kyiv"),
])
def test_head_word(phrase: str, head: str) -> None:
    assert head_word(phrase) == head


@pytest.mark.parametrize(("gold", "predicted", "agree"), [
    ("Shares in chipmaker Veltrix Semiconductor", "Veltrix Semiconductor", True),
    ("The White House", "White House", True),
    ("its fighters", "RSF", False),
    (None, None, True),
    (None, "Milan", False),
])
def test_roles_agree_on_head_words(gold: str | None, predicted: str | None, agree: bool) -> None:
    assert roles_agree(gold, predicted) is agree


def _event(start: int, end: int, trigger: str, event_type: str, actor: str | None = None) -> Event:
    return Event(f"e{start}", "d", 0, start, end, event_type, trigger, "asserted", actor=actor)


def test_a_prediction_matches_by_overlap_and_type_one_to_one() -> None:
    text = "Russia deployed troops and deployed tanks."
    gold = [GoldEvent("deployed", "deployment", "Russia", "troops", None, "asserted", 7, 15),
            GoldEvent("deployed", "deployment", None, "tanks", None, "asserted", 27, 35)]
    predicted = [_event(7, 15, "deployed", "deployment", "Russia"), _event(27, 35, "deployed", "attack")]
    assert len(match_events(gold, predicted, typed=True)) == 1
    assert len(match_events(gold, predicted, typed=False)) == 2
    score, errors = Score(), []
    score_events(Paragraph("p", "conflict", None, text, gold, []), predicted, score, errors)
    assert score.events.scores()["f1"] == 0.5
    assert score.triggers.scores()["f1"] == 1.0
    assert [error.error_type for error in errors if error.error_type == "event type wrong"] == ["event type wrong"]
