"""Every generated page (news listings, procedures pages, statistics pages) is overridden the
same way: a template of the same name under overrides/, reading the page's `data`.

One build of a site with news, procedures and report replaces each template trangxa
documents in overrides/README.md; each replacement prints a mark and values from its data,
with every value escaped as in trangxa's own templates.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from tests.sitebuild import BuildResult, build_site, captured_logs, copy_fixture

REPO = Path(__file__).resolve().parents[2]
HOSTILE_TITLE = "Tin <script>alert(1)</script> & cảnh báo"


def page_template(mark: str, body: str) -> str:
    return (
        '{% extends "main.html" %}\n{% block content %}\n'
        f'<p class="ghi-de">{mark}: {body}</p>\n'
        "{% endblock %}\n"
    )


# Each documented template, replaced by one that names itself and prints what `data` holds.
OVERRIDES = {
    "trangxa/listing.html": page_template(
        "listing",
        "{{ data.page.title }} ({{ data.listing.kind }}, trang {{ data.page.number }}/"
        "{{ data.page.total }}) {% for post in data.page.posts %}[{{ post.title }}]{% endfor %}",
    ),
    "trangxa/archive.html": page_template(
        "archive", "{% for year in data.years %}[{{ year.listing.title }}]{% endfor %}"
    ),
    "trangxa/report.html": page_template(
        "report", "{{ data.title }} {{ data.figures.years | length }} năm"
    ),
    "trangxa/report-period.html": page_template(
        "report-period", "{{ data.count.period.label }} {{ data.count.total }} tin"
    ),
    # The page template around every procedures page, and the Markdown of each kind.
    "trangxa/procedures.html": (
        '{% extends "main.html" %}\n{% block content %}\n'
        '<p class="ghi-de">procedures: {{ data.kind }}</p>\n{{ page.content | safe }}\n'
        "{% endblock %}\n"
    ),
    "trangxa/procedure-index.html": "Danh mục riêng: {{ data.total }} thủ tục.\n",
    "trangxa/procedure-page.html": "## Thủ tục riêng\n\n{{ data.procedure.name }}\n",
    "trangxa/procedure-archive.html": "Lưu trữ riêng: {{ data.rows | length }}.\n",
    "trangxa/procedure-changes.html": "Cập nhật riêng: {{ data.years | length }} năm.\n",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    project = copy_fixture("report/fixtures/boundaries", tmp_path_factory.mktemp("overrides"))
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "  language: vi\n", "  language: vi\n  custom_dir: overrides\n"
        ),
        encoding="utf-8",
    )
    (project / "posts/2025/tin-nguy-hiem.md").write_text(
        f'---\ntitle: "{HOSTILE_TITLE}"\ndate: 20/03/2025 08:00\ncategories: [Tin tức]\n---\n\n'
        "Nội dung.\n",
        encoding="utf-8",
    )
    for name, text in OVERRIDES.items():
        path = project / "overrides" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    result = build_site(project)
    assert result.messages == []
    return result


def marks(result: BuildResult, path: str) -> list[str]:
    return re.findall(r'<p class="ghi-de">(.*?)</p>', result.read(path), re.S)


def test_news_listings_of_every_kind_use_the_site_template(site: BuildResult) -> None:
    assert marks(site, "tin-tuc/index.html")[0].startswith("listing: Tin tức (index, trang 1/")
    assert marks(site, "tin-tuc/chuyen-muc/thong-bao/index.html")[0].startswith(
        "listing: Thông báo (category,"
    )
    assert marks(site, "tin-tuc/luu-tru/2024/index.html")[0].startswith("listing: Năm 2024 (year,")
    assert marks(site, "tin-tuc/luu-tru/2024/quy-1/index.html")[0].startswith(
        "listing: Quý I/2024 (quarter,"
    )
    assert marks(site, "tin-tuc/luu-tru/index.html") == ["archive: [Năm 2025][Năm 2024][Năm 2023]"]


def test_statistics_pages_use_the_site_templates(site: BuildResult) -> None:
    assert marks(site, "thong-ke/index.html") == ["report: Thống kê 3 năm"]
    period = marks(site, "thong-ke/2024-q1/index.html")
    assert len(period) == 1 and period[0].startswith("report-period: quý I năm 2024 ")


def test_procedures_pages_use_the_site_page_and_markdown_templates(site: BuildResult) -> None:
    index = site.read("thu-tuc/index.html")
    assert marks(site, "thu-tuc/index.html") == ["procedures: index"]
    assert re.search(r"<p>Danh mục riêng: \d+ thủ tục.</p>", index)
    assert "<p>Lưu trữ riêng: " in site.read("thu-tuc/da-bai-bo/index.html")
    assert "<p>Cập nhật riêng: " in site.read("thu-tuc/cap-nhat/index.html")
    sheets = sorted((site.site_dir / "thu-tuc/ho-tich").glob("*/index.html"))
    assert sheets
    sheet = sheets[0].read_text(encoding="utf-8")
    assert 'id="thu-tuc-rieng">Thủ tục riêng</h2>' in sheet
    assert re.search(r'<p class="ghi-de">procedures: procedure</p>', sheet)


def test_values_in_site_templates_are_escaped(site: BuildResult) -> None:
    listing = site.read("tin-tuc/index.html")
    assert "[Tin &lt;script&gt;alert(1)&lt;/script&gt; &amp; cảnh báo]" in listing
    assert "<script>alert(1)" not in listing


def test_the_guide_lists_every_generated_page_template_and_each_exists() -> None:
    guide = (REPO / "overrides/README.md").read_text(encoding="utf-8")
    section = guide.split("## Các trang trangxa tự tạo", 1)[1].split("## Chữ được thoát", 1)[0]
    documented = set(re.findall(r"`(trangxa/[a-z-]+\.html)`", section))
    assert set(OVERRIDES) <= documented
    shipped = {
        path.relative_to(path.parents[1]).as_posix()
        for path in (REPO / "plugins/trangxa").rglob("trangxa/*.html")
    }
    assert documented <= shipped


def test_a_broken_site_template_stops_the_build_naming_it(tmp_path: Path) -> None:
    project = copy_fixture("procedures/fixtures/basic", tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "  name: material\n", "  name: material\n  custom_dir: overrides\n"
        ),
        encoding="utf-8",
    )
    folder = project / "overrides/trangxa"
    folder.mkdir(parents=True)
    # Written for top-level names, where every value now sits in `data`.
    (folder / "procedure-page.html").write_text("{{ procedure.name }}\n", encoding="utf-8")
    with captured_logs() as records, pytest.raises(Abort):
        build_site(project)
    message = "\n".join(record.getMessage() for record in records)
    assert 'Tệp mẫu "trangxa/procedure-page.html"' in message
    assert "'procedure' is undefined" in message
    assert "data.procedure.name" in message


def test_the_preview_page_of_a_broken_post_uses_the_site_template(tmp_path: Path) -> None:
    project = copy_fixture("report/fixtures/boundaries", tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "  language: vi\n", "  language: vi\n  custom_dir: overrides\n"
        ),
        encoding="utf-8",
    )
    (project / "posts/2025/hong.md").write_text("---\ntitle: [\n---\n\nBài.\n", "utf-8")
    folder = project / "overrides/trangxa"
    folder.mkdir(parents=True)
    (folder / "broken-post.html").write_text(
        page_template(
            "broken-post",
            "{{ data.source }}{% for problem in data.problems %} [{{ problem.line }}]{% endfor %}",
        ),
        encoding="utf-8",
    )
    result = build_site(project, strict=False, command="serve")
    assert marks(result, "tin-tuc/2025/hong/index.html") == ["broken-post: posts/2025/hong.md [3]"]
