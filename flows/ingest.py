"""Finding and reading article files (local or through fsspec); bad files become rejected-document records."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from flows.storage import FileStat, Store
from transforms.documents import DocumentError, parse_article
from transforms.records import Document, RejectedDocument

ARTICLE_SUFFIXES = frozenset({".txt", ".md"})
# A news article is a few KB, a long read a few hundred: a file far beyond that is a dump, a log or an
# export put in the wrong folder, and reading it whole would stall its batch. It is rejected unread.
MAX_ARTICLE_BYTES = 5_000_000
NOT_ARTICLES = frozenset({"readme.md", "readme.txt"})


@dataclass(slots=True)
class IngestedBatch:
    documents: list[Document] = field(default_factory=list)
    rejected: list[RejectedDocument] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)  # the file each document was read from (read_seed_files)


def is_article(relative_path: str) -> bool:
    """An article file: .txt or .md, not a README, not inside a hidden folder."""
    parts = relative_path.split("/")
    return (
        Path(parts[-1]).suffix.lower() in ARTICLE_SUFFIXES
        and parts[-1].lower() not in NOT_ARTICLES
        and not any(part.startswith(".") for part in parts)
    )


def list_seed_files(seeds: Store) -> list[FileStat]:
    """Article files under the seeds folder (recursively) with their size and modification time, in a stable order."""
    if not seeds.is_dir():
        raise FileNotFoundError(f"seeds folder {seeds.url} does not exist or is not a folder")
    return [item for item in seeds.files() if is_article(item.path)]


def read_seed_files(seeds: Store, paths: Iterable[str], max_bytes: int = MAX_ARTICLE_BYTES) -> IngestedBatch:
    """Parse each file (paths relative to the seeds folder); one unreadable file never stops the others."""
    batch = IngestedBatch()
    for uri in paths:
        try:
            size = seeds.size(uri)
            if size > max_bytes:
                reason = f"the file is {size:,} bytes, over the {max_bytes:,}-byte limit for one article; it was not read"
                batch.rejected.append(RejectedDocument(uri=uri, stage="read", error=reason))
                continue
            batch.documents.append(parse_article(uri, seeds.read_bytes(uri)))
            batch.paths.append(uri)
        except DocumentError as error:
            batch.rejected.append(RejectedDocument(uri=uri, stage=error.stage, error=error.reason))
        except OSError as error:
            batch.rejected.append(RejectedDocument(uri=uri, stage="read", error=f"cannot read the file: {error}"))
    return batch


def list_articles(seeds_dir: Path) -> list[Path]:
    """Article files under a local ``seeds_dir`` (recursively), in a stable order."""
    return [seeds_dir / item.path for item in list_seed_files(Store(seeds_dir))]


def read_articles(paths: Iterable[Path], seeds_dir: Path) -> IngestedBatch:
    """Parse each local file under ``seeds_dir``; one unreadable file never stops the others."""
    return read_seed_files(Store(seeds_dir), [path.relative_to(seeds_dir).as_posix() for path in paths])
