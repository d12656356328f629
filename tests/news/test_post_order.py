"""Posts sorted by attribute in two passes come in the order of the sort keys they replace."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any, cast

from trangxa.core.dates import VN_TZ, to_vn
from trangxa.news.collect import oldest_first, sort_newest_first


@dataclass(frozen=True)
class Dated:
    date: datetime
    source: str


def _posts(seed: int) -> list[Any]:
    chosen = random.Random(seed)
    start = datetime(2024, 3, 15, 8, 30, tzinfo=VN_TZ)
    posts = []
    for number in range(300):
        # Few distinct moments, so many posts share one; some written in other zones.
        moment = start + timedelta(minutes=chosen.randrange(40), microseconds=chosen.randrange(3))
        zone = timezone(timedelta(hours=chosen.choice([7, 0, -5])))
        date = to_vn(moment.astimezone(zone)) if chosen.random() < 0.8 else moment.astimezone(zone)
        posts.append(Dated(date, f"posts/{chosen.randrange(50):02d}-{number}.md"))
    return posts


def test_newest_first_in_two_passes_is_the_key_order() -> None:
    for seed in range(20):
        posts = _posts(seed)
        expected = sorted(posts, key=lambda post: (-post.date.timestamp(), post.source))
        sort_newest_first(posts)
        assert posts == expected


def test_oldest_first_in_two_passes_is_the_key_order() -> None:
    for seed in range(20):
        posts = _posts(seed)
        expected = sorted(posts, key=lambda post: (post.date.timestamp(), post.source))
        assert oldest_first(cast(Any, posts)) == expected
