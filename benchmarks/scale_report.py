"""scale.md and scale.png from the results of benchmarks.scale (scale.json)."""

from __future__ import annotations

from pathlib import Path

TARGET_SIZE = 100_000
TARGET_FLOW_SECONDS = 300.0
TARGET_PEAK_MB = 1024.0
TARGET_NOTHING_NEW_SECONDS = 10.0
TARGET_QUANTULUM_RATIO = 50.0
STAGE_ORDER = ("ingest", "extract", "validate", "publish", "report")


def _sizes(results: dict, kind: str) -> list[int]:
    return sorted(int(size) for size, entry in results.get("sizes", {}).items() if kind in entry)


def _at_target(results: dict, kind: str, value: str) -> tuple[float, str] | None:
    """The value at 100k articles, or extrapolated linearly per article (start-up kept fixed) from the largest size."""
    sizes = _sizes(results, kind)
    if not sizes:
        return None
    largest = sizes[-1]
    run = results["sizes"][str(largest)][kind]
    if run.get(value) is None:  # not measured by that run (PSS needs Linux; older results lack it)
        return None
    if largest == TARGET_SIZE or value != "wall_seconds":
        where = "measured" if largest == TARGET_SIZE else f"measured at {largest:,} (not at 100k)"
        return run[value], where
    fixed = run.get("startup_seconds") or 0.0
    return fixed + (run[value] - fixed) * TARGET_SIZE / largest, f"extrapolated from {largest:,}"


def _verdict(measured: float, goal: float, at_least: bool, where: str) -> str:
    met = measured >= goal if at_least else measured < goal
    word = "met" if met else "**not met**"
    return word if where == "measured" else f"{word} ({where})"


def targets(results: dict) -> list[tuple[str, str, str, str]]:
    rows = []
    if quantulum := results.get("quantulum3"):
        rows.append(("extraction throughput / quantulum3 on the same texts", f">= {TARGET_QUANTULUM_RATIO:.0f}x",
                     f"{quantulum['ratio']:.0f}x", _verdict(quantulum["ratio"], TARGET_QUANTULUM_RATIO, True,
                                                            "measured")))
    checks = (("flow", "wall_seconds", "whole flow over 100k articles, 2 cores", TARGET_FLOW_SECONDS, "s"),
              ("flow", "peak_tree_pss_mb", "peak memory of the flow at 100k (process tree, PSS)", TARGET_PEAK_MB, "MB"),
              ("flow", "peak_tree_rss_mb", "peak memory of the flow at 100k (process tree, RSS summed)", TARGET_PEAK_MB,
               "MB"),
              ("flow_nothing_new", "wall_seconds", "nothing-new run over 100k", TARGET_NOTHING_NEW_SECONDS, "s"))
    for kind, value, name, goal, unit in checks:
        found = _at_target(results, kind, value)
        if found is None:
            rows.append((name, f"< {goal:.0f} {unit}", "not measured", "—"))
            continue
        measured, where = found
        rows.append((name, f"< {goal:.0f} {unit}", f"{measured:,.0f} {unit}", _verdict(measured, goal, False, where)))
    return rows


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    return ["| " + " | ".join(header) + " |", "|" + "---|" * len(header), *("| " + " | ".join(r) + " |" for r in rows)]


def _stage_rows(run: dict) -> list[list[str]]:
    wall = run["wall_seconds"]
    rows = []
    if run.get("startup_seconds") is not None:
        rows.append(["start-up (imports, Prefect server)", f"{run['startup_seconds']:.1f}",
                     f"{run['startup_seconds'] / wall:.0%}"])
    names = [s for s in STAGE_ORDER if s in run["stages"]] + [s for s in run["stages"] if s not in STAGE_ORDER]
    rows += [[name, f"{run['stages'][name]:.1f}", f"{run['stages'][name] / wall:.0%}"] for name in names]
    rows.append(["between stages (task bookkeeping, shutdown)", f"{run['between_stages_seconds']:.1f}",
                 f"{run['between_stages_seconds'] / wall:.0%}"])
    rows.append(["**orchestration** (wall − stages' work)", f"{run['orchestration_seconds']:.1f}",
                 f"{run['orchestration_seconds'] / wall:.0%}"])
    rows.append(["**wall**", f"{wall:.1f}", "100%"])
    return rows


