"""Value+unit accuracy of newsfigures against quantulum3 on hand-annotated news paragraphs.

    python -m benchmarks.accuracy [--gold benchmarks/annotated/news_paragraphs.jsonl] [--out output/bench]

The gold file holds news paragraphs written for this benchmark (business, markets, politics, sport,
science, health, weather, tech, conflict, courts), each with every figure an analyst would want,
annotated by hand: value (a range: its midpoint), canonical unit (a count: the counted noun's lemma;
a bare number: null) and dimension; a date has the year as value, unit null, dimension "date".
Scores, ordinals and model names (2-1, 78th minute, F-16, COVID-19, Windows 11) are not figures.

Matching: a predicted figure matches a gold one when the values are equal (relative tolerance 1e-6)
and the units are equal after normalisation, one-to-one per paragraph (maximum bipartite matching).
Three unit modes:
    strict        — units must agree (case-insensitive; a count unit compares its last word, so
                    "ice core" and "core" agree);
    counts_unit_free — as strict, but a gold count matches any prediction of the same value whatever
                    its unit (quantulum3 has no counted nouns, so this is its fair count score);
    value_only    — units ignored.
Dates excluded: gold dates are dropped, and so is every prediction that is a date or overlaps a gold
date's span (quantulum3 reports "2024" as a bare number). Dates included: newsfigures' date figures
are read as (year of date_start, no unit); quantulum3 only scores on dates through bare numbers.
A gold date also requires the prediction's span to overlap its own.

quantulum3 (a benchmark-only dependency, without its classifier extra) is mapped to canonical units by
QUANTULUM_UNITS below. A compound unit that starts with a currency ("dollar per barrel", or the
misreadings "dollar bit newton" for "$2.5bn") is read as that currency; its value stays as parsed.
Names not in the table are kept as "quantulum3:<name>", which matches nothing.

Prints a Markdown table and the newsfigures misses and false positives; writes accuracy.json and
accuracy.md under --out. The gold is never edited to fit an extractor.
"""

from __future__ import annotations

import argparse
import json
import math
import time
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.scoring import Tally, extract_paragraph, gold_rows

GOLD = Path(__file__).parent / "annotated" / "news_paragraphs.jsonl"
RELATIVE_TOLERANCE = 1e-6
UNIT_MODES = ("strict", "counts_unit_free", "value_only")

# quantulum3 unit name -> canonical unit of the figures table (None: a bare number).
QUANTULUM_UNITS: dict[str, str | None] = {
    "dimensionless": None, "count": None,
    "percentage": "percent", "per cent": "percent", "basis point": "basis_point",
    "percentage point": "percentage_point",
    "second": "s", "minute": "min", "hour": "hour", "day": "day", "week": "week", "month": "month",
    "year": "year", "decade": "decade", "century": "century",
    "millimetre": "mm", "centimetre": "cm", "metre": "m", "kilometre": "km", "mile": "mi", "foot": "ft",
    "inch": "in", "yard": "yd", "nautical mile": "nmi", "light-year": "ly",
    "square metre": "m**2", "square kilometre": "km**2", "square mile": "mi**2", "square foot": "ft**2",
    "hectare": "ha", "acre": "acre",
    "litre": "l", "millilitre": "ml", "gallon": "gal", "barrel": "bbl", "cubic metre": "m**3",
    "milligram": "mg", "gram": "g", "kilogram": "kg", "tonne": "t", "pound-mass": "lb", "ounce": "oz",
    "degree Celsius": "degC", "degree fahrenheit": "degF",
    "kilometre per hour": "km/h", "mile per hour": "mph", "metre per second": "m/s", "knot": "knot",
    "watt": "W", "kilowatt": "kW", "megawatt": "MW", "gigawatt": "GW",
    "kilowatt hour": "kWh", "megawatt hour": "MWh", "gigawatt hour": "GWh", "terawatt hour": "TWh",
    "kilobyte": "kB", "megabyte": "MB", "gigabyte": "GB", "terabyte": "TB", "petabyte": "PB",
    "hertz": "Hz", "megahertz": "MHz", "gigahertz": "GHz",
    "dollar": "USD", "united states dollar": "USD", "pound sterling": "GBP", "euro": "EUR",
    "japanese yen": "JPY", "canadian dollar": "CAD", "australian dollar": "AUD", "new zealand dollar": "NZD",
}
QUANTULUM_CURRENCY_PREFIXES = tuple(
    sorted((name for name, unit in QUANTULUM_UNITS.items() if unit and unit.isupper() and len(unit) == 3),
           key=len, reverse=True)
)


