"""Where the seeds are read and the tables written: a local folder or any fsspec URL.

``Store("output")`` is a local folder; ``Store("memory://output")`` and ``Store("s3://bucket/output")``
(with the ``s3`` extra) work the same way. Paths given to a store are relative to its root and always
use ``/``. Parquet goes through pyarrow with the store's file system, so every table is written with its
explicit schema wherever it lives.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import fsspec
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
from fsspec.implementations.local import LocalFileSystem


@dataclass(frozen=True, slots=True)
class FileStat:
    """A file under a store's root and a token that changes whenever its content may have changed."""

    path: str
    size: int
    changed: str  # modification time (or ETag on object stores) as text


class Store:
    """A root folder on some file system, addressed by relative paths."""

    def __init__(self, url: str | os.PathLike[str]) -> None:
        self.url = os.fspath(url)
        self.fs, root = fsspec.core.url_to_fs(self.url)
        self.root = root.rstrip("/")
        self.is_local = isinstance(self.fs, LocalFileSystem)

    def __repr__(self) -> str:
        return f"Store({self.url!r})"

    def __reduce__(self) -> tuple[Any, tuple[str]]:  # sent to worker processes by URL, not by connection
        return (Store, (self.url,))

    def full(self, relative: str) -> str:
        return f"{self.root}/{relative}" if relative else self.root

    def relative(self, full_path: str) -> str:
        return full_path[len(self.root) + 1 :] if full_path.startswith(self.root + "/") else full_path.lstrip("/")

    def local_path(self, relative: str = "") -> str:
        """The path on this machine's file system (only for a local store)."""
        if not self.is_local:
            raise ValueError(f"{self.url} is not a local folder")
        return self.full(relative)

    # --- listing -----------------------------------------------------------------------------------------

    def exists(self, relative: str) -> bool:
        return bool(self.fs.exists(self.full(relative)))

    def is_dir(self, relative: str = "") -> bool:
        return bool(self.fs.isdir(self.full(relative)))

    def files(self, relative: str = "") -> Iterator[FileStat]:
        """Every file under ``relative`` (recursively), in a stable order."""
        if not self.fs.exists(self.full(relative)):
            return
        if self.is_local:
            yield from self._local_files(self.full(relative))
            return
        found = self.fs.find(self.full(relative), detail=True)
        for full_path in sorted(found):
            info = found[full_path]
            if info.get("type", "file") != "file":
                continue
            token = info.get("mtime") or info.get("LastModified") or info.get("created") or ""
            yield FileStat(self.relative(full_path), int(info.get("size") or 0), f"{token}{info.get('ETag', '')}")

    def _local_files(self, top: str) -> Iterator[FileStat]:
        """``files`` of a local folder through ``os.scandir``: the same stats, several times faster than
        fsspec's ``find(detail=True)`` over a large seeds folder (the listing of every planned run)."""
        found: list[tuple[str, int, float]] = []
        folders = [top]
        while folders:
            with os.scandir(folders.pop()) as entries:
                for entry in entries:
                    if entry.is_dir():
                        folders.append(entry.path)
                    elif entry.is_file():
                        stat = entry.stat()
                        found.append((entry.path, stat.st_size, stat.st_mtime))
        for full_path, size, mtime in sorted(found):
            yield FileStat(self.relative(full_path), size, f"{mtime}")

    def children(self, relative: str = "") -> list[str]:
        """Names directly under ``relative`` (files and folders), or [] when it does not exist."""
        if not self.fs.exists(self.full(relative)):
            return []
        return sorted(entry.rstrip("/").rsplit("/", 1)[-1] for entry in self.fs.ls(self.full(relative), detail=False))

    # --- bytes ---------------------------------------------------------------------------------------------

    def read_bytes(self, relative: str) -> bytes:
        return bytes(self.fs.cat_file(self.full(relative)))

    def size(self, relative: str) -> int:
        return int(self.fs.size(self.full(relative)))

    def write_bytes(self, relative: str, data: bytes) -> None:
        """Write a whole file so that it appears complete or not at all.

        Locally: a temporary file, flushed to disk, renamed into place. On object stores a single PUT
        is already all-or-nothing.
        """
        if not self.is_local:
            self.fs.pipe_file(self.full(relative), data)
            return
        path = self.full(relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        temporary = f"{path}.{os.getpid()}.tmp"
        with open(temporary, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)

    # --- moving and deleting -------------------------------------------------------------------------------

    def move(self, source: str, target: str) -> None:
        """Rename ``source`` over ``target``: atomic locally; copy then delete on object stores."""
        if self.is_local:
            os.makedirs(os.path.dirname(self.full(target)), exist_ok=True)
            os.replace(self.full(source), self.full(target))
        else:
            self.fs.mv(self.full(source), self.full(target))

    def delete(self, relative: str) -> None:
        """Delete a file; one that is already gone is fine."""
        try:
            self.fs.rm_file(self.full(relative))
        except FileNotFoundError:
            pass

    def delete_tree(self, relative: str) -> None:
        try:
            self.fs.rm(self.full(relative), recursive=True)
        except FileNotFoundError:
            pass

    # --- Parquet -------------------------------------------------------------------------------------------

    def write_parquet(self, table: pa.Table, relative: str) -> None:
        """Write ``table`` exactly as given (its schema is the file's schema), flushed to disk locally."""
        path = self.full(relative)
        if self.is_local:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as handle:
                pq.write_table(table, handle, compression="zstd")
                handle.flush()
                os.fsync(handle.fileno())
            return
        with self.fs.open(path, "wb") as handle:
            pq.write_table(table, handle, compression="zstd")

    def read_parquet(self, relative: str, columns: list[str] | None = None) -> pa.Table:
        if self.is_local:
            return pq.read_table(self.full(relative), columns=columns)
        with self.fs.open(self.full(relative), "rb") as handle:
            return pq.read_table(handle, columns=columns)

    def dataset(self, relative: str, schema: pa.Schema | None = None) -> ds.Dataset:
        """The Parquet files under ``relative`` as one Hive-partitioned dataset."""
        filesystem = None if self.is_local else self.fs
        return ds.dataset(
            self.full(relative), schema=schema, format="parquet", partitioning="hive", filesystem=filesystem,
            exclude_invalid_files=False,
        )
