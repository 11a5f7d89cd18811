"""Text normalisation and sentence segmentation.

Offsets everywhere refer to the normalised text, so ``normalise`` runs once,
at ingestion, and everything downstream slices the string it returns.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from transforms.lexicon import load_toml
from transforms.records import Sentence

_LINE_ENDINGS = re.compile(r"\r\n?")
# Candidate sentence end: terminal punctuation, optional closing quote or bracket,
# whitespace, then something that can start a sentence ("... in 2022. Russia ..."); or line breaks.
# Written to start with one character class, so the regex engine skips to the next of those
# characters in C instead of trying the pattern at every position.
_SENTENCE_END = re.compile(r"""[.!?\n](?:(?<=[.!?])['"”’)\]]*(?=\s+['"“‘(\[]?[A-Z0-9])|(?<=\n)\n*)""")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
# The characters ``_WORD_BEFORE`` can end at (its "$" also matches before a final newline): a full stop
# after any other character ends no abbreviation.
_ABBREVIATION_ENDS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.\n")


def normalise(text: str) -> str:
    """NFC, Unix line endings, no byte-order mark, no surrounding whitespace."""
    text = unicodedata.normalize("NFC", text.lstrip("\ufeff"))
    return _LINE_ENDINGS.sub("\n", text).strip()


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(load_toml("sentences")["abbreviations"])


def _is_abbreviation(text: str, stop: int) -> bool:
    """True when the full stop at ``stop`` closes an abbreviation such as ``U.S.``."""
    if text[stop] != "." or not stop or text[stop - 1] not in _ABBREVIATION_ENDS:
        return False
    match = _WORD_BEFORE.search(text, max(0, stop - 12), stop)
    if not match:
        return False
    word = match.group(1)
    return word in _abbreviations() or (len(word) == 1 and word.isupper())


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with offsets into ``text``; whitespace between them belongs to none."""
    sentences: list[Sentence] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if text[match.start()] == "\n":
            end = match.start()
        elif _is_abbreviation(text, match.start()):
            continue
        else:
            end = match.end()
        _append(sentences, text, start, end)
        start = match.end()
    _append(sentences, text, start, len(text))
    return sentences


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    body = piece.lstrip()  # strips what str.isspace() calls whitespace
    start += len(piece) - len(body)
    body = body.rstrip()
    if body:
        sentences.append(Sentence(len(sentences), start, start + len(body), body))