@dataclass(frozen=True, slots=True)
class Mention:
    """One figure, gold or predicted, reduced to what the benchmark scores."""

    surface: str
    value: float
    unit: str | None
    dimension: str
    start: int
    end: int
    rule: str = "gold"

    @property
    def is_date(self) -> bool:
        return self.dimension == "date"


@dataclass(slots=True)
class Paragraph:
    paragraph_id: str
    domain: str
    published_at: str
    text: str
    gold: list[Mention]
    predictions: dict[str, list[Mention]] = field(default_factory=dict)


# --- loading ------------------------------------------------------------------------------------

def _gold_mentions(text: str, figures: list[dict]) -> list[Mention]:
    """Gold figures with their spans: each surface is located left to right, after the previous hit."""
    mentions, cursor = [], 0
    for figure in figures:
        start = text.find(figure["surface"], cursor)
        if start < 0:
            start = text.find(figure["surface"])
        if start < 0:
            raise ValueError(f"gold surface {figure['surface']!r} is not in the text")
        end = start + len(figure["surface"])
        cursor = start + 1
        mentions.append(
            Mention(figure["surface"], float(figure["value"]), figure["unit"], figure["dimension"], start, end)
        )
    return mentions


def load_paragraphs(path: Path) -> list[Paragraph]:
    """Gold paragraphs; the text is normalised exactly as build_document does, so spans agree."""
    return [
        Paragraph(row["id"], row["domain"], row["published_at"], text, _gold_mentions(text, row["figures"]))
        for row, text in gold_rows(path)
    ]


# --- systems ------------------------------------------------------------------------------------

def newsfigures_mentions(paragraph: Paragraph) -> list[Mention]:
    mentions = []
    for figure in extract_paragraph(paragraph.paragraph_id, paragraph.text, paragraph.published_at).figures:
        if figure.dimension == "date":
            year = figure.date_start.year if figure.date_start else figure.value
            if year is None:
                continue
            mentions.append(Mention(figure.surface, float(year), None, "date", figure.start, figure.end, figure.rule))
        elif figure.value is not None:
            mentions.append(Mention(figure.surface, float(figure.value), figure.unit, figure.dimension,
                                    figure.start, figure.end, figure.rule))
    return mentions


def quantulum_unit(name: str) -> str | None:
    """Canonical unit for a quantulum3 unit name (see the module docstring)."""
    if name in QUANTULUM_UNITS:
        return QUANTULUM_UNITS[name]
    for prefix in QUANTULUM_CURRENCY_PREFIXES:
        if name.startswith(prefix + " "):
            return QUANTULUM_UNITS[prefix]
    return f"quantulum3:{name}"


def quantulum_parse() -> Callable[[str], list] | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser
    except ImportError:
        return None

    def parse(text: str) -> list:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return parser.parse(text)

    return parse


def quantulum_mentions(parse: Callable[[str], list], paragraph: Paragraph) -> list[Mention]:
    mentions = []
    for quantity in parse(paragraph.text):
        unit = quantulum_unit(quantity.unit.name)
        dimension = "count" if unit is None else quantity.unit.entity.name
        start, end = quantity.span
        mentions.append(Mention(quantity.surface, float(quantity.value), unit, dimension, start, end, "quantulum3"))
    return mentions


# --- matching -----------------------------------------------------------------------------------

def _unit_key(unit: str | None, dimension: str) -> str | None:
    if unit is None:
        return None
    key = unit.casefold()
    return key.split()[-1] if dimension == "count" else key


