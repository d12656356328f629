"""The statistics page and the period pages, as plain data for their templates."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from trangxa.procedures.model import Procedure
from trangxa.report.count import PeriodCount
from trangxa.report.periods import Period
from trangxa.report.statistics import SiteFigures, category_anchor, period_page_uri
from trangxa.report.text import CHANGE_NAMES, MODE_NAMES, day_text, window_text
from trangxa.site.pages import GeneratedPage, page_url

INDEX_TEMPLATE = "trangxa/report.html"
PERIOD_TEMPLATE = "trangxa/report-period.html"
PROCEDURES_ANCHOR = "thu-tuc-hanh-chinh"
ALL_POSTS_ANCHOR = "tat-ca"


def column_title(period: Period) -> str:
    """Heading of a period's column inside its year: "Quý I", "6 tháng đầu năm", "Cả năm"."""
    if period.kind == "quarter":
        return period.short_label.split("/")[0]
    if period.kind == "half":
        return "6 tháng đầu năm" if period.id.endswith("H1") else "6 tháng cuối năm"
    if period.kind == "nine_months":
        return "9 tháng"
    if period.kind == "year":
        return "Cả năm"
    return period.short_label


def window_short(period: Period) -> str:
    """Window under a column heading: "15/12/2023 – 14/3/2024"."""
    return f"{day_text(period.start)} – {day_text(period.end)}"


@dataclass(frozen=True)
class StatisticsData:
    """What trangxa/report.html shows: every year's table, each figure linked to its period."""

    title: str
    figures: SiteFigures
    mode_name: str
    json_url: str
    period_urls: Mapping[str, str]
    change_names: Mapping[str, str] = field(default_factory=lambda: dict(CHANGE_NAMES))

    def period_url(self, count: PeriodCount) -> str | None:
        """Site-relative address of the page listing what a period counts."""
        return self.period_urls.get(count.period.id)

    column_title = staticmethod(column_title)
    window_short = staticmethod(window_short)
    window_text = staticmethod(window_text)
    category_anchor = staticmethod(category_anchor)


@dataclass(frozen=True)
class PeriodData:
    """What trangxa/report-period.html shows: the posts and procedure changes one period counts."""

    count: PeriodCount
    categories: Sequence[str]
    mode_name: str
    statistics_url: str
    # Address of each procedure's page by code, when the procedures plugin made them.
    procedure_urls: Mapping[str, str]

    def procedure_link(self, procedure: Procedure) -> str | None:
        """Address of a procedure's page, if the site has one."""
        return self.procedure_urls.get(procedure.code)

    window_text = staticmethod(window_text)
    day_text = staticmethod(day_text)
    category_anchor = staticmethod(category_anchor)


@dataclass(frozen=True)
class ReportSite:
    """Where the report's pages live and what they link to, from the plugins' options."""

    title: str
    base: str
    json_src: str
    use_directory_urls: bool
    procedure_urls: Mapping[str, str]


def report_pages(figures: SiteFigures, site: ReportSite) -> list[GeneratedPage]:
    """The statistics page, then one page for each period a year's table shows."""
    index_src = f"{site.base}index.md"
    mode_name = MODE_NAMES[figures.mode]
    columns = [count for year in figures.years for count in year.columns]
    sources = {count.period.id: period_page_uri(site.base, count.period) for count in columns}
    urls = {key: page_url(src, site.use_directory_urls) for key, src in sources.items()}
    statistics = StatisticsData(site.title, figures, mode_name, site.json_src, urls)
    # The years' tables need the width the menu column would take.
    pages = [
        GeneratedPage(
            index_src,
            site.title,
            INDEX_TEMPLATE,
            statistics,
            meta={"hide": ["navigation"]},
            in_nav=True,
        )
    ]
    index_url = page_url(index_src, site.use_directory_urls)
    for count in columns:
        data = PeriodData(count, figures.categories, mode_name, index_url, site.procedure_urls)
        pages.append(
            GeneratedPage(
                sources[count.period.id],
                f"Số liệu {count.period.label}",
                PERIOD_TEMPLATE,
                data,
                meta={"search": {"exclude": True}},
            )
        )
    return pages
