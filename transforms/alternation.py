"""Regex alternations of word lists, arranged as character tries; patterns compiled for speed.

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


def compile_fast(pattern: str) -> re.Pattern[str]:
    """``re.compile`` with each greedy optional group ``(...)?`` written ``(?:(...)|)``.

    Both match the same text the same way (the group first, else nothing), but
    the regex engine runs an alternation much faster than an optional repeat:
    ``(?:the\s+)?`` becomes ``(?:the\s+|)``.
    """
    return re.compile(_optional_groups_as_alternations(pattern))


def _optional_groups_as_alternations(pattern: str) -> str:
    written: list[str] = []
    group_starts: list[int] = []  # where each open group starts in ``written``
    position, in_class = 0, False
    while position < len(pattern):
        char = pattern[position]
        if char == "\\":  # an escape, copied as it is
            written.append(pattern[position:position + 2])
            position += 2
            continue
        position += 1
        if in_class:
            in_class = char != "]"
            written.append(char)
        elif char == "[":
            in_class = True
            written.append(char)
            for literal in "^]":  # "[^" and a "]" right after the opening stay in the class
                if pattern[position:position + 1] == literal:
                    written.append(literal)
                    position += 1
        elif char == "(":
            group_starts.append(len(written))
            written.append(char)
        elif char == ")":
            start = group_starts.pop()
            group = "".join(written[start:]) + ")"
            optional = pattern[position:position + 1] == "?" and pattern[position + 1:position + 2] not in ("?", "+")
            if optional and not group.startswith(("(?=", "(?!", "(?<", "(?(")):
                del written[start:]
                written.append(f"(?:{group[3:-1] if group.startswith('(?:') else group}|)")
                position += 1
            else:
                written.append(")")
        else:
            written.append(char)
    return "".join(written)
