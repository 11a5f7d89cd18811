"""Publishing a run's files across all tables at once, so a killed run never leaves a half-written output.

A run writes every new file under ``_staging/<run id>/`` (invisible to readers of the tables). It then
writes ``_staging/<run id>/journal.json``: the list of moves (staged file → place in a table) and of
deletions (files replaced or emptied). Writing the journal is the commit: before it, the output is the
previous run's; after it, applying the journal (idempotently) gives the new state. Then the journal
and the staging folder are deleted.

``roll_forward`` finishes any journal a killed run left behind; it is safe to call from readers.
``recover`` (under the run lock only) also discards staging folders that have no journal: files of a
run that died before committing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from flows.faults import checkpoint
from flows.storage import Store

STAGING = "_staging"
JOURNAL = "journal.json"


class CommitError(RuntimeError):
    """A journal that cannot be applied (a staged file is missing and its target was never written)."""


@dataclass(slots=True)
class Journal:
    run_id: str
    moves: list[tuple[str, str]] = field(default_factory=list)  # (staged path, published path)
    deletions: list[str] = field(default_factory=list)  # published paths that leave

    def to_json(self) -> bytes:
        return json.dumps({"run_id": self.run_id, "moves": self.moves, "deletions": self.deletions}, indent=1).encode()

    @classmethod
    def from_json(cls, data: bytes) -> Journal:
        raw = json.loads(data)
        return cls(raw["run_id"], [tuple(move) for move in raw["moves"]], list(raw["deletions"]))


def staging_dir(run_id: str) -> str:
    return f"{STAGING}/{run_id}"


def staged(run_id: str, published_path: str) -> str:
    """Where a file bound for ``published_path`` waits until the commit."""
    return f"{staging_dir(run_id)}/{published_path}"


def commit(store: Store, journal: Journal) -> None:
    """Write the journal (the commit point), apply it, and clean up."""
    store.write_bytes(f"{staging_dir(journal.run_id)}/{JOURNAL}", journal.to_json())
    checkpoint("journal-written")
    _apply(store, journal)


def _apply(store: Store, journal: Journal) -> None:
    halfway = len(journal.moves) // 2
    for number, (source, target) in enumerate(journal.moves):
        if number == halfway:
            checkpoint("mid-apply")
        try:
            store.move(source, target)
        except FileNotFoundError:  # moved already (by an earlier attempt or a reader rolling forward)
            if not store.exists(target):
                raise CommitError(f"run {journal.run_id}: staged file {source} is missing and {target} was never written")
    for path in journal.deletions:
        store.delete(path)
    checkpoint("applied")
    store.delete(f"{staging_dir(journal.run_id)}/{JOURNAL}")
    store.delete_tree(staging_dir(journal.run_id))


def roll_forward(store: Store) -> list[str]:
    """Finish every committed run whose journal is still there; the run ids finished."""
    finished = []
    for run_id in store.children(STAGING):
        journal_path = f"{staging_dir(run_id)}/{JOURNAL}"
        try:
            data = store.read_bytes(journal_path)
        except FileNotFoundError:
            continue
        _apply(store, Journal.from_json(data))
        finished.append(run_id)
    return finished


def recover(store: Store) -> tuple[list[str], list[str]]:
    """At the start of a run (holding the lock): roll journals forward, discard uncommitted staging folders.

    Returns (run ids rolled forward, run ids discarded).
    """
    finished = roll_forward(store)
    discarded = [run_id for run_id in store.children(STAGING) if run_id not in finished]
    for run_id in discarded:
        store.delete_tree(staging_dir(run_id))
    return finished, discarded
