"""Readers of batch inputs, each yielding base.Record: page files, folders and JSONL (sources, which
also picks the reader by file name), Parquet (parquet) and WARC or ARC (warc)."""
