"""The sources stage: reading inputs into `Document` records.

readers  the entry point (`read_inputs`): files, directories, URLs, stdin; text, JSONL, gzip
html     HTML pages: main text, title, date and URL via trafilatura
feeds    RSS/Atom feeds from files or URLs, optionally fetching each entry's page
warc     WARC and WARC.gz archives (response and resource records)
fetch    polite HTTP(S) downloads: timeouts, retries, per-host delay, User-Agent
checks   what every reader does alike: cleaning, warnings, the language check, error records
encoding bytes to text: UTF-8, UTF-16/32 with or without a byte order mark, binary data
language telling English from other languages (function words and scripts, data/language.yaml)
"""
