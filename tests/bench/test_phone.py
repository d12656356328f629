"""The phone benchmark's server: what the search worker fetches goes at the phone's speed."""

from __future__ import annotations

import io
import time
import urllib.request
from pathlib import Path

import phone
from trangxa.search.pagefind_index import BODY_BUNDLE_DIR, BUNDLE_DIR


def test_both_search_indexes_are_sent_at_the_phone_speed() -> None:
    # Chromium's emulation leaves the worker's own downloads fast: the server must slow them.
    assert f"/{BUNDLE_DIR}/" in phone.WORKER_PATHS
    assert f"/{BODY_BUNDLE_DIR}/" in phone.WORKER_PATHS


def test_link_writes_everything_and_books_the_time_it_takes() -> None:
    link = phone._Link()
    data = bytes(range(256)) * 80
    out = io.BytesIO()
    before = time.monotonic()
    link.send(data, out)
    assert out.getvalue() == data
    assert link.free_at - before >= len(data) / phone.DOWN_BYTES_PER_S


def test_server_sends_worker_files_whole_and_counts_them(tmp_path: Path) -> None:
    index = tmp_path / BODY_BUNDLE_DIR / "index"
    index.mkdir(parents=True)
    chunk = bytes(range(256)) * 40
    (index / "vi_1.pf_index").write_bytes(chunk)
    (tmp_path / "index.html").write_text("<p>Trang chủ</p>", encoding="utf-8")
    with phone.serve(tmp_path) as (base, log):
        started = time.monotonic()
        with urllib.request.urlopen(f"{base}{BODY_BUNDLE_DIR}/index/vi_1.pf_index") as answer:
            assert answer.read() == chunk
        with urllib.request.urlopen(base) as answer:
            assert "Trang chủ" in answer.read().decode("utf-8")
        # The server counts a file once it has written it, which may be after the client read it.
        deadline = time.monotonic() + 10
        while len(log.since(started)) < 2 and time.monotonic() < deadline:
            time.sleep(0.01)
        sent = {path: size for _, path, size in log.since(started)}
    assert sent[f"/{BODY_BUNDLE_DIR}/index/vi_1.pf_index"] == len(chunk)
    assert sent["/"] > 0


def test_query_rows_show_first_and_whole_answers() -> None:
    result = phone.SiteResult(3000, "trangxa")
    result.runs.append(phone.SearchRun("otp", 2.13, 197_542, 10, 5.47, 627_245))
    result.runs.append(phone.SearchRun("lễ hội", None, 0, 0))
    assert phone.query_rows(result) == [
        "| 3000 | otp | 2,1 | 198 | 5,5 | 627 | 10 |",
        "| 3000 | lễ hội | – | 0 | – | 0 | 0 |",
    ]
