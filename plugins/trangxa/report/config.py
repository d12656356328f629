"""Options of the report plugin, as written under `trangxa-report:` in mkdocs.yml."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c

from trangxa.site import names

DEFAULT_MODE = "nd09"


class ReportConfig(base.Config):
    """How periods are cut, where the statistics page lives, whether procedures are counted."""

    enabled = c.Type(bool, default=True)
    period_mode = c.Choice(("nd09", "calendar"), default=DEFAULT_MODE)
    url = c.Type(str, default="thong-ke/")
    title = c.Type(str, default="Thống kê")
    # YAML reads on/off as true/false; "auto" counts procedures when their plugin is enabled.
    procedures = c.Choice((True, False, "auto"), default="auto")
    # Symbol of the report the Word appendix is attached to: "Báo cáo số …/BC-UBND".
    report_symbol = c.Type(str, default="BC-UBND")


def period_mode_of(config: Any | None) -> str:
    """The configured mode, or the statutory one when the site has no report options."""
    if config is None:
        return DEFAULT_MODE
    return str(config.period_mode)


def counts_procedures(setting: object, procedures_config: Any | None) -> bool:
    """Whether procedure figures are counted; asking for them without their plugin is an error."""
    available = procedures_config is not None and bool(procedures_config.enabled)
    if setting == "auto":
        return available
    if setting and not available:
        raise ValueError(
            f"Tùy chọn procedures của {names.REPORT} đang bật nhưng trang chưa dùng plugin "
            f"{names.PROCEDURES}. Thêm {names.PROCEDURES} vào mục plugins của mkdocs.yml, "
            "hoặc đặt procedures: auto."
        )
    return bool(setting)


def agency_of(extra: Any, site_author: str | None, site_name: str) -> str:
    """The agency issuing the report: extra.agency.name, else the site's author, else its name."""
    agency = extra.get("agency") if isinstance(extra, Mapping) else None
    name = agency.get("name") if isinstance(agency, Mapping) else None
    if isinstance(name, str) and name.strip():
        return name.strip()
    return (site_author or "").strip() or site_name
