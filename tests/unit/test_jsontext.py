"""The count's JSON writer gives byte for byte what json.dumps gives."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from trangxa.core.jsontext import dumps_indented

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=-(10**40), max_value=10**40)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text()
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4)
    | st.tuples(inner, inner)
    | st.dictionaries(st.text(), inner, max_size=4)
    | st.dictionaries(SCALARS.filter(lambda key: not isinstance(key, str)), inner, max_size=3),
    max_leaves=30,
)


def _standard(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


@settings(max_examples=600, deadline=None)
@given(VALUES)
@example({"title": 'Thông báo "lịch" tiếp dân\n\t\x00\u2028\ud800', "items": [], "by": {}})
@example([[[]], {"a": [{}]}, (), 1.0, -0.0, 1e300, math.inf, -math.inf, True, 10**30])
def test_the_same_text_as_json_dumps(value: Any) -> None:
    assert dumps_indented(value) == _standard(value)


def test_nan_as_json_writes_it() -> None:
    assert dumps_indented([math.nan]) == _standard([math.nan])


@pytest.mark.parametrize("value", [object(), {"a": {1, 2}}, b"x", [1, print], {(1, 2): 3}])
def test_what_json_dumps_refuses_is_refused(value: Any) -> None:
    with pytest.raises(TypeError):
        _standard(value)
    with pytest.raises(TypeError):
        dumps_indented(value)


def test_keys_that_are_not_text_written_as_json_dumps_writes_them() -> None:
    value = {7: "số", None: 1, True: [], False: 0, 2.5: {}, -0.5: None, math.inf: 1}
    assert dumps_indented(value) == _standard(value)
    with pytest.raises(TypeError):
        dumps_indented({(1, 2): "cặp"})
