"""Columns derived only for validation, and the id sets that foreign-key expectations check against."""

from __future__ import annotations

import hashlib
from typing import Any

import pyarrow as pa


def _texts_by_document(tables: dict[str, pa.Table]) -> dict[str, str]:
    documents = tables["documents"]
    return dict(zip(documents["document_id"].to_pylist(), documents["text"].to_pylist(), strict=True))


def _spans(table: pa.Table, texts: dict[str, str]) -> tuple[list[str | None], list[bool]]:
    """Text found at each row's (start, end), and whether that span lies inside its document."""
    at_span: list[str | None] = []
    in_text: list[bool] = []
    columns = (table[name].to_pylist() for name in ("document_id", "start", "end"))
    for document_id, start, end in zip(*columns, strict=True):
        text = texts.get(document_id)
        inside = text is not None and start is not None and end is not None and 0 <= start < end <= len(text)
        in_text.append(inside)
        at_span.append(text[start:end] if inside else None)
    return at_span, in_text


def derive_check_columns(table_name: str, tables: dict[str, pa.Table]) -> pa.Table:
    """The table plus the columns its suite checks: ``text_at_span``/``span_in_text`` or ``text_sha256_of_text``."""
    table = tables[table_name]
    if table_name == "documents":
        digests = [hashlib.sha256(text.encode("utf-8")).hexdigest() for text in table["text"].to_pylist()]
        return table.drop_columns(["text"]).append_column("text_sha256_of_text", pa.array(digests, pa.string()))
    at_span, in_text = _spans(table, _texts_by_document(tables))
    table = table.append_column("text_at_span", pa.array(at_span, pa.string()))
    return table.append_column("span_in_text", pa.array(in_text, pa.bool_()))


def suite_parameters(tables: dict[str, pa.Table]) -> dict[str, Any]:
    """Values the suites refer to as ``{"$PARAMETER": name}``: the ids every foreign key must resolve to."""
    return {
        "document_ids": tables["documents"]["document_id"].to_pylist(),
        "figure_ids": tables["figures"]["figure_id"].to_pylist(),
        "source_ids": tables["sources"]["source_id"].to_pylist(),
        "event_ids": tables["events"]["event_id"].to_pylist(),
    }
