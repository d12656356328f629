"""The shared clock: Vietnam time, pinned by SOURCE_DATE_EPOCH."""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta

import pytest
from trangxa.core import clock
from trangxa.core.dates import VN_TZ


def test_source_date_epoch_pins_the_moment_in_vietnam_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # 2024-12-31 17:30 UTC is already 1 January 2025 in Vietnam.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735666200")
    assert clock.now() == datetime(2025, 1, 1, 0, 30, tzinfo=VN_TZ)
    assert clock.now().utcoffset() == timedelta(hours=7)


def test_today_follows_vietnam_not_the_machine_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735666200")
    monkeypatch.setenv("TZ", "America/Los_Angeles")
    time.tzset()
    try:
        assert clock.today() == date(2025, 1, 1)
    finally:
        monkeypatch.undo()
        time.tzset()


@pytest.mark.parametrize("value", ["", "abc", "-5", "1.5"])
def test_a_value_that_is_not_a_whole_number_is_ignored(
    monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    before = datetime.now(VN_TZ).replace(microsecond=0)
    moment = clock.now()
    after = datetime.now(VN_TZ)
    assert before <= moment <= after
    assert moment.microsecond == 0
