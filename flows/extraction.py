"""A batch of documents through the pure extraction engine, into Arrow tables."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

import pyarrow as pa

from flows.tables import DOCUMENTS, EVENTS, FIGURES, SOURCES, to_table
from transforms.extract import extract
from transforms.records import Document, Extraction, RejectedDocument


@dataclass(slots=True)
class ExtractedTables:
    documents: pa.Table
    figures: pa.Table
    sources: pa.Table
    events: pa.Table
    rejected: list[RejectedDocument] = field(default_factory=list)

    def as_dict(self) -> dict[str, pa.Table]:
        return {"documents": self.documents, "figures": self.figures, "sources": self.sources, "events": self.events}


def extract_documents(documents: Iterable[Document], ingested_at: datetime, engine_version: str) -> ExtractedTables:
    """Extract every document; one that makes the engine fail is rejected, the rest go on."""
    extractions: list[Extraction] = []
    rejected: list[RejectedDocument] = []
    for document in documents:
        try:
            extractions.append(extract(document))
        except Exception as error:  # noqa: BLE001 - any engine failure rejects only this document
            reason = f"extraction failed: {type(error).__name__}: {error}"
            rejected.append(RejectedDocument(uri=document.uri, stage="extract", error=reason))
    return ExtractedTables(
        documents=to_table(
            (item.document for item in extractions), DOCUMENTS, ingested_at=ingested_at, engine_version=engine_version
        ),
        figures=to_table((figure for item in extractions for figure in item.figures), FIGURES),
        sources=to_table((source for item in extractions for source in item.sources), SOURCES),
        events=to_table((event for item in extractions for event in item.events), EVENTS),
        rejected=rejected,
    )


def concat_batches(batches: Iterable[ExtractedTables]) -> ExtractedTables:
    parts = list(batches)
    return ExtractedTables(
        documents=pa.concat_tables([part.documents for part in parts] or [DOCUMENTS.empty_table()]),
        figures=pa.concat_tables([part.figures for part in parts] or [FIGURES.empty_table()]),
        sources=pa.concat_tables([part.sources for part in parts] or [SOURCES.empty_table()]),
        events=pa.concat_tables([part.events for part in parts] or [EVENTS.empty_table()]),
        rejected=[item for part in parts for item in part.rejected],
    )
