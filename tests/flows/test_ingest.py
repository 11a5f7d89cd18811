"""Reading seed files: an oversized file is rejected unread, by name and size, and the others are read."""

from __future__ import annotations

from flows.ingest import read_seed_files
from flows.storage import Store

ARTICLE = "---\npublisher: Example News\npublished_at: 2025-03-01\n---\nAbout 1,200 people were evacuated on Friday.\n"


def test_a_file_over_the_size_limit_is_rejected_unread_and_the_others_go_through(tmp_path):
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "dump.txt").write_text(ARTICLE * 50, encoding="utf-8")
    batch = read_seed_files(Store(tmp_path), ["article.txt", "dump.txt"], max_bytes=len(ARTICLE.encode()) * 10)

    assert [document.uri for document in batch.documents] == ["article.txt"]
    [rejected] = batch.rejected
    assert rejected.uri == "dump.txt" and rejected.stage == "read"
    assert f"{len(ARTICLE.encode()) * 50:,} bytes" in rejected.error and "limit for one article" in rejected.error


def test_a_file_at_the_limit_is_read(tmp_path):
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    batch = read_seed_files(Store(tmp_path), ["article.txt"], max_bytes=len(ARTICLE.encode()))
    assert [document.uri for document in batch.documents] == ["article.txt"] and batch.rejected == []