def agrees(gold: Mention, predicted: Mention, unit_mode: str) -> bool:
    if not math.isclose(gold.value, predicted.value, rel_tol=RELATIVE_TOLERANCE, abs_tol=0.0):
        return False
    if gold.is_date and not _overlaps(predicted, [(gold.start, gold.end)]):
        return False  # a year alone is too weak a value: "Monday" must not earn the credit for "25 July"
    if unit_mode == "value_only" or (unit_mode == "counts_unit_free" and gold.dimension == "count"):
        return True
    predicted_dimension = "count" if gold.dimension == "count" else predicted.dimension
    return _unit_key(gold.unit, gold.dimension) == _unit_key(predicted.unit, predicted_dimension)


def match(gold: list[Mention], predicted: list[Mention], unit_mode: str) -> dict[int, int]:
    """Maximum one-to-one matching {gold index: predicted index} by augmenting paths.

    Pairs whose spans overlap are matched first, so a figure is credited to its own mention rather than to
    an equal value elsewhere in the paragraph; the second pass only adds matches, so the count stays maximal.
    """
    agreeing = [[j for j, p in enumerate(predicted) if agrees(g, p, unit_mode)] for g in gold]
    overlapping = [[j for j in js if _overlaps(predicted[j], [(g.start, g.end)])] for g, js in zip(gold, agreeing)]
    owner: dict[int, int] = {}

    def augment(i: int, candidates: list[list[int]], seen: set[int]) -> bool:
        for j in candidates[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], candidates, seen):
                owner[j] = i
                return True
        return False

    for candidates in (overlapping, agreeing):
        matched = set(owner.values())
        for i in range(len(gold)):
            if i not in matched:
                augment(i, candidates, set())
    return {i: j for j, i in owner.items()}


def _overlaps(mention: Mention, spans: Iterable[tuple[int, int]]) -> bool:
    return any(mention.start < end and start < mention.end for start, end in spans)


def scored_sets(paragraph: Paragraph, system: str, with_dates: bool) -> tuple[list[Mention], list[Mention]]:
    gold, predicted = paragraph.gold, paragraph.predictions[system]
    if with_dates:
        return gold, predicted
    date_spans = [(g.start, g.end) for g in gold if g.is_date]
    return ([g for g in gold if not g.is_date],
            [p for p in predicted if not p.is_date and not _overlaps(p, date_spans)])


def tally(paragraphs: list[Paragraph], system: str, unit_mode: str, with_dates: bool) -> Tally:
    total = Tally()
    for paragraph in paragraphs:
        gold, predicted = scored_sets(paragraph, system, with_dates)
        total.add(Tally(len(gold), len(predicted), len(match(gold, predicted, unit_mode))))
    return total


# --- reporting ----------------------------------------------------------------------------------

def throughput(paragraphs: list[Paragraph], run: Callable[[Paragraph], object], seconds: float = 1.0) -> float:
    """MB/s over the paragraph texts, best of three passes of at least ``seconds`` each."""
    megabytes = sum(len(p.text.encode("utf-8")) for p in paragraphs) / 1_000_000
    run(paragraphs[0])
    best = float("inf")
    for _ in range(3):
        passes, started = 0, time.perf_counter()
        while True:
            for paragraph in paragraphs:
                run(paragraph)
            passes += 1
            elapsed = time.perf_counter() - started
            if elapsed >= seconds:
                break
        best = min(best, elapsed / passes)
    return megabytes / best


def errors(paragraphs: list[Paragraph], system: str) -> list[dict]:
    """Misses and false positives of one system (strict units, dates included)."""
    found = []
    for paragraph in paragraphs:
        gold, predicted = paragraph.gold, paragraph.predictions[system]
        pairs = match(gold, predicted, "strict")
        matched_predictions = set(pairs.values())
        for i, g in enumerate(gold):
            if i not in pairs:
                near = [p for p in predicted if _overlaps(p, [(g.start, g.end)])]
                found.append({"paragraph": paragraph.paragraph_id, "kind": "miss", "surface": g.surface,
                              "value": g.value, "unit": g.unit, "dimension": g.dimension,
                              "overlapping": [f"{p.surface!r}={p.value:g} {p.unit}" for p in near]})
        for j, p in enumerate(predicted):
            if j not in matched_predictions:
                found.append({"paragraph": paragraph.paragraph_id, "kind": "false_positive", "surface": p.surface,
                              "value": p.value, "unit": p.unit, "dimension": p.dimension, "rule": p.rule})
    return found


