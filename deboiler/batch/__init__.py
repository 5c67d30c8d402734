"""Many pages at once: the run loop (run), readers of the inputs (readers), engines that say where
workers run (local process pool or Dask), writers of JSONL or Parquet output (writers), cross-page
duplicates (crossdup), the summary (report) and the per-page time limit (page_timeout)."""
