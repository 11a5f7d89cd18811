"""The whole pipeline over a corpus folder, through the ``newsfigures run`` command line.

Runs ``newsfigures run --seeds <corpus> --output <dir>`` as a subprocess, polls the resident memory of
its process tree (psutil), and reads the run's own per-stage seconds: from ``--summary-json`` when
the command has that option, otherwise from the summary it prints. Orchestration is what the wall
time holds beyond the stages' work: start-up (imports, Prefect server) plus the time between stages.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import psutil

NEWSFIGURES = Path(sys.executable).with_name("newsfigures")
POLL_SECONDS = 0.2
QUIET_OFFLINE = {"PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1", "GX_ANALYTICS_ENABLED": "false"}

# The printed summary: "newsfigures run <id>: 1000 documents, 59587 figures, ..."
COUNTS_LINE = re.compile(r"^newsfigures run \S+: (?P<counts>.*)$", re.MULTILINE)
COUNT = re.compile(r"(?P<count>\d+) (?P<name>\w+)")
# "  articles: 1000 new or changed, 0 unchanged (reused), 0 removed"
ARTICLES_LINE = re.compile(r"articles: (?P<extracted>\d+) new or changed, (?P<reused>\d+) unchanged")
# "  time: ingest 0.94s · extract 16.69s · ... · total 133.0s, of which 20.2s start-up (...)"
TIME_LINE = re.compile(r"time: (?P<stages>.*?) · total (?P<total>[\d.]+)s, of which (?P<startup>[\d.]+)s start-up")
STAGE = re.compile(r"(?P<stage>[\w-]+(?: [\w-]+)*) (?P<seconds>[\d.]+)s")
STARTUP_KEYS = ("start_up", "startup", "start-up", "start_up_seconds", "startup_seconds")


@dataclass(slots=True)
class FlowRun:
    wall_seconds: float
    exit_code: int
    stages: dict[str, float]  # seconds of each stage inside the flow, as the run reports them
    startup_seconds: float | None
    counts: dict[str, int] = field(default_factory=dict)
    extracted_documents: int | None = None
    reused_documents: int | None = None
    peak_tree_rss_mb: float = 0.0  # the process and all its children, summed, at the worst poll
    peak_process_rss_mb: float = 0.0  # the largest single process of the tree
    # The tree's proportional set size summed (Linux): each shared page (libraries, copy-on-write) counted
    # once across the processes that share it, so the physical memory the run holds. Summed RSS counts a
    # shared library once per process and overstates it.
    peak_tree_pss_mb: float | None = None
    summary_from: str = "stdout"  # "json" when --summary-json was there to read
    error: str | None = None  # the last line of output when the run ended without a summary
    batch_seconds: dict[str, float] = field(default_factory=dict)  # per stage, summed over batches (may overlap)

    @property
    def stage_seconds(self) -> float:
        return sum(self.stages.values())

    @property
    def between_stages_seconds(self) -> float:
        return self.wall_seconds - (self.startup_seconds or 0.0) - self.stage_seconds

    @property
    def orchestration_seconds(self) -> float:
        return self.wall_seconds - self.stage_seconds

    def as_dict(self) -> dict:
        return {**asdict(self), "stage_seconds": self.stage_seconds,
                "between_stages_seconds": self.between_stages_seconds,
                "orchestration_seconds": self.orchestration_seconds}


def has_summary_json() -> bool:
    """Whether this ``newsfigures run`` writes its summary as JSON (``--summary-json FILE``)."""
    done = subprocess.run([str(NEWSFIGURES), "run", "--help"], capture_output=True, text=True,
                          env={**os.environ, **QUIET_OFFLINE})
    return "--summary-json" in done.stdout


def run_flow(corpus_dir: Path, output_dir: Path, log: Path, use_json: bool, workers: int = 1) -> FlowRun:
    """One ``newsfigures run``: wall time, peak memory of the process tree and the run's own summary.

    With ``workers`` above 1 the batches run in that many worker processes (``--runner processes``).
    """
    summary_json = output_dir.parent / f"{output_dir.name}.summary.json"
    command = [str(NEWSFIGURES), "run", "--seeds", str(corpus_dir), "--output", str(output_dir)]
    if workers > 1:
        command += ["--runner", "processes", "--workers", str(workers)]
    if use_json:
        summary_json.unlink(missing_ok=True)
        command += ["--summary-json", str(summary_json)]
    with log.open("w") as out:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env={**os.environ, **QUIET_OFFLINE})
        peak_tree, peak_process, peak_pss = _watch_memory(process)
        wall = time.perf_counter() - started
    printed = log.read_text(encoding="utf-8", errors="replace")
    run = _from_printed(printed, wall, process.returncode)
    if use_json and summary_json.is_file():
        _apply_json(run, json.loads(summary_json.read_text()))
    run.peak_tree_rss_mb, run.peak_process_rss_mb, run.peak_tree_pss_mb = peak_tree, peak_process, peak_pss
    return run


def _watch_memory(process: subprocess.Popen) -> tuple[float, float, float | None]:
    """Poll the process and its children until it exits; peaks in MB of summed RSS, largest RSS, summed PSS."""
    peak_tree = peak_process = peak_pss = 0
    has_pss = True
    root = psutil.Process(process.pid)
    while process.poll() is None:
        try:
            tree = [root, *root.children(recursive=True)]
        except psutil.NoSuchProcess:
            break
        sizes, proportional = [], []
        for member in tree:
            try:
                memory = member.memory_full_info() if has_pss else member.memory_info()
            except psutil.AccessDenied:
                has_pss = False
                continue
            except psutil.NoSuchProcess:
                continue
            sizes.append(memory.rss)
            proportional.append(getattr(memory, "pss", 0))
            has_pss = has_pss and hasattr(memory, "pss")
        peak_tree = max(peak_tree, sum(sizes))
        peak_process = max(peak_process, max(sizes, default=0))
        peak_pss = max(peak_pss, sum(proportional))
        time.sleep(POLL_SECONDS)
    process.wait()
    return peak_tree / 2**20, peak_process / 2**20, (peak_pss / 2**20 if has_pss else None)


def _from_printed(printed: str, wall: float, exit_code: int) -> FlowRun:
    run = FlowRun(wall_seconds=wall, exit_code=exit_code, stages={}, startup_seconds=None)
    if counts := COUNTS_LINE.search(printed):
        run.counts = {m["name"]: int(m["count"]) for m in COUNT.finditer(counts["counts"])}
    if articles := ARTICLES_LINE.search(printed):
        run.extracted_documents, run.reused_documents = int(articles["extracted"]), int(articles["reused"])
    if times := TIME_LINE.search(printed):
        run.stages = {m["stage"]: float(m["seconds"]) for m in STAGE.finditer(times["stages"])
                      if m["stage"] not in STARTUP_KEYS}
        run.startup_seconds = float(times["startup"])
    elif lines := [line for line in printed.splitlines() if line.strip()]:
        run.error = lines[-1].strip()[:300]
    return run


def _apply_json(run: FlowRun, summary: dict) -> None:
    """Take counts and stage seconds from the run's JSON summary (start-up kept apart from the stages)."""
    run.summary_from = "json"
    run.error = None
    stages = dict(summary.get("seconds") or summary.get("stages") or summary.get("stage_seconds") or {})
    for key in STARTUP_KEYS:
        if key in stages:
            run.startup_seconds = float(stages.pop(key))
        elif key in summary:
            run.startup_seconds = float(summary[key])
    if stages:
        run.stages = {name: float(seconds) for name, seconds in stages.items() if name != "total"}
    if isinstance(summary.get("batch_seconds"), dict):
        run.batch_seconds = {name: float(seconds) for name, seconds in summary["batch_seconds"].items()}
    if isinstance(summary.get("counts"), dict):
        run.counts = {name: int(count) for name, count in summary["counts"].items()}
    for name in ("extracted_documents", "reused_documents"):
        if isinstance(summary.get(name), int):
            setattr(run, name, summary[name])
