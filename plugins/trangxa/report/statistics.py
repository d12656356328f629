"""The figures the statistics page shows and thong-ke/so-lieu.json holds, from count_period."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from trangxa.core.dates import iso_vn
from trangxa.core.slugs import slugify
from trangxa.news.post import Post
from trangxa.procedures.model import Procedure
from trangxa.report.count import PeriodCount, count_period, to_json_dict
from trangxa.report.periods import Mode, Period, periods_of_year, report_year

# The kinds of period the page tabulates, in the order of its columns.
TABLE_KINDS = ("quarter", "half", "nine_months", "year")


@dataclass
class YearFigures:
    """The counts of one report year: every period id, and the ones the page tabulates."""

    year: int
    counts: list[PeriodCount]

    @property
    def columns(self) -> list[PeriodCount]:
        """Quarters, halves, nine months and the year, in that order."""
        by_kind = {kind: index for index, kind in enumerate(TABLE_KINDS)}
        shown = [count for count in self.counts if count.period.kind in by_kind]
        return sorted(shown, key=lambda count: by_kind[count.period.kind])

    @property
    def year_count(self) -> PeriodCount:
        """The whole year."""
        return next(count for count in self.counts if count.period.kind == "year")


@dataclass
class SiteFigures:
    """Every count of the build, taken at one moment in one mode."""

    mode: Mode
    as_of: datetime
    categories: list[str]
    years: list[YearFigures] = field(default_factory=list)
    with_procedures: bool = False

    def all_counts(self) -> list[PeriodCount]:
        """Every period of every year, in year order."""
        return [count for year in self.years for count in year.counts]


def site_figures(
    posts: Sequence[Post],
    procedures: Sequence[Procedure] | None,
    mode: Mode,
    as_of: datetime,
    categories: Sequence[str],
    site_url: str = "",
    urls: Mapping[str, str] | None = None,
) -> SiteFigures:
    """Count every period (year, quarters, halves, nine months, months) of each year with posts.

    `urls` holds each post's address by source.
    """
    figures = SiteFigures(mode, as_of, list(categories), with_procedures=procedures is not None)
    # Every period of a report year lies inside the year's window, so each year's periods
    # need only that year's posts; a year "has posts" when it holds a countable one.
    by_year: dict[int, list[Post]] = {}
    for post in posts:
        if not post.draft and post.date <= as_of:
            by_year.setdefault(report_year(post.date, mode), []).append(post)
    rows: dict[str, None] = {}
    for year in sorted(by_year):
        counts = [
            count_period(by_year[year], procedures, period, as_of, categories, site_url, urls)
            for period in periods_of_year(year, mode, include_months=True)
        ]
        figures.years.append(YearFigures(year, counts))
        for count in counts:
            rows.update(dict.fromkeys(count.by_category))
    figures.categories = list(rows) or list(categories)
    return figures


def figures_json(figures: SiteFigures) -> str:
    """thong-ke/so-lieu.json: every period in the shape of `trangxa count --format json`."""
    document = {
        "mode": figures.mode,
        "as_of": iso_vn(figures.as_of),
        "periods": [to_json_dict(count, include_items=False) for count in figures.all_counts()],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def period_page_uri(base: str, period: Period) -> str:
    """Source path of the page listing what a period counts: thong-ke/2024-q1/index.md."""
    return f"{base}{period.id.lower()}/index.md"


def category_anchor(name: str) -> str:
    """Fragment of a category's section on a period page."""
    return f"chuyen-muc-{slugify(name)}"
