"""Units: surface aliases, canonical names, dimensions and pint conversions."""

from __future__ import annotations

import re

import pytest

from transforms.units import currency_sign_pattern, registry, resolve_unit, to_si, unit_pattern

UNIT = re.compile(unit_pattern())
SIGN = re.compile(currency_sign_pattern())


@pytest.mark.parametrize(
    ("surface", "kind", "unit", "dimension"),
    [
        ("kilometres", "word", "km", "length"), ("kilometer", "word", "km", "length"), ("km", "symbol", "km", "length"),
        ("miles", "word", "mi", "length"), ("feet", "word", "ft", "length"), ("metres", "word", "m", "length"),
        ("m", "attached", "m", "length"), ("square kilometers", "word", "km**2", "area"), ("sq km", "word", "km**2", "area"),
        ("km²", "symbol", "km**2", "area"), ("sq mi", "word", "mi**2", "area"), ("square miles", "word", "mi**2", "area"),
        ("hectares", "word", "ha", "area"), ("acres", "word", "acre", "area"), ("litres", "word", "l", "volume"),
        ("barrels", "word", "bbl", "volume"), ("barrels per day", "word", "bbl/day", "flow_rate"), ("bpd", "symbol", "bbl/day", "flow_rate"),
        ("tonnes", "word", "t", "mass"), ("kg", "symbol", "kg", "mass"), ("pounds", "word", "lb", "mass"),
        ("months", "word", "month", "duration"), ("weeks", "word", "week", "duration"), ("year-old", "word", "year", "duration"),
        ("mph", "symbol", "mph", "speed"), ("km/h", "symbol", "km/h", "speed"), ("knots", "word", "knot", "speed"),
        ("°C", "symbol", "degC", "temperature"), ("C", "attached", "degC", "temperature"),
        ("degrees Fahrenheit", "word", "degF", "temperature"), ("GW", "symbol", "GW", "power"), ("megawatts", "word", "MW", "power"),
        ("TWh", "symbol", "TWh", "energy"), ("MB", "symbol", "MB", "data"), ("Gbps", "symbol", "Gbit/s", "data_rate"),
        ("%", "symbol", "percent", "percentage"), ("per cent", "word", "percent", "percentage"), ("percent", "word", "percent", "percentage"),
        ("percentage points", "word", "percentage_point", "percentage"), ("basis points", "word", "basis_point", "percentage"),
        ("dollars", "word", "USD", "currency"), ("euros", "word", "EUR", "currency"), ("yuan", "word", "CNY", "currency"),
        ("rupees", "word", "INR", "currency"), ("$", "sign", "USD", "currency"), ("US$", "sign", "USD", "currency"),
        ("£", "sign", "GBP", "currency"), ("€", "sign", "EUR", "currency"), ("¥", "sign", "JPY", "currency"),
        ("USD", "sign", "USD", "currency"), ("A$", "sign", "AUD", "currency"),
    ],
)
def test_resolve_unit(surface, kind, unit, dimension):
    resolved = resolve_unit(surface, kind)
    assert resolved is not None and (resolved.name, resolved.dimension) == (unit, dimension)


def test_pounds_after_a_scale_are_sterling():
    assert resolve_unit("pounds", "word", scaled=True).name == "GBP"


@pytest.mark.parametrize(
    ("value", "unit", "value_si", "si_unit"),
    [
        (1000, "km**2", 1e9, "m**2"), (620, "mi", 997793.28, "m"), (3, "month", 3 * 2629800, "s"), (3, "week", 1814400, "s"),
        (5, "percent", 0.05, "dimensionless"), (2e9, "USD", 2e9, "USD"), (30, "degC", 303.15, "K"), (86, "degF", 303.15, "K"),
        (1, "t", 1000, "kg"), (2, "decade", 20 * 31557600, "s"), (1, "GW", 1e9, "kg*m**2/s**3"), (2, "percentage_point", 0.02, "dimensionless"),
        (1, "ha", 10000, "m**2"), (100, "km/h", 27.7777778, "m/s"),
    ],
)
def test_to_si(value, unit, value_si, si_unit):
    converted, base = to_si(value, unit)
    assert converted == pytest.approx(value_si) and base == si_unit


def test_one_registry_per_process():
    assert registry() is registry()


@pytest.mark.parametrize(
    ("text", "group", "surface", "separator"),
    [
        ("-kilometer front", "unit_word", "kilometer", "-"), (" square kilometers of", "unit_word", "square kilometers", " "),
        ("%", "unit_symbol", "%", ""), (" per cent", "unit_word", "per cent", " "), ("km north", "unit_symbol", "km", ""),
    ],
)
def test_unit_pattern(text, group, surface, separator):
    match = UNIT.match(text)
    assert match is not None and match.group(group) == surface and match.group("unit_sep") == separator


@pytest.mark.parametrize("text", [" kmart", " percentages", "milestone"])
def test_unit_pattern_needs_a_word_boundary(text):
    assert UNIT.match(text) is None


def test_every_lexicon_unit_converts():
    from transforms.lexicon import load_toml

    for name in load_toml("units")["units"]:
        assert to_si(1.0, name)[0] is not None, name
    for code in load_toml("currencies")["currencies"]:
        assert to_si(1.0, code) == (1.0, code)


def test_every_lexicon_unit_has_the_pint_dimensionality_of_its_dimension():
    from transforms.lexicon import load_toml
    from transforms.units import unit_has_dimension

    wrong = [
        (name, entry["dimension"])
        for name, entry in load_toml("units")["units"].items()
        if not unit_has_dimension(name, entry["dimension"])
    ]
    assert wrong == []
    assert all(unit_has_dimension(code, "currency") for code in load_toml("currencies")["currencies"])