def _cell(scores: dict) -> str:
    return f"{scores['precision']:.3f} / {scores['recall']:.3f} / **{scores['f1']:.3f}**"


def markdown(report: dict) -> str:
    systems = report["systems"]
    lines = ["## Accuracy: value+unit precision / recall / F1", "",
             f"{report['paragraphs']} hand-annotated paragraphs, {report['gold_figures']} gold figures "
             f"({report['gold_dates']} dates).", "",
             "| system | dates | strict units | counts unit-free | value only | MB/s |",
             "|---|---|---|---|---|---|"]
    for system, result in systems.items():
        for dates in ("excluded", "included"):
            overall = result["overall"][f"dates_{dates}"]
            lines.append(f"| {system} | {dates} | {_cell(overall['strict'])} | {_cell(overall['counts_unit_free'])} | "
                         f"{_cell(overall['value_only'])} | {result['megabytes_per_second']:.3f} |")
    lines += ["", "### F1 per domain (dates excluded; strict / counts unit-free)", "",
              "| domain | gold | " + " | ".join(systems) + " |", "|---|---|" + "---|" * len(systems)]
    for domain in report["domains"]:
        cells = []
        for result in systems.values():
            scores = result["per_domain"][domain]
            cells.append(f"{scores['strict']['f1']:.3f} / {scores['counts_unit_free']['f1']:.3f}")
        gold = next(iter(systems.values()))["per_domain"][domain]["strict"]["gold"]
        lines.append(f"| {domain} | {gold} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def evaluate(paragraphs: list[Paragraph], systems: dict[str, Callable[[Paragraph], list[Mention]]]) -> dict:
    domains = sorted({p.domain for p in paragraphs})
    report: dict = {"paragraphs": len(paragraphs), "gold_figures": sum(len(p.gold) for p in paragraphs),
                    "gold_dates": sum(g.is_date for p in paragraphs for g in p.gold),
                    "domains": domains, "relative_tolerance": RELATIVE_TOLERANCE, "systems": {}}
    for system, run in systems.items():
        for paragraph in paragraphs:
            paragraph.predictions[system] = run(paragraph)
        overall = {
            f"dates_{label}": {mode: tally(paragraphs, system, mode, with_dates).scores(digits=4) for mode in UNIT_MODES}
            for label, with_dates in (("excluded", False), ("included", True))
        }
        per_domain = {
            domain: {
                mode: tally([p for p in paragraphs if p.domain == domain], system, mode, False).scores(digits=4)
                for mode in UNIT_MODES
            }
            for domain in domains
        }
        report["systems"][system] = {"overall": overall, "per_domain": per_domain,
                                     "megabytes_per_second": round(throughput(paragraphs, run), 4)}
    report["newsfigures_errors"] = errors(paragraphs, "newsfigures")
    return report


def print_errors(found: list[dict]) -> None:
    print(f"\nnewsfigures errors (strict units, dates included): {len(found)}")
    for error in found:
        if error["kind"] == "miss":
            near = f"  got: {', '.join(error['overlapping'])}" if error["overlapping"] else ""
            print(f"  MISS {error['paragraph']:<12} {error['surface']!r} = {error['value']:g} {error['unit']}{near}")
        else:
            print(f"  FP   {error['paragraph']:<12} {error['surface']!r} = {error['value']:g} {error['unit']} "
                  f"[{error['dimension']}, {error['rule']}]")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--out", type=Path, default=Path("output/bench"))
    args = parser.parse_args()
    paragraphs = load_paragraphs(args.gold)
    systems: dict[str, Callable[[Paragraph], list[Mention]]] = {"newsfigures": newsfigures_mentions}
    parse = quantulum_parse()
    if parse is None:
        print("quantulum3 is not installed: scoring newsfigures only (pip install quantulum3)")
    else:
        systems["quantulum3"] = lambda paragraph: quantulum_mentions(parse, paragraph)
    report = evaluate(paragraphs, systems)
    table = markdown(report)
    print(table)
    print_errors(report["newsfigures_errors"])
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "accuracy.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (args.out / "accuracy.md").write_text(table, encoding="utf-8")
    print(f"\nwrote {args.out / 'accuracy.json'} and {args.out / 'accuracy.md'}")


if __name__ == "__main__":
    main()
