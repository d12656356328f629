"""Figures for the clerk's report: changes published in a period, procedures in force."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Protocol

from trangxa.procedures.model import Procedure
from trangxa.procedures.schema import ChangeKind


class PeriodLike(Protocol):
    """Anything with an inclusive window test, such as trangxa.report.periods.Period."""

    def contains(self, dt: datetime) -> bool: ...


def changes_in(procedures: Iterable[Procedure], period: PeriodLike) -> dict[str, int]:
    """Count changes by kind (new, amended, replaced, abolished) posted within the period."""
    counts = {kind.count_key: 0 for kind in ChangeKind}
    for procedure in procedures:
        for entry in procedure.history:
            # The report is about what the page published, so the posting date decides.
            if period.contains(entry.posted):
                counts[entry.change.count_key] += 1
    return counts


def in_force_at(procedures: Iterable[Procedure], moment: datetime) -> int:
    """Number of procedures posted and not yet replaced or abolished at that moment."""
    return sum(1 for procedure in procedures if procedure.in_force_at(moment))
