"""The statistics pages in headless Chromium: accessible, and usable on a 375 px phone."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from selenium import webdriver

from tests.browser.harness import (
    AXE_SCRIPT,
    HarnessError,
    describe_violations,
    describe_vnu,
    page_scroll_width,
    require_file,
    run_vnu,
    serve_folder,
    start_chromium,
)
from tests.sitebuild import build_site, copy_fixture

pytestmark = pytest.mark.browser

PAGES = ("thong-ke/", "thong-ke/2024-q1/", "thong-ke/2024/")


@pytest.fixture(scope="module")
def report_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_fixture("report/fixtures/boundaries", tmp_path_factory.mktemp("browser"))
    built = build_site(project)
    assert built.messages == []
    return built.site_dir


@pytest.fixture(scope="module")
def report_site(report_dir: Path) -> Iterator[str]:
    with serve_folder(report_dir) as url:
        yield url


def axe_on_content(driver: webdriver.Chrome, url: str) -> list[dict[str, Any]]:
    """axe-core violations inside the page body; the theme's header and footer are not ours."""
    driver.get(url)
    driver.execute_script(require_file(AXE_SCRIPT, "axe-core").read_text(encoding="utf-8"))
    outcome = driver.execute_async_script(
        """
        const done = arguments[arguments.length - 1];
        axe.run(document.querySelector("article"), {resultTypes: ["violations"]})
          .then((results) => done({violations: results.violations}))
          .catch((error) => done({error: String(error)}));
        """
    )
    assert "error" not in outcome, outcome
    violations: list[dict[str, Any]] = outcome["violations"]
    return violations


@pytest.fixture(scope="module")
def driver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[webdriver.Chrome]:
    try:
        chromium = start_chromium(Path(tmp_path_factory.mktemp("profile")))
    except HarnessError as error:
        pytest.fail(str(error), pytrace=False)
    try:
        yield chromium
    finally:
        chromium.quit()


@pytest.mark.parametrize("page", PAGES)
def test_no_axe_violations(report_site: str, driver: webdriver.Chrome, page: str) -> None:
    violations = axe_on_content(driver, report_site + page)
    assert violations == [], describe_violations(violations)


def article_lines(path: Path) -> range:
    """Lines of the page body, where the report template writes."""
    lines = path.read_text(encoding="utf-8").split("\n")
    first = next(i for i, line in enumerate(lines, 1) if "<article" in line)
    last = next(i for i, line in enumerate(lines, 1) if "</article>" in line)
    return range(first, last + 1)


def test_html_of_the_page_body_is_valid(report_dir: Path) -> None:
    paths = [report_dir / page / "index.html" for page in PAGES]
    bodies = {path.resolve(): article_lines(path) for path in paths}
    errors = []
    for message in run_vnu(paths):
        body = bodies[Path(message["url"].removeprefix("file:")).resolve()]
        if message.get("type") == "error" and message.get("lastLine") in body:
            errors.append(message)
    assert errors == [], describe_vnu(errors)


@pytest.mark.parametrize("page", PAGES)
def test_tables_scroll_inside_themselves_on_a_phone(
    report_site: str, driver: webdriver.Chrome, page: str
) -> None:
    width = page_scroll_width(driver, report_site + page, 375)
    assert not width.scrolls_sideways, width.too_wide
