"""Hostile text put into every field staff or a config can fill, and a site that holds it."""

from __future__ import annotations

import json
from pathlib import Path

# Every payload, if it ever became markup, sets window.__pwned, raises an alert or leaves an
# element whose id starts with "pwned".
PAYLOADS = (
    '<img src=x id=pwned-img onerror="window.__pwned=1;alert(1)">',
    '"><svg id=pwned-svg onload="window.__pwned=2">',
    "'><script id=pwned-script>window.__pwned=3</script>",
    "</title></textarea><script>window.__pwned=4</script>",
    "&lt;img src=x id=pwned-entity onerror=window.__pwned=5&gt;",
    "<a id=pwned-link href=javascript:window.__pwned=6>x</a>",
)
HOSTILE = "Tin " + " ".join(PAYLOADS)
# A file name cannot hold "/": the payload that closes an attribute fits in one.
HOSTILE_FILE_NAME = '"><img src=x id=pwned-file onerror="window.__pwned=7">.pdf'
JAVASCRIPT_URLS = ("javascript:alert(1)", " JaVaScRiPt:alert(1)", "java\tscript:alert(1)")


def _yaml(value: object) -> str:
    # JSON is YAML: every hostile text is written exactly, quotes and all.
    return json.dumps(value, ensure_ascii=False)


def procedure_record(code: str, text: str) -> str:
    """A valid procedure record with the text in every free-text field."""
    fields = {
        "code": code,
        "name": f"Đăng ký {text}",
        "field": f"Hộ tịch {text}",
        "level": f"Cấp xã {text}",
        "agency": f"Ủy ban nhân dân xã {text}",
        "submit_at": f"Bộ phận một cửa {text}",
        "channels": ["trực tiếp", "trực tuyến"],
        "steps": [f"Nộp hồ sơ {text}", f"Nhận kết quả {text}"],
        "documents": [{"name": f"Tờ khai {text}", "template": f"Mẫu {text}", "copies": text}],
        "processing_time": f"Trong ngày {text}",
        "fees": f"Miễn phí {text}",
        "applicants": [f"Công dân {text}", f"Người nước ngoài {text}"],
        "requirements": f"Không có {text}\n\nĐoạn hai {text}",
        "result": f"Giấy chứng nhận {text}",
        "legal_basis": [f"Luật Hộ tịch {text}"],
        "online": {"level": "một phần", "url": "https://dichvucong.gov.vn/?q=%22%3E%3Cb%3E"},
        "history": [
            {
                "change": "mới ban hành",
                "decision": f"512/QĐ-UBND {text}",
                "decision_date": "03/03/2025",
                "posted": "05/03/2025",
                "note": f"Ghi chú {text}",
            }
        ],
    }
    return "\n".join(f"{key}: {_yaml(value)}" for key, value in fields.items()) + "\n"


def replaced_record(code: str, successor: str, text: str) -> str:
    """A record replaced by another, so the notices and the archive show both names."""
    record = procedure_record(code, text)
    history = {
        "change": "bị thay thế",
        "decision": f"600/QĐ-UBND {text}",
        "decision_date": "03/04/2025",
        "posted": "05/04/2025",
        "replaced_by": successor,
        "note": f"Ghi chú {text}",
    }
    head, _, _ = record.partition("history: ")
    first = json.loads(record.split("history: ", 1)[1])
    return head + f"history: {_yaml([*first, history])}\n"


def post_text(text: str) -> str:
    """A post with the text in every front-matter field and a hostile attachment."""
    front = {
        "title": f"Thông báo {text}",
        "date": "15/03/2025 08:00",
        "categories": [text, "Cải cách hành chính"],
        "tags": [f"thẻ {text}"],
        "authors": ["tacgia"],
        "description": f"Mô tả {text}",
        "links": ["https://hoaan.lacson.gov.vn/", {f"Hướng dẫn {text}": "../huong-dan/"}],
    }
    lines = [f"{key}: {_yaml(value)}" for key, value in front.items()]
    link = HOSTILE_FILE_NAME.replace('"', "%22").replace(" ", "%20").replace(">", "%3E")
    link = link.replace("<", "%3C").replace("=", "%3D")
    return "---\n" + "\n".join(lines) + f"\n---\n\nNội dung bài.\n\n[Tải tệp]({link})\n"


def config_text(text: str) -> str:
    """mkdocs.yml with the text in every label trangxa prints."""
    agency = {
        "parent": text,
        "name": f"Ủy ban {text}",
        "tagline": text,
        "emblem_alt": text,
        "responsible": text,
        "address": text,
        "phone": f"0263 {text}",
        "email": f"ubnd{text}",
        "license": text,
    }
    return (
        "site_name: Trang thông tin điện tử xã Hòa An\n"
        "site_url: https://hoaan.lacson.gov.vn/\n"
        "theme:\n  name: material\n  language: vi\n"
        "plugins:\n  - search:\n      lang: vi\n  - trangxa-search\n"
        f"  - trangxa-news:\n      categories: {_yaml([text, 'Cải cách hành chính'])}\n"
        "      cchc_category: Cải cách hành chính\n"
        f"      title: {_yaml('Tin tức ' + text)}\n"
        f"      authors: {_yaml({'tacgia': {'name': text}})}\n"
        f"  - trangxa-procedures:\n      title: {_yaml('Thủ tục ' + text)}\n"
        f"      changes_title: {_yaml('Cập nhật ' + text)}\n"
        f"      archive_title: {_yaml('Đã bãi bỏ ' + text)}\n"
        f"      print_heading: {_yaml('UBND ' + text)}\n"
        f"  - trangxa-report:\n      title: {_yaml('Thống kê ' + text)}\n"
        f"extra:\n  agency: {_yaml(agency)}\n"
    )


def write_hostile_site(root: Path, text: str = HOSTILE) -> Path:
    """A whole site whose every field holds the text; returns its mkdocs.yml."""
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "index.md").write_text(
        "---\ntemplate: trangxa/home.html\n---\n\n# Trang chủ\n", encoding="utf-8"
    )
    folder = root / "posts" / "2025"
    folder.mkdir(parents=True)
    (folder / "thong-bao.md").write_text(post_text(text), encoding="utf-8")
    (folder / HOSTILE_FILE_NAME).write_bytes(b"%PDF-1.4\n%%EOF\n")
    # Links with no text of their own show the hostile post's title.
    (folder / "lien-quan.md").write_text(
        "---\ntitle: Tin liên quan\ndate: 16/03/2025 08:00\n"
        'categories: ["Cải cách hành chính"]\nlinks: ["2025/thong-bao.md"]\n---\n\n'
        "Xem [](thong-bao.md).\n",
        encoding="utf-8",
    )
    procedures = root / "procedures"
    procedures.mkdir()
    (procedures / "moi.yml").write_text(procedure_record("1.000001", text), encoding="utf-8")
    (procedures / "cu.yml").write_text(
        replaced_record("1.000002", "1.000001", text), encoding="utf-8"
    )
    config = root / "mkdocs.yml"
    config.write_text(config_text(text), encoding="utf-8")
    return config
