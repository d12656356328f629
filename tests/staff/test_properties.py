"""Whatever staff type, the loader answers with a post or a clear problem, never a crash."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st
from trangxa.core.dates import DateParseError, parse_date, to_vn
from trangxa.core.problems import ContentError
from trangxa.news.post import read_post
from trangxa.news.postfields import KNOWN_KEYS

CATEGORIES = ["Tin tức", "Thông báo", "Cải cách hành chính"]
SOURCE = "posts/2024/bai.md"

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=30),
    st.sampled_from(["15/03/2024", "2024-02-30", "15/3/24", "0224-01-01", "Tin tức", "a/../b"]),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)
keys = st.sampled_from(sorted(KNOWN_KEYS)) | st.text(min_size=1, max_size=12)


def outcome(data: bytes) -> str:
    """'post' or the problem's message; anything else raised fails the test."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bai.md"
        path.write_bytes(data)
        try:
            post = read_post(path, SOURCE, CATEGORIES)
        except ContentError as error:
            problem = error.problem
            assert problem.path == SOURCE
            assert problem.message.strip()
            assert problem.line is None or problem.line >= 1
            return str(problem.message)
    assert post.title.strip() and post.title == " ".join(post.title.split())
    assert post.date.utcoffset() is not None
    assert post.slug and ".." not in post.slug and "/" not in post.slug
    assert set(post.categories) <= set(CATEGORIES)
    return "post"


@settings(max_examples=300)
@given(st.dictionaries(keys, values, max_size=6), st.text(max_size=200))
@example({"title": "Bài", "date": "15/03/2024"}, "Nội dung")
def test_any_front_matter_mapping_gives_a_post_or_a_problem(
    meta: dict[str, Any], body: str
) -> None:
    front = yaml.safe_dump(meta, allow_unicode=True)
    outcome(f"---\n{front}---\n\n{body}\n".encode("utf-8", "surrogatepass"))


@settings(max_examples=300)
@given(st.text(max_size=300))
@example("---\n---\n")
@example("---\ntitle: [\n---\n")
@example("---\n- a\n- b\n---\n")
@example("---\ntitle: !!python/object:os.system ls\ndate: 1\n---\n")
def test_any_text_after_the_opening_line_gives_a_post_or_a_problem(text: str) -> None:
    outcome(("---\n" + text).encode("utf-8", "surrogatepass"))


@given(st.binary(max_size=300))
def test_any_bytes_give_a_post_or_a_problem(data: bytes) -> None:
    outcome(data)


@given(values)
@example("0001-01-01T00:00+23:59")
@example("9999-12-31T23:59:59-23:59")
def test_any_yaml_value_as_a_date_gives_vietnam_time_or_a_date_parse_error(value: Any) -> None:
    try:
        parsed = to_vn(parse_date(value))
    except DateParseError as error:
        assert str(error).strip()
        return
    assert parsed.utcoffset() is not None
