"""The Prefect flow: plan → batches (ingest → extract → validate → stage) → publish → check → report.

Each task wraps one plain function from ``flows/``; the flow only wires them. Rows live only inside a
batch task; the flow folds the batches' small outcomes together and commits their staged files at once.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from uuid import uuid4

from prefect import flow, task, unmapped
from prefect.cache_policies import NO_CACHE
from prefect.futures import as_completed

from flows import commit, datasets, incremental
from flows.batch import CheckOutcome, process_batch
from flows.dataset_checks import check_published
from flows.faults import checkpoint
from flows.locking import exclusive_run
from flows.progress import tracked
from flows.publish import drop_from_staged_part, quality_table, stage_publication, stage_quality
from flows.reconcile import Reconciled, RunTally, reconcile
from flows.stage_clock import StageClock
from flows.report_writer import data_docs_files, write_report
from flows.storage import Store
from flows.summary import FailedExpectation, RunSummary, nothing_new_summary
from transforms.records import RejectedDocument

DEFAULT_BATCH_SIZE = 1000
IO_RETRY_DELAY_SECONDS = 2.0


def _retry_on_io_error(_task: Any, _task_run: Any, state: Any) -> bool:
    """Retry a task only when it failed on I/O (a flaky disk or object store), never on a bug."""
    try:
        state.result()
    except OSError:
        return True
    except Exception:  # noqa: BLE001 - anything else is not transient
        return False
    return False


@task(name="batch", cache_policy=NO_CACHE, retry_condition_fn=_retry_on_io_error)
def batch_task(index: int, files: list[incremental.SeedFile], seeds: Store, output: Store, run_id: str,
               run_time: datetime, engine_version: str) -> Any:
    return process_batch(index, files, seeds, output, run_id, run_time, engine_version, keep_gx_results=index == 0)


@task(name="publish", cache_policy=NO_CACHE, retry_condition_fn=_retry_on_io_error)
def publish_task(
    output: Store, run_id: str, run_time: datetime, result: Reconciled, checks: list[CheckOutcome]
) -> list[CheckOutcome]:
    """Stage, check the dataset as it will be, record the run's quality, commit; the dataset checks."""
    for part, document_ids in result.duplicates_in_staged.items():
        drop_from_staged_part(output, run_id, part, document_ids)
    journal = stage_publication(output, run_id, result.new_parts, result.leaving, result.manifest, result.rejected)
    dataset_checks = check_published(output, journal)
    stage_quality(output, journal, quality_table(_quality_rows([*checks, *dataset_checks]), run_id, run_time), run_time)
    commit.commit(output, journal)
    return dataset_checks


@task(name="data-docs", cache_policy=NO_CACHE)
def data_docs_task(gx_results: dict[str, dict[str, Any]], run_id: str) -> dict[str, bytes]:
    return data_docs_files(gx_results, run_id)


@task(name="report", cache_policy=NO_CACHE)
def report_task(output: Store, seeds: Store, run_id: str, run_time: datetime, tally: RunTally,
                checks: list[CheckOutcome], rejected: list[RejectedDocument],
                data_docs_pages: dict[str, bytes] | None) -> str:
    return write_report(output, seeds, run_id, run_time, tally, checks, rejected, data_docs_pages)


def _quality_rows(checks: list[CheckOutcome]) -> list[dict[str, Any]]:
    return [
        {"table_name": c.table_name, "expectation": c.expectation, "column": c.column, "success": c.success,
         "severity": c.severity, "element_count": c.element_count, "unexpected_count": c.unexpected_count,
         "unexpected_percent": c.unexpected_percent, "exception": c.exception}
        for c in checks
    ]


def _failed(checks: list[CheckOutcome], examples: dict[str, list[str]], severity: str) -> list[FailedExpectation]:
    return [
        FailedExpectation(c.table_name, c.expectation, c.column, c.description, c.unexpected_count,
                          examples.get(f"{c.table_name}|{c.expectation}|{c.column or ''}", [])[:5])
        for c in checks if not c.success and (c.severity == "critical") == (severity == "critical")
    ]


@flow(name="newsfigures-run", log_prints=False)
def run_pipeline(
    seeds_dir: str = "seeds", output_dir: str = "output", batch_size: int = DEFAULT_BATCH_SIZE, full: bool = False,
    io_retries: int = 2,
) -> RunSummary:
    """Extract figures, sources and events from every article under ``seeds_dir`` into ``output_dir``.

    Both may be local folders or fsspec URLs (``memory://…``, ``s3://…``). Only new or changed articles
    are read and extracted unless ``full`` (see ``flows/incremental.py``).
    """
    clock = StageClock()
    seeds, output = Store(seeds_dir), Store(output_dir)
    with exclusive_run(output):
        recovered, _discarded = commit.recover(output)
        run_time = datetime.now(UTC).replace(microsecond=0)
        run_id = f"{run_time:%Y%m%dT%H%M%SZ}-{uuid4().hex[:6]}"
        run_plan = incremental.plan_stores(seeds, output, full)
        clock.lap("plan")
        if run_plan.nothing_to_do and not recovered:
            return nothing_new_summary(run_id, run_plan, output, clock.seconds)

        retrying = {"retries": io_retries, "retry_delay_seconds": IO_RETRY_DELAY_SECONDS}
        files = run_plan.to_read
        file_batches = [files[i : i + batch_size] for i in range(0, len(files), batch_size)]
        futures = batch_task.with_options(**retrying).map(
            list(range(len(file_batches))), file_batches, unmapped(seeds), unmapped(output), unmapped(run_id),
            unmapped(run_time), unmapped(incremental.engine_version()),
        )
        tally = RunTally()
        for future in tracked(as_completed(futures), len(file_batches), "batches"):
            tally.add(future.result())
            future._final_state = None  # the outcome is folded in; let it go
        checkpoint("staged")
        clock.lap("batches")

        # Data Docs are built on the task runner, where GX is loaded already, while the flow publishes.
        data_docs = data_docs_task.submit(tally.gx_results[2], run_id) if tally.gx_results else None
        result = reconcile(run_plan, tally)
        checks = list(tally.checks.values())
        checks += publish_task.with_options(**retrying)(output, run_id, run_time, result, checks)
        clock.lap("publish")
        pages = data_docs.result() if data_docs is not None else None
        index = report_task(output, seeds, run_id, run_time, tally, checks, result.rejected, pages)
        clock.lap("report")

        return RunSummary(
            run_id=run_id,
            counts={**{name: datasets.count_rows(output, name) for name in ("documents", "figures", "sources", "events")},
                    "rejected_documents": len(result.rejected)},
            failed=_failed(checks, tally.examples, "critical"),
            warnings=_failed(checks, tally.examples, "warning"),
            rejected=result.rejected,
            quarantined_rows=tally.quarantined_rows,
            report=index,
            output=output.url,
            seconds=clock.seconds,
            batch_seconds=tally.seconds,
            batches=len(file_batches),
            extracted_documents=result.extracted_documents,
            reused_documents=result.reused_documents,
            removed_documents=result.removed_documents,
            recovered_runs=recovered,
        )
