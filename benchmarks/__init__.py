"""Benchmarks: measured by command, never asserted by timed tests."""
