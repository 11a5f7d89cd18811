"""Linking figures to sources (attribution scope) and to the events they quantify."""

from __future__ import annotations

import pytest

from tests.transforms.test_sources import _seed_text, make_document
from transforms.events import extract_events
from transforms.extract import extract
from transforms.ids import span_id
from transforms.linking import attribution_scope, link_figures
from transforms.records import Figure
from transforms.sources import extract_sources
from transforms.text import split_sentences


def count_figure(document, sentences, surface: str, occurrence: int = 0, dimension: str = "count") -> Figure:
    offset = -1
    for _ in range(occurrence + 1):
        offset = document.text.index(surface, offset + 1)
    sentence = next(s for s in sentences if s.start <= offset < s.end)
    return Figure(span_id("figure", document.document_id, offset, offset + len(surface)), document.document_id,
                  sentence.index, offset, offset + len(surface), surface, None, None, None, "exact", None, dimension,
                  None, None, None, None, None, None, "hand")


def linked(text: str, surfaces: list[str]) -> list[tuple[str | None, str | None]]:
    """(source name, event trigger) for each figure surface, after the whole pipeline but figures."""
    document = make_document(text)
    sentences = split_sentences(document.text)
    figures = [count_figure(document, sentences, surface) for surface in surfaces]
    sources = extract_sources(document, sentences)
    events = extract_events(document, sentences, figures, sources)
    link_figures(figures, sources, events, sentences, document.text)
    names = {source.source_id: source.name for source in sources}
    triggers = {event.event_id: event.trigger for event in events}
    return [(names.get(f.source_id), triggers.get(f.event_id)) for f in figures]


@pytest.mark.parametrize(("text", "surfaces", "expected"), [
    # a figure quantifies the event of its own clause: none past a comma, unless the stretch carries the change on
    ("Profit fell 22% to 1.9 billion euros, hit by a 340 million euro writedown.",
     ["22%", "1.9 billion euros", "340 million euro"], [(None, "fell"), (None, "fell"), (None, None)]),
    ("Exports rose 3% in June, up from 1% in May.", ["3%", "1%"], [(None, "rose"), (None, "rose")]),
    ("The floods killed 14 people in Kerala, with a further 30 people missing.", ["14 people", "30 people"],
     [(None, "killed"), (None, "killed")]),
    # the claimant, not the channel, owns the figure
    ("Western officials told the BBC that 300 soldiers were killed.", ["300 soldiers"],
     [("Western officials", "killed")]),
    # the report continues into the next sentence of the paragraph ...
    ("The ministry said 40 homes were destroyed. Another 12 people were injured.", ["12 people"],
     [("ministry", "injured")]),
    # ... but not across a paragraph break
    ("The ministry said 40 homes were destroyed.\nAnother 12 people were injured.", ["12 people"],
     [(None, "injured")]),
    # nor past another attribution
    ("The ministry said 40 homes were flooded. Police said 5 people were arrested.", ["5 people"],
     [("Police", "arrested")]),
    # two claims in one sentence: the nearest claimant
    ("Reuters reported 30 deaths, while the government said 12 people died.", ["30 deaths", "12 people"],
     [("Reuters", "deaths"), ("government", "died")]),
    # a sentence in the narrator's own voice does not inherit the report before it ...
    ("The port authority said 14 ships were stranded. Shares in the shipping firm fell 6% on Friday.",
     ["6%"], [(None, "fell")]),
    ("Organisers said the festival drew 80,000 visitors. Tickets sold out in 20 minutes.",
     ["20 minutes"], [(None, None)]),
    ("The agency said it launched a probe on Sunday. It is the country's 2nd attempt in 3 years.",
     ["3 years"], [(None, None)]),
    # ... but reported speech does ("would", a quote, "Another ...")
    ("The airline said it carried 3 million passengers. Fares would rise by 4% in the spring.",
     ["4%"], [("airline", "rise")]),
    ("Police said 9 people were arrested. “We recovered 2 stolen vans,” the statement went on.",
     ["2 stolen vans"], [("Police", None)]),
    # no attribution at all
    ("The company hired 2,000 engineers in 2023.", ["2,000 engineers"], [(None, "hired")]),
    # the figure inside the trigger's object, not the nearer trigger
    ("Rebels seized 12 villages and killed 40 people.", ["12 villages", "40 people"],
     [(None, "seized"), (None, "killed")]),
    # a figure with no event in its sentence
    ("Analysts said the bridge is 1,200 metres long.", ["1,200 metres"], [("Analysts", None)]),
    # an appositive record after the figure's clause; "30 of them" after a comma
    ("The striker took his tally to 31, a club record.", ["31"], [(None, "record")]),
    ("The blast injured 112 people, 30 of them children.", ["112 people", "30"], [(None, "injured"), (None, "injured")]),
])
def test_linking_cases(text: str, surfaces: list[str], expected: list) -> None:
    assert linked(text, surfaces) == expected


