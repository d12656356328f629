"""The procedures the home page puts first: those citizens ask for most, as staff list them."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from mkdocs.exceptions import PluginError

from trangxa.procedures.addresses import Addresses
from trangxa.procedures.model import Procedure
from trangxa.site import names


@dataclass(frozen=True)
class FeaturedProcedure:
    """A procedure as the home page lists it: name, code, field and its page's address."""

    name: str
    code: str
    field: str
    url: str


def featured_procedures(
    codes: list[str], procedures: list[Procedure], addresses: Addresses
) -> list[FeaturedProcedure]:
    """The procedures named in `featured`, in the order written; an unknown or ended code stops
    the build, as the home page would otherwise quietly lose a link citizens look for."""
    # A code may also name an ended record of the same procedure; the one in force is meant.
    by_code: dict[str, Procedure] = {}
    for procedure in procedures:
        if procedure.code not in by_code or procedure.in_force:
            by_code[procedure.code] = procedure
    chosen = []
    for code in codes:
        found = by_code.get(code.strip())
        if found is None:
            close = difflib.get_close_matches(code.strip(), list(by_code), n=1, cutoff=0.6)
            hint = f' Có phải ý bạn là "{close[0]}"?' if close else ""
            raise PluginError(
                f'mkdocs.yml, {names.PROCEDURES}, featured: không có thủ tục mã "{code}" trong '
                f"thư mục thủ tục.{hint} Ghi mã thủ tục như trong tệp YAML (mục code)."
            )
        if not found.in_force:
            raise PluginError(
                f'mkdocs.yml, {names.PROCEDURES}, featured: thủ tục "{found.name}" ({code}) '
                "đã bãi bỏ hoặc bị thay thế. Bỏ mã này khỏi danh sách hoặc ghi mã thủ tục thay thế."
            )
        url = addresses.url(addresses.procedure_src(found))
        chosen.append(FeaturedProcedure(found.name, found.code, found.field, url))
    return chosen
