"""Real builds of fixture sites: the pages, the feed, search and sitemap."""

from __future__ import annotations

import json
import re
from pathlib import Path

import feedparser  # type: ignore[import-untyped]
import pytest
from lxml import html as lxml_html
from mkdocs.exceptions import Abort

from tests.sitebuild import BuildResult, build_site, copy_fixture

BASIC = "procedures/fixtures/basic"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    project = copy_fixture(BASIC, tmp_path_factory.mktemp("basic"))
    return build_site(project)


def page(site: BuildResult, path: str) -> lxml_html.HtmlElement:
    return lxml_html.fromstring(site.read(path))


def article(site: BuildResult, path: str) -> lxml_html.HtmlElement:
    [node] = page(site, path).xpath("//article")
    return node


def text(node: lxml_html.HtmlElement) -> str:
    return " ".join(node.text_content().split())


def test_builds_strict_without_warnings(site: BuildResult) -> None:
    assert site.messages == []


def test_index_groups_procedures_in_force_by_field_with_counts(site: BuildResult) -> None:
    body = article(site, "thu-tuc/index.html")
    headings = [text(h) for h in body.xpath(".//h2")]
    assert headings == ["Chứng thực (1 thủ tục)", "Hộ tịch (2 thủ tục)"]
    lists = {ul.get("data-field"): ul for ul in body.xpath(".//ul[@class='tx-list']")}
    ho_tich = [text(a) for a in lists["ho-tich"].xpath(".//a")]
    assert ho_tich == ["Đăng ký kết hôn", "Đăng ký khai sinh"]
    entry = lists["ho-tich"].xpath(".//li")[1]
    facts = text(entry)
    for expected in ("1.001193", "Ngay trong ngày tiếp nhận hồ sơ", "Miễn lệ phí khi đăng ký"):
        assert expected in facts
    assert entry.get("data-online") == "toan-trinh"
    assert "3" in text(body.xpath(".//*[@data-tx-total]")[0])


def test_index_filter_is_labelled_and_hidden_until_script_runs(site: BuildResult) -> None:
    body = article(site, "thu-tuc/index.html")
    [form] = body.xpath(".//form[@data-tx-filter]")
    assert form.get("hidden") is not None
    for select in form.xpath(".//select"):
        [label] = form.xpath(f".//label[@for='{select.get('id')}']")
        assert text(label)
    online = [o.get("value") for o in form.xpath(".//select[@name='online']/option")]
    assert online == ["", "toan-trinh", "mot-phan", "khong"]
    document = page(site, "thu-tuc/index.html")
    scripts = [s.get("src") for s in document.xpath("//script[@src]")]
    assert "../assets/trangxa/procedures.js" in scripts
    assert (site.site_dir / "assets/trangxa/procedures.js").is_file()


def test_abolished_procedure_leaves_the_index_but_keeps_a_marked_page(site: BuildResult) -> None:
    assert "Sửa lỗi sai sót" not in site.read("thu-tuc/index.html")
    body = article(site, "thu-tuc/chung-thuc/chung-thuc-cu/index.html")
    [notice] = body.xpath(".//div[contains(@class, 'tx-status')]")
    assert text(notice).startswith("Đã bãi bỏ")
    assert "Quyết định số 77/QĐ-UBND ngày 10/01/2025" in text(notice)


def test_archive_lists_abolished_and_replaced_procedures(site: BuildResult) -> None:
    body = article(site, "thu-tuc/da-bai-bo/index.html")
    rows = body.xpath(".//tr[@class='tx-ended']")
    assert [(r.get("data-change"), text(r.xpath("./td")[1])) for r in rows] == [
        ("replaced", "Đăng ký kết hôn (mẫu cũ)"),
        ("abolished", "Sửa lỗi sai sót trong hợp đồng, giao dịch"),
    ]
    links = rows[1].xpath(".//a/@href")
    assert links == ["../chung-thuc/chung-thuc-cu/"]


