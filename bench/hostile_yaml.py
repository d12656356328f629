"""Time and memory of reading hostile 1 KB-scale files: each must be refused at once.

    .venv/bin/python bench/hostile_yaml.py

Writes each hostile post to a temporary folder, reads it as the build does, and prints the
seconds and the peak memory Python allocated while refusing it, with the message given.
"""

from __future__ import annotations

import tempfile
import time
import tracemalloc
from pathlib import Path

from trangxa.core.problems import ContentError
from trangxa.news.post import read_post


def alias_bomb(key: str) -> str:
    lines = [f'{key}: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"x{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    return "\n".join(lines)


CASES = {
    "alias bomb (tags)": alias_bomb("tags"),
    "alias bomb (slug)": alias_bomb("slug"),
    "5,000 × [ in slug": "slug: " + "[" * 5000,
    "5,000 × { in tags": "tags: " + "{a: " * 5000,
    "3,000 × - in tags": "tags:\n  " + "- " * 3000 + "x",
    "nested duplicate key": "links: {Hướng dẫn: a.md, Hướng dẫn: b.md}",
}


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        for name, front in CASES.items():
            path = Path(folder) / "tin.md"
            text = f"---\ntitle: Tin\ndate: 15/03/2025 08:00\n{front}\n---\n\nNội dung.\n"
            path.write_text(text, encoding="utf-8")
            tracemalloc.start()
            start = time.perf_counter()
            try:
                read_post(path, "posts/tin.md", [])
                outcome = "ĐỌC ĐƯỢC (không mong đợi)"
            except ContentError as exc:
                outcome = str(exc.problem)[:90]
            seconds = time.perf_counter() - start
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            size = len(text.encode("utf-8"))
            print(f"{name:24} {size:6} B  {seconds:7.4f} s  {peak / 1e6:6.2f} MB  {outcome}")


if __name__ == "__main__":
    main()
