"""`trangxa serve` and `mkdocs serve` in Chromium: content errors shown on every page until the save that fixes them."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from tests.sitebuild import copy_fixture
from tests.staff.commands import Server, serving

POST = "posts/2024/lich-tiep-cong-dan.md"
PROCEDURE = "procedures/ho-tich/dang-ky-khai-tu.yml"
POST_URL = "tin-tuc/2024/thong-bao-lich-tiep-cong-dan-quy-ii-nam-2024/"
BANNER = ".tx-preview-problems"


def problems(server: Server) -> list[dict[str, Any]]:
    url = server.url + "assets/trangxa/preview-problems.json"
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            data: list[dict[str, Any]] = json.loads(response.read().decode("utf-8"))
            return data
    except urllib.error.HTTPError:
        return []


def wait_for(server: Server, done: Any, what: str, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while not done(problems(server)):
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} did not happen:\n{server.output()}")
        time.sleep(0.5)


def banner_text(chromium: webdriver.Chrome) -> str:
    wait = WebDriverWait(chromium, 20)
    element = wait.until(lambda driver: driver.find_elements(By.CSS_SELECTOR, BANNER))[0]
    return str(element.text)


def status_of(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


@pytest.mark.browser
@pytest.mark.parametrize("tool", ["trangxa", "mkdocs"])
def test_errors_show_on_every_page_until_fixed(
    tmp_path: Path, chromium: webdriver.Chrome, tool: str
) -> None:
    site = copy_fixture("staff/fixtures/site", tmp_path)
    post, procedure = site / POST, site / PROCEDURE
    post_text, procedure_text = post.read_text("utf-8"), procedure.read_text("utf-8")
    with serving(site, console="lang-c", tool=tool) as server:
        assert problems(server) == []
        chromium.get(server.url + POST_URL)
        assert "lịch tiếp công dân" in chromium.title

        # A title left without its closing quote, and a procedure without its name.
        post.write_text(post_text.replace('năm 2024"', "năm 2024", 1), encoding="utf-8")
        procedure.write_text(procedure_text.replace("name: Đăng ký khai tử\n", ""), "utf-8")
        wait_for(server, lambda found: {p["file"] for p in found} >= {POST, PROCEDURE}, "errors")

        for address in ("", "thu-tuc/", "tin-tuc/"):
            chromium.get(server.url + address)
            text = banner_text(chromium)
            assert "lỗi phải sửa trước khi đăng" in text
            assert f"{POST}, dòng 2 — Lỗi: " in text
            assert PROCEDURE in text

        # The broken post's own address explains itself instead of "page not found".
        assert status_of(server.url + POST_URL) == 200
        chromium.get(server.url + POST_URL)
        assert chromium.title.startswith("Bài viết đang có lỗi")
        body = chromium.find_element(By.CSS_SELECTOR, ".tx-preview-error").text
        assert f"{POST}, dòng 2" in body and "ngoặc" in body

        post.write_text(post_text, encoding="utf-8")
        procedure.write_text(procedure_text, encoding="utf-8")
        wait_for(server, lambda found: found == [], "the fix")
        for address in ("", POST_URL):
            chromium.get(server.url + address)
            chromium.find_element(By.CSS_SELECTOR, ".md-content")
            assert chromium.find_elements(By.CSS_SELECTOR, BANNER) == []
        assert "lịch tiếp công dân" in chromium.title
        assert "Traceback" not in server.output()
