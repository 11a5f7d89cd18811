"""A second run on the same output folder is refused with a clear message; a finished run frees it."""

from __future__ import annotations

import pytest

from flows.locking import RunInProgress, exclusive_run
from flows.pipeline import run_pipeline


def test_a_run_is_refused_while_another_holds_the_output_folder(tmp_path):
    seeds, output = tmp_path / "seeds", tmp_path / "output"
    seeds.mkdir()
    (seeds / "a.txt").write_text("Rainfall reached 120mm on Sunday.\n")
    with exclusive_run(output), pytest.raises(RunInProgress, match="another newsfigures run .* is writing to"):
        run_pipeline(seeds_dir=str(seeds), output_dir=str(output))
    assert not (output / "figures").exists()
    summary = run_pipeline(seeds_dir=str(seeds), output_dir=str(output))
    assert summary.counts["documents"] == 1 and list((output / "figures").rglob("*.parquet"))
