"""The human-readable quality report: one self-contained HTML page, plus GX Data Docs made to work offline."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
from jinja2 import Environment, PackageLoader, select_autoescape

from flows import datasets
from flows.storage import Store
from transforms.records import RejectedDocument

# <script src="https://cdn…"></script> and <link href="https://cdn…" …>: assets Data Docs fetch from the network.
_REMOTE_SCRIPT = re.compile(r"<script[^>]*\bsrc=\"https?://[^\"]*\"[^>]*>\s*</script>", re.IGNORECASE)
_REMOTE_LINK = re.compile(r"<link[^>]*\bhref=\"https?://[^\"]*\"[^>]*>", re.IGNORECASE)
_REMOTE_IMAGE = re.compile(r"<img[^>]*\bsrc=\"https?://[^\"]*\"[^>]*>", re.IGNORECASE)
# url('https://…/logo.png') in inline and static CSS.
_REMOTE_CSS_URL = re.compile(r"url\(\s*['\"]?https?://[^)]*\)", re.IGNORECASE)
_OFFLINE_CSS = """body{font:14px/1.5 system-ui,sans-serif;margin:0 auto;max-width:1200px;padding:16px;color:#1f2328}
table{border-collapse:collapse}td,th{border:1px solid #d0d7de;padding:4px 6px;vertical-align:top}
.text-danger{color:#cf222e}.text-success{color:#1a7f37}.navbar,.sticky,.ge-training-container,footer{display:none}
.fa-check-circle::before{content:"\\2714"}.fa-times::before{content:"\\2718"}.fas{font-style:normal;font-weight:bold}
"""


def _bars(counter: Counter[str], limit: int = 12) -> list[tuple[str, int, float]]:
    top = counter.most_common(limit)
    peak = max((count for _label, count in top), default=0) or 1
    return [(label, count, round(100 * count / peak, 1)) for label, count in top]


def _value_counts(values: pa.Array | pa.ChunkedArray, counts: Counter[str]) -> Counter[str]:
    """Add each value's count (nulls as "(none)"), counted by Arrow, never as one Python object per row."""
    for item in pc.value_counts(values).to_pylist():
        value = item["values"]
        counts["(none)" if value is None else str(value)] += item["counts"]
    return counts


def _column_counts(table: pa.Table, column: str) -> Counter[str]:
    return _value_counts(table[column], Counter())


def failure_history(history: pa.Table | None, limit: int = 10) -> list[tuple[str, int, float]]:
    """(run id, failed expectations) for the most recent runs, oldest first."""
    if history is None or history.num_rows == 0:
        return []
    runs: dict[str, tuple[Any, int]] = {}
    for run_id, run_time, success in zip(
        history["run_id"].to_pylist(), history["run_time"].to_pylist(), history["success"].to_pylist(), strict=True
    ):
        time, failed = runs.get(run_id, (run_time, 0))
        runs[run_id] = (time, failed + (0 if success else 1))
    recent = sorted(runs.items(), key=lambda item: item[1][0])[-limit:]
    peak = max((failed for _run, (_time, failed) in recent), default=0) or 1
    return [(run_id, failed, round(100 * max(failed, 0.02 * peak) / peak, 1)) for run_id, (_time, failed) in recent]


# The columns the report charts: (table, column, chart title).
CHARTED = (
    ("figures", "dimension", "Figures by dimension"),
    ("figures", "category", "Figures by category"),
    ("sources", "kind", "Sources by kind"),
    ("events", "event_type", "Events by type"),
)


@dataclass(slots=True)
class DatasetProfile:
    """What the published tables hold: row counts, the charted columns' values, undated documents."""

    counts: dict[str, int]
    columns: dict[str, Counter[str]] = field(default_factory=dict)  # "figures.dimension" → value counts
    undated: int = 0


def profile_tables(tables: dict[str, pa.Table]) -> DatasetProfile:
    """Profile of tables held in memory."""
    return DatasetProfile(
        counts={name: tables[name].num_rows for name in ("documents", "figures", "sources", "events")},
        columns={f"{table}.{column}": _column_counts(tables[table], column) for table, column, _title in CHARTED},
        undated=tables["documents"]["published_at"].null_count,
    )


def profile_datasets(output: Store) -> DatasetProfile:
    """Profile of the published tables, reading only the charted columns."""
    counts = {name: datasets.count_rows(output, name) for name in ("documents", "figures", "sources", "events")}
    columns = {f"{table}.{column}": Counter[str]() for table, column, _title in CHARTED}
    for table, column, _title in CHARTED:  # batch by batch: memory stays flat however large the tables grow
        for batch in datasets.scan_column(output, table, column):
            _value_counts(batch, columns[f"{table}.{column}"])
    undated = sum(batch.null_count for batch in datasets.scan_column(output, "documents", "published_at"))
    return DatasetProfile(counts=counts, columns=columns, undated=undated)


def render_quality_page(
    *,
    run_id: str,
    run_time: str,
    seeds: str,
    profile: DatasetProfile,
    outcomes: list[Any],
    quarantined_rows: int,
    examples: dict[str, list[str]],
    rejected: Iterable[RejectedDocument],
    history: pa.Table | None,
    data_docs: str | None,
) -> str:
    """The page. ``outcomes`` are the run's expectation results (anything with ExpectationOutcome's fields);
    ``examples`` maps "table|expectation|column" to example ids of quarantined rows."""
    notes = []
    if profile.undated:
        notes.append(
            f"{profile.undated} document(s) have no published_at: their relative dates (\"last week\", \"on Friday\") "
            "stay unresolved."
        )
    if not outcomes:
        notes.append("Nothing new was extracted in this run, so no rows were validated; the tables are unchanged.")
    environment = Environment(loader=PackageLoader("flows", "templates"), autoescape=select_autoescape(["html", "j2"]))
    return environment.get_template("quality.html.j2").render(
        run_id=run_id,
        run_time=run_time,
        seeds=seeds,
        counts=profile.counts | {"quarantined (this run)": quarantined_rows},
        outcomes=outcomes,
        failed=[o for o in outcomes if not o.success and o.severity == "critical"],
        warnings=[o for o in outcomes if not o.success and o.severity != "critical"],
        quarantined_rows=quarantined_rows,
        examples=examples,
        rejected=list(rejected),
        notes=notes,
        charts=[(title, _bars(profile.columns.get(f"{table}.{column}", Counter()))) for table, column, title in CHARTED],
        history=failure_history(history),
        data_docs=data_docs,
    )


def quarantine_examples(quarantine: list[dict[str, Any]], limit: int = 5) -> dict[str, list[str]]:
    """Example row ids per failed check ("table|expectation|column"), from quarantine rows."""
    examples: dict[str, list[str]] = {}
    for row in quarantine:
        ids = examples.setdefault(f"{row['table_name']}|{row['expectation']}|{row['column'] or ''}", [])
        if len(ids) < limit and row["row_id"] not in ids:
            ids.append(row["row_id"])
    return examples


def make_data_docs_offline(site_dir: Path) -> None:
    """Drop the CDN scripts, stylesheets and images GX pages load, and use one local stylesheet instead."""
    stylesheet = site_dir / "static" / "styles" / "offline.css"
    stylesheet.parent.mkdir(parents=True, exist_ok=True)
    stylesheet.write_text(_OFFLINE_CSS, encoding="utf-8")
    for page in site_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        html = _REMOTE_SCRIPT.sub("", html)
        html = _REMOTE_IMAGE.sub("", html)
        relative = Path(*[".."] * (len(page.relative_to(site_dir).parts) - 1), "static/styles/offline.css").as_posix()
        html = _REMOTE_LINK.sub("", html).replace("</head>", f'<link rel="stylesheet" href="{relative}">\n</head>', 1)
        page.write_text(_REMOTE_CSS_URL.sub("none", html), encoding="utf-8")
    for css in site_dir.rglob("*.css"):
        css.write_text(_REMOTE_CSS_URL.sub("none", css.read_text(encoding="utf-8")), encoding="utf-8")
