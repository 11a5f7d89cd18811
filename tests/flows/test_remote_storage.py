"""Seeds and output as fsspec URLs: the real flow over memory:// reads, writes and re-reads its tables."""

from __future__ import annotations

from pathlib import Path

import duckdb
import fsspec

from flows.datasets import read_table
from flows.pipeline import run_pipeline
from flows.storage import Store

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_the_flow_runs_on_memory_urls(tmp_path):
    memory = fsspec.filesystem("memory")
    for article in SEEDS.glob("*.txt"):
        memory.pipe_file(f"/nf-seeds/{article.name}", article.read_bytes())
    memory.pipe_file("/nf-seeds/empty.txt", b"")

    summary = run_pipeline(seeds_dir="memory://nf-seeds", output_dir="memory://nf-output")
    assert summary.counts["documents"] == 1 and summary.counts["figures"] > 0
    assert [item.uri for item in summary.rejected] == ["empty.txt"]
    assert memory.exists("/nf-output/quality/index.html")
    assert not memory.exists("/nf-output/_staging") or not memory.ls("/nf-output/_staging")

    figures = read_table(Store("memory://nf-output"), "figures")
    assert figures.num_rows == summary.counts["figures"]
    with duckdb.connect() as connection:
        connection.register_filesystem(memory)
        [(rows,)] = connection.sql(
            "select count(*) from read_parquet('memory://nf-output/figures/**/*.parquet', hive_partitioning=true)"
        ).fetchall()
    assert rows == figures.num_rows

    again = run_pipeline(seeds_dir="memory://nf-seeds", output_dir="memory://nf-output")
    assert (again.extracted_documents, again.reused_documents, again.batches) == (0, 1, 0)
