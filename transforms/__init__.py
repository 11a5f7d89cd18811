"""Pure extraction logic: text and metadata in, typed records out.

Nothing in this package reads or writes files other than its own lexicons,
and nothing here imports Prefect, Great Expectations or pyarrow.
"""
