"""The flow on a Dask LocalCluster (prefect-dask) and on worker processes gives the same tables as the default runner."""

from __future__ import annotations

import shutil
from pathlib import Path

from flows.datasets import read_table
from flows.pipeline import run_pipeline
from flows.runners import api_server_for_workers, task_runner

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_dask_local_cluster_and_worker_processes_give_the_same_tables(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for article in SEEDS.glob("*.txt"):
        shutil.copy(article, seeds / article.name)
    (seeds / "business.txt").write_text("Acme cut 1,200 jobs last week after sales fell 8% to $2.1bn.\n")
    (seeds / "empty.txt").write_text("")

    threads = run_pipeline(seeds_dir=str(seeds), output_dir=str(tmp_path / "threads"), batch_size=1)
    on_dask = run_pipeline.with_options(task_runner=task_runner("dask", dask_workers=2))
    with api_server_for_workers():
        dask = on_dask(seeds_dir=str(seeds), output_dir=str(tmp_path / "dask"), batch_size=1)

    with api_server_for_workers():
        processes = run_pipeline.with_options(task_runner=task_runner("processes", dask_workers=2))(
            seeds_dir=str(seeds), output_dir=str(tmp_path / "processes"), batch_size=1,
        )

    assert threads.counts == dask.counts == processes.counts and threads.counts["documents"] == 2
    assert threads.batches == dask.batches == 3
    for name in ("documents", "figures", "sources", "events", "rejected_documents", "quarantine"):
        for runner in ("dask", "processes"):
            expected, actual = read_table(tmp_path / "threads", name), read_table(tmp_path / runner, name)
            if name == "documents":  # run metadata: each output folder records its own first ingestion
                expected, actual = expected.drop_columns(["ingested_at"]), actual.drop_columns(["ingested_at"])
            assert actual.equals(expected), (runner, name)
