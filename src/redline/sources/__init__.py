"""The sources stage: reading inputs into `Document` records.

readers  the entry point (`read_inputs`): files, directories, URLs, stdin; text, JSONL, gzip
html     HTML pages: main text, title, date and URL via trafilatura
feeds    RSS/Atom feeds from files or URLs, optionally fetching each entry's page
warc     WARC and WARC.gz archives (response and resource records)
fetch    polite HTTP(S) downloads: timeouts, retries, per-host delay, User-Agent
checks   what every reader does alike: decoding, warnings, error records
"""
