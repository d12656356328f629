"""Commands run as staff run them: a separate process in the site's folder."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def run_module(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`python -m trangxa ...` or `python -m mkdocs ...` in root, output captured as text."""
    return subprocess.run(
        [sys.executable, "-m", *args],
        cwd=root,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=600,
        check=False,
    )
