"""Quiet, offline settings for every test, set before Prefect or GX are imported."""

from __future__ import annotations

from flows.cli import quiet_offline

quiet_offline()
