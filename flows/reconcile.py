"""From the batches' small outcomes to what the run commits: which documents stay, arrive or leave.

Batches run independently, so two of them can meet the same text, or meet a text already published
from another file. Here the run decides, with only ids and paths in hand: a document already
published keeps its file; among new files the first in path order wins and the others are rejected
as duplicates.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

from flows.batch import BatchOutcome, CheckOutcome
from flows.incremental import RunPlan, manifest_table, versions
from transforms.records import RejectedDocument


@dataclass(slots=True)
class RunTally:
    """Every batch outcome folded together as it arrives; rows never pass through here."""

    read: list[tuple[str, int, str, str]] = field(default_factory=list)
    extracted: dict[str, tuple[str, str]] = field(default_factory=dict)  # document id → (path, part)
    rejected: list[tuple[RejectedDocument, int, str]] = field(default_factory=list)
    duplicates: list[RejectedDocument] = field(default_factory=list)
    checks: dict[tuple[str, str, str | None, str], CheckOutcome] = field(default_factory=dict)
    quarantined_rows: int = 0
    examples: dict[str, list[str]] = field(default_factory=dict)
    staged_parts: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    gx_results: tuple[int, bool, dict[str, dict[str, Any]]] | None = None  # (batch, failed, results)
    batches: int = 0

    def add(self, outcome: BatchOutcome) -> None:
        self.batches += 1
        self.read += outcome.read
        self.rejected += outcome.rejected
        self.duplicates += outcome.duplicates
        self.staged_parts += outcome.staged_parts
        self.quarantined_rows += outcome.quarantined_rows
        for document_id, placed in outcome.extracted.items():
            if document_id in self.extracted:  # the same text in another batch: decided in reconcile()
                self.extracted.setdefault(f"{document_id}#{placed[0]}", placed)
            else:
                self.extracted[document_id] = placed
        for key, ids in outcome.quarantine_examples.items():
            kept = self.examples.setdefault(key, [])
            kept.extend(ids[: max(0, 5 - len(kept))])
        for stage, seconds in outcome.seconds.items():
            self.seconds[stage] = round(self.seconds.get(stage, 0.0) + seconds, 3)
        for check in outcome.checks:
            self._merge(check)
        if outcome.gx_results is not None:
            failed = not all(check.success for check in outcome.checks)
            # Data Docs show the first batch with a failure, else the first batch validated.
            current = self.gx_results
            if current is None or (failed, -outcome.index) > (current[1], -current[0]):
                self.gx_results = (outcome.index, failed, outcome.gx_results)

    def _merge(self, check: CheckOutcome) -> None:
        key = (check.table_name, check.expectation, check.column, check.description)
        seen = self.checks.get(key)
        if seen is None:
            self.checks[key] = CheckOutcome(**{name: getattr(check, name) for name in CheckOutcome.__slots__})
            return
        seen.success = seen.success and check.success
        seen.element_count = _add(seen.element_count, check.element_count)
        seen.unexpected_count = _add(seen.unexpected_count, check.unexpected_count)
        if seen.element_count and seen.unexpected_count is not None:
            seen.unexpected_percent = 100.0 * seen.unexpected_count / seen.element_count
        seen.exception = seen.exception or check.exception


def _add(left: int | None, right: int | None) -> int | None:
    return right if left is None else left if right is None else left + right


@dataclass(slots=True)
class Reconciled:
    new_parts: list[str]
    leaving: dict[str, set[str]]  # published part → its documents that leave
    duplicates_in_staged: dict[str, set[str]]  # staged part → documents to take out of it
    manifest: pa.Table
    rejected: list[RejectedDocument]
    extracted_documents: int
    reused_documents: int
    removed_documents: int


def reconcile(plan: RunPlan, tally: RunTally) -> Reconciled:
    claims: dict[str, str] = {document_id: path for path, document_id in plan.kept.items()}
    extracted_paths = {path for path, _part in tally.extracted.values()}
    for path, _size, _changed, document_id in tally.read:
        if path not in extracted_paths:
            claims.setdefault(document_id, path)  # read again, same text as published: its rows stay
    reused = set(claims)
    duplicates = list(tally.duplicates)
    duplicates_in_staged: dict[str, set[str]] = {}
    arrived = 0
    for key, (path, part) in sorted(tally.extracted.items(), key=lambda item: item[1][0]):
        document_id = key.split("#", 1)[0]
        if document_id in claims:
            reason = f"same text as {claims[document_id]} (document_id {document_id})"
            duplicates.append(RejectedDocument(uri=path, stage="duplicate", error=reason))
            duplicates_in_staged.setdefault(part, set()).add(document_id)
            continue
        claims[document_id] = path
        arrived += 1
    duplicate_paths = {item.uri for item in duplicates}

    leaving: dict[str, set[str]] = {}
    for document_id, part in zip(plan.published["document_id"].to_pylist(), plan.published["part"].to_pylist(), strict=True):
        if document_id not in reused:
            leaving.setdefault(part, set()).add(document_id)

    current = versions()
    rows: list[dict[str, object]] = plan.manifest_kept.to_pylist()
    rows += [
        {"path": path, "size": size, "changed": changed, "versions": current, "document_id": document_id}
        for path, size, changed, document_id in tally.read
        if path not in duplicate_paths
    ]
    rows += [
        {"path": item.uri, "size": size, "changed": changed, "versions": current, "rejected_stage": item.stage,
         "rejected_error": item.error}
        for item, size, changed in tally.rejected
    ]
    rejected = sorted([*plan.kept_rejections, *(item for item, _s, _c in tally.rejected), *duplicates],
                      key=lambda item: (item.uri, item.stage))
    return Reconciled(
        new_parts=sorted(set(tally.staged_parts)), leaving=leaving, duplicates_in_staged=duplicates_in_staged,
        manifest=manifest_table(rows), rejected=rejected, extracted_documents=arrived,
        reused_documents=len(reused), removed_documents=plan.removed_files,
    )
