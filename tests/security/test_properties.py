"""Generated posts, file names and procedure records, hostile ones included.

Whatever staff put in a file, reading it gives a post or a Vietnamese error naming the file,
nothing else; what is read reaches HTML only escaped. The per-file readers take many
examples; whole sites go through check, count and a strict build for a few.
"""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from mkdocs.exceptions import Abort, PluginError
from trangxa.core.dates import VN_TZ
from trangxa.core.problems import ContentError, Problem
from trangxa.core.walk import walk_folder
from trangxa.news.post import read_post
from trangxa.procedures.addresses import Addresses
from trangxa.procedures.pages import PageSettings, procedure_page
from trangxa.procedures.record import read_record
from trangxa.procedures.render import source_templates

from tests.security.corpus import (
    PAYLOADS,
    procedure_record,
    write_hostile_site,
)
from tests.security.runner import run_module
from tests.sitebuild import build_site, captured_logs

NOW = datetime(2025, 6, 1, 8, 0, tzinfo=VN_TZ)
CATEGORIES = ["Cải cách hành chính"]
VIETNAMESE = re.compile("[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]")
TEMPLATES = source_templates(
    [str(Path(__file__).parents[2] / "plugins/trangxa/procedures/templates")]
)
PAGE_SETTINGS = PageSettings(
    Addresses("thu-tuc"), "Thủ tục", "Cập nhật", "Đã bãi bỏ", "UBND xã Hòa An", NOW
)

# Pieces staff paste or mistype, and pieces an attacker would try, mixed with plain text.
PIECES = st.sampled_from(
    [
        *PAYLOADS,
        "javascript:alert(1)",
        "&a",
        "*a",
        "[" * 50,
        "{a: " * 30,
        ": ",
        "- ",
        "#",
        '"',
        "'",
        "\\",
        "\x0b",
        "\x00",
        "\ufffe",
        "\t",
        unicodedata.normalize("NFD", "Hòa An"),
        "Thông báo",
        "15/03/2025",
        "\n",
        "  ",
    ]
)
TEXTS = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=6).map("".join)
KEYS = st.sampled_from(
    ["title", "date", "categories", "tags", "description", "slug", "draft", "authors", "links"]
)
VALUES = st.one_of(
    TEXTS,
    st.lists(TEXTS, max_size=3),
    st.dictionaries(TEXTS, TEXTS, max_size=2),
    st.booleans(),
    st.integers(),
)
NAMES = st.one_of(
    st.sampled_from([".an.md", "._an.md", ".#an.md", "~$an.docx", "an.md~", "#an.md#"]),
    st.text(
        alphabet=st.characters(blacklist_characters="/\x00", blacklist_categories=["Cs"]),
        min_size=1,
        max_size=20,
    ).map(lambda name: name + ".md"),
)


@st.composite
def post_files(draw: st.DrawFn) -> str:
    """A post as staff might save it: front matter written raw or as JSON, then a body."""
    keys = draw(st.dictionaries(KEYS, VALUES, max_size=6))
    raw = draw(st.booleans())
    front = "\n".join(
        f"{key}: {value if raw and isinstance(value, str) else json.dumps(value)}"
        for key, value in keys.items()
    )
    extra = draw(st.sampled_from(["", "date: 15/03/2025 08:00\n", "title: Tin\n"]))
    return f"---\n{extra}{front}\n---\n\n{draw(TEXTS)}\n"


@st.composite
def publishable_posts(draw: st.DrawFn) -> str:
    """A post of the right shape whose every text field is generated, hostile or not."""
    front = {
        "title": "Tin " + draw(TEXTS),
        "date": "15/03/2025 08:00",
        "categories": ["Cải cách hành chính"],
        "tags": [draw(TEXTS)],
        "description": draw(TEXTS),
    }
    lines = "\n".join(f"{key}: {json.dumps(value)}" for key, value in front.items())
    return f"---\n{lines}\n---\n\nNội dung bài.\n"


def assert_named_vietnamese(problem: Problem, source: str) -> None:
    assert problem.path == source
    assert VIETNAMESE.search(problem.message), problem.message


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=NAMES, text=post_files())
def test_a_generated_post_is_read_or_refused_naming_it(
    tmp_path_factory: pytest.TempPathFactory, name: str, text: str
) -> None:
    root = tmp_path_factory.mktemp("post")
    (root / "posts").mkdir()
    path = root / "posts" / name
    try:
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
    except OSError:
        return  # a name the file system itself refuses never reaches trangxa
    walk = walk_folder(root / "posts", root)
    for problem in walk.skipped:
        assert_named_vietnamese(problem, problem.path)
    for found, source in walk.files:
        assert source == unicodedata.normalize("NFC", source)
        try:
            post = read_post(found, source, CATEGORIES)
        except ContentError as exc:
            assert_named_vietnamese(exc.problem, source)
            continue
        for warning in post.warnings:
            assert_named_vietnamese(warning, source)
    assert len(walk.files) + len(walk.skipped) == 1


