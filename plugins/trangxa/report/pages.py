"""What the statistics page and the period pages show, and where each figure links to."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from mkdocs.structure.files import File

from trangxa.procedures.model import Procedure
from trangxa.report.count import PeriodCount
from trangxa.report.periods import Period
from trangxa.report.statistics import SiteFigures, category_anchor, period_page_uri
from trangxa.report.text import CHANGE_NAMES, MODE_NAMES, day_text, window_text

INDEX_TEMPLATE = "trangxa/report.html"
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


@dataclass
class ReportView:
    """Everything the report template needs, for the statistics page and the period pages."""

    figures: SiteFigures
    title: str
    index_src: str
    json_src: str
    period_files: dict[str, File] = field(default_factory=dict)
    procedure_url: Callable[[Procedure], str] | None = None
    change_names: dict[str, str] = field(default_factory=lambda: dict(CHANGE_NAMES))

    @property
    def mode_name(self) -> str:
        """How the periods are cut, in words."""
        return MODE_NAMES[self.figures.mode]

    def period_url(self, count: PeriodCount) -> str | None:
        """Site-relative address of the page listing what a period counts."""
        file = self.period_files.get(count.period.id)
        return file.url if file is not None else None

    def procedure_link(self, procedure: Procedure) -> str | None:
        """Address of a procedure's page, when the procedures plugin made one."""
        return self.procedure_url(procedure) if self.procedure_url is not None else None

    column_title = staticmethod(column_title)
    window_short = staticmethod(window_short)
    window_text = staticmethod(window_text)
    day_text = staticmethod(day_text)
    category_anchor = staticmethod(category_anchor)


@dataclass(frozen=True)
class PageRole:
    """Which generated page this is: the statistics page, or one period's listing."""

    view: ReportView
    count: PeriodCount | None = None

    @property
    def is_index(self) -> bool:
        """Whether this is the statistics page itself."""
        return self.count is None


def period_sources(figures: SiteFigures, base: str) -> dict[str, str]:
    """Source path of each tabulated period's listing page, by period id."""
    return {
        count.period.id: period_page_uri(base, count.period)
        for year in figures.years
        for count in year.columns
    }