def test_replaced_procedure_links_to_its_successor(site: BuildResult) -> None:
    body = article(site, "thu-tuc/ho-tich/dang-ky-ket-hon-cu/index.html")
    [notice] = body.xpath(".//div[contains(@class, 'tx-status')]")
    assert text(notice).startswith("Đã được thay thế")
    [link] = notice.xpath(".//a")
    assert link.get("href") == "../dang-ky-ket-hon/"
    assert (site.site_dir / "thu-tuc/ho-tich/dang-ky-ket-hon/index.html").is_file()


def test_procedure_page_lays_out_every_part(site: BuildResult) -> None:
    body = article(site, "thu-tuc/ho-tich/dang-ky-khai-sinh/index.html")
    assert text(body.xpath(".//h1")[0]) == "Đăng ký khai sinh"
    summary = {
        text(row.xpath("./th")[0]): text(row.xpath("./td")[0])
        for row in body.xpath(".//div[@class='tx-summary']//tr")
    }
    assert summary["Mã thủ tục"] == "1.001193"
    assert summary["Cách thức thực hiện"] == (
        "Nộp trực tiếp; Qua dịch vụ bưu chính; Nộp trực tuyến"
    )
    assert next(text(li) for li in body.xpath(".//ol[@class='tx-steps']/li")).startswith(
        "Người đi đăng ký nộp hồ sơ"
    )
    headers = [text(th) for th in body.xpath(".//div[@class='tx-documents']//thead//th")]
    assert headers == ["STT", "Tên giấy tờ", "Mẫu đơn, tờ khai", "Số lượng"]
    first_doc = [
        text(td) for td in body.xpath(".//div[@class='tx-documents']//tbody/tr[1]/td")
    ]
    assert first_doc == [
        "1",
        "Tờ khai đăng ký khai sinh",
        "Mẫu theo Thông tư 04/2020/TT-BTP",
        "01 bản",
    ]
    online = body.xpath(".//p[@class='tx-online']/a/@href")
    assert online and online[0].startswith("https://dichvucong.gov.vn/")
    history = [
        [text(td) for td in row.xpath("./td")]
        for row in body.xpath(".//div[@class='tx-history']//tbody/tr")
    ]
    assert history[1][:3] == [
        "20/11/2024",
        "Sửa đổi, bổ sung",
        "Quyết định số 3218/QĐ-UBND ngày 18/11/2024",
    ]


def test_procedure_page_has_print_layout_with_commune_and_date(site: BuildResult) -> None:
    document = page(site, "thu-tuc/ho-tich/dang-ky-khai-sinh/index.html")
    styles = document.xpath("//link[@rel='stylesheet']/@href")
    assert "../../../assets/trangxa/procedures.css" in styles
    heading = document.xpath("//*[@class='tx-print-header__name']")
    assert text(heading[0]) == "Trang thông tin điện tử xã Hòa An"
    [stamp] = document.xpath("//*[@data-tx-print-date]")
    assert re.fullmatch(r"\d{2}/\d{2}/\d{4}", text(stamp))
    css = (site.site_dir / "assets/trangxa/procedures.css").read_text(encoding="utf-8")
    print_rules = css[css.index("@media print") :]
    assert re.search(r"@page\s*\{[^}]*size:\s*A4", print_rules)
    for chrome in (".md-header", ".md-sidebar", ".md-search", ".md-footer", ".md-tabs"):
        assert chrome in print_rules
    # The date is stamped when printing by the script posts share (browser test: test_print_date).
    js = (site.site_dir / "assets/trangxa/print-date.js").read_text(encoding="utf-8")
    assert "beforeprint" in js
    scripts = document.xpath("//script/@src")
    assert "../../../assets/trangxa/print-date.js" in scripts


def test_changes_page_lists_newest_first_and_links_its_feed(site: BuildResult) -> None:
    document = page(site, "thu-tuc/cap-nhat/index.html")
    feeds = "//head/link[@type='application/rss+xml']"
    [alternate] = document.xpath(f"{feeds}[contains(concat(' ', @rel, ' '), ' alternate ')]")
    assert alternate.get("rel") != "alternate"
    assert alternate.get("href") == "rss.xml"
    body = article(site, "thu-tuc/cap-nhat/index.html")
    assert text(body.xpath(".//h1")[0]) == "Cập nhật thủ tục hành chính"
    dates = [text(row.xpath("./td")[0]) for row in body.xpath(".//tbody/tr")]
    assert dates[0] == "05/03/2025"
    as_iso = ["-".join(reversed(d.split("/"))) for d in dates]
    assert as_iso == sorted(as_iso, reverse=True)
    assert len(dates) == 8
    assert [text(h) for h in body.xpath(".//h2")] == [
        "Năm 2025 (3 cập nhật)",
        "Năm 2024 (1 cập nhật)",
        "Năm 2023 (4 cập nhật)",
    ]