FIELDS = [
    "name",
    "field",
    "level",
    "agency",
    "submit_at",
    "processing_time",
    "fees",
    "applicants",
    "requirements",
    "result",
]


class _Traces(HTMLParser):
    """Elements, handlers, addresses and scripts only a payload could have made."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.in_script = tag == "script"
        for name, value in attrs:
            value = value or ""
            if name == "id" and value.startswith("pwned"):
                self.found.append(f"<{tag} id={value}>")
            if name.startswith("on") and "pwned" in value:
                self.found.append(f"<{tag} {name}>")
            if name in {"href", "src"} and value.strip().lower().startswith("javascript:"):
                self.found.append(f"<{tag} {name}={value}>")

    def handle_endtag(self, tag: str) -> None:
        self.in_script = False

    def handle_data(self, data: str) -> None:
        if self.in_script and "pwned" in data:
            self.found.append(f"<script>{data[:40]}")


def injected(html: str) -> list[str]:
    """What a payload left in a page: nothing, when every value was escaped."""
    parser = _Traces()
    parser.feed(html)
    return parser.found


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    changes=st.dictionaries(
        st.sampled_from(FIELDS), st.one_of(TEXTS, st.lists(TEXTS, max_size=3)), max_size=4
    )
)
def test_a_generated_procedure_is_read_or_refused_and_laid_out_escaped(
    tmp_path_factory: pytest.TempPathFactory, changes: dict[str, object]
) -> None:
    path = tmp_path_factory.mktemp("procedure") / "thu-tuc.yml"
    lines = procedure_record("1.000001", "x").splitlines()
    kept = [line for line in lines if line.split(":", 1)[0] not in changes]
    path.write_text(
        "\n".join([*kept, *(f"{key}: {json.dumps(value)}" for key, value in changes.items())]),
        encoding="utf-8",
        errors="surrogatepass",
    )
    result = read_record(path, "procedures/thu-tuc.yml", NOW)
    for problem in result.problems:
        assert_named_vietnamese(problem, "procedures/thu-tuc.yml")
    if result.procedure is None:
        assert any(problem.severity == "error" for problem in result.problems)
        return
    page = procedure_page(result.procedure, {}, PAGE_SETTINGS)
    assert page.source is not None
    body = TEMPLATES.render(page.source, page.data)
    assert injected(body) == []


SITE_EXAMPLES = 4


# Whole builds are slow: a few examples, and a failure is reported as found, not shrunk.
@settings(
    max_examples=SITE_EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    derandomize=True,
)
@given(text=TEXTS, post=publishable_posts())
def test_every_command_on_a_generated_site_succeeds_clean_or_names_the_file(
    tmp_path_factory: pytest.TempPathFactory, text: str, post: str
) -> None:
    root = tmp_path_factory.mktemp("site")
    # The fixed corpus fills mkdocs.yml (read by MkDocs itself) and one post and record of
    # each kind; the generated text fills a further post and a further procedure record.
    write_hostile_site(root)
    (root / "posts" / "2025" / "sinh-ra.md").write_text(post, "utf-8", errors="surrogatepass")
    (root / "procedures" / "sinh-ra.yml").write_text(
        procedure_record("1.000009", text), "utf-8", errors="surrogatepass"
    )
    for command in (("trangxa", "check"), ("trangxa", "count", "--period", "2025")):
        run = run_module(root, *command)
        said = run.stdout + run.stderr
        assert "Traceback" not in said, said
        if run.returncode != 0:
            assert "sinh-ra" in said, said
            assert VIETNAMESE.search(said), said
    for strict in (True, False):
        try:
            with captured_logs() as records:
                result = build_site(root, strict=strict, site_dir=root / f"site-{strict}")
        except (PluginError, Abort) as exc:
            said = "\n".join([str(exc), *(record.getMessage() for record in records)])
            assert "sinh-ra" in said, said
            assert VIETNAMESE.search(said), said
            continue
        for page in result.site_dir.rglob("*.html"):
            assert injected(page.read_text("utf-8")) == [], page
