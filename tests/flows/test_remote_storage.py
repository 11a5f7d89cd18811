"""Seeds and output as fsspec URLs: the real flow over memory:// reads, writes and re-reads its tables."""

from __future__ import annotations

from pathlib import Path

import duckdb
import fsspec

from flows.datasets import read_table
from flows.pipeline import run_pipeline
from flows.storage import Store

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def duckdb_row_count(filesystem: fsspec.AbstractFileSystem, table_url: str) -> int:
    """Rows of a published table as DuckDB reads it, through the given fsspec file system, as one Hive dataset."""
    with duckdb.connect() as connection:
        connection.register_filesystem(filesystem)
        [(rows,)] = connection.sql(
            f"select count(*) from read_parquet('{table_url}/**/*.parquet', hive_partitioning=true)"
        ).fetchall()
    return rows


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
    assert duckdb_row_count(memory, "memory://nf-output/figures") == figures.num_rows

    again = run_pipeline(seeds_dir="memory://nf-seeds", output_dir="memory://nf-output")
    assert (again.extracted_documents, again.reused_documents, again.batches) == (0, 1, 0)


def test_the_flow_runs_on_s3_urls(tmp_path, monkeypatch):
    """Against a real S3 API (moto's server on localhost), through s3fs: seeds read from a bucket, tables
    written to another prefix, read back by DuckDB through the same file system, and a second run reuses them."""
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0)
    server.start()
    try:
        host, port = server.get_host_and_port()
        for name, value in {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
                            "AWS_DEFAULT_REGION": "us-east-1"}.items():
            monkeypatch.setenv(name, value)
        monkeypatch.setitem(fsspec.config.conf, "s3", {"endpoint_url": f"http://{host}:{port}"})
        s3 = fsspec.filesystem("s3", skip_instance_cache=True)
        s3.mkdir("nf-bucket")
        for article in SEEDS.glob("*.txt"):
            s3.pipe_file(f"nf-bucket/seeds/{article.name}", article.read_bytes())

        summary = run_pipeline(seeds_dir="s3://nf-bucket/seeds", output_dir="s3://nf-bucket/output")
        assert summary.counts["documents"] == 1 and summary.counts["figures"] > 0 and not summary.failed
        assert s3.exists("nf-bucket/output/quality/index.html")
        figures = read_table(Store("s3://nf-bucket/output"), "figures")
        assert figures.num_rows == summary.counts["figures"]
        assert duckdb_row_count(fsspec.filesystem("s3", skip_instance_cache=True), "s3://nf-bucket/output/figures") \
            == figures.num_rows

        again = run_pipeline(seeds_dir="s3://nf-bucket/seeds", output_dir="s3://nf-bucket/output")
        assert (again.extracted_documents, again.reused_documents, again.batches) == (0, 1, 0)
    finally:
        server.stop()
