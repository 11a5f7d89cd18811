"""``newsfigures serve``: a real schedule on a real local Prefect server produces the tables."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

NEWSFIGURES = Path(sys.executable).with_name("newsfigures")
SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.mark.skipif(not NEWSFIGURES.exists(), reason="console script not installed in this environment")
def test_a_scheduled_run_writes_the_tables(tmp_path):
    seeds, output = tmp_path / "seeds", tmp_path / "output"
    shutil.copytree(SEEDS, seeds)
    environment = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    environment["PREFECT_HOME"] = str(tmp_path / "prefect-home")  # a server database of its own
    served = subprocess.Popen(
        [str(NEWSFIGURES), "serve", "--cron", "* * * * *", "--seeds", str(seeds), "--output", str(output)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=environment, start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and not (output / "quality" / "index.html").exists():
            assert served.poll() is None, served.stdout.read().decode(errors="replace")
            time.sleep(2)
        assert list((output / "figures").rglob("*.parquet")) and (output / "quality" / "index.html").exists()
    finally:
        os.killpg(served.pid, signal.SIGINT)
        try:
            served.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(served.pid, signal.SIGKILL)
            served.wait()
