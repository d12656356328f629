"""The procedures the home page lists first, named by code in mkdocs.yml."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError
from trangxa.procedures.addresses import Addresses
from trangxa.procedures.collection import load_procedures
from trangxa.procedures.featured import featured_procedures
from trangxa.procedures.model import Procedure

FIXTURE = Path(__file__).parent / "fixtures" / "basic"


@pytest.fixture(scope="module")
def procedures() -> list[Procedure]:
    loaded, problems = load_procedures(FIXTURE, "procedures")
    assert not [p for p in problems if p.severity == "error"]
    return loaded


def test_featured_keep_the_order_written_and_link_to_their_pages(
    procedures: list[Procedure],
) -> None:
    chosen = featured_procedures(["2.000884", "1.001193"], procedures, Addresses("thu-tuc"))
    assert [(p.code, p.name) for p in chosen] == [
        ("2.000884", "Chứng thực chữ ký trong các giấy tờ, văn bản"),
        ("1.001193", "Đăng ký khai sinh"),
    ]
    assert chosen[1].url == "thu-tuc/ho-tich/dang-ky-khai-sinh/"


def test_unknown_code_names_the_setting_and_a_close_code(procedures: list[Procedure]) -> None:
    with pytest.raises(PluginError) as error:
        featured_procedures(["1.001139"], procedures, Addresses("thu-tuc"))
    message = str(error.value)
    assert "mkdocs.yml, trangxa-procedures, featured" in message
    assert '"1.001139"' in message and '"1.001193"' in message


def test_ended_procedure_is_refused(procedures: list[Procedure]) -> None:
    with pytest.raises(PluginError, match="đã bãi bỏ hoặc bị thay thế"):
        featured_procedures(["2.000927"], procedures, Addresses("thu-tuc"))
