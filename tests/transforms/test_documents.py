"""Article bytes → Document: front matter, normalisation, and a clear error for each kind of bad input."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from transforms.documents import DocumentError, parse_article
from transforms.ids import document_id, sha256_hex


def test_front_matter_is_metadata_and_not_text():
    raw = b"---\ntitle: Rates held\npublisher: Example Times\npublished_at: 2024-06-12T14:30:00+02:00\n---\nThe bank held rates at 5.25%.\n"
    document = parse_article("business/rates.txt", raw)
    assert document.text == "The bank held rates at 5.25%."
    assert (document.title, document.publisher, document.uri) == ("Rates held", "Example Times", "business/rates.txt")
    assert document.published_at == datetime(2024, 6, 12, 12, 30, tzinfo=UTC)
    assert document.document_id == document_id(document.text) and document.text_sha256 == sha256_hex(document.text)


def test_article_without_metadata_goes_through_undated():
    document = parse_article("plain.txt", "\ufeffCrowds of 40,000 watched.\r\nIt rained.\r\n".encode())
    assert document.text == "Crowds of 40,000 watched.\nIt rained."
    assert document.published_at is None and document.title is None


def test_the_same_text_gets_the_same_id_whatever_the_metadata():
    plain = parse_article("a.txt", b"Exports rose 3%.")
    dated = parse_article("b.txt", b"---\npublished_at: 2024-01-01\n---\nExports rose 3%.\n")
    assert plain.document_id == dated.document_id


@pytest.mark.parametrize(
    ("raw", "stage", "reason"),
    [
        (b"", "read", "empty"),
        (b"   \n\t", "read", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "decode", "binary"),
        ("Caf\xe9".encode("latin-1"), "decode", "not valid UTF-8"),
        (b"---\ntitle: [unclosed\n---\nText.", "metadata", "not valid YAML"),
        (b"---\n- a\n- b\n---\nText.", "metadata", "mapping"),
        (b"---\nauthor: Someone\n---\nText.", "metadata", "unknown front-matter keys ['author']"),
        (b"---\npublished_at: last Tuesday\n---\nText.", "metadata", "not an ISO date"),
        (b"---\npublisher: X\n---\n\n", "read", "no text"),
    ],
)
def test_bad_input_is_a_clear_error_naming_the_file(raw, stage, reason):
    with pytest.raises(DocumentError) as caught:
        parse_article("news/bad.txt", raw)
    assert caught.value.stage == stage
    assert reason in caught.value.reason
    assert str(caught.value).startswith("news/bad.txt: ")
