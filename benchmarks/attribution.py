"""Who said it: sources and figure→source links of newsfigures against hand-annotated news paragraphs.

    python -m benchmarks.attribution [--gold benchmarks/annotated/attribution_paragraphs.jsonl]

The gold file holds news paragraphs written for this benchmark (politics, business, health, science, sport,
conflict, courts, weather), annotated by hand before the extractor was run on them. One JSON object a line:
    {"id", "domain", "published_at", "text",
     "sources": [{"surface", "name", "kind", "via", "occurrence"?}],
     "figure_sources": [{"surface", "source", "occurrence"?}]}
A surface is the exact text as written; "occurrence" (1-based, plain substring search) picks a later one.

Annotation conventions:
- one gold source per attributing mention (the speaker of a reporting verb, the X of "according to X",
  "citing X", "a report by X found", "X estimated"), so "the company said" after "Nordvik Energy said" is a
  second mention of Nordvik Energy; coreferent mentions ("the company", "the ministry", "she", "it") carry
  the canonical name of what they refer to;
- a channel named in the text ("told Reuters", "The newspaper, citing officials, said") is itself a source
  (kind media), because via_source_id points at a source row; the speaker's "via" is the channel's name;
  what a claim is told to, written on ("wrote on Telegram") or said in an interview with is a channel of kind
  media even when unlisted, and so is whoever relays a cited source ("L'Equipe reported, citing a source");
- "X, which said" is a second mention of X; a bare surname is the person introduced with it earlier;
  "analysts at X", "scientists at X" are X;
- an unnamed spokesperson speaks for their organisation ("a spokesperson for Romania's Health Ministry" →
  Romania's Health Ministry); a document written by a named body is that body ("NHS England figures" →
  NHS England); a document without an author is kind document ("court documents");
- people are named without titles ("Dr Amira Kaya" → Amira Kaya); counts are dropped from group names
  ("two officials familiar with the plan" → officials familiar with the plan);
- kinds: public bodies, ministries, regulators, courts, police and space agencies are government; armed
  forces and armed groups military; charities, unions, associations, universities, clubs and federations
  organisation; companies company; unidentified people ("people familiar with the matter", "security
  sources", "senior government sources", unnamed analysts or economists) anonymous;
  officials whose service is named keep its kind ("Western intelligence officials" → intelligence);
- figure_sources lists the quantities (no dates) with the canonical name of the source the text
  attributes them to, or null when the text states them in its own voice.

Scores:
- source F1: a predicted source matches a gold one when their names agree (case-insensitive, whitespace
  collapsed, a leading "the" ignored) and their kinds agree, one-to-one per paragraph; name-only F1 drops
  the kind. Within one name, pairs whose spans overlap are taken first, then the nearest.
- via accuracy: over gold sources matched by name, the predicted via_source_id's name against the gold
  via (both null counts as correct); also reported over the gold sources that have a via.
- figure→source link accuracy: for each gold figure, the predicted figure whose surface contains the gold
  number text (the one whose span covers the gold occurrence when there is one, else the first); its
  source_id's name against the gold source (both null counts as correct). A gold figure with no such
  prediction is "not found" and counts as wrong.

Prints a Markdown table, per-domain scores, the error types and every error. The gold is never edited
to fit the extractor.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.scoring import Error, Ratio, Tally, extract_paragraph, gold_rows, locate
from transforms.records import Extraction, Figure, Source

GOLD = Path(__file__).parent / "annotated" / "attribution_paragraphs.jsonl"

# A leading article in a source name: "The Washington Post" and "Washington Post" agree.
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_WHITESPACE = re.compile(r"\s+")


def name_key(name: str | None) -> str | None:
    """The form in which two source names are compared: "The  Treasury" → "treasury"."""
    if name is None:
        return None
    collapsed = _WHITESPACE.sub(" ", name.replace("\u2019", "'")).strip()
    return _LEADING_THE.sub("", collapsed).casefold()


# --- records ------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class SourceMention:
    """One source, gold or predicted, reduced to what the benchmark scores."""

    surface: str
    name: str
    kind: str
    via: str | None
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class FigureLink:
    """A gold figure: the number as written, where it is, and whom the text attributes it to."""

    surface: str
    source: str | None
    start: int
    end: int


@dataclass(slots=True)
class Paragraph:
    paragraph_id: str
    domain: str
    published_at: str
    text: str
    gold_sources: list[SourceMention]
    gold_links: list[FigureLink]


@dataclass(slots=True)
class Score:
    """Everything measured on one paragraph (or, added up, on many)."""

    sources: Tally = field(default_factory=Tally)
    sources_by_name: Tally = field(default_factory=Tally)
    via: Ratio = field(default_factory=Ratio)
    via_given: Ratio = field(default_factory=Ratio)
    links: Ratio = field(default_factory=Ratio)
    links_found: Ratio = field(default_factory=Ratio)
    links_attributed: Ratio = field(default_factory=Ratio)
    links_unattributed: Ratio = field(default_factory=Ratio)
    not_found: int = 0

    def add(self, other: Score) -> None:
        self.sources.add(other.sources)
        self.sources_by_name.add(other.sources_by_name)
        for name in ("via", "via_given", "links", "links_found", "links_attributed", "links_unattributed"):
            getattr(self, name).add(getattr(other, name))
        self.not_found += other.not_found


# --- loading ------------------------------------------------------------------------------------

def _gold_source(text: str, row: dict) -> SourceMention:
    start, end = locate(text, row["surface"], row.get("occurrence", 1))
    return SourceMention(row["surface"], row["name"], row["kind"], row.get("via"), start, end)


def _gold_link(text: str, row: dict) -> FigureLink:
    start, end = locate(text, row["surface"], row.get("occurrence", 1))
    return FigureLink(row["surface"], row["source"], start, end)


def load_paragraphs(path: Path) -> list[Paragraph]:
    """Gold paragraphs; the text is normalised exactly as build_document does, so spans agree."""
    return [
        Paragraph(
            row["id"], row["domain"], row["published_at"], text,
            [_gold_source(text, source) for source in row["sources"]],
            [_gold_link(text, link) for link in row["figure_sources"]],
        )
        for row, text in gold_rows(path)
    ]


def predicted_sources(text: str, sources: list[Source]) -> list[SourceMention]:
    """Predicted sources with their surfaces and the name of their channel (via_source_id → name)."""
    names = {source.source_id: source.name for source in sources}
    return [
        SourceMention(text[source.start:source.end], source.name, source.kind,
                      names.get(source.via_source_id) if source.via_source_id else None, source.start, source.end)
        for source in sources
    ]


# --- matching -----------------------------------------------------------------------------------

def _overlap(a: SourceMention, b: SourceMention) -> bool:
    return a.start < b.end and b.start < a.end


def match_sources(
    gold: list[SourceMention], predicted: list[SourceMention], key: Callable[[SourceMention], object]
) -> list[tuple[SourceMention, SourceMention]]:
    """One-to-one pairs with equal keys; the maximum matching, since equal keys form disjoint groups.

    Within a key, pairs whose spans overlap come first, then the nearest in the text.
    """
    candidates = sorted(
        ((not _overlap(g, p), abs(g.start - p.start), gi, pi)
         for gi, g in enumerate(gold) for pi, p in enumerate(predicted) if key(g) == key(p)),
    )
    used_gold, used_predicted, pairs = set(), set(), []
    for _, _, gi, pi in candidates:
        if gi in used_gold or pi in used_predicted:
            continue
        used_gold.add(gi)
        used_predicted.add(pi)
        pairs.append((gold[gi], predicted[pi]))
    return pairs


def name_and_kind(mention: SourceMention) -> tuple[str | None, str]:
    return name_key(mention.name), mention.kind.casefold()


def name_only(mention: SourceMention) -> str | None:
    return name_key(mention.name)


def linked_figure(link: FigureLink, figures: list[Figure]) -> Figure | None:
    """The predicted figure whose surface contains the gold number text, preferring the one covering it."""
    containing = [figure for figure in figures if link.surface in figure.surface]
    for figure in containing:
        if figure.start <= link.start and link.end <= figure.end:
            return figure
    return containing[0] if containing else None


# --- scoring ------------------------------------------------------------------------------------

def _describe(mention: SourceMention) -> str:
    return f"{mention.name} [{mention.kind}] «{mention.surface}»"


def score_sources(paragraph: Paragraph, predicted: list[SourceMention], score: Score, errors: list[Error]) -> None:
    gold = paragraph.gold_sources
    strict = match_sources(gold, predicted, name_and_kind)
    by_name = match_sources(gold, predicted, name_only)
    score.sources.add(Tally(len(gold), len(predicted), len(strict)))
    score.sources_by_name.add(Tally(len(gold), len(predicted), len(by_name)))

    matched_gold = {id(g) for g, _ in by_name}
    matched_predicted = {id(p) for _, p in by_name}
    for g in gold:
        if id(g) not in matched_gold:
            errors.append(Error(paragraph.paragraph_id, "source missed", _describe(g)))
    for p in predicted:
        if id(p) not in matched_predicted:
            errors.append(Error(paragraph.paragraph_id, "source spurious", _describe(p)))
    for g, p in by_name:
        if g.kind.casefold() != p.kind.casefold():
            errors.append(Error(paragraph.paragraph_id, "source kind wrong",
                                f"{g.name}: gold {g.kind}, predicted {p.kind}"))
        correct = name_key(g.via) == name_key(p.via)
        score.via.count(correct)
        if g.via is not None:
            score.via_given.count(correct)
        if not correct:
            errors.append(Error(paragraph.paragraph_id, "via wrong",
                                f"{g.name}: gold via {g.via}, predicted via {p.via}"))


def _link_error_type(gold_source: str | None, predicted_source: str | None) -> str:
    if gold_source is None:
        return "link spurious (gold unattributed)"
    if predicted_source is None:
        return "link missing (predicted unattributed)"
    return "link to wrong source"


def score_links(paragraph: Paragraph, extraction: Extraction, score: Score, errors: list[Error]) -> None:
    names = {source.source_id: source.name for source in extraction.sources}
    for link in paragraph.gold_links:
        figure = linked_figure(link, extraction.figures)
        bucket = score.links_attributed if link.source is not None else score.links_unattributed
        if figure is None:
            score.not_found += 1
            score.links.count(False)
            bucket.count(False)
            errors.append(Error(paragraph.paragraph_id, "figure not found",
                                f"«{link.surface}» (gold source {link.source})"))
            continue
        predicted = names.get(figure.source_id) if figure.source_id else None
        correct = name_key(predicted) == name_key(link.source)
        score.links.count(correct)
        score.links_found.count(correct)
        bucket.count(correct)
        if not correct:
            detail = f"«{link.surface}» in «{figure.surface}»: gold {link.source}, predicted {predicted}"
            errors.append(Error(paragraph.paragraph_id, _link_error_type(link.source, predicted), detail))


def evaluate(paragraphs: Iterable[Paragraph]) -> tuple[Score, dict[str, Score], list[Error]]:
    total, by_domain, errors = Score(), {}, []
    for paragraph in paragraphs:
        extraction = extract_paragraph(paragraph.paragraph_id, paragraph.text, paragraph.published_at)
        score = Score()
        score_sources(paragraph, predicted_sources(paragraph.text, extraction.sources), score, errors)
        score_links(paragraph, extraction, score, errors)
        total.add(score)
        by_domain.setdefault(paragraph.domain, Score()).add(score)
    return total, by_domain, errors


# --- report -------------------------------------------------------------------------------------

def render(total: Score, by_domain: dict[str, Score], errors: list[Error], paragraphs: int) -> str:
    lines = [
        f"## Attribution benchmark ({paragraphs} paragraphs)",
        "",
        "| sources | precision | recall | F1 | gold | predicted | matched |",
        "|---|---|---|---|---|---|---|",
        total.sources.markdown_row("name + kind"),
        total.sources_by_name.markdown_row("name only"),
        "",
        "| measure | accuracy | correct / total |",
        "|---|---|---|",
        total.via.markdown_row("via (gold sources matched by name)"),
        total.via_given.markdown_row("via (of those, gold via given)"),
        total.links.markdown_row("figure→source link (all gold figures)"),
        total.links_found.markdown_row("figure→source link (figures found)"),
        total.links_attributed.markdown_row("figure→source link (gold attributed)"),
        total.links_unattributed.markdown_row("figure→source link (gold unattributed)"),
        f"| gold figures not found | | {total.not_found} / {total.links.total} |",
        "",
        "| domain | source F1 | name-only F1 | via | link accuracy | not found |",
        "|---|---|---|---|---|---|",
    ]
    for domain in sorted(by_domain):
        score = by_domain[domain]
        lines.append(f"| {domain} | {score.sources.scores()['f1']:.3f} | {score.sources_by_name.scores()['f1']:.3f} | "
                     f"{score.via.value:.3f} | {score.links.value:.3f} | {score.not_found} |")
    lines += ["", "### Error types", "", "| error | count |", "|---|---|"]
    for error_type, count in Counter(error.error_type for error in errors).most_common():
        lines.append(f"| {error_type} | {count} |")
    lines += ["", "### Errors", ""]
    lines += [f"- `{error.paragraph_id}` {error.error_type}: {error.detail}" for error in errors]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD, help="annotated paragraphs (JSON Lines)")
    args = parser.parse_args(argv)
    paragraphs = load_paragraphs(args.gold)
    total, by_domain, errors = evaluate(paragraphs)
    print(render(total, by_domain, errors, len(paragraphs)))


if __name__ == "__main__":
    main()
