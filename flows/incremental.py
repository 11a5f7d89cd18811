"""Incremental runs: only new or changed articles are read and extracted.

The plan comes from two small tables, never from the text or the other tables:

- ``_state/manifest.parquet``: per seed file, its size and modification time when last read, the
  versions it was processed with, and what it became (a document id, or a rejection and its reason);
- the index of published documents (``flows/datasets.read_index``): document id, uri, engine version,
  first ingestion and the part holding its rows.

A file whose size, modification time and versions match its manifest entry is not even opened: its
document stays published where it is (or its rejection stands). Any other file is read; if its text
turns out to be the one already published from it with the same versions, it is not extracted again.
The versions are the engine's (a hash of ``transforms/``) and the checks' (a hash of the suites and of
the code deriving their columns): a change to either extracts and validates everything again. The
tables mirror the seeds folder: a changed article replaces its rows, and a document no file holds any
more leaves the tables.
"""

from __future__ import annotations

import hashlib
import importlib.util
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from pathlib import Path

import pyarrow as pa

from flows.datasets import MANIFEST, read_index
from flows.ingest import list_seed_files
from flows.storage import FileStat, Store
from flows.tables import from_rows
from transforms.records import RejectedDocument

MANIFEST_SCHEMA = pa.schema([
    pa.field("path", pa.string(), nullable=False),
    pa.field("size", pa.int64(), nullable=False),
    pa.field("changed", pa.string(), nullable=False),
    pa.field("versions", pa.string(), nullable=False),
    pa.field("document_id", pa.string()),
    pa.field("rejected_stage", pa.string()),
    pa.field("rejected_error", pa.string()),
])
# Code whose change means published rows were checked differently: the suites and their derived columns.
CHECK_FILES = ("checks.py", "plausibility.py")


def _digest(root: Path, paths: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _package_dir(name: str) -> Path:
    """Folder of a package, found without importing it (importing expectations would load GX)."""
    spec = importlib.util.find_spec(name)
    assert spec is not None and spec.submodule_search_locations, name
    return Path(next(iter(spec.submodule_search_locations)))


@cache
def engine_version() -> str:
    """Hash of the engine's code and lexicons: a change to either re-extracts every document."""
    root = _package_dir("transforms")
    return _digest(root, (p for p in root.rglob("*") if p.is_file() and p.suffix in {".py", ".toml", ".csv", ".txt"}))


@cache
def checks_version() -> str:
    """Hash of the expectation suites and of the code that derives the columns they check."""
    suites = _package_dir("expectations")
    flows_dir = _package_dir("flows")
    files = [*suites.glob("*.json"), *suites.glob("*.toml"), *suites.glob("*.py"), *(flows_dir / n for n in CHECK_FILES)]
    return _digest(suites.parent, files)


def versions() -> str:
    return f"{engine_version()}+{checks_version()}"


@dataclass(slots=True)
class SeedFile:
    """A seed file to read this run, with what the last run knew of it."""

    path: str
    size: int
    changed: str
    previous_id: str | None = None  # the document this file held at the last run
    reusable: bool = False  # that document is published with the current versions
    first_ingested: datetime | None = None  # when that document was first ingested


@dataclass(slots=True)
class RunPlan:
    to_read: list[SeedFile]
    kept: dict[str, str]  # path → document id: unchanged files, not opened
    kept_rejections: list[RejectedDocument]  # unchanged files rejected before, with their reasons
    manifest_kept: pa.Table  # manifest rows of the kept files and kept rejections
    published: pa.Table  # the index of published documents (flows/datasets.read_index)
    removed_ids: set[str] = field(default_factory=set)  # published documents no current file can hold
    removed_files: int = 0  # files that held a published document and are gone from the seeds

    @property
    def nothing_to_do(self) -> bool:
        return not self.to_read and not self.removed_ids


def read_manifest(store: Store) -> pa.Table:
    if not store.exists(MANIFEST):
        return MANIFEST_SCHEMA.empty_table()
    table = store.read_parquet(MANIFEST)
    return table if table.schema.equals(MANIFEST_SCHEMA) else MANIFEST_SCHEMA.empty_table()


def manifest_table(rows: Iterable[dict[str, object]]) -> pa.Table:
    return from_rows(rows, MANIFEST_SCHEMA).sort_by([("path", "ascending")])


def plan_run(seed_files: Sequence[FileStat], manifest: pa.Table, published: pa.Table, full: bool = False) -> RunPlan:
    """Which files to read, which to leave alone, and which published documents are gone."""
    current = versions()
    engine = engine_version()
    known = {row["path"]: row for row in manifest.to_pylist()} if not full else {}
    published_rows = {
        row["document_id"]: row for row in published.select(["document_id", "engine_version", "ingested_at"]).to_pylist()
    }
    to_read: list[SeedFile] = []
    kept: dict[str, str] = {}
    kept_rejections: list[RejectedDocument] = []
    kept_rows: list[dict[str, object]] = []
    for item in seed_files:
        entry = known.get(item.path)
        same_file = entry is not None and (entry["size"], entry["changed"], entry["versions"]) == (
            item.size, item.changed, current,
        )
        document_id = entry["document_id"] if entry else None
        if same_file and document_id is None:
            kept_rejections.append(RejectedDocument(
                uri=item.path, stage=entry["rejected_stage"], error=entry["rejected_error"]
            ))
            kept_rows.append(entry)
            continue
        if same_file and document_id in published_rows:
            kept[item.path] = document_id
            kept_rows.append(entry)
            continue
        previous = published_rows.get(document_id) if document_id else None
        to_read.append(SeedFile(
            path=item.path, size=item.size, changed=item.changed, previous_id=document_id if previous else None,
            reusable=bool(previous) and not full and entry["versions"] == current and previous["engine_version"] == engine,
            first_ingested=previous["ingested_at"] if previous else None,
        ))
    maybe_held = {seed.previous_id for seed in to_read if seed.previous_id}
    removed = set(published_rows) - set(kept.values()) - maybe_held
    current_paths = {item.path for item in seed_files}
    gone = sum(1 for path, entry in known.items() if entry["document_id"] and path not in current_paths)
    return RunPlan(
        to_read=to_read, kept=kept, kept_rejections=kept_rejections,
        manifest_kept=manifest_table(kept_rows), published=published, removed_ids=removed, removed_files=gone,
    )


def plan_stores(seeds: Store, output: Store, full: bool = False) -> RunPlan:
    """The plan from the seed files' listing, the manifest and the documents' small columns."""
    return plan_run(list_seed_files(seeds), read_manifest(output), read_index(output), full)
