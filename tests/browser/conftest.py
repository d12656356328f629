"""Session fixtures: the built sample site, a local HTTP server and headless Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from selenium import webdriver

from .harness import (
    HarnessError,
    build_site,
    run_vnu,
    serve_folder,
    site_config_path,
    start_chromium,
)


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site, built once per test run with --strict."""
    target = tmp_path_factory.mktemp("browser-site") / "site"
    try:
        return build_site(site_config_path(), target)
    except HarnessError as error:
        problem = str(error)
    pytest.fail(problem, pytrace=False)


# Per module: the server's thread ends with the browser tests, so later tests that fork a
# second process (tests/news/test_two_processes.py) find no other thread running.
@pytest.fixture(scope="module")
def base_url(site_dir: Path) -> Iterator[str]:
    """The built site served over HTTP on 127.0.0.1."""
    with serve_folder(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def chromium(tmp_path_factory: pytest.TempPathFactory) -> Iterator[webdriver.Chrome]:
    """One headless Chromium for the whole run, with a fresh profile."""
    profile = tmp_path_factory.mktemp("chromium-profile")
    try:
        driver = start_chromium(profile)
    except HarnessError as error:
        problem = str(error)
    else:
        try:
            yield driver
        finally:
            driver.quit()
        return
    pytest.fail(problem, pytrace=False)


@pytest.fixture(scope="session")
def built_pages(site_dir: Path) -> list[Path]:
    """Every HTML file of the built site."""
    return sorted(site_dir.rglob("*.html"))


@pytest.fixture(scope="session")
def vnu_messages(built_pages: list[Path]) -> list[dict[str, Any]]:
    """Nu Html Checker errors for every built page, from a single Java run."""
    try:
        return run_vnu(built_pages)
    except HarnessError as error:
        problem = str(error)
    pytest.fail(problem, pytrace=False)
