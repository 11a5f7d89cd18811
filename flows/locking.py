"""One run at a time per output folder.

The lock is an advisory ``flock`` on ``<output>/.newsfigures.lock``: the kernel releases it when the
holding process ends, however it ends, so a killed run never leaves a stale lock behind.

Object stores have no such lock. For an output folder given as a URL (``s3://…``) the lock is a local
file named after the URL (in the system's temporary folder): it keeps two runs on this machine apart,
not runs on different machines — schedule one deployment per output folder for that.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from flows.storage import Store

LOCK_NAME = ".newsfigures.lock"


class RunInProgress(RuntimeError):
    """Another run holds the output folder."""


def lock_path(output: Store) -> Path:
    if output.is_local:
        folder = Path(output.local_path())
        folder.mkdir(parents=True, exist_ok=True)
        return folder / LOCK_NAME
    digest = hashlib.sha256(output.url.encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"newsfigures-{digest}.lock"


@contextmanager
def exclusive_run(output: Store | Path | str) -> Iterator[None]:
    output = output if isinstance(output, Store) else Store(output)
    output_dir = output.url
    with open(lock_path(output), "a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "unknown"
            raise RunInProgress(
                f"another newsfigures run (process {holder}) is writing to {output_dir}; "
                "this run was refused — try again when it has finished"
            ) from None
        try:
            handle.seek(0)
            handle.truncate()
            handle.write(f"{os.getpid()}\n")
            handle.flush()
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