def markdown(results: dict) -> str:
    machine = results.get("machine", {})
    lines = ["# Scale benchmark", "",
             f"Machine: {machine.get('cpu_model')}, {machine.get('usable_cores')} usable cores of "
             f"{machine.get('cores')}, {machine.get('memory_gb')} GB RAM, Python {machine.get('python')}, "
             f"{machine.get('platform')}.", "",
             "Cores may be shared with other work, so timings are noisy (easily ±30%): compare runs taken in the "
             "same minute. Each measurement carries when and at which commit it was taken (scale.json).", "",
             "## Targets", ""]
    lines += _table(["target", "goal", "measured", "verdict"], [list(row) for row in targets(results)])
    sizes = results.get("sizes", {})
    lines += ["", "## Corpus", ""]
    lines += _table(["articles", "MB", "KB per article", "folder"], [
        [f"{int(s):,}", f"{e['corpus']['megabytes']:.1f}", f"{e['corpus']['megabytes'] * 1000 / e['corpus']['articles']:.1f}",
         f"`{e['corpus']['folder']}`"] for s, e in sorted(sizes.items(), key=lambda item: int(item[0]))])
    lines += ["", "## Extraction alone (`transforms.extract.extract`, no Prefect, GX or Parquet)", "",
              "Workers are spawned processes that read, parse and extract articles and keep only counts; "
              "wall time runs from the first chunk to the last, after every worker has loaded its lexicons.", ""]
    rows = []
    for size in _sizes(results, "extraction"):
        for workers, run in sorted(sizes[str(size)]["extraction"].items(), key=lambda item: int(item[0])):
            rows.append([f"{size:,}", workers, f"{run['articles']:,}", f"{run['megabytes']:.1f}",
                         f"{run['wall_seconds']:.1f}", f"{run['articles_per_second']:.0f}",
                         f"{run['megabytes_per_second']:.3f}", f"{run['figures_per_second']:,.0f}",
                         f"{run['figures'] / run['articles']:.1f}", f"{run['peak_rss_mb']:.0f}"])
    lines += _table(["corpus", "workers", "articles", "MB", "wall s", "articles/s", "MB/s", "figures/s",
                     "figures/article", "peak RSS MB per worker"], rows)
    for size in _sizes(results, "flow"):
        entry = sizes[str(size)]
        lines += ["", f"## Whole flow over {size:,} articles (`newsfigures run`)", ""]
        summary = []
        for kind, label in (("flow", "fresh output"), ("flow_nothing_new", "again, nothing new")):
            if kind in entry:
                run = entry[kind]
                counts = ", ".join(f"{count:,} {name}" for name, count in run["counts"].items())
                if run.get("error"):
                    counts = f"ended without a summary: `{run['error']}`"
                pss = run.get("peak_tree_pss_mb")
                summary.append([label, f"{run['wall_seconds']:.1f}", str(run["exit_code"]),
                                "—" if pss is None else f"{pss:.0f}",
                                f"{run['peak_tree_rss_mb']:.0f}", f"{run['peak_process_rss_mb']:.0f}",
                                f"{size / run['wall_seconds']:.1f}", counts])
        lines += _table(["run", "wall s", "exit", "peak PSS MB (tree)", "peak RSS MB (tree, summed)",
                         "largest process MB", "articles/s",
                         "tables"], summary)
        for kind, label in (("flow", "fresh output"), ("flow_nothing_new", "nothing new")):
            if kind in entry and not entry[kind].get("error"):
                lines += ["", f"Where the time goes ({label}; stage seconds as the run reports them, "
                          f"from its {entry[kind]['summary_from']} summary):", ""]
                lines += _table(["part", "seconds", "share of wall"], _stage_rows(entry[kind]))
                if entry[kind].get("batch_seconds"):
                    summed = " · ".join(f"{name} {seconds:.1f}s" for name, seconds in entry[kind]["batch_seconds"].items())
                    lines += ["", f"Summed over batches (batches may overlap, so this can exceed the wall): {summed}."]
    if quantulum := results.get("quantulum3"):
        lines += ["", "## quantulum3 on the same texts", "",
                  f"The first {quantulum['articles']} articles of the corpus ({quantulum['megabytes'] * 1000:.0f} KB "
                  "of article text), one process each:", ""]
        lines += _table(["extractor", "seconds", "MB/s", "quantities found"], [
            ["quantulum3", f"{quantulum['quantulum3_seconds']:.1f}", f"{quantulum['quantulum3_mb_per_second']:.4f}",
             f"{quantulum['quantulum3_quantities']:,}"],
            ["newsfigures", f"{quantulum['newsfigures_seconds']:.2f}", f"{quantulum['newsfigures_mb_per_second']:.3f}",
             f"{quantulum['newsfigures_figures']:,}"]])
        lines += ["", f"newsfigures / quantulum3 throughput: **{quantulum['ratio']:.0f}x**."]
    return "\n".join(lines) + "\n"


def write_markdown(results: dict, path: Path) -> str:
    text = markdown(results)
    path.write_text(text, encoding="utf-8")
    return text


def write_plot(results: dict, path: Path) -> None:
    """Throughput (articles/s) and peak memory against corpus size, log-scaled sizes."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = results.get("sizes", {})
    figure, (speed, memory) = plt.subplots(1, 2, figsize=(11, 4.2))
    workers = sorted({int(w) for s in _sizes(results, "extraction") for w in sizes[str(s)]["extraction"]})
    for count in workers:
        xs = [s for s in _sizes(results, "extraction") if str(count) in sizes[str(s)]["extraction"]]
        runs = [sizes[str(s)]["extraction"][str(count)] for s in xs]
        speed.plot(xs, [r["articles_per_second"] for r in runs], "o-", label=f"extraction alone, {count} worker{'s' if count > 1 else ''}")
        memory.plot(xs, [r["peak_rss_mb"] for r in runs], "o-", label=f"extraction alone, per worker ({count})")
    for kind, label in (("flow", "whole flow"), ("flow_nothing_new", "whole flow, nothing new")):
        xs = _sizes(results, kind)
        speed.plot(xs, [s / sizes[str(s)][kind]["wall_seconds"] for s in xs], "s--", label=label)
        memory.plot(xs, [sizes[str(s)][kind]["peak_tree_rss_mb"] for s in xs], "s--", label=f"{label} (tree)")
    memory.axhline(TARGET_PEAK_MB, color="grey", linestyle=":", label="target at 100k: 1 GB")
    speed.set_yscale("log")  # the flow and the engine alone differ by orders of magnitude
    for axes, title, unit in ((speed, "Throughput", "articles per second"), (memory, "Peak memory", "MB resident")):
        axes.set_xscale("log")
        axes.set_xlabel("corpus size (articles)")
        axes.set_ylabel(unit)
        axes.set_title(title)
        axes.grid(True, which="both", alpha=0.3)
        axes.legend(fontsize="small")
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)
