"""Columns derived only for validation: text at spans, pairs, unit checks, key resolution, plausibility."""

from __future__ import annotations

import hashlib
import math
from functools import cache

import pyarrow as pa
import pyarrow.compute as pc

from flows import plausibility
from flows.tables import FOREIGN_KEYS, TABLES
from transforms.units import to_si, unit_has_dimension

_NULL_BOOL = pa.scalar(None, pa.bool_())


@cache
def _unit_has_dimension(unit: str, dimension: str) -> bool | None:
    """pint's answer, asked once per (unit, dimension) pair rather than once per figure."""
    return unit_has_dimension(unit, dimension)


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


def _paired(figures: pa.Table) -> tuple[list[float | None], list[float | None]]:
    """value and value_si of each figure's paired figure (None where unpaired or dangling)."""
    by_id = {
        figure_id: (value, value_si)
        for figure_id, value, value_si in zip(
            figures["figure_id"].to_pylist(), figures["value"].to_pylist(), figures["value_si"].to_pylist(), strict=True
        )
    }
    partners = [by_id.get(paired, (None, None)) for paired in figures["paired_figure_id"].to_pylist()]
    return [value for value, _si in partners], [value_si for _value, value_si in partners]


def _unit_checks(figures: pa.Table) -> tuple[list[bool | None], list[bool | None]]:
    """Per figure with a unit of measure: does pint give the unit the figure's dimension, and is
    value_si = value converted to base units?

    None where the dimension is not one of measure (counts, dates, scores) or there is no value.
    """
    dimension_matches: list[bool | None] = []
    si_matches: list[bool | None] = []
    columns = (figures[name].to_pylist() for name in ("unit", "dimension", "value", "value_si", "si_unit"))
    for unit, dimension, value, value_si, si_unit in zip(*columns, strict=True):
        matches = _unit_has_dimension(unit, dimension) if unit and dimension else None
        dimension_matches.append(matches)
        if not matches or value is None or value_si is None:
            si_matches.append(None)
            continue
        expected_si, expected_si_unit = to_si(value, unit)
        si_matches.append(
            expected_si_unit == si_unit and math.isclose(expected_si or 0.0, value_si, rel_tol=1e-9, abs_tol=1e-12)
        )
    return dimension_matches, si_matches


def key_resolution(table_name: str, tables: dict[str, pa.Table]) -> dict[str, pa.Array]:
    """``<column>_resolves`` for each foreign key of the table: True where the key is a row of the table it
    refers to, False where it dangles, null where the key itself is null (an optional key left empty)."""
    table = tables[table_name]
    columns: dict[str, pa.Array] = {}
    for owner, column, target in FOREIGN_KEYS:
        if owner != table_name:
            continue
        keys = table[column]
        known = tables[target][TABLES[target][1]]
        resolves = pc.is_in(keys, value_set=known.combine_chunks() if isinstance(known, pa.ChunkedArray) else known)
        columns[f"{column}_resolves"] = pc.if_else(pc.is_null(keys), _NULL_BOOL, resolves)
    return columns


def derive_check_columns(table_name: str, tables: dict[str, pa.Table]) -> pa.Table:
    """The table plus the columns its suite checks (see each suite's column list)."""
    table = tables[table_name]
    if table_name == "documents":
        digests = [hashlib.sha256(text.encode("utf-8")).hexdigest() for text in table["text"].to_pylist()]
        return table.drop_columns(["text"]).append_column("text_sha256_of_text", pa.array(digests, pa.string()))
    at_span, in_text = _spans(table, _texts_by_document(tables))
    table = table.append_column("text_at_span", pa.array(at_span, pa.string()))
    table = table.append_column("span_in_text", pa.array(in_text, pa.bool_()))
    for name, resolves in key_resolution(table_name, tables).items():
        table = table.append_column(name, resolves)
    if table_name == "figures":
        paired_value, paired_value_si = _paired(table)
        dimension_matches, si_matches = _unit_checks(table)
        table = table.append_column("paired_value", pa.array(paired_value, pa.float64()))
        table = table.append_column("paired_value_si", pa.array(paired_value_si, pa.float64()))
        table = table.append_column("unit_dimension_matches", pa.array(dimension_matches, pa.bool_()))
        table = table.append_column("value_si_matches", pa.array(si_matches, pa.bool_()))
        whole_value, part_ok = plausibility.part_within_whole(table)
        table = table.append_column("whole_value", pa.array(whole_value, pa.float64()))
        table = table.append_column("part_within_whole", pa.array(part_ok, pa.bool_()))
        table = table.append_column("percentage_in_range", pa.array(plausibility.percentage_in_range(table), pa.bool_()))
        table = table.append_column("duration_positive", pa.array(plausibility.duration_positive(table), pa.bool_()))
        not_future = plausibility.date_not_after_publication(table, tables["documents"])
        table = table.append_column("date_not_after_publication", pa.array(not_future, pa.bool_()))
    return table