@pytest.mark.parametrize(("text", "surfaces", "expected"), [
    # the source's own words and what describes it between commas are the narrator's
    ("Three senior diplomats told Le Monde the fund held 40 billion euros.", ["Three", "40 billion euros"],
     [None, "senior diplomats"]),
    ("Mendes, 31, told reporters the knee would need 6 weeks.", ["31", "6 weeks"], [None, "Mendes"]),
    ("The Nurses Guild, which has 85,000 members, said 1,200 posts were empty.", ["85,000 members", "1,200 posts"],
     [None, "Nurses Guild"]),
    ("Orsted launched a 2 GW wind farm, priced at $4 billion, and said it would power 1 million homes.",
     ["$4 billion", "1 million homes"], [None, "Orsted"]),
    # ... but a claim before a trailing attribution is the source's, a role before its name too
    ("Floods cut 40 roads, regional governor Ana Lima said.", ["40 roads"], ["Ana Lima"]),
    # a clause of its own before the speaker, and what follows an inverted speaker, stay the narrator's
    ("Shares fell 7% after the bank said 300 branches would close.", ["7%", "300 branches"], [None, "bank"]),
    ("Fees rose 5%, said Tom Reyes, head of the Parents Union, which has 9,000 members.", ["5%", "9,000 members"],
     ["Tom Reyes", None]),
    # of two claimants, the one whose claim holds the figure, though the other stands nearer
    ("Police put the crowd at 42,000, while organisers said 90,000 took part.", ["42,000", "90,000"],
     ["Police", "organisers"]),
    # what the source does before its cue, without a comma, is its own claim
    ("The carrier ordered 20 jets and said it would hire 500 pilots.", ["20 jets", "500 pilots"],
     ["carrier", "carrier"]),
])
def test_figures_outside_the_claim(text: str, surfaces: list[str], expected: list) -> None:
    assert [name for name, _ in linked(text, surfaces)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a duration placing an event in time and an attribute of a participant quantify no event ...
    ("Rebels withdrew from the town 2 weeks after seizing it.", {"2 weeks": None}),
    ("The company will hire 400 staff within 12 months.", {"400 staff": "hire", "12 months": None}),
    ("Police arrested 5 men carrying 2 tonnes of cannabis.", {"5 men": "arrested", "2 tonnes": None}),
    # ... but a race time measures the race, and a hazard's size the hazard
    ("Mwangi won the 5,000 metres in 14 minutes 20 seconds.", {"14 minutes 20 seconds": "won"}),
    ("Floods left water up to 2 metres deep in the streets.", {"up to 2 metres": "Floods"}),
])
def test_linking_by_figure_kind(text: str, expected: dict) -> None:
    """Links read from the figures the engine finds, with their dimensions and units."""
    extraction = extract(make_document(text))
    triggers = {event.event_id: event.trigger for event in extraction.events}
    found = {figure.surface: triggers.get(figure.event_id) for figure in extraction.figures}
    for surface, trigger in expected.items():
        assert surface in found, found
        assert found[surface] == trigger, found


def test_without_text_a_report_continues_two_sentences() -> None:
    document = make_document("Officials said 5 died. Roads closed. Schools shut. Shops stayed open.")
    sentences = split_sentences(document.text)
    scope = attribution_scope(extract_sources(document, sentences), sentences)
    assert sorted(scope.claimants) == [0, 1, 2]


def test_seed_figures_linked() -> None:
    document = make_document(_seed_text())
    sentences = split_sentences(document.text)
    surfaces = [("the past three weeks", 0), ("approximately 11,000 North Korean soldiers", 0), ("1,000", 0),
                ("three months", 0), ("over 1,000 square kilometers", 0), ("1,000-kilometer", 0),
                ("February 2022", 0)]
    figures = [count_figure(document, sentences, surface, occurrence) for surface, occurrence in surfaces]
    sources = extract_sources(document, sentences)
    events = extract_events(document, sentences, figures, sources)
    link_figures(figures, sources, events, sentences, document.text)
    names = {source.source_id: source.name for source in sources}
    triggers = {event.event_id: (event.event_type, event.trigger) for event in events}
    result = [(names.get(f.source_id), triggers.get(f.event_id)) for f in figures]
    assert result == [
        ("Ukrainian special forces", ("detection", "detected")),
        ("Western officials", ("deployment", "deployed")),
        ("Western officials", ("fatalities", "killed")),
        ("Western officials", ("fatalities", "killed")),
        (None, ("territorial_change", "seizing")),
        (None, None),
        (None, ("invasion", "full-scale invasion")),
    ]
