"""`trangxa count` on the boundaries fixture, against figures counted by hand.

The fixture's posts (date as written → moment in Vietnam time → category):
  a 2023/hop-thon-cuoi-ngay-14-12        14/12/2023 23:59:59            Tin tức
  b 2023/thong-bao-dau-ngay-15-12        2023-12-15 00:00:00            Thông báo
  c 2023/chuc-mung-nam-moi-dem-31-12     31/12/2023 23:30               Tin tức
  d 2024/tin-gio-utc                     2023-12-31T17:30Z = 01/01/2024 00:30   Tin tức
  e 2024/cchc-dau-ngay-14-3              14/03/2024 00:00               Cải cách hành chính
  f 2024/hai-chuyen-muc-cuoi-ngay-14-3   14/03/2024 23:59:59+07:00      Cải cách hành chính, Thông báo
  g 2024/chi-co-ngay-15-3                2024-03-15 (date only)         Cải cách hành chính
  i 2024/gio-utc-sang-15-3               2024-03-14T17:00Z = 15/03/2024 00:00   Tin tức
  j 2024/dau-to-hop-nfd (NFD text)       10/05/2024 09:00               Cải cách hành chính
  k 2024/bom-crlf (BOM, CRLF)            20/06/2024 08:00               Thông báo
  l 2024/cchc/thang-8/thu-muc-con        01/08/2024 08:00               Cải cách hành chính
  n 2024/hen-gio-20-11                   20/11/2024 10:00               Thông báo
  o 2025/dem-giao-thua-31-12-2024        31/12/2024 23:59               Tin tức
  m 2024/ban-nhap (draft)                01/02/2024                     Tin tức
Procedures: khai sinh new 10/01/2024; kết hôn new 20/12/2023, amended 15/03/2024;
xác nhận (cũ) new 01/06/2023, abolished 01/07/2024.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from tests.report.cli import BOUNDARIES, run_count

TT, TB, CCHC = "Tin tức", "Thông báo", "Cải cách hành chính"
LATE = "2025-06-30"

A = "posts/2023/hop-thon-cuoi-ngay-14-12.md"
B = "posts/2023/thong-bao-dau-ngay-15-12.md"
C = "posts/2023/chuc-mung-nam-moi-dem-31-12.md"
D = "posts/2024/tin-gio-utc.md"
E = "posts/2024/cchc-dau-ngay-14-3.md"
F = "posts/2024/hai-chuyen-muc-cuoi-ngay-14-3.md"
G = "posts/2024/chi-co-ngay-15-3.md"
I = "posts/2024/gio-utc-sang-15-3.md"  # noqa: E741
J = "posts/2024/dau-to-hop-nfd.md"
K = "posts/2024/bom-crlf.md"
L = "posts/2024/cchc/thang-8/thu-muc-con.md"
N = "posts/2024/hen-gio-20-11.md"
O = "posts/2025/dem-giao-thua-31-12-2024.md"  # noqa: E741

# (mode, period, start, end, (Tin tức, Thông báo, Cải cách hành chính), sources oldest first)
EXPECTED = [
    ("nd09", "2023-Q4", "2023-09-15T00:00:00+07:00", "2023-12-14T23:59:59+07:00", (1, 0, 0), [A]),
    ("nd09", "2023-12", "2023-11-15T00:00:00+07:00", "2023-12-14T23:59:59+07:00", (1, 0, 0), [A]),
    (
        "nd09",
        "2024-Q1",
        "2023-12-15T00:00:00+07:00",
        "2024-03-14T23:59:59+07:00",
        (2, 2, 2),
        [B, C, D, E, F],
    ),
    (
        "nd09",
        "2024-01",
        "2023-12-15T00:00:00+07:00",
        "2024-01-14T23:59:59+07:00",
        (2, 1, 0),
        [B, C, D],
    ),
    (
        "nd09",
        "2024-03",
        "2024-02-15T00:00:00+07:00",
        "2024-03-14T23:59:59+07:00",
        (0, 1, 2),
        [E, F],
    ),
    (
        "nd09",
        "2024-Q2",
        "2024-03-15T00:00:00+07:00",
        "2024-06-14T23:59:59+07:00",
        (1, 0, 2),
        [G, I, J],
    ),
    (
        "nd09",
        "2024-Q3",
        "2024-06-15T00:00:00+07:00",
        "2024-09-14T23:59:59+07:00",
        (0, 1, 1),
        [K, L],
    ),
    ("nd09", "2024-Q4", "2024-09-15T00:00:00+07:00", "2024-12-14T23:59:59+07:00", (0, 1, 0), [N]),
    (
        "nd09",
        "2024-H1",
        "2023-12-15T00:00:00+07:00",
        "2024-06-14T23:59:59+07:00",
        (3, 2, 4),
        [B, C, D, E, F, G, I, J],
    ),
    (
        "nd09",
        "2024-H2",
        "2024-06-15T00:00:00+07:00",
        "2024-12-14T23:59:59+07:00",
        (0, 2, 1),
        [K, L, N],
    ),
    (
        "nd09",
        "2024-9M",
        "2023-12-15T00:00:00+07:00",
        "2024-09-14T23:59:59+07:00",
        (3, 3, 5),
        [B, C, D, E, F, G, I, J, K, L],
    ),
    (
        "nd09",
        "2024",
        "2023-12-15T00:00:00+07:00",
        "2024-12-14T23:59:59+07:00",
        (3, 4, 5),
        [B, C, D, E, F, G, I, J, K, L, N],
    ),
    ("nd09", "2025-Q1", "2024-12-15T00:00:00+07:00", "2025-03-14T23:59:59+07:00", (1, 0, 0), [O]),
    (
        "calendar",
        "2023-Q4",
        "2023-10-01T00:00:00+07:00",
        "2023-12-31T23:59:59+07:00",
        (2, 1, 0),
        [A, B, C],
    ),
    (
        "calendar",
        "2023-12",
        "2023-12-01T00:00:00+07:00",
        "2023-12-31T23:59:59+07:00",
        (2, 1, 0),
        [A, B, C],
    ),
    (
        "calendar",
        "2024-01",
        "2024-01-01T00:00:00+07:00",
        "2024-01-31T23:59:59+07:00",
        (1, 0, 0),
        [D],
    ),
    (
        "calendar",
        "2024-03",
        "2024-03-01T00:00:00+07:00",
        "2024-03-31T23:59:59+07:00",
        (1, 1, 3),
        [E, F, G, I],
    ),
    (
        "calendar",
        "2024-Q1",
        "2024-01-01T00:00:00+07:00",
        "2024-03-31T23:59:59+07:00",
        (2, 1, 3),
        [D, E, F, G, I],
    ),
    (
        "calendar",
        "2024-Q2",
        "2024-04-01T00:00:00+07:00",
        "2024-06-30T23:59:59+07:00",
        (0, 1, 1),
        [J, K],
    ),
    (
        "calendar",
        "2024-Q3",
        "2024-07-01T00:00:00+07:00",
        "2024-09-30T23:59:59+07:00",
        (0, 0, 1),
        [L],
    ),
    (
        "calendar",
        "2024-Q4",
        "2024-10-01T00:00:00+07:00",
        "2024-12-31T23:59:59+07:00",
        (1, 1, 0),
        [N, O],
    ),
    (
        "calendar",
        "2024-H1",
        "2024-01-01T00:00:00+07:00",
        "2024-06-30T23:59:59+07:00",
        (2, 2, 4),
        [D, E, F, G, I, J, K],
    ),
    (
        "calendar",
        "2024-H2",
        "2024-07-01T00:00:00+07:00",
        "2024-12-31T23:59:59+07:00",
        (1, 1, 1),
        [L, N, O],
    ),
    (
        "calendar",
        "2024-9M",
        "2024-01-01T00:00:00+07:00",
        "2024-09-30T23:59:59+07:00",
        (2, 2, 5),
        [D, E, F, G, I, J, K, L],
    ),
    (
        "calendar",
        "2024",
        "2024-01-01T00:00:00+07:00",
        "2024-12-31T23:59:59+07:00",
        (3, 3, 5),
        [D, E, F, G, I, J, K, L, N, O],
    ),
    ("calendar", "2025", "2025-01-01T00:00:00+07:00", "2025-12-31T23:59:59+07:00", (0, 0, 0), []),
]


@pytest.mark.parametrize(
    ("mode", "period", "start", "end", "by_category", "sources"),
    EXPECTED,
    ids=[f"{row[0]}-{row[1]}" for row in EXPECTED],
)
def test_counts_match_hand_counted_figures(
    mode: str,
    period: str,
    start: str,
    end: str,
    by_category: tuple[int, int, int],
    sources: list[str],
) -> None:
    run = run_count("--period", period, "--mode", mode, "--as-of", LATE, "--format", "json")
    assert run.code == 0, run.stderr
    data = run.json()
    assert data["period"]["id"] == period
    assert data["period"]["mode"] == mode
    assert (data["period"]["start"], data["period"]["end"]) == (start, end)
    assert data["posts"]["by_category"] == dict(zip((TT, TB, CCHC), by_category, strict=True))
    assert data["posts"]["total"] == len(sources)
    assert [item["source"] for item in data["posts"]["items"]] == sources


def test_post_in_two_categories_counts_once_in_total_and_once_in_each() -> None:
    data = run_count("--period", "2024-03", "--as-of", LATE, "--format", "json").json()
    two = [item for item in data["posts"]["items"] if item["source"] == F]
    assert two[0]["categories"] == [CCHC, TB]
    # e and f: two posts; f is also the only Thông báo post of the month.
    assert data["posts"]["total"] == 2
    assert data["posts"]["by_category"] == {TT: 0, TB: 1, CCHC: 2}


def test_items_carry_title_date_url_categories_and_source() -> None:
    data = run_count("--period", "2024-Q1", "--as-of", LATE, "--format", "json").json()
    first = data["posts"]["items"][2]
    assert first == {
        "title": "Tin ghi giờ UTC, sang ngày 01/01/2024 giờ Việt Nam",
        "date": "2024-01-01T00:30:00+07:00",
        "url": "https://hoaan.lacson.gov.vn/tin-tuc/2024/"
        "tin-ghi-gio-utc-sang-ngay-01-01-2024-gio-viet-nam/",
        "categories": [TT],
        "source": D,
    }
    assert data["period"]["label"] == "quý I năm 2024"


def test_nfd_categories_and_title_are_counted_as_nfc() -> None:
    raw = (BOUNDARIES / J).read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFD", raw) and not unicodedata.is_normalized("NFC", raw)
    data = run_count(
        "--period", "2024-05", "--mode", "calendar", "--as-of", LATE, "--format", "json"
    ).json()
    assert data["posts"]["by_category"][CCHC] == 1
    item = data["posts"]["items"][0]
    assert item["categories"] == [CCHC]
    assert item["title"] == "Tuyên truyền cải cách hành chính tháng 5"
    assert unicodedata.is_normalized("NFC", item["title"])


def test_bom_and_crlf_file_is_counted() -> None:
    raw = (BOUNDARIES / K).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    data = run_count(
        "--period", "2024-06", "--mode", "calendar", "--as-of", LATE, "--format", "json"
    ).json()
    assert [item["source"] for item in data["posts"]["items"]] == [K]
    assert data["posts"]["items"][0]["title"] == "Thông báo soạn trên Windows"


def test_draft_is_never_counted() -> None:
    # The draft is dated 01/02/2024; nothing else falls in calendar February 2024.
    data = run_count(
        "--period", "2024-02", "--mode", "calendar", "--as-of", LATE, "--format", "json"
    ).json()
    assert data["posts"]["total"] == 0
    data = run_count(
        "--period", "2024", "--mode", "calendar", "--as-of", LATE, "--format", "json"
    ).json()
    assert "posts/2024/ban-nhap.md" not in [item["source"] for item in data["posts"]["items"]]


@pytest.mark.parametrize(
    ("as_of", "total", "complete", "as_of_iso"),
    [
        ("2024-11-20 09:59", 0, False, "2024-11-20T09:59:00+07:00"),
        ("20/11/2024 10:00", 1, False, "2024-11-20T10:00:00+07:00"),
        ("2024-11-20", 1, False, "2024-11-20T23:59:59+07:00"),
        ("2024-12-14 23:59:59", 1, True, "2024-12-14T23:59:59+07:00"),
    ],
)
def test_scheduled_post_counts_from_its_date_relative_to_as_of(
    as_of: str, total: int, complete: bool, as_of_iso: str
) -> None:
    data = run_count("--period", "2024-Q4", "--as-of", as_of, "--format", "json").json()
    assert data["posts"]["total"] == total
    assert data["complete"] is complete
    assert data["as_of"] == as_of_iso


@pytest.mark.parametrize(
    ("mode", "period", "by_change", "in_force"),
    [
        ("nd09", "2023", (1, 0, 0, 0), 1),
        ("nd09", "2024-Q1", (2, 0, 0, 0), 3),
        ("nd09", "2024-Q2", (0, 1, 0, 0), 3),
        ("nd09", "2024-Q3", (0, 0, 0, 1), 2),
        ("nd09", "2024", (2, 1, 0, 1), 2),
        ("calendar", "2023-Q4", (1, 0, 0, 0), 2),
        ("calendar", "2024-Q1", (1, 1, 0, 0), 3),
    ],
)
def test_procedure_changes_and_procedures_in_force(
    mode: str, period: str, by_change: tuple[int, int, int, int], in_force: int
) -> None:
    data = run_count("--period", period, "--mode", mode, "--as-of", LATE, "--format", "json")
    procedures = data.json()["procedures"]
    keys = ("new", "amended", "replaced", "abolished")
    assert procedures == {
        "by_change": dict(zip(keys, by_change, strict=True)),
        "in_force": in_force,
    }


def test_procedure_change_after_as_of_is_not_counted_yet() -> None:
    # The amendment of 15/03/2024 falls in calendar Q1 but after this moment.
    data = run_count(
        "--period", "2024-Q1", "--mode", "calendar", "--as-of", "2024-03-14", "--format", "json"
    ).json()
    assert data["procedures"]["by_change"]["amended"] == 0
    assert data["procedures"]["by_change"]["new"] == 1


def test_mode_comes_from_mkdocs_yml_unless_given(tmp_path: Path) -> None:
    project = _copy(tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "  - trangxa-report\n", "  - trangxa-report:\n      period_mode: calendar\n"
        ),
        encoding="utf-8",
    )
    from_config = run_count(
        "--period", "2024-Q1", "--as-of", LATE, "--format", "json", project=project
    ).json()
    assert from_config["period"]["mode"] == "calendar"
    assert from_config["posts"]["total"] == 5
    assert from_config["posts"]["by_category"] == {TT: 2, TB: 1, CCHC: 3}
    given = run_count(
        "--period",
        "2024-Q1",
        "--mode",
        "nd09",
        "--as-of",
        LATE,
        "--format",
        "json",
        project=project,
    ).json()
    assert given["period"]["start"] == "2023-12-15T00:00:00+07:00"
    default = run_count("--period", "2024-Q1", "--as-of", LATE, "--format", "json").json()
    assert default["period"]["mode"] == "nd09"


def test_text_names_the_window_and_the_figures() -> None:
    run = run_count("--period", "2024-Q1", "--as-of", LATE)
    assert run.code == 0
    text = run.text
    assert "từ ngày 15/12/2023 đến ngày 14/3/2024" in text
    assert (
        "Trong quý I năm 2024, Trang thông tin điện tử xã Hòa An đã đăng tải 5 tin, bài, "
        "trong đó 2 tin, bài về cải cách hành chính; cập nhật 2 thủ tục hành chính "
        "(mới ban hành: 2; sửa đổi, bổ sung: 0; thay thế: 0; bãi bỏ: 0)." in text
    )
    assert "Đến ngày 14/3/2024, trang đang công khai 3 thủ tục hành chính còn hiệu lực." in text
    assert "Tổng số tin, bài\t5\n" in text
    assert "Cải cách hành chính\t2\n" in text


def test_text_warns_when_the_period_has_not_ended() -> None:
    text = run_count("--period", "2024-Q4", "--as-of", "2024-11-20 09:59").text
    assert "kỳ báo cáo chưa kết thúc; số liệu tính đến 20/11/2024 09:59" in text


def test_bad_period_and_bad_date_are_explained() -> None:
    run = run_count("--period", "2024-Q5")
    assert run.code == 1
    assert "2024-Q5" in run.stderr and "2024-Q1" in run.stderr
    run = run_count("--period", "2024-Q1", "--as-of", "31/02/2025")
    assert run.code == 1
    assert "tháng 2 năm 2025 chỉ có 28 ngày" in run.stderr


def _copy(tmp_path: Path) -> Path:
    import shutil

    target = tmp_path / "boundaries"
    shutil.copytree(BOUNDARIES, target)
    return target
