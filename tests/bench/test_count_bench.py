"""The count benchmark runs the real command on a generated site and tabulates medians."""

from __future__ import annotations

import json
from pathlib import Path

import count
import pytest
import run


def test_table_gives_medians_every_run_and_the_load() -> None:
    timings = [
        count.Timing("first", 0.9, 1.5, 0.5),
        count.Timing("again", 0.4, 0.4, 0.6),
        count.Timing("first", 1.3, 1.7, 2.0),
        count.Timing("again", 0.6, 0.5, 2.1),
        count.Timing("first", 1.1, 1.6, 1.0),
        count.Timing("again", 0.5, 0.45, 1.1),
    ]
    table = count.format_table(timings, 10000)
    assert "10.000 bài" in table
    assert "| lần đầu (chưa có .cache/) | 1,10 | 0,90 · 1,30 · 1,10 | 1,60 | 0,5 · 2,0 · 1,0 |" in table
    assert "| lần sau | 0,50 | 0,40 · 0,60 · 0,50 | 0,45 | 0,6 · 2,1 · 1,1 |" in table


def test_small_site_end_to_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(run, "WORK_DIR", tmp_path / "work")
    record = tmp_path / "lan-chay.json"
    assert count.main(["--posts", "40", "--repeat", "2", "--json", str(record)]) == 0
    runs = json.loads(record.read_text(encoding="utf-8"))
    assert [entry["kind"] for entry in runs] == ["first", "again", "first", "again"]
    assert all(entry["wall_s"] > 0 and entry["cpu_s"] > 0 for entry in runs)
    assert "| lần sau |" in capsys.readouterr().out
    # The runs counted in a copy: the generated site, shared by the benchmarks, is untouched.
    assert list((tmp_path / "work").rglob(".cache")) == []
