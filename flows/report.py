"""The human-readable quality report: one self-contained HTML page, plus GX Data Docs made to work offline."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyarrow as pa
from jinja2 import Environment, PackageLoader, select_autoescape

from flows.validate import ValidationReport
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


def _column_counts(table: pa.Table, column: str) -> Counter[str]:
    return Counter("(none)" if value is None else str(value) for value in table[column].to_pylist())


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


def render_quality_page(
    *,
    run_id: str,
    run_time: str,
    seeds: str,
    tables: dict[str, pa.Table],
    report: ValidationReport,
    quarantine: list[dict[str, Any]],
    rejected: Iterable[RejectedDocument],
    history: pa.Table | None,
    data_docs: str | None,
) -> str:
    examples: dict[str, list[str]] = {}
    for row in quarantine:
        key = f"{row['table_name']}|{row['expectation']}|{row['column'] or ''}"
        if len(examples.setdefault(key, [])) < 5:
            examples[key].append(row["row_id"])
    undated = sum(1 for value in tables["documents"]["published_at"].to_pylist() if value is None)
    notes = []
    if undated:
        notes.append(
            f"{undated} document(s) have no published_at: their relative dates (\"last week\", \"on Friday\") stay unresolved."
        )
    environment = Environment(loader=PackageLoader("flows", "templates"), autoescape=select_autoescape(["html", "j2"]))
    return environment.get_template("quality.html.j2").render(
        run_id=run_id,
        run_time=run_time,
        seeds=seeds,
        counts={name: table.num_rows for name, table in tables.items()}
        | {"quarantined": len({(r["table_name"], r["row_id"]) for r in quarantine})},
        outcomes=report.outcomes,
        failed=report.failed,
        quarantined_rows=len({(r["table_name"], r["row_id"]) for r in quarantine}),
        examples=examples,
        rejected=list(rejected),
        notes=notes,
        charts=[
            ("Figures by dimension", _bars(_column_counts(tables["figures"], "dimension"))),
            ("Figures by category", _bars(_column_counts(tables["figures"], "category"))),
            ("Sources by kind", _bars(_column_counts(tables["sources"], "kind"))),
            ("Events by type", _bars(_column_counts(tables["events"], "event_type"))),
        ],
        history=failure_history(history),
        data_docs=data_docs,
    )


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
