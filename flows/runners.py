"""Where the flow's extraction tasks run: in threads of this process, or on a Dask cluster."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

RUNNERS = ("threads", "processes", "dask")


def task_runner(runner: str, dask_address: str | None = None, dask_workers: int = 2) -> Any | None:
    """A Prefect task runner for ``runner``; None keeps Prefect's default (a thread pool).

    ``processes`` runs batch tasks in ``dask_workers`` worker processes of this machine (both cores busy).
    ``dask`` with ``dask_address`` (``tcp://scheduler:8786``) uses that existing cluster; without an
    address it starts a LocalCluster of ``dask_workers`` single-threaded worker processes for the run.
    """
    if runner == "threads":
        return None
    if runner == "processes":
        from prefect.task_runners import ProcessPoolTaskRunner

        return ProcessPoolTaskRunner(max_workers=dask_workers)
    if runner != "dask":
        raise ValueError(f"unknown runner {runner!r}; choose one of {', '.join(RUNNERS)}")
    from prefect_dask import DaskTaskRunner

    if dask_address:
        return DaskTaskRunner(address=dask_address)
    return DaskTaskRunner(
        cluster_kwargs={"n_workers": dask_workers, "threads_per_worker": 1, "processes": True, "dashboard_address": None}
    )


@contextmanager
def api_server_for_workers() -> Iterator[None]:
    """Make worker processes report to this process's Prefect API.

    Without a configured ``PREFECT_API_URL`` Prefect starts a temporary server per process, so every
    Dask worker would start its own. This starts the temporary server once, up front (Prefect keeps
    one per process and reuses it), and exports its URL for the workers the cluster spawns.
    """
    if os.environ.get("PREFECT_API_URL"):
        yield
        return
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()
    server.start()
    os.environ["PREFECT_API_URL"] = server.api_url
    try:
        yield
    finally:
        os.environ.pop("PREFECT_API_URL", None)
