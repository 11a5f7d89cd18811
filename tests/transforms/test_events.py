"""Events: case table in cases/events_cases.yaml, places, and the golden seed article."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from tests.transforms.test_sources import _seed_text, make_document
from transforms.events import extract_events
from transforms.gazetteer import country_code, demonym_country, find_places, place_at
from transforms.ids import span_id
from transforms.records import Figure
from transforms.sources import extract_sources
from transforms.text import split_sentences

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "events_cases.yaml").read_text(encoding="utf-8"))


def date_figure(document, sentences, surface: str, start: date, end: date) -> Figure:
    offset = document.text.index(surface)
    sentence = next(s for s in sentences if s.start <= offset < s.end)
    return Figure(span_id("figure", document.document_id, offset, offset + len(surface)), document.document_id,
                  sentence.index, offset, offset + len(surface), surface, None, None, None, "exact", None, "date",
                  None, None, None, None, start, end, "hand")


@pytest.mark.parametrize("case", CASES, ids=[case["text"][:60] for case in CASES])
def test_event_cases(case: dict) -> None:
    document = make_document(case["text"])
    sentences = split_sentences(document.text)
    events = extract_events(document, sentences, [], extract_sources(document, sentences))
    found = [{"event_type": e.event_type, "trigger": e.trigger, "modality": e.modality, "actor": e.actor,
              "target": e.target, "location": e.location} for e in events]
    for expected in case["events"]:
        assert any(all(row[key] == value for key, value in expected.items()) for row in found), \
            f"missing {expected} in {found}"
    if case.get("exact"):
        assert len(found) == len(case["events"]), found
    for event in events:
        assert document.text[event.start:event.end] == event.trigger


@pytest.mark.parametrize(("text", "surface", "kind", "country"), [
    ("fighting in Russia's western Kursk region", "Russia's western Kursk region", "region", "RU"),
    ("shelling in eastern Ukraine", "eastern Ukraine", "region", "UA"),
    ("settlements in the Donetsk region", "Donetsk region", "region", "UA"),
    ("floods in the Zhytomyr oblast", "Zhytomyr oblast", "region", None),
    ("a summit in Gaza City", "Gaza City", "city", "PS"),
    ("exports from the United States", "United States", "country", "US"),
    ("talks in Geneva", "Geneva", "city", "CH"),
])
def test_find_places(text: str, surface: str, kind: str, country: str | None) -> None:
    places = find_places(text)
    assert [(p.surface, p.kind, p.country) for p in places] == [(surface, kind, country)]
    assert text[places[0].start:places[0].end] == surface


@pytest.mark.parametrize(("text", "position", "surface"), [
    ("shelling in eastern Ukraine", 12, "eastern Ukraine"),
    ("talks in Geneva on Monday", 9, "Geneva"),
    ("fighting in recent weeks", 12, None),
    ("floods in the Zhytomyr oblast", 14, "Zhytomyr oblast"),
    ("a summit in", 11, None),
])
def test_place_at(text: str, position: int, surface: str | None) -> None:
    place = place_at(text, position)
    assert (place.surface if place else None) == surface


def test_countries_and_demonyms() -> None:
    assert country_code("Russia") == "RU"
    assert country_code("South Korea") == "KR"
    assert country_code("Germany") == "DE"
    assert country_code("Narnia") is None
    assert demonym_country("North Korean") == "KP"
    assert demonym_country("Ukrainian") == "UA"


def test_seed_events_golden() -> None:
    document = make_document(_seed_text())
    sentences = split_sentences(document.text)
    figures = [
        date_figure(document, sentences, "Last week", date(2025, 1, 20), date(2025, 1, 26)),
        date_figure(document, sentences, "Last August", date(2024, 8, 1), date(2024, 8, 31)),
        date_figure(document, sentences, "February 2022", date(2022, 2, 1), date(2022, 2, 28)),
    ]
    sources = extract_sources(document, sentences)
    events = extract_events(document, sentences, figures, sources)
    names = {source.source_id: source.name for source in sources}
    rows = {(e.sentence_index, e.trigger): (e.event_type, e.modality, e.actor, e.target, e.location, e.time_text,
                                             names.get(e.source_id)) for e in events}
    expected = {
        (0, "detected"): ("detection", "negated", "Ukrainian special forces", "signs of North Korean troops",
                          "Russia's western Kursk region", None, "Ukrainian special forces"),
        (1, "withdrawn"): ("withdrawal", "hedged", "North Korean forces", None, None, None,
                           "Ukrainian special forces"),
        (2, "deployed"): ("deployment", "asserted", None, "11,000 North Korean soldiers", "Russia", "Last week",
                          "Western officials"),
        (2, "killed"): ("fatalities", "asserted", None, "1,000", "Russia", "Last week", "Western officials"),
        (6, "withdrawn"): ("withdrawal", "asserted", "North Korean troops", None, None, None, "The New York Times"),
        (9, "signing"): ("agreement", "asserted",
                         "Russian President Vladimir Putin and North Korean leader Kim Jong-un",
                         "security and defense treaties", None, None, None),
        (10, "aid"): ("aid", "asserted", "Pyongyang", "Moscow", None, None, None),
        (11, "offensive"): ("attack", "asserted", "Ukrainian elite forces", None, "Kursk", "Last August", None),
        (11, "seizing"): ("territorial_change", "asserted", "Ukrainian elite forces",
                          "1,000 square kilometers of Russian territory", "Kursk", "Last August", None),
        (12, "recapture"): ("territorial_change", "asserted", "Russian forces", "most of the territory", None, None,
                            None),
        (15, "captured"): ("territorial_change", "asserted", "Moscow", "settlements", "Donetsk region", None, None),
        (17, "full-scale invasion"): ("invasion", "asserted", "Russia", "Ukraine", None, "February 2022", None),
    }
    for key, value in expected.items():
        assert rows.get(key) == value, (key, rows.get(key))
    # "this withdrawal" refers back; "deployment methods" is a modifier; "launched" yields to its noun.
    assert (7, "withdrawal") not in rows and (7, "deployment") not in rows
    assert (11, "launched") not in rows and (17, "launched") not in rows
    invasion = next(e for e in events if e.trigger == "full-scale invasion")
    assert (invasion.date_start, invasion.date_end) == (date(2022, 2, 1), date(2022, 2, 28))
