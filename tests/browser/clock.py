"""A fixed clock and device time zone for pages loaded in Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

from selenium import webdriver

# Date() without arguments and Date.now() give the pinned moment; everything else is Date's.
_PIN = """
(() => {
  const pinned = %d;
  const Real = Date;
  class Pinned extends Real {
    constructor(...args) { if (args.length === 0) { super(pinned); } else { super(...args); } }
    static now() { return pinned; }
  }
  window.Date = Pinned;
})();
"""


@contextmanager
def pinned_clock(
    driver: webdriver.Chrome, moment: datetime, device_zone: str = "America/New_York"
) -> Iterator[None]:
    """Pages loaded inside see `moment` as now, on a device set to another time zone."""
    added = driver.execute_cdp_cmd(
        "Page.addScriptToEvaluateOnNewDocument",
        {"source": _PIN % round(moment.timestamp() * 1000)},
    )
    driver.execute_cdp_cmd("Emulation.setTimezoneOverride", {"timezoneId": device_zone})
    try:
        yield
    finally:
        driver.execute_cdp_cmd(
            "Page.removeScriptToEvaluateOnNewDocument", {"identifier": added["identifier"]}
        )
        driver.execute_cdp_cmd("Emulation.setTimezoneOverride", {"timezoneId": ""})
