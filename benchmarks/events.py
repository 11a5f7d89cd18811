"""What happened: events and figure→event links of newsfigures against hand-annotated news paragraphs.

    python -m benchmarks.events [--gold benchmarks/annotated/events_paragraphs.jsonl]
                                [--paragraphs benchmarks/annotated/attribution_paragraphs.jsonl]

The gold file holds the events of paragraphs whose text (and published_at) is in the paragraphs file; the two
are joined by id. One JSON object a line:
    {"id", "events": [{"trigger", "occurrence"?, "event_type", "actor", "target", "location", "modality"}],
     "figure_events": [{"surface", "occurrence"?, "trigger" | null, "trigger_occurrence"?}]}
A surface or trigger is the exact text as written; "occurrence" (1-based, plain substring search) picks a later
one. A figure's trigger without "trigger_occurrence" is the gold event with that trigger nearest the figure.

Annotation conventions:
- one gold event per trigger word of a type in transforms/lexicons/event_triggers.toml (deployment,
  fatalities, attack, agreement, price_change, earnings, ...) that describes something that happened, happens or
  is planned; reporting verbs are no events; a level without a change ("reached 61.3%") is none;
- actor: the subject of a verb (of an intransitive one too: "profit fell" → actor "profit"), the agent of a
  passive, the possessor of a noun ("Kyiv's raid"); target: the object; location: the place where it happened;
  each as written, null when the text names none; modality: asserted, hedged (planned, expected, possible,
  reported as a view) or negated (denied, "did not");
- figure_events lists the quantities (no dates) of the attribution gold with the trigger of the event each
  quantifies, or null.

Conventions of the later sets (events_paragraphs_2.jsonl and the held-out set), which refine the above:
1. One event per distinct happening, at its first trigger; later mentions ("the spill", "the attack") and
   reporting verbs are not events.
2. The trigger is the exact word (verb or noun: killed, outbreak, gusts, landfall, aid); occurrence (1-based,
   plain substring) when an earlier match exists, also inside other words.
3. Types: the closest in the taxonomy; strike → protest; displacement/flight → evacuation; prison terms and
   damages → sentencing; discovery → detection; spill/storm/heatwave/wildfire → disaster; new record/record
   low/peak → record; league title/race placing → match_result. Events fitting no type are skipped (thefts,
   seizures of goods, raids, policy withdrawals, trials, forecast cuts).
4. Actor/target/location: the shortest noun phrase as written; leading articles and titles dropped; counts kept
   but not qualifiers ("23 people"); pronouns as written. An implicit participle subject takes the main
   subject. Location null unless a proper place or specific site is written for that event.
5. Roles by type: fatalities/injuries: actor = perpetrator or cause, target = victims;
   price_change/economic_indicator: actor = the item or measure that changes (unless an agent sets the price:
   agent actor, item target); disaster: actor = the hazard; evacuation: target = people/places moved, actor =
   what forced it; outbreak: actor = disease, target = infected; election_result: actor = the party.
6. Modality: hedged = may/might/could/reportedly/allegedly/expected to/appeared to/in talks to; negated =
   not/no/never/failed to/denied X-ing; asserted = everything else, incl. announced or scheduled events and
   attributed ones.
7. Figure → event when the figure quantifies it: counts of victims, arrests, troops, villages, people or homes
   affected; money amounts, shares and per-share prices of deals; size of price/indicator changes; scores,
   times, margins; a duration measuring the event itself. Null: time spans that only place an event in time,
   attributes of participants (age, mass, distance, a product's price), background statistics.

Scores:
- event F1 (trigger + type): a predicted event matches a gold one when its span overlaps the gold trigger's
  occurrence and the types agree, one-to-one per paragraph (overlapping pairs first, then the nearest);
  trigger-only F1 drops the type.
- role accuracy (actor, target, location) and modality accuracy over gold events matched by trigger. A role is
  right when both are null, or when the head word of one (its last word before any preposition) is among the
  words of the other (lenient: "Shares in chipmaker Veltrix Semiconductor" and "Shares" agree).
- figure→event link accuracy: for each gold figure, the predicted figure whose surface contains it (as in
  benchmarks.attribution); right when its event_id's event overlaps the gold trigger, or both are null.

Prints a Markdown table, per-domain scores, the error types and every error. The gold is never edited
to fit the extractor.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.attribution import FigureLink, linked_figure
from benchmarks.scoring import Error, Ratio, Tally, extract_paragraph, gold_rows, json_lines, locate
from transforms.records import Event, Extraction

ANNOTATED = Path(__file__).parent / "annotated"
GOLD = ANNOTATED / "events_paragraphs.jsonl"
PARAGRAPHS = ANNOTATED / "attribution_paragraphs.jsonl"
ROLES = ("actor", "target", "location")

# Words that end a role's head part: "Shares | in chipmaker Veltrix", "34 | of the 97 seats".
_PREPOSITIONS = frozenset({"of", "in", "at", "for", "from", "on", "with", "by", "to", "into", "near", "over"})
_ARTICLES = frozenset({"the", "a", "an"})
_WORD = re.compile(r"[\w'’%.,-]+")


# --- records ------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class GoldEvent:
    trigger: str
    event_type: str
    actor: str | None
    target: str | None
    location: str | None
    modality: str
    start: int
    end: int


@dataclass(slots=True)
class Paragraph:
    paragraph_id: str
    domain: str
    published_at: str | None
    text: str
    events: list[GoldEvent]
    figure_links: list[FigureLink]  # FigureLink.source holds the gold trigger's "start:end", or None


@dataclass(slots=True)
class Score:
    events: Tally = field(default_factory=Tally)
    triggers: Tally = field(default_factory=Tally)
    roles: dict[str, Ratio] = field(default_factory=lambda: {role: Ratio() for role in ROLES})
    modality: Ratio = field(default_factory=Ratio)
    links: Ratio = field(default_factory=Ratio)
    links_to_event: Ratio = field(default_factory=Ratio)
    links_to_none: Ratio = field(default_factory=Ratio)

    def add(self, other: Score) -> None:
        self.events.add(other.events)
        self.triggers.add(other.triggers)
        for role in ROLES:
            self.roles[role].add(other.roles[role])
        for name in ("modality", "links", "links_to_event", "links_to_none"):
            getattr(self, name).add(getattr(other, name))


# --- loading ------------------------------------------------------------------------------------

def _gold_event(text: str, row: dict) -> GoldEvent:
    start, end = locate(text, row["trigger"], row.get("occurrence", 1))
    return GoldEvent(row["trigger"], row["event_type"], row.get("actor"), row.get("target"), row.get("location"),
                     row.get("modality", "asserted"), start, end)


def _gold_link(text: str, row: dict, events: list[GoldEvent]) -> FigureLink:
    start, end = locate(text, row["surface"], row.get("occurrence", 1))
    trigger = row.get("trigger")
    if trigger is None:
        return FigureLink(row["surface"], None, start, end)
    if "trigger_occurrence" in row:
        span = locate(text, trigger, row["trigger_occurrence"])
    else:
        candidates = [(event.start, event.end) for event in events if event.trigger == trigger]
        if not candidates:
            raise ValueError(f"figure {row['surface']!r} names trigger {trigger!r}, which is no gold event")
        span = min(candidates, key=lambda candidate: abs(candidate[0] - start))
    return FigureLink(row["surface"], f"{span[0]}:{span[1]}", start, end)


def load_paragraphs(gold: Path, paragraphs: Path) -> list[Paragraph]:
    """Gold events joined by id with the paragraphs' texts (normalised as build_document does)."""
    texts = {row["id"]: (row, text) for row, text in gold_rows(paragraphs)}
    loaded = []
    for line_number, row in json_lines(gold):
        if row["id"] not in texts:
            raise ValueError(f"{gold}:{line_number}: paragraph {row['id']!r} is not in {paragraphs}")
        paragraph, text = texts[row["id"]]
        events = [_gold_event(text, event) for event in row["events"]]
        links = [_gold_link(text, link, events) for link in row.get("figure_events", [])]
        loaded.append(Paragraph(row["id"], paragraph.get("domain", ""), paragraph.get("published_at"), text,
                                events, links))
    return loaded


