"""Regex alternations of word lists, arranged as character tries.

``trie_pattern(["km", "kms", "kg"])`` -> ``k(?:g|ms?)``. A flat alternation
("kms|km|kg") makes the regex engine try every entry in turn at every position;
a trie rejects a position after one character. At any one position the entries
that can match form a chain of prefixes, and the trie tries the longer one
first, so the hits are those of the flat alternation sorted longest first.
"""

from __future__ import annotations

import re
from typing import Iterable


def trie_pattern(phrases: Iterable[str], space: str = r"\ ") -> str:
    """Non-capturing alternation of ``phrases``; each space in a phrase matches ``space``
    (``r"[ \\u00a0]"`` for "square kilometres" written with a no-break space)."""
    trie: dict[str, dict] = {}
    for phrase in set(phrases):
        if not phrase:
            continue
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}
    return _node_pattern(trie, space) or "(?!)"


def capitalisable(words: Iterable[str]) -> list[str]:
    """Each word as written and with a capital first letter ("three", "Three"), for a sentence start."""
    return [variant for word in words for variant in (word, word[:1].upper() + word[1:])]


def _node_pattern(node: dict[str, dict], space: str) -> str:
    optional = "" in node
    branches = [
        (space if char == " " else re.escape(char)) + _node_pattern(node[char], space)
        for char in sorted(key for key in node if key)
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and not optional else "(?:" + "|".join(branches) + ")"
    return body + "?" if optional else body
