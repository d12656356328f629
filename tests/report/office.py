"""LibreOffice run headless, as a clerk's office program opening the files trangxa writes."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

SOFFICE = "/usr/bin/soffice"
_WORD = re.compile(
    r'<word xMin="(?P<x0>[0-9.]+)" yMin="[0-9.]+" xMax="(?P<x1>[0-9.]+)" yMax="[0-9.]+">'
    r"(?P<text>[^<]*)</word>"
)


def convert(source: Path, target_format: str, work: Path) -> Path:
    """Convert a file with LibreOffice into work/, in a profile of its own; fail on any error."""
    profile = work / "lo-profile"
    outdir = work / "out"
    outdir.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [
            SOFFICE,
            "--headless",
            "--norestore",
            f"-env:UserInstallation={profile.as_uri()}",
            "--convert-to",
            target_format,
            "--outdir",
            str(outdir),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    extension = target_format.split(":")[0]
    converted = outdir / f"{source.stem}.{extension}"
    assert result.returncode == 0, result.stderr
    assert "Error" not in result.stderr, result.stderr
    assert converted.is_file(), f"LibreOffice wrote nothing: {result.stdout} {result.stderr}"
    return converted


@dataclass(frozen=True)
class PlacedWord:
    """A word of a PDF page with its left and right edges in points."""

    page: int
    left: float
    right: float
    text: str


def pdf_words(pdf: Path) -> list[PlacedWord]:
    """Every word of the PDF with its position, read by poppler's pdftotext."""
    html = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    words = []
    for page, body in enumerate(html.split("<page ")[1:], start=1):
        for match in _WORD.finditer(body):
            words.append(PlacedWord(page, float(match["x0"]), float(match["x1"]), match["text"]))
    return words