# --- matching -----------------------------------------------------------------------------------

def _overlap(start_a: int, end_a: int, start_b: int, end_b: int) -> bool:
    return start_a < end_b and start_b < end_a


def match_events(gold: list[GoldEvent], predicted: list[Event], typed: bool) -> list[tuple[GoldEvent, Event]]:
    """One-to-one pairs whose spans overlap (and, when ``typed``, whose types agree), nearest first."""
    candidates = sorted(
        (abs(g.start - p.start), gi, pi)
        for gi, g in enumerate(gold) for pi, p in enumerate(predicted)
        if _overlap(g.start, g.end, p.start, p.end) and (not typed or g.event_type == p.event_type)
    )
    used_gold, used_predicted, pairs = set(), set(), []
    for _, gi, pi in candidates:
        if gi in used_gold or pi in used_predicted:
            continue
        used_gold.add(gi)
        used_predicted.add(pi)
        pairs.append((gold[gi], predicted[pi]))
    return pairs


def words(phrase: str) -> list[str]:
    return [word.strip(".,").lower().removesuffix("'s").removesuffix("’s") for word in _WORD.findall(phrase)]


def head_word(phrase: str) -> str | None:
    """The last word before any preposition: "Shares in chipmaker Veltrix" -> shares, "the 97 seats" -> seats."""
    kept: list[str] = []
    for word in words(phrase):
        if word in _PREPOSITIONS and kept:
            break
        if word not in _ARTICLES:
            kept.append(word)
    return kept[-1] if kept else None


