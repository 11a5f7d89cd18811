"""Raw article bytes (with optional front matter) into a Document, or a clear error.

An article file is UTF-8 text. It may start with YAML front matter:

    ---
    title: North Korean troops pulled from front line
    publisher: BBC News
    published_at: 2025-02-01
    uri: https://www.bbc.co.uk/news/articles/...
    ---
    Ukrainian special forces, speaking to the BBC ...

Without front matter the article still goes through; published_at is then
unknown and relative dates ("last week") stay unresolved.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import yaml

from transforms.ids import document_id, sha256_hex
from transforms.records import Document
from transforms.text import normalise

METADATA_KEYS = frozenset({"title", "publisher", "published_at", "uri", "language"})
# "---\n<yaml>\n---\n" at the very start of the file.
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.DOTALL)


class DocumentError(ValueError):
    """An article that cannot become a Document; ``stage`` says where it failed."""

    def __init__(self, uri: str, stage: str, reason: str) -> None:
        super().__init__(f"{uri}: {reason}")
        self.uri = uri
        self.stage = stage
        self.reason = reason


def decode_article(uri: str, raw: bytes) -> str:
    """UTF-8 text of an article file; empty, binary or non-UTF-8 input is an error."""
    if not raw.strip():
        raise DocumentError(uri, "read", "the file is empty")
    if b"\x00" in raw:
        raise DocumentError(uri, "decode", "the file is binary (it contains NUL bytes), not UTF-8 text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DocumentError(
            uri, "decode", f"the file is not valid UTF-8 (byte 0x{raw[error.start]:02x} at offset {error.start})"
        ) from None


def split_front_matter(uri: str, text: str) -> tuple[dict[str, object], str]:
    """(metadata, body); metadata is empty when the article has no front matter."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    try:
        metadata = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as error:
        raise DocumentError(uri, "metadata", f"the front matter is not valid YAML: {error}") from None
    if not isinstance(metadata, dict):
        raise DocumentError(uri, "metadata", "the front matter must be a mapping of keys to values")
    unknown = sorted(str(key) for key in metadata if key not in METADATA_KEYS)
    if unknown:
        raise DocumentError(
            uri, "metadata", f"unknown front-matter keys {unknown}; expected some of {sorted(METADATA_KEYS)}"
        )
    return metadata, text[match.end():]


def parse_published_at(uri: str, value: object) -> datetime | None:
    """A timezone-aware UTC datetime from an ISO date or datetime; naive values are taken as UTC."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, date):
        parsed = datetime(value.year, value.month, value.day)
    else:
        try:
            parsed = datetime.fromisoformat(str(value).strip())
        except ValueError:
            raise DocumentError(
                uri, "metadata", f"published_at {value!r} is not an ISO date such as 2025-02-01 or 2025-02-01T09:30:00Z"
            ) from None
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def _optional_text(metadata: dict[str, object], key: str) -> str | None:
    value = metadata.get(key)
    return None if value is None else str(value).strip() or None


def build_document(uri: str, text: str, metadata: dict[str, object]) -> Document:
    """A Document from body text and metadata; the text is normalised once, here."""
    body = normalise(text)
    if not body:
        raise DocumentError(uri, "read", "the article has no text after its front matter")
    return Document(
        document_id=document_id(body),
        uri=_optional_text(metadata, "uri") or uri,
        text=body,
        text_sha256=sha256_hex(body),
        title=_optional_text(metadata, "title"),
        publisher=_optional_text(metadata, "publisher"),
        published_at=parse_published_at(uri, metadata.get("published_at")),
        language=_optional_text(metadata, "language") or "en",
    )


def parse_article(uri: str, raw: bytes) -> Document:
    """The whole path from file bytes to Document; raises DocumentError with the reason."""
    metadata, body = split_front_matter(uri, decode_article(uri, raw))
    return build_document(uri, body, metadata)