def test_feed_is_valid_rss_with_one_item_per_change(site: BuildResult) -> None:
    feed = feedparser.parse(site.read("thu-tuc/cap-nhat/rss.xml"))
    assert feed.bozo is False or feed.bozo == 0
    assert feed.feed.title.startswith("Cập nhật thủ tục hành chính")
    titles = [entry.title for entry in feed.entries]
    assert len(titles) == 8
    assert titles[0] in {"Mới ban hành: Đăng ký kết hôn", "Bị thay thế: Đăng ký kết hôn (mẫu cũ)"}
    links = [entry.link for entry in feed.entries]
    assert len(set(links)) == len(links)
    assert all(link.startswith("https://hoaan.lacson.gov.vn/thu-tuc/") for link in links)
    abolished = next(e for e in feed.entries if e.title.startswith("Bị bãi bỏ"))
    assert "77/QĐ-UBND" in abolished.summary
    assert abolished.published_parsed[:3] == (2025, 1, 11)  # 12/01/2025 00:00 UTC+7


def test_procedures_are_in_search_index_and_sitemap(site: BuildResult) -> None:
    index = json.loads(site.read("search/search_index.json"))
    pages = [doc for doc in index["docs"] if "2.000884" in doc["text"]]
    assert any(doc["location"].startswith("thu-tuc/chung-thuc/chung-thuc-chu-ky/") for doc in pages)
    sitemap = site.read("sitemap.xml")
    for url in (
        "thu-tuc/",
        "thu-tuc/ho-tich/dang-ky-khai-sinh/",
        "thu-tuc/chung-thuc/chung-thuc-cu/",
    ):
        assert f"<loc>https://hoaan.lacson.gov.vn/{url}</loc>" in sitemap


def test_invalid_record_stops_the_build_naming_every_file(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    project = copy_fixture(BASIC, tmp_path)
    first = project / "procedures/ho-tich/dang-ky-khai-sinh.yml"
    first.write_text(first.read_text(encoding="utf-8").replace("fees:", "fee:"), encoding="utf-8")
    second = project / "procedures/ho-tich/dang-ky-ket-hon.yml"
    second.write_text(second.read_text(encoding="utf-8") + "bogus: 1\n", encoding="utf-8")
    with pytest.raises(Abort):
        build_site(project)
    [message] = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert message.startswith("Có 2 lỗi trong hồ sơ thủ tục hành chính")
    assert "procedures/ho-tich/dang-ky-khai-sinh.yml:16" in message
    assert "procedures/ho-tich/dang-ky-ket-hon.yml:25" in message
    assert 'Có phải ý bạn là "fees"' in message


def test_warning_fails_a_strict_build(tmp_path: Path) -> None:
    project = copy_fixture(BASIC, tmp_path)
    (project / "procedures/ghi-chu.docx").write_bytes(b"PK")
    with pytest.raises(Abort):
        build_site(project)
    result = build_site(project, strict=False, site_dir=tmp_path / "lenient")
    assert any("procedures/ghi-chu.docx" in m for m in result.messages)


def test_print_heading_uses_the_agency_name_from_extra(tmp_path: Path) -> None:
    project = copy_fixture(BASIC, tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8")
        + "extra:\n  agency:\n    name: Ủy ban nhân dân xã Hòa An\n",
        encoding="utf-8",
    )
    result = build_site(project)
    document = lxml_html.fromstring(result.read("thu-tuc/ho-tich/dang-ky-khai-sinh/index.html"))
    [heading] = document.xpath("//*[@class='tx-print-header__name']")
    assert text(heading) == "Ủy ban nhân dân xã Hòa An"
