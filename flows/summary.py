"""The run summary: what the CLI prints and ``--summary-json`` writes. Importing it loads neither Prefect nor GX."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from flows import datasets
from flows.incremental import RunPlan
from flows.storage import Store
from transforms.records import RejectedDocument

COUNTED = ("documents", "figures", "sources", "events")


@dataclass(slots=True)
class FailedExpectation:
    table_name: str
    expectation: str
    column: str | None
    description: str
    unexpected_count: int | None
    example_row_ids: list[str]


@dataclass(slots=True)
class RunSummary:
    run_id: str
    counts: dict[str, int]
    failed: list[FailedExpectation] = field(default_factory=list)
    warnings: list[FailedExpectation] = field(default_factory=list)  # failed plausibility warnings: rows kept
    rejected: list[RejectedDocument] = field(default_factory=list)
    quarantined_rows: int = 0
    report: str | None = None
    output: str = ""
    seconds: dict[str, float] = field(default_factory=dict)  # wall time of each stage inside the flow
    batch_seconds: dict[str, float] = field(default_factory=dict)  # time summed over batch tasks, per stage
    batches: int = 0
    extracted_documents: int = 0  # new or changed articles that went through the engine this run
    reused_documents: int = 0  # unchanged articles whose published rows stayed where they are
    removed_documents: int = 0  # published articles no file holds any more
    recovered_runs: list[str] = field(default_factory=list)  # killed runs whose commit this run finished

    @property
    def exit_code(self) -> int:
        """0 when every critical expectation passed (warnings do not count); 1 when any failed (failing rows are
        quarantined, the rest published)."""
        return 1 if self.failed else 0

    def to_json_dict(self) -> dict[str, Any]:
        summary = asdict(self)
        summary["rejected"] = [{"uri": r.uri, "stage": r.stage, "error": r.error} for r in self.rejected]
        summary["exit_code"] = self.exit_code
        return summary


def nothing_new_summary(run_id: str, plan: RunPlan, output: Store, seconds: dict[str, float]) -> RunSummary:
    """A run with nothing to read, extract or remove: the output is left exactly as it was."""
    return RunSummary(
        run_id=run_id,
        counts={**{name: datasets.count_rows(output, name) for name in COUNTED},
                "rejected_documents": len(plan.kept_rejections)},
        rejected=plan.kept_rejections,
        output=output.url,
        seconds=seconds,
        reused_documents=len(plan.kept),
    )