def roles_agree(gold: str | None, predicted: str | None) -> bool:
    if gold is None or predicted is None:
        return gold is None and predicted is None
    gold_head, predicted_head = head_word(gold), head_word(predicted)
    return gold_head in words(predicted) or predicted_head in words(gold)


# --- scoring ------------------------------------------------------------------------------------

def _describe(event: GoldEvent | Event) -> str:
    return f"{event.event_type} «{event.trigger}»"


def score_events(paragraph: Paragraph, predicted: list[Event], score: Score, errors: list[Error]) -> None:
    gold = paragraph.events
    typed = match_events(gold, predicted, typed=True)
    by_trigger = match_events(gold, predicted, typed=False)
    score.events.add(Tally(len(gold), len(predicted), len(typed)))
    score.triggers.add(Tally(len(gold), len(predicted), len(by_trigger)))
    matched_gold = {id(g) for g, _ in by_trigger}
    matched_predicted = {id(p) for _, p in by_trigger}
    for event in gold:
        if id(event) not in matched_gold:
            errors.append(Error(paragraph.paragraph_id, "event missed", _describe(event)))
    for event in predicted:
        if id(event) not in matched_predicted:
            errors.append(Error(paragraph.paragraph_id, "event spurious", _describe(event)))
    for g, p in by_trigger:
        if g.event_type != p.event_type:
            errors.append(Error(paragraph.paragraph_id, "event type wrong",
                                f"«{g.trigger}»: gold {g.event_type}, predicted {p.event_type}"))
        for role in ROLES:
            gold_role, predicted_role = getattr(g, role), getattr(p, role)
            correct = roles_agree(gold_role, predicted_role)
            score.roles[role].count(correct)
            if not correct:
                errors.append(Error(paragraph.paragraph_id, f"{role} wrong",
                                    f"«{g.trigger}»: gold {gold_role!r}, predicted {predicted_role!r}"))
        score.modality.count(g.modality == p.modality)
        if g.modality != p.modality:
            errors.append(Error(paragraph.paragraph_id, "modality wrong",
                                f"«{g.trigger}»: gold {g.modality}, predicted {p.modality}"))


