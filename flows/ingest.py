"""Finding and reading article files (local or through fsspec); bad files become rejected-document records."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
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
    """Article files under ``seeds_dir`` (recursively), in a stable order."""
    if not seeds_dir.is_dir():
        raise FileNotFoundError(f"seeds directory {seeds_dir} does not exist or is not a directory")
    return sorted(
        path
        for path in seeds_dir.rglob("*")
        if path.is_file()
        and path.suffix.lower() in ARTICLE_SUFFIXES
        and path.name.lower() not in NOT_ARTICLES
        and not any(part.startswith(".") for part in path.relative_to(seeds_dir).parts)
    )


def batched(items: Sequence[Path], size: int) -> Iterator[list[Path]]:
    for index in range(0, len(items), size):
        yield list(items[index : index + size])


def read_articles(paths: Iterable[Path], seeds_dir: Path) -> IngestedBatch:
    """Parse each file; one unreadable file never stops the others."""
    batch = IngestedBatch()
    for path in paths:
        uri = path.relative_to(seeds_dir).as_posix()
        try:
            batch.documents.append(parse_article(uri, path.read_bytes()))
        except DocumentError as error:
            batch.rejected.append(RejectedDocument(uri=uri, stage=error.stage, error=error.reason))
        except OSError as error:
            batch.rejected.append(RejectedDocument(uri=uri, stage="read", error=f"cannot read the file: {error}"))
    return batch


def drop_duplicates(documents: Iterable[Document]) -> tuple[list[Document], list[RejectedDocument]]:
    """Keep the first of documents with identical text; the others are rejected as duplicates."""
    first_uri: dict[str, str] = {}
    kept: list[Document] = []
    duplicates: list[RejectedDocument] = []
    for document in documents:
        if document.document_id in first_uri:
            reason = f"same text as {first_uri[document.document_id]} (document_id {document.document_id})"
            duplicates.append(RejectedDocument(uri=document.uri, stage="duplicate", error=reason))
            continue
        first_uri[document.document_id] = document.uri
        kept.append(document)
    return kept, duplicates
