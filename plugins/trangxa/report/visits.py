"""Page views and visits of a reporting period, counted from the web server's access logs.

- A page view is a GET answered 200 or 304 for a page (an address ending in "/" or ".html",
  query string ignored) from a client that is not a bot: a User-Agent the crawlerdetect
  library flags, or an empty one ("-"), is a bot.
- Each line's time is read with its own offset; only page views inside the period (and not
  after the moment of counting) count.
- A visit is the page views of one address and User-Agent, a gap of more than 30 minutes
  starting a new one, among the page views counted in the period.
- first and last are the earliest and latest times in the files; lines not in the combined
  format are counted as skipped and nothing else.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import pairwise
from pathlib import Path
from typing import Any

from trangxa.core.dates import format_vn_datetime, iso_vn, to_vn
from trangxa.core.vnformat import format_number
from trangxa.report.accesslog import parse_line, read_lines
from trangxa.report.periods import Period

VISIT_GAP = timedelta(minutes=30)
PAGE_STATUSES = (200, 304)


@dataclass(frozen=True)
class VisitCount:
    """Page views and visits of one period, and what the log files covered."""

    period: Period
    as_of: datetime
    page_views: int
    visits: int
    first: datetime | None
    last: datetime | None
    lines: int
    skipped: int

    @property
    def covers_period(self) -> bool:
        """Whether the files run from the period's start to its end (or the moment of counting)."""
        if self.first is None or self.last is None:
            return False
        end = min(self.period.end.replace(microsecond=0), self.as_of)
        return self.first <= self.period.start and self.last >= end


def is_page(path: str) -> bool:
    """An address of a page, not of an image, a style sheet or a feed."""
    return path.endswith(("/", ".html"))


def bot_detector() -> Callable[[str], bool]:
    """Whether a User-Agent is a bot, remembered per text since a log repeats a few of them."""
    # Imported here: the library compiles a large pattern that a count without logs never needs.
    from crawlerdetect import CrawlerDetect

    detector = CrawlerDetect()
    known: dict[str, bool] = {}

    def is_bot(agent: str) -> bool:
        answer = known.get(agent)
        if answer is None:
            text = agent.strip()
            answer = text in ("", "-") or bool(detector.is_crawler(text))
            known[agent] = answer
        return answer

    return is_bot


def _count_visits(moments_by_client: Iterable[list[int]]) -> int:
    gap = int(VISIT_GAP.total_seconds())
    visits = 0
    for moments in moments_by_client:
        moments.sort()
        visits += 1 + sum(1 for before, after in pairwise(moments) if after - before > gap)
    return visits


def count_visits(paths: Iterable[Path], period: Period, as_of: datetime) -> VisitCount:
    """Read each file once, line by line, and count the period's page views and visits."""
    is_bot = bot_detector()
    start, end = period.start, min(period.end, to_vn(as_of))
    lines = skipped = page_views = 0
    first: datetime | None = None
    last: datetime | None = None
    # Seconds of each client's page views in the period; a client is an address and agent.
    by_client: dict[tuple[str, str], list[int]] = {}
    for path in paths:
        for text in read_lines(path):
            lines += 1
            line = parse_line(text)
            if line is None:
                skipped += 1
                continue
            moment = line.moment
            if first is None or moment < first:
                first = moment
            if last is None or moment > last:
                last = moment
            if not (start <= moment <= end):
                continue
            if line.method != "GET" or line.status not in PAGE_STATUSES or not is_page(line.path):
                continue
            if is_bot(line.agent):
                continue
            page_views += 1
            by_client.setdefault((line.address, line.agent), []).append(int(moment.timestamp()))
    return VisitCount(
        period,
        to_vn(as_of),
        page_views,
        _count_visits(by_client.values()),
        None if first is None else to_vn(first),
        None if last is None else to_vn(last),
        lines,
        skipped,
    )


def visits_json(visits: VisitCount) -> dict[str, Any]:
    """The `visits` entry of `trangxa count --format json`."""
    return {
        "page_views": visits.page_views,
        "visits": visits.visits,
        "first": None if visits.first is None else iso_vn(visits.first),
        "last": None if visits.last is None else iso_vn(visits.last),
        "lines": visits.lines,
        "skipped": visits.skipped,
    }


def coverage_note(visits: VisitCount) -> str | None:
    """A plain warning when the logs do not span the whole period, else None."""
    if visits.covers_period:
        return None
    if visits.first is None or visits.last is None:
        return (
            "Nhật ký truy cập không có dòng nào đọc được, nên chưa có số lượt truy cập của kỳ này."
        )
    return (
        f"Nhật ký truy cập chỉ có từ {format_vn_datetime(visits.first)} đến "
        f"{format_vn_datetime(visits.last)}, không phủ hết kỳ báo cáo: số lượt truy cập dưới đây "
        "chỉ tính trong khoảng thời gian đó, không phải số của cả kỳ."
    )


def visits_sentence(visits: VisitCount) -> str:
    """The figure as the report quotes it."""
    views = f"{format_number(visits.visits)} lượt truy cập ({format_number(visits.page_views)} lượt xem trang)"
    if visits.covers_period:
        return f"Theo nhật ký truy cập của máy chủ, trong {visits.period.label} trang có {views}."
    return (
        "Theo nhật ký truy cập của máy chủ, trong phần kỳ báo cáo mà nhật ký có, trang có "
        f"{views}; số của cả {visits.period.label} chưa tính được."
    )


def visits_figures(visits: VisitCount) -> list[tuple[str, int]]:
    """The figures as label and number, for the workbook and the CSV."""
    return [("Lượt truy cập", visits.visits), ("Lượt xem trang", visits.page_views)]
