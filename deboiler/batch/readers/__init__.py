"""Readers of batch inputs: page files and folders, JSONL (sources), Parquet (parquet) and WARC (warc)."""
