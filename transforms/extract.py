"""One document in, every figure, source and event out: the extraction pipeline."""

from __future__ import annotations

from transforms.events import extract_events
from transforms.figures import extract_figures
from transforms.linking import link_figures
from transforms.records import Document, Extraction
from transforms.sources import extract_sources
from transforms.text import split_sentences


def extract(document: Document) -> Extraction:
    sentences = split_sentences(document.text)
    figures = extract_figures(document, sentences)
    sources = extract_sources(document, sentences)
    events = extract_events(document, sentences, figures, sources)
    link_figures(figures, sources, events, sentences, document.text)
    return Extraction(document=document, figures=figures, sources=sources, events=events)