def score_links(paragraph: Paragraph, extraction: Extraction, score: Score, errors: list[Error]) -> None:
    events = {event.event_id: event for event in extraction.events}
    for link in paragraph.figure_links:
        figure = linked_figure(link, extraction.figures)
        event = events.get(figure.event_id) if figure is not None and figure.event_id else None
        if link.source is None:
            correct = event is None
            bucket = score.links_to_none
        else:
            start, end = map(int, link.source.split(":"))
            correct = event is not None and _overlap(start, end, event.start, event.end)
            bucket = score.links_to_event
        score.links.count(correct)
        bucket.count(correct)
        if not correct:
            gold_trigger = paragraph.text[slice(*map(int, link.source.split(":")))] if link.source else None
            found = "figure not found" if figure is None else f"predicted {event.trigger if event else None!r}"
            errors.append(Error(paragraph.paragraph_id, "figure→event link wrong",
                                f"«{link.surface}»: gold {gold_trigger!r}, {found}"))


def evaluate(paragraphs: Iterable[Paragraph]) -> tuple[Score, dict[str, Score], list[Error]]:
    total, by_domain, errors = Score(), {}, []
    for paragraph in paragraphs:
        extraction = extract_paragraph(paragraph.paragraph_id, paragraph.text, paragraph.published_at)
        score = Score()
        score_events(paragraph, extraction.events, score, errors)
        score_links(paragraph, extraction, score, errors)
        total.add(score)
        by_domain.setdefault(paragraph.domain, Score()).add(score)
    return total, by_domain, errors


# --- report -------------------------------------------------------------------------------------

def render(total: Score, by_domain: dict[str, Score], errors: list[Error], paragraphs: int) -> str:
    lines = [
        f"## Event benchmark ({paragraphs} paragraphs)",
        "",
        "| events | precision | recall | F1 | gold | predicted | matched |",
        "|---|---|---|---|---|---|---|",
        total.events.markdown_row("trigger + type"),
        total.triggers.markdown_row("trigger only"),
        "",
        "| measure (over events matched by trigger) | accuracy | correct / total |",
        "|---|---|---|",
        *(total.roles[role].markdown_row(role) for role in ROLES),
        total.modality.markdown_row("modality"),
        total.links.markdown_row("figure→event link (all gold figures)"),
        total.links_to_event.markdown_row("figure→event link (gold event)"),
        total.links_to_none.markdown_row("figure→event link (gold none)"),
        "",
        "| domain | event F1 | trigger F1 | actor | target | location | modality | link |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for domain in sorted(by_domain):
        score = by_domain[domain]
        lines.append(f"| {domain} | {score.events.scores()['f1']:.3f} | {score.triggers.scores()['f1']:.3f} | "
                     + " | ".join(f"{score.roles[role].value:.3f}" for role in ROLES)
                     + f" | {score.modality.value:.3f} | {score.links.value:.3f} |")
    lines += ["", "### Error types", "", "| error | count |", "|---|---|"]
    for error_type, count in Counter(error.error_type for error in errors).most_common():
        lines.append(f"| {error_type} | {count} |")
    lines += ["", "### Errors", ""]
    lines += [f"- `{error.paragraph_id}` {error.error_type}: {error.detail}" for error in errors]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD, help="annotated events (JSON Lines)")
    parser.add_argument("--paragraphs", type=Path, default=PARAGRAPHS,
                        help="the paragraphs the events are annotated on (JSON Lines with id, text, published_at)")
    args = parser.parse_args(argv)
    paragraphs = load_paragraphs(args.gold, args.paragraphs)
    total, by_domain, errors = evaluate(paragraphs)
    print(render(total, by_domain, errors, len(paragraphs)))


if __name__ == "__main__":
    main()
