"""``newsfigures extract``: the pure engine over JSON Lines, with no Prefect and no GX."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from datetime import date, datetime
from typing import Any, TextIO

from transforms.documents import DocumentError, build_document
from transforms.extract import extract
from transforms.records import Extraction


def _json_default(value: object) -> str:
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"cannot serialise {type(value).__name__}")


def extraction_record(line_id: str, extraction: Extraction) -> dict[str, Any]:
    return {
        "id": line_id,
        "document_id": extraction.document.document_id,
        "figures": [asdict(figure) for figure in extraction.figures],
        "sources": [asdict(source) for source in extraction.sources],
        "events": [asdict(event) for event in extraction.events],
    }


def extract_line(line: str, line_number: int) -> dict[str, Any]:
    """One input line → one output record; a bad line gives an error record naming the line and the reason."""
    try:
        item = json.loads(line)
    except json.JSONDecodeError as error:
        return {"id": None, "line": line_number, "error": f"line {line_number} is not valid JSON: {error.msg}"}
    if not isinstance(item, dict):
        return {"id": None, "line": line_number, "error": f"line {line_number} is not a JSON object"}
    line_id = item.get("id")
    text = item.get("text")
    if not isinstance(line_id, str) or not isinstance(text, str):
        return {"id": line_id, "line": line_number, "error": "each line needs a string \"id\" and a string \"text\""}
    try:
        document = build_document(line_id, text, {"published_at": item.get("published_at")})
        return extraction_record(line_id, extract(document))
    except DocumentError as error:
        return {"id": line_id, "line": line_number, "error": error.reason}
    except Exception as error:  # noqa: BLE001 - one bad line never stops the others
        return {"id": line_id, "line": line_number, "error": f"extraction failed: {type(error).__name__}: {error}"}


def extract_lines(lines: Iterable[bytes]) -> Iterator[dict[str, Any]]:
    """Records for each non-blank line; a line that is not UTF-8 gets an error record of its own."""
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            yield {"id": None, "line": number, "error": f"line {number} is not UTF-8 (byte offset {error.start})"}
            continue
        yield extract_line(line, number)


def _print_table(extraction: Extraction, out: TextIO) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{len(extraction.figures)} figures")
    for column in ("surface", "value", "qualifier", "unit", "dimension", "entity", "category", "dates", "rule"):
        table.add_column(column)
    for figure in extraction.figures:
        dates = f"{figure.date_start or ''}…{figure.date_end or ''}" if figure.date_start or figure.date_end else ""
        value = "" if figure.value is None else f"{figure.value:g}"
        table.add_row(figure.surface, value, figure.qualifier, figure.unit or "", figure.dimension,
                      figure.entity or "", figure.category or "", dates, figure.rule)
    console = Console(file=out, width=160, markup=False, highlight=False)
    console.print(table)
    for source in extraction.sources:
        via = f" via {source.via_source_id}" if source.via_source_id else ""
        console.print(f"source [{source.source_id}] {source.name} ({source.kind}, {source.attribution}){via}")
    for event in extraction.events:
        console.print(f"event  [{event.event_id}] {event.event_type} «{event.trigger}» {event.modality} "
                      f"actor={event.actor} target={event.target} location={event.location} time={event.time_text}")


def extract_command(args: argparse.Namespace, out: TextIO = sys.stdout) -> int:
    if args.text is not None:
        try:
            document = build_document("text", args.text, {"published_at": args.published_at})
        except DocumentError as error:
            print(f"newsfigures extract: {error.reason}", file=sys.stderr)
            return 2
        _print_table(extract(document), out)
        return 0
    if args.input is not None:
        try:
            source = open(args.input, "rb")  # noqa: SIM115 - closed below
        except OSError as error:
            print(f"newsfigures extract: cannot read {args.input}: {error.strerror}", file=sys.stderr)
            return 2
    else:
        source = sys.stdin.buffer
    with source:
        for record in extract_lines(source):
            out.write(json.dumps(record, default=_json_default, ensure_ascii=False) + "\n")
    return 0
