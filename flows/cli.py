"""The ``newsfigures`` command: ``run`` (the Prefect pipeline) and ``extract`` (the engine alone)."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

_STARTED = time.perf_counter()

QUIET_OFFLINE = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
    "GX_ANALYTICS_ENABLED": "false",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_SERVER_LOGGING_LEVEL": "WARNING",
    "PREFECT_SERVER_REGISTER_BLOCKS_ON_START": "false",
    "DASK_LOGGING__DISTRIBUTED": "warning",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",  # a busy machine can take longer than the default 20s
}


def quiet_offline() -> None:
    """No telemetry, no chatter: set before Prefect or GX are imported (user settings win)."""
    for name, value in QUIET_OFFLINE.items():
        os.environ.setdefault(name, value)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsfigures", description="Turn news articles into tables of figures, sources and events."
    )
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("run", help="run the pipeline (Prefect flow) over a folder of articles")
    run.add_argument("--seeds", default="seeds",
                     help="folder of article files: a path or an fsspec URL such as s3://bucket/articles (default: seeds)")
    run.add_argument("--output", default="output",
                     help="folder for tables and report: a path or an fsspec URL (default: output)")
    run.add_argument("--batch-size", type=int, default=1000,
                     help="articles per batch task (ingest, extract, validate, stage) (default: 1000)")
    run.add_argument("--summary-json", type=Path, help="also write the run summary to this file as JSON")
    run.add_argument("-v", "--verbose", action="store_true", help="show Prefect's flow and task logs")
    run.add_argument("--full", action="store_true", help="extract every article again, not only new or changed ones")
    run.add_argument("--runner", choices=("threads", "processes", "dask"), default="threads",
                     help="where batch tasks run: threads of this process (default), worker processes, or a Dask cluster")
    run.add_argument("--dask-address", help="scheduler of an existing Dask cluster, e.g. tcp://10.0.0.5:8786 "
                     "(default with --runner dask: a LocalCluster started for the run)")
    run.add_argument("--dask-workers", "--workers", type=int, default=2,
                     help="worker processes for --runner processes or for the Dask LocalCluster (default: 2)")

    serve = commands.add_parser("serve", help="run the pipeline on a schedule (Prefect flow.serve)")
    serve.add_argument("--cron", default="0 * * * *", help='cron schedule (default: "0 * * * *", every hour)')
    serve.add_argument("--seeds", type=Path, default=Path("seeds"), help="folder of article files (default: seeds)")
    serve.add_argument("--output", type=Path, default=Path("output"), help="folder for tables and report (default: output)")
    serve.add_argument("--name", default="newsfigures-scheduled", help="deployment name (default: newsfigures-scheduled)")

    extract = commands.add_parser(
        "extract",
        help="extract from JSON Lines (file or stdin) to JSON Lines on stdout, without Prefect",
        description='Each input line: {"id": str, "text": str, "published_at": optional ISO date}. '
        'Each output line: {"id", "document_id", "figures", "sources", "events"} or {"id", "error"}.',
    )
    extract.add_argument("input", nargs="?", type=Path, help="JSON Lines file (default: stdin)")
    extract.add_argument("--text", help="extract from this text and print a readable table instead")
    extract.add_argument("--published-at", help="reference date for --text (ISO, e.g. 2025-02-01)")
    return parser


def _startup_seconds(inside: dict[str, float]) -> float:
    return round(time.perf_counter() - _STARTED - sum(inside.values()), 3)


def _print_summary(summary: object) -> None:
    from flows.summary import RunSummary

    assert isinstance(summary, RunSummary)
    counts = ", ".join(f"{count} {name}" for name, count in summary.counts.items())
    print(f"newsfigures run {summary.run_id}: {counts}")
    print(f"  articles: {summary.extracted_documents} new or changed, {summary.reused_documents} unchanged (reused), "
          f"{summary.removed_documents} removed")
    if summary.recovered_runs:
        print(f"  finished the commit of interrupted run(s) {', '.join(summary.recovered_runs)}")
    for item in summary.rejected:
        print(f"  rejected {item.uri} ({item.stage}): {item.error}")
    if summary.failed:
        print(f"  {len(summary.failed)} expectation(s) failed; {summary.quarantined_rows} row(s) quarantined:")
        for failure in summary.failed:
            rows = f"{failure.unexpected_count} row(s)" if failure.unexpected_count is not None else "table-level"
            examples = f" e.g. {', '.join(failure.example_row_ids)}" if failure.example_row_ids else ""
            print(f"    {failure.table_name}: {failure.description} [{failure.expectation}] — {rows}{examples}")
    else:
        print("  all expectations passed" + (" but for warnings" if summary.warnings else ""))
    for warning in summary.warnings:
        examples = f" e.g. {', '.join(warning.example_row_ids)}" if warning.example_row_ids else ""
        print(f"    warning, {warning.table_name}: {warning.description} — {warning.unexpected_count} row(s) kept{examples}")
    print(f"  tables in {summary.output}/ · quality report {summary.report or '(unchanged)'}")
    stages = " · ".join(f"{stage} {seconds:.2f}s" for stage, seconds in summary.seconds.items())
    startup = summary.seconds.get("start-up", 0.0)
    total = sum(summary.seconds.values())
    print(f"  time: {stages} · total {total:.1f}s, of which {startup:.1f}s start-up (imports, Prefect server)")
    if summary.batch_seconds:
        print(f"  in {summary.batches} batch(es), summed: "
              + " · ".join(f"{stage} {seconds:.2f}s" for stage, seconds in summary.batch_seconds.items()))


def _write_summary_json(summary: object, path: Path | None) -> None:
    if path is None:
        return
    import json

    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(summary.to_json_dict(), indent=2, default=str) + "\n", encoding="utf-8")  # type: ignore[attr-defined]


def _nothing_new(args: argparse.Namespace) -> object | None:
    """The summary of a run with nothing to read, extract or remove, found without starting Prefect or GX.

    None when there is work (or a commit to finish): then the flow runs.
    """
    from datetime import UTC, datetime
    from uuid import uuid4

    from flows import commit, incremental
    from flows.locking import exclusive_run
    from flows.storage import Store
    from flows.summary import nothing_new_summary

    started = time.perf_counter()
    seeds, output = Store(args.seeds), Store(args.output)
    if args.full or output.children(commit.STAGING):
        return None
    with exclusive_run(output):
        plan = incremental.plan_stores(seeds, output)
        if not plan.nothing_to_do:
            return None
        run_id = f"{datetime.now(UTC):%Y%m%dT%H%M%SZ}-{uuid4().hex[:6]}"
        return nothing_new_summary(run_id, plan, output, {"plan": round(time.perf_counter() - started, 3)})


def _run(args: argparse.Namespace) -> int:
    from flows.storage import Store

    if not Store(args.seeds).is_dir():
        print(f"newsfigures run: seeds folder {args.seeds} does not exist", file=sys.stderr)
        return 2
    from flows.locking import RunInProgress

    try:
        summary = _nothing_new(args)
    except RunInProgress as refusal:
        print(f"newsfigures run: {refusal}", file=sys.stderr)
        return 3
    if summary is not None:
        summary.seconds = {"start-up": _startup_seconds(summary.seconds), **summary.seconds}  # type: ignore[attr-defined]
        _write_summary_json(summary, args.summary_json)
        _print_summary(summary)
        return 0
    from flows.pipeline import run_pipeline
    from flows.runners import api_server_for_workers, task_runner

    runner = task_runner(args.runner, args.dask_address, args.dask_workers)
    flow = run_pipeline if runner is None else run_pipeline.with_options(task_runner=runner)
    try:
        with api_server_for_workers():
            summary = flow(seeds_dir=args.seeds, output_dir=args.output, batch_size=args.batch_size, full=args.full)
    except RunInProgress as refusal:
        print(f"newsfigures run: {refusal}", file=sys.stderr)
        return 3
    summary.seconds = {"start-up": _startup_seconds(summary.seconds), **summary.seconds}
    _write_summary_json(summary, args.summary_json)
    _print_summary(summary)
    return summary.exit_code


def _serve(args: argparse.Namespace) -> int:
    if not args.seeds.is_dir():
        print(f"newsfigures serve: seeds folder {args.seeds} does not exist", file=sys.stderr)
        return 2
    from flows.scheduling import prefect_server

    with prefect_server() as api_url:
        from flows.pipeline import run_pipeline

        print(f"newsfigures serve: {args.seeds.resolve()} → {args.output.resolve()} on cron {args.cron!r}; "
              f"Prefect API {api_url}; Ctrl+C stops", flush=True)
        run_pipeline.serve(
            name=args.name,
            cron=args.cron,
            parameters={"seeds_dir": str(args.seeds.resolve()), "output_dir": str(args.output.resolve())},
        )
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if getattr(args, "verbose", False):
        os.environ.setdefault("PREFECT_LOGGING_LEVEL", "INFO")
    quiet_offline()
    if args.command == "run":
        return _run(args)
    if args.command == "serve":
        return _serve(args)
    from flows.extract_command import extract_command

    return extract_command(args)


if __name__ == "__main__":
    sys.exit(main())
