"""The stated-conversion rule behind ``expect_stated_conversions_to_agree``."""

from __future__ import annotations

import pytest

from expectations.custom import conversions_agree, stated_precision

MILE, KM, POUND_KG = 1609.344, 1000.0, 0.45359237


@pytest.mark.parametrize(
    ("value", "precision"), [(620, 10), (1000, 1000), (8.5, 0.1), (7, 1), (1250, 10), (0.25, 0.01), (-40, 10)]
)
def test_stated_precision(value, precision):
    assert stated_precision(value) == pytest.approx(precision)


@pytest.mark.parametrize(
    ("a", "a_si", "b", "b_si", "agree"),
    [
        (1000, 1000 * KM, 620, 620 * MILE, True),  # 1,000-kilometer (620-mile)
        (1000, 1000 * KM, 900, 900 * MILE, False),
        (5, 5 * MILE, 8, 8 * KM, True),  # 5 miles (8km)
        (5, 5 * MILE, 9, 9 * KM, False),
        (100, 100 * MILE, 160, 160 * KM, True),
        (2.2, 2.2 * POUND_KG, 1, 1.0, True),  # 2.2lb (1kg)
        (22, 22 * POUND_KG, 1, 1.0, False),
        (0, 0.0, 0, 0.0, True),
    ],
)
def test_conversions_agree(a, a_si, b, b_si, agree):
    assert conversions_agree(a, a_si, b, b_si) is agree
    assert conversions_agree(b, b_si, a, a_si) is agree
