"""Plain typed records that flow between the extraction stages.

Field names and meanings follow the output contract (TABLES.md); conversion
to Arrow happens once, at the edge, in ``flows/tables.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True, slots=True)
class Document:
    document_id: str
    uri: str
    text: str
    text_sha256: str
    title: str | None = None
    publisher: str | None = None
    published_at: datetime | None = None  # timezone-aware, UTC
    language: str = "en"


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str  # == document.text[start:end]


@dataclass(slots=True)
class Figure:
    figure_id: str
    document_id: str
    sentence_index: int
    start: int
    end: int
    surface: str
    value: float | None
    value_low: float | None
    value_high: float | None
    qualifier: str
    unit: str | None
    dimension: str
    value_si: float | None
    si_unit: str | None
    entity: str | None
    category: str | None
    date_start: date | None
    date_end: date | None
    rule: str
    source_id: str | None = None
    event_id: str | None = None
    paired_figure_id: str | None = None


@dataclass(slots=True)
class Source:
    source_id: str
    document_id: str
    sentence_index: int
    start: int
    end: int
    name: str
    kind: str
    attribution: str
    via_source_id: str | None = None
    rule: str = ""


@dataclass(slots=True)
class Event:
    event_id: str
    document_id: str
    sentence_index: int
    start: int
    end: int
    event_type: str
    trigger: str
    modality: str
    actor: str | None = None
    target: str | None = None
    location: str | None = None
    time_text: str | None = None
    date_start: date | None = None
    date_end: date | None = None
    source_id: str | None = None
    rule: str = ""


@dataclass(slots=True)
class Extraction:
    """Everything extracted from one document."""

    document: Document
    figures: list[Figure] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class RejectedDocument:
    """An input that could not become a Document, and why."""

    uri: str
    error: str
    stage: str  # read, decode, metadata, extract
