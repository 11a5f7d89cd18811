"""The benchmark corpus: deterministic, readable by the pipeline's ingest, full of figures."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from benchmarks.corpus import SEEDS, build_corpus, load_grammar
from flows.ingest import list_articles, read_articles
from transforms.extract import extract

SIZE = 40


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_corpus(SIZE, tmp_path_factory.mktemp("bench"))


def _texts(corpus_dir: Path) -> dict[str, bytes]:
    return {path.relative_to(corpus_dir).as_posix(): path.read_bytes() for path in list_articles(corpus_dir)}


def test_same_seed_builds_the_same_corpus(corpus: Path, tmp_path: Path) -> None:
    again = build_corpus(SIZE, tmp_path)
    assert _texts(again) == _texts(corpus)


def test_a_smaller_corpus_is_a_prefix_and_another_seed_differs(corpus: Path, tmp_path: Path) -> None:
    smaller = _texts(build_corpus(10, tmp_path / "small"))
    assert smaller.items() <= _texts(corpus).items()
    other = _texts(build_corpus(10, tmp_path / "other", seed=7))
    assert set(other.values()).isdisjoint(set(smaller.values()) - {p.read_bytes() for p in SEEDS.glob("*.txt")})


def test_a_built_corpus_is_reused(corpus: Path) -> None:
    marker = corpus / "000" / "article-000000.txt"
    before = marker.stat().st_mtime_ns
    assert build_corpus(SIZE, corpus.parent) == corpus
    assert marker.stat().st_mtime_ns == before


def test_articles_parse_as_distinct_documents_with_front_matter(corpus: Path) -> None:
    batch = read_articles(list_articles(corpus), corpus)
    assert batch.rejected == []
    assert len(batch.documents) == SIZE
    assert len({document.document_id for document in batch.documents}) == SIZE
    generated = [d for d in batch.documents if not d.uri.startswith("seeds/")]
    assert all(d.publisher and d.published_at for d in generated)
    assert all(1900 <= len(d.text.encode("utf-8")) <= 6500 for d in generated)  # 2-6 KB


def test_the_engine_finds_figures_sources_and_dates_in_every_domain(corpus: Path) -> None:
    documents = read_articles(list_articles(corpus), corpus).documents
    dimensions: Counter[str] = Counter()
    for document in documents:
        extraction = extract(document)
        assert len(extraction.figures) >= 5, document.uri
        assert extraction.sources, document.uri
        dimensions.update(figure.dimension for figure in extraction.figures)
    assert {"date", "percentage", "currency"} <= set(dimensions)


def test_the_templates_cover_nine_domains_with_known_slots() -> None:
    grammar = load_grammar()
    assert len(grammar.domains) == 9
    assert all(len(templates) >= 10 for templates in grammar.domains.values())
