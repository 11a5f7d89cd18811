"""Deterministic identifiers: the same input always yields the same id."""

from __future__ import annotations

import hashlib


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def document_id(normalised_text: str) -> str:
    """Content hash of the normalised text (64 bits, hex)."""
    return sha256_hex(normalised_text)[:16]


def span_id(kind: str, document_id: str, start: int, end: int) -> str:
    """Id of a span-level record: document id + start + end + kind."""
    return hashlib.sha256(f"{document_id}:{start}:{end}:{kind}".encode("utf-8")).hexdigest()[:16]
