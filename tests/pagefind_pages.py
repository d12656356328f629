"""What Pagefind indexed in a built site, read from its fragment files."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

# Pagefind writes each page's record as gzip-compressed JSON after this signature.
SIGNATURE = b"pagefind_dcd"


def indexed_pages(site_dir: Path, bundle: str = "pagefind") -> dict[str, dict[str, Any]]:
    """Each indexed page's record (url, content, meta), by address below the site root, from
    the index in the folder `bundle` (the first index, or pagefind-body for post texts, with
    every one of its shards, or one shard of it)."""
    pages: dict[str, dict[str, Any]] = {}
    for fragment in sorted((site_dir / bundle).glob("**/fragment/*")):
        data = gzip.decompress(fragment.read_bytes())
        assert data.startswith(SIGNATURE), f"{fragment} không phải tệp của Pagefind"
        record: dict[str, Any] = json.loads(data[len(SIGNATURE) :])
        pages[record["url"].lstrip("/")] = record
    return pages
