"""Writing the run's quality report (``quality/index.html``), its GX Data Docs and its Prefect artifacts."""

from __future__ import annotations

import shutil
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any

from prefect.artifacts import create_markdown_artifact, create_table_artifact

from flows import datasets
from flows.report import make_data_docs_offline, profile_datasets, render_quality_page
from flows.storage import Store
from transforms.records import RejectedDocument


def data_docs_files(gx_results: dict[str, dict[str, Any]], run_id: str) -> dict[str, bytes]:
    """GX Data Docs of one batch's validation results, made offline: relative path → content.

    Runs where GX is already loaded (a batch worker), so the flow's own process never imports GX;
    the pages come back as bytes because a worker may not share the flow's disk.
    """
    from flows.validate import build_data_docs

    with tempfile.TemporaryDirectory(prefix="newsfigures-gx-") as folder:
        site = Path(folder) / "gx"
        site.mkdir()
        build_data_docs(gx_results, site, run_id)
        make_data_docs_offline(site)
        return {path.relative_to(site).as_posix(): path.read_bytes() for path in site.rglob("*") if path.is_file()}


def _data_docs(pages: dict[str, bytes] | None, gx_dir: Path, output: Store) -> str | None:
    """Write this run's Data Docs when it validated anything; otherwise keep the last run's. The link, or None."""
    if pages is None:
        return "gx/index.html" if output.exists("quality/gx/index.html") else None
    shutil.rmtree(gx_dir, ignore_errors=True)
    for relative, content in pages.items():
        path = gx_dir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return "gx/index.html"


def write_report(
    output: Store, seeds: Store, run_id: str, run_time: datetime, tally: Any, checks: list[Any],
    rejected: list[RejectedDocument], data_docs_pages: dict[str, bytes] | None,
) -> str:
    """Render the page from the folded batch outcomes, the published tables and ``data_docs_files``' pages."""
    quality_dir = Path(output.local_path("quality")) if output.is_local else Path(tempfile.mkdtemp(prefix="quality-"))
    quality_dir.mkdir(parents=True, exist_ok=True)
    data_docs = _data_docs(data_docs_pages, quality_dir / "gx", output)
    profile = profile_datasets(output)
    page = render_quality_page(
        run_id=run_id,
        run_time=run_time.isoformat(timespec="seconds"),
        seeds=seeds.url,
        profile=profile,
        outcomes=checks,
        quarantined_rows=tally.quarantined_rows,
        examples=tally.examples,
        rejected=rejected,
        history=datasets.read_table(output, "quality_results", ["run_id", "run_time", "success"]),
        data_docs=data_docs,
    )
    index = quality_dir / "index.html"
    temporary = index.with_name(".index.html.tmp")
    temporary.write_text(page, encoding="utf-8")
    temporary.replace(index)
    if not output.is_local:
        output.fs.put(str(quality_dir), output.full("quality"), recursive=True)
        shutil.rmtree(quality_dir, ignore_errors=True)
    location = output.full("quality/index.html")
    _publish_artifacts(profile.counts, checks, len(rejected), location)
    return location


def _publish_artifacts(counts: dict[str, int], checks: list[Any], rejected: int, index: str) -> None:
    """The run's quality at a glance, for users who look at runs in a Prefect server's UI."""
    failed_checks = [c for c in checks if not c.success]
    listed = " · ".join(f"{name}: {count}" for name, count in counts.items())
    failed = "\n".join(
        f"- **{c.table_name}**: {c.description} (`{c.expectation}`) — {c.unexpected_count} row(s)" for c in failed_checks
    )
    verdict = f"{len(failed_checks)} expectation(s) failed:\n{failed}" if failed_checks else "All expectations passed."
    create_markdown_artifact(
        markdown=f"# newsfigures run\n{listed} · rejected documents: {rejected}\n\n{verdict}\n\nReport: `{index}`",
        key="newsfigures-quality",
        description="Data quality of the run",
    )
    create_table_artifact(
        table=[
            {"table": c.table_name, "check": c.description, "success": c.success, "failing_rows": c.unexpected_count}
            for c in checks
        ],
        key="newsfigures-expectations",
        description="Every expectation of the run",
    )
