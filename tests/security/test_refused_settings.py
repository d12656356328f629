"""Addresses that would run code and settings that name nothing stop the build, in Vietnamese."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort, PluginError
from trangxa.news import collect
from trangxa.procedures import collection

from tests.security.corpus import JAVASCRIPT_URLS, procedure_record, write_hostile_site
from tests.security.runner import run_module
from tests.sitebuild import build_site, captured_logs


def _plain_site(root: Path) -> Path:
    write_hostile_site(root, "thường")
    return root


def _build_error(root: Path) -> str:
    """The exception and every logged error, as the person building would read them."""
    with captured_logs() as records, pytest.raises((PluginError, Abort)) as caught:
        build_site(root)
    return "\n".join([str(caught.value), *(record.getMessage() for record in records)])


def test_the_plain_site_builds(tmp_path: Path) -> None:
    root = _plain_site(tmp_path)
    assert (build_site(root).site_dir / "thu-tuc" / "moi" / "index.html").is_file()


@pytest.mark.parametrize("url", JAVASCRIPT_URLS)
@pytest.mark.parametrize("key", ["links", "image"])
def test_a_post_link_that_runs_code_is_refused(tmp_path: Path, key: str, url: str) -> None:
    root = _plain_site(tmp_path)
    post = root / "posts" / "2025" / "thong-bao.md"
    value = [{"Hướng dẫn": url}] if key == "links" else url
    lines = post.read_text("utf-8").splitlines(keepends=True)
    text = "".join(line for line in lines if not line.startswith("links:"))
    text = text.replace("---\n\n", f"{key}: {json.dumps(value)}\n---\n\n", 1)
    post.write_text(text, encoding="utf-8")
    message = _build_error(root)
    assert "posts/2025/thong-bao.md" in message
    assert f'Trường "{key}"' in message and "không được phép" in message


@pytest.mark.parametrize("url", JAVASCRIPT_URLS)
def test_a_procedure_portal_address_that_runs_code_is_refused(tmp_path: Path, url: str) -> None:
    root = _plain_site(tmp_path)
    record = procedure_record("1.000001", "x").replace(
        "https://dichvucong.gov.vn/?q=%22%3E%3Cb%3E", url.replace("\t", "\\t")
    )
    (root / "procedures" / "moi.yml").write_text(record, encoding="utf-8")
    message = _build_error(root)
    assert "moi.yml" in message and "https://" in message


@pytest.mark.parametrize(
    ("setting", "value"),
    [
        ("site_name", 'Xã <b onmouseover="alert(1)">Hòa An</b>'),
        ("site_description", 'Trang "chính thức"'),
        ("copyright", "<script>alert(1)</script>"),
    ],
)
def test_a_label_material_prints_raw_may_not_hold_markup(
    tmp_path: Path, setting: str, value: str
) -> None:
    root = _plain_site(tmp_path)
    config = root / "mkdocs.yml"
    text = config.read_text("utf-8")
    text = "\n".join(line for line in text.splitlines() if not line.startswith(f"{setting}:"))
    config.write_text(f"{setting}: {json.dumps(value)}\n{text}\n", encoding="utf-8")
    message = _build_error(root)
    assert f"mkdocs.yml, {setting}" in message and "có ký tự" in message


def test_an_agency_address_that_runs_code_is_refused(tmp_path: Path) -> None:
    root = _plain_site(tmp_path)
    config = root / "mkdocs.yml"
    text = config.read_text("utf-8").replace(
        '"license": ', '"site_map": "javascript:alert(1)", "license": '
    )
    config.write_text(text, encoding="utf-8")
    message = _build_error(root)
    assert "extra.agency.site_map" in message and "không được phép" in message


@pytest.mark.parametrize(
    ("written", "suggested"),
    [
        ("cải cách hành chính", "Cải cách hành chính"),
        ("Cải cách hành chánh", "Cải cách hành chính"),
    ],
)
def test_cchc_category_must_name_a_declared_category(
    tmp_path: Path, written: str, suggested: str
) -> None:
    root = _plain_site(tmp_path)
    config = root / "mkdocs.yml"
    text = config.read_text("utf-8").replace(
        "cchc_category: Cải cách hành chính", f"cchc_category: {written}"
    )
    config.write_text(text, encoding="utf-8")
    message = _build_error(root)
    assert f'cchc_category "{written}"' in message
    assert f'Có phải ý bạn là "{suggested}"?' in message


def test_cchc_category_in_another_normal_form_is_the_same(tmp_path: Path) -> None:
    import unicodedata

    root = _plain_site(tmp_path)
    config = root / "mkdocs.yml"
    nfd = unicodedata.normalize("NFD", "Cải cách hành chính")
    text = config.read_text("utf-8").replace(
        "cchc_category: Cải cách hành chính", f"cchc_category: {nfd}"
    )
    config.write_text(text, encoding="utf-8")
    assert build_site(root).site_dir.is_dir()


def test_a_site_map_setting_must_name_a_page(tmp_path: Path) -> None:
    root = _plain_site(tmp_path)
    config = root / "mkdocs.yml"
    text = config.read_text("utf-8").replace(
        '"license": ', '"site_map": "so-do-trag/", "license": '
    )
    (root / "docs" / "so-do-trang.md").write_text("# Sơ đồ trang\n", encoding="utf-8")
    config.write_text(text, encoding="utf-8")
    message = _build_error(root)
    assert "extra.agency.site_map" in message and 'Có phải ý bạn là "so-do-trang/"?' in message


@pytest.mark.parametrize("command", [("check",), ("count", "--period", "2025")])
def test_check_and_count_refuse_what_the_build_refuses(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    root = _plain_site(tmp_path)
    config = root / "mkdocs.yml"
    text = config.read_text("utf-8").replace(
        "cchc_category: Cải cách hành chính", "cchc_category: cải cách hành chính"
    )
    config.write_text(text, encoding="utf-8")
    run = run_module(root, "trangxa", *command)
    assert run.returncode != 0
    assert 'Có phải ý bạn là "Cải cách hành chính"?' in run.stderr
    assert "Traceback" not in run.stderr


def test_an_unexpected_failure_reading_a_post_names_it_in_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _plain_site(tmp_path)
    real = collect.read_post

    def fails_on_one(
        path: str | Path,
        source: str,
        allowed: list[str],
        keep_body: bool = True,
        data: bytes | None = None,
    ) -> object:
        if Path(path).name == "thong-bao.md":
            raise RuntimeError("hỏng bất ngờ")
        return real(path, source, allowed, keep_body, data)

    # A fault no content triggers today, put where posts are read.
    monkeypatch.setattr(collect, "read_post", fails_on_one)
    message = _build_error(root)
    assert "Không đọc được tệp posts/2025/thong-bao.md" in message
    assert "RuntimeError: hỏng bất ngờ" in message


def test_an_unexpected_failure_reading_a_procedure_names_it_in_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _plain_site(tmp_path)

    def fails(path: Path, source: str, now: object) -> object:
        raise ValueError("hỏng bất ngờ")

    monkeypatch.setattr(collection, "read_record", fails)
    assert "Không đọc được tệp procedures/cu.yml" in _build_error(root)
