"""Orchestration, I/O and the command line: everything that touches files, Prefect or GX."""
