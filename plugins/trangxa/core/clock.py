"""The one clock every part reads: Vietnam time, pinned by SOURCE_DATE_EPOCH when it is set."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime

from trangxa.core.dates import VN_TZ


def now() -> datetime:
    """The current moment in Vietnam time, to the second.

    SOURCE_DATE_EPOCH (seconds since 1970, the reproducible-builds convention) pins it, so two
    builds of the same content give the same files and tests need not depend on the hour.
    A value that is not a whole number is ignored, as other build tools do.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).astimezone(VN_TZ)
    return datetime.now(VN_TZ).replace(microsecond=0)


def today() -> date:
    """Today's date in Vietnam, whatever zone the machine is set to."""
    return now().date()
