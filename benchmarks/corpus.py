"""A realistic news corpus of any size, written as article files, built without any network.

    .venv/bin/python -m benchmarks.corpus --size 1000 [--seed 20250201] [--out output/bench]

Each article picks a news domain (politics, business, sport, science, health, conflict, courts,
weather, technology), fills sentence templates from ``corpus_templates.yaml`` with slots from
``corpus_lexicon.yaml`` (names, places, numbers in every style the engine reads, dates,
attributions), adds sentences without figures and a few of the seed articles, and is written with YAML front
matter (publisher, published_at) like ``seeds/*.txt``. The seed articles themselves are part of
the corpus, verbatim. Article ``i`` depends only on the seed and ``i``: the 1,000-article corpus is
the first 1,000 articles of the 10,000-article one.

The corpus lands in ``<out>/corpus-<size>/`` (1,000 files per subfolder) with a ``.corpus.json``
manifest of what built it; a corpus whose manifest matches is reused as it is.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import shutil
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import yaml

HERE = Path(__file__).parent
TEMPLATES = HERE / "corpus_templates.yaml"
LEXICON = HERE / "corpus_lexicon.yaml"
SEEDS = HERE.parent / "seeds"
DEFAULT_SEED = 20250201
BUILDER_VERSION = 2
ARTICLES_PER_FOLDER = 1000
MANIFEST = ".corpus.json"

# Article shape: a size drawn between these bounds, within these sentence counts.
ARTICLE_BYTES = (2000, 6000)
ARTICLE_SENTENCES = (8, 30)
SENTENCES_PER_PARAGRAPH = (1, 4)
# Where a sentence comes from: the article's domain, figure-free narrative, the shared templates, the seeds.
SENTENCE_SOURCES = {"domain": 0.45, "narrative": 0.4, "shared": 0.1, "seed": 0.05}

FRAME_KINDS = ("attributed", "extended")
# A sentence that already names its source gets no attributed frame.
NAMES_A_SOURCE = re.compile(r"\b(?:said|says|told|according to|announced|reported)\b", re.IGNORECASE)
# Leading words put in lower case when a sentence follows "said" in a frame.
LOWERED_OPENERS = frozenset({
    "The", "A", "An", "It", "There", "That", "At", "More", "About", "Around", "Up", "Judges", "Shares", "Prosecutors",
    "Officials", "Scientists", "Researchers", "Temperatures", "Flooding", "Snow", "Drones", "Shelling", "Patients",
    "Adults", "Hospital", "Revenue", "Subscribers", "Downloads", "Unemployment", "Exports", "Oil", "House", "Support",
    "Ministers", "Insurers", "Regulators", "Broadband", "Electric", "Life", "Spending", "Waiting", "Annual", "Economic",
    "Attendance", "Ticket", "Wind", "River", "Global", "Emissions", "Turnout", "Defence",
})
SLOT = re.compile(r"\{([^{}]+)\}")  # "{person}", "{int:2-40}", "{rose|fell}"
GENERATOR = re.compile(r"(?P<kind>[a-z_0-9]+):(?P<low>\d+)-(?P<high>\d+)")  # "comma:1000-90000"
# A sentence of a seed article: up to its final stop, before whitespace and a capital or quote.
SEED_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


@dataclass(frozen=True, slots=True)
class Grammar:
    domains: dict[str, list[str]]
    shared: list[str]
    narrative: list[str]
    slots: dict[str, list[str]]
    pools: dict[str, int]
    frames: dict[str, list[str]]
    frame_shares: dict[str, float]
    publishers: list[str]
    published_between: tuple[date, date]
    seed_sentences: list[str]


def load_grammar(templates: Path = TEMPLATES, lexicon: Path = LEXICON, seed_articles: list[Path] = ()) -> Grammar:
    spec = yaml.safe_load(templates.read_text(encoding="utf-8"))
    words = yaml.safe_load(lexicon.read_text(encoding="utf-8"))
    first, last = words["published_between"]
    grammar = Grammar(
        domains={name: list(sentences) for name, sentences in spec["domains"].items()},
        shared=list(spec["shared"]),
        narrative=list(spec["narrative"]),
        slots={name: [str(entry) for entry in entries] for name, entries in words["slots"].items()},
        pools=dict(words.get("pools", {})),
        frames={kind: list(spec["frames"][kind]) for kind in FRAME_KINDS},
        frame_shares={kind: float(spec["frames"][f"{kind}_share"]) for kind in FRAME_KINDS},
        publishers=list(words["publishers"]),
        published_between=(first, last),
        seed_sentences=[s for path in seed_articles for s in _seed_sentences(path)],
    )
    _check_slots(grammar, templates, lexicon)
    return grammar


def _seed_sentences(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    body = text.split("\n---", 2)[-1] if text.startswith("---") else text
    return [s.strip() for s in SEED_SENTENCE_END.split(body) if len(s.strip()) > 40]


def _check_slots(grammar: Grammar, templates: Path, lexicon: Path) -> None:
    """Every slot named anywhere must exist: a typo fails at load time, naming its file."""
    templates_texts = [*grammar.shared, *grammar.narrative, *(t for ts in [*grammar.domains.values(), *grammar.frames.values()] for t in ts)]
    for where, texts in ((templates, templates_texts),
                         (lexicon, [e for entries in grammar.slots.values() for e in entries])):
        for text in texts:
            for slot in SLOT.findall(text):
                if "|" not in slot and not GENERATOR.fullmatch(slot) and slot not in grammar.slots:
                    raise ValueError(f"{where}: unknown slot {{{slot}}} in {text!r}")


class ArticleWriter:
    """Fills templates for one article: its own random stream, publication date and cast."""

    def __init__(self, grammar: Grammar, rng: random.Random, published_at: date) -> None:
        self.grammar = grammar
        self.rng = rng
        self.published_at = published_at
        self.cast = {name: rng.sample(grammar.slots[name], count) for name, count in grammar.pools.items()}

    def fill(self, template: str) -> str:
        for _ in range(6):  # fillers hold slots at most a few levels deep
            filled = SLOT.sub(lambda match: self._value(match.group(1)), template)
            if filled == template:
                return filled
            template = filled
        raise ValueError(f"slots nested too deep in {template!r}")

    def framed(self, sentence: str) -> str:
        """The sentence, perhaps with a source around it and a clause after it (see ``frames``)."""
        for kind in FRAME_KINDS:
            if kind == "attributed" and NAMES_A_SOURCE.search(sentence):
                continue
            if self.rng.random() < self.grammar.frame_shares[kind]:
                sentence = self._frame(self.rng.choice(self.grammar.frames[kind]), sentence)
        return sentence

    def _frame(self, frame: str, sentence: str) -> str:
        first, _, rest = sentence.partition(" ")
        lower = f"{first.lower()} {rest}" if first in LOWERED_OPENERS else sentence
        filled = self.fill(frame)
        return (filled.replace("<sentence>", sentence).replace("<clause>", sentence.rstrip(".").rstrip())
                .replace("<lower>", lower))

    def _value(self, slot: str) -> str:
        if "|" in slot:
            return self.rng.choice(slot.split("|"))
        generated = GENERATOR.fullmatch(slot)
        if generated:
            return self._number(generated["kind"], int(generated["low"]), int(generated["high"]))
        return self.rng.choice(self.cast.get(slot) or self.grammar.slots[slot])

    def _number(self, kind: str, low: int, high: int) -> str:
        if kind == "int":
            return str(self.rng.randint(low, high))
        if kind == "comma":
            return f"{self.rng.randint(low, high):,}"
        if kind == "dec":
            return f"{self.rng.uniform(low, high):.1f}"
        if kind == "dec2":
            return f"{self.rng.uniform(low, high):.2f}"
        if kind == "year_ago":
            return str(self.published_at.year - self.rng.randint(low, high))
        if kind == "year_ahead":
            return str(self.published_at.year + self.rng.randint(low, high))
        raise ValueError(f"unknown number kind {kind!r} in {{{kind}:{low}-{high}}}")


def article(grammar: Grammar, seed: int, index: int) -> str:
    """The text of article ``index`` (front matter and body); the same for the same seed and index."""
    rng = random.Random(f"{seed}:{index}")
    first, last = grammar.published_between
    published_at = first + timedelta(days=rng.randint(0, (last - first).days))
    writer = ArticleWriter(grammar, rng, published_at)
    domain = rng.choice(sorted(grammar.domains))
    target_bytes = rng.randint(*ARTICLE_BYTES)
    sources, weights = zip(*SENTENCE_SOURCES.items())
    pools = {"domain": grammar.domains[domain], "narrative": grammar.narrative, "shared": grammar.shared,
             "seed": grammar.seed_sentences}
    decks: dict[str, list[str]] = {}
    sentences: list[str] = []
    size = 0
    while len(sentences) < ARTICLE_SENTENCES[1] and (size < target_bytes or len(sentences) < ARTICLE_SENTENCES[0]):
        source = rng.choices(sources, weights)[0]
        if not pools[source]:
            continue
        if not decks.get(source):  # each template once before any comes back
            decks[source] = rng.sample(pools[source], len(pools[source]))
        template = decks[source].pop()
        sentence = template if source == "seed" else writer.framed(writer.fill(template))
        sentence = sentence[0].upper() + sentence[1:]
        sentences.append(sentence)
        size += len(sentence.encode("utf-8")) + 1
    paragraphs = []
    while sentences:
        take = rng.randint(*SENTENCES_PER_PARAGRAPH)
        paragraphs.append(" ".join(sentences[:take]))
        sentences = sentences[take:]
    front_matter = f"---\npublisher: {rng.choice(grammar.publishers)}\npublished_at: {published_at.isoformat()}\n---\n"
    return front_matter + "\n".join(paragraphs) + "\n"


def article_path(index: int) -> Path:
    return Path(f"{index // ARTICLES_PER_FOLDER:03d}") / f"article-{index:06d}.txt"


def _fingerprint(size: int, seed: int, inputs: list[Path]) -> dict:
    digest = hashlib.sha256()
    for path in inputs:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return {"size": size, "seed": seed, "builder_version": BUILDER_VERSION, "inputs_sha256": digest.hexdigest()}


def build_corpus(size: int, out: Path, seed: int = DEFAULT_SEED, seeds_dir: Path = SEEDS) -> Path:
    """``<out>/corpus-<size>/`` with ``size`` article files: the seed articles plus generated ones."""
    seed_articles = sorted(p for p in seeds_dir.glob("*") if p.suffix in {".txt", ".md"}) if seeds_dir.is_dir() else []
    corpus_dir = out / f"corpus-{size}"
    fingerprint = _fingerprint(size, seed, [TEMPLATES, LEXICON, *seed_articles])
    manifest = corpus_dir / MANIFEST
    if manifest.is_file() and json.loads(manifest.read_text())["fingerprint"] == fingerprint:
        return corpus_dir
    grammar = load_grammar(seed_articles=seed_articles)
    building = out / f".corpus-{size}.building"
    shutil.rmtree(building, ignore_errors=True)
    (building / "seeds").mkdir(parents=True)
    for path in seed_articles[:size]:
        shutil.copyfile(path, building / "seeds" / path.name)
    seen: set[str] = set()
    index, generated = 0, 0
    while generated < size - min(size, len(seed_articles)):
        text = article(grammar, seed, index)
        index += 1
        key = hashlib.sha256(text.encode()).hexdigest()
        if key in seen:  # identical texts would be rejected as duplicates by the pipeline
            continue
        seen.add(key)
        path = building / article_path(generated)
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        generated += 1
    total_bytes = sum(p.stat().st_size for p in building.rglob("*.txt"))
    (building / MANIFEST).write_text(json.dumps(
        {"fingerprint": fingerprint, "articles": size, "bytes": total_bytes}, indent=2) + "\n")
    shutil.rmtree(corpus_dir, ignore_errors=True)
    building.rename(corpus_dir)
    return corpus_dir


def corpus_bytes(corpus_dir: Path) -> int:
    return json.loads((corpus_dir / MANIFEST).read_text())["bytes"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=1000, help="number of articles (default: 1000)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"random seed (default: {DEFAULT_SEED})")
    parser.add_argument("--out", type=Path, default=Path("output/bench"), help="parent folder (default: output/bench)")
    args = parser.parse_args()
    corpus_dir = build_corpus(args.size, args.out, args.seed)
    print(f"{corpus_dir}: {args.size} articles, {corpus_bytes(corpus_dir) / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
