"""Units of measure and currencies: surface forms, canonical names, conversions.

What a unit is called and which dimension it measures is data
(``lexicons/units.toml``, ``lexicons/currencies.toml``); every conversion is
pint's, through one registry per process that also knows each currency as a
base unit of its own (``lexicons/pint_definitions.txt``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

import pint

from transforms.alternation import trie_pattern
from transforms.lexicon import load_toml, read_text

_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Unit:
    """A canonical unit (``km**2``, ``USD``, ``percent``) and the figures dimension it measures."""

    name: str
    dimension: str


@dataclass(frozen=True, slots=True)
class UnitAliases:
    words: dict[str, Unit]  # lower-cased, single-spaced
    symbols: dict[str, Unit]  # case-sensitive
    attached: dict[str, Unit]  # case-sensitive, only straight after digits
    currency_signs: dict[str, Unit]  # case-sensitive, before the number
    scaled_words: dict[str, Unit]  # words that name a currency only after a scale ("2 million pounds")


@cache
def registry() -> pint.UnitRegistry:
    """The process's one pint registry, with currencies and proportions added."""
    units = pint.UnitRegistry()
    units.load_definitions(read_text("pint_definitions.txt").splitlines())
    return units


def _normal_word(surface: str) -> str:
    return _SPACES.sub(" ", surface.strip().lower())


@cache
def aliases() -> UnitAliases:
    words: dict[str, Unit] = {}
    symbols: dict[str, Unit] = {}
    attached: dict[str, Unit] = {}
    for name, entry in load_toml("units")["units"].items():
        unit = Unit(name, entry["dimension"])
        words.update((_normal_word(word), unit) for word in entry.get("words", ()))
        symbols.update((symbol, unit) for symbol in entry.get("symbols", ()))
        attached.update((symbol, unit) for symbol in entry.get("attached", ()))
    signs: dict[str, Unit] = {}
    scaled: dict[str, Unit] = {}
    for code, entry in load_toml("currencies")["currencies"].items():
        unit = Unit(code, "currency")
        signs.update((sign, unit) for sign in entry.get("signs", ()))
        words.update((_normal_word(word), unit) for word in entry.get("words", ()))
        scaled.update((_normal_word(word), unit) for word in entry.get("scaled_words", ()))
    return UnitAliases(words, symbols, attached, signs, scaled)


def _alternation(surfaces: object) -> str:
    """Longest first, so "square kilometres" wins over "square"; spaces match any single space."""
    return trie_pattern(surfaces, space=r"[ \u00a0]")  # type: ignore[arg-type]


@cache
def unit_pattern() -> str:
    """Regex source for a unit written after a number, with named groups.

    ``unit_word`` ("square kilometers", "-kilometer", " per cent"), ``unit_symbol``
    (" km", "%", "km²"), ``unit_attached`` ("30C"). ``unit_sep`` holds the space or
    hyphen between number and unit; a hyphen makes a compound adjective.
    """
    table = aliases()
    words = _alternation(set(table.words) | set(table.scaled_words))
    return (
        rf"(?P<unit_sep>[ \u00a0]?-?[ \u00a0]?)"
        rf"(?:(?P<unit_word>(?i:{words}))(?![\w])"
        rf"|(?P<unit_symbol>{_alternation(table.symbols)})(?![\w²³])"
        rf"|(?<=[\d])(?P<unit_attached>{_alternation(table.attached)})(?![\w]))"
    )


@cache
def currency_sign_pattern() -> str:
    """Regex source for a currency sign or code before a number: "$", "US$", "£", "USD "."""
    return _alternation(aliases().currency_signs)


@lru_cache(maxsize=8192)
def resolve_unit(surface: str, kind: str, scaled: bool = False) -> Unit | None:
    """The unit a matched surface names; ``kind`` is the regex group (word, symbol, attached, sign)."""
    table = aliases()
    if kind == "word":
        word = _normal_word(surface)
        if scaled and word in table.scaled_words:
            return table.scaled_words[word]
        return table.words.get(word)
    if kind == "symbol":
        return table.symbols.get(surface)
    if kind == "attached":
        return table.attached.get(surface)
    if kind == "sign":
        return table.currency_signs.get(surface.strip())
    return None


@dataclass(frozen=True, slots=True)
class BaseConversion:
    factor: float
    si_unit: str
    offset: bool  # temperatures: pint must convert each value


@cache
def _pint_expressions() -> dict[str, str]:
    """Canonical unit -> pint expression, where they differ (``decade`` -> ``10 * year``)."""
    return {name: entry["pint"] for name, entry in load_toml("units")["units"].items() if "pint" in entry}


@cache
def base_conversion(unit: str) -> BaseConversion:
    """How to bring a value in ``unit`` to pint base units (``km**2`` -> x 1e6, ``m**2``)."""
    units = registry()
    expression = _pint_expressions().get(unit, unit)
    quantity = units.parse_expression(expression)  # "km**2", "10 * year"
    offset = not quantity._is_multiplicative  # noqa: SLF001 - pint's own test for degC and the like
    base = units.Quantity(0.0, expression).to_base_units() if offset else quantity.to_base_units()
    si_unit = format(base.units, "~C") or "dimensionless"
    return BaseConversion(float(base.magnitude), si_unit, offset)


def to_si(value: float | None, unit: str) -> tuple[float | None, str]:
    """``to_si(1000, "km**2") == (1e9, "m**2")``; ``to_si(5, "percent") == (0.05, "dimensionless")``."""
    conversion = base_conversion(unit)
    if value is None:
        return None, conversion.si_unit
    if conversion.offset:
        return _offset_to_si(value, unit), conversion.si_unit
    return value * conversion.factor, conversion.si_unit


@lru_cache(maxsize=4096)
def _offset_to_si(value: float, unit: str) -> float:
    """A temperature in base units, through pint (slow: a few hundred microseconds, hence the cache)."""
    return float(registry().Quantity(value, _pint_expressions().get(unit, unit)).to_base_units().magnitude)


def dimensionality(unit: str) -> object:
    """pint's dimensionality of a canonical unit (``km**2`` -> ``[length] ** 2``); raises for a name pint does not know."""
    return registry().parse_expression(_pint_expressions().get(unit, unit)).dimensionality


@cache
def expected_dimensionalities() -> dict[str, tuple[object, ...]]:
    """Figures dimension -> the pint dimensionalities its units may have (``lexicons/dimensions.toml``)."""
    units = registry()
    return {
        dimension: tuple(units.get_dimensionality("" if text == "dimensionless" else text) for text in texts)
        for dimension, texts in load_toml("dimensions").items()
    }


def unit_has_dimension(unit: str, dimension: str) -> bool | None:
    """Whether pint agrees that ``unit`` measures ``dimension``; None where the dimension is not one of measure
    (counts, dates, scores)."""
    if dimension == "currency":
        try:
            found = dimensionality(unit)
        except (pint.errors.PintError, AttributeError, ValueError, TypeError):
            return False
        return len(found) == 1 and next(iter(found)).startswith("[currency_")
    expected = expected_dimensionalities().get(dimension)
    if expected is None:
        return None
    try:
        return dimensionality(unit) in expected
    except (pint.errors.PintError, AttributeError, ValueError, TypeError):
        return False
