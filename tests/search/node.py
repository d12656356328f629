"""Run trangxa's search script under Node.js, the same file the browser's search worker loads."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import trangxa.search.plugin as search_plugin
from trangxa.search.material_search import LANGUAGE_SCRIPT

SCRIPT = Path(search_plugin.__file__).parent / "theme" / LANGUAGE_SCRIPT

# Reads a JSON list from stdin, applies one exported function to each item.
_RUNNER = """
const api = require(process.argv[1]);
let input = "";
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const items = JSON.parse(input);
  process.stdout.write(JSON.stringify(items.map((item) => api[process.argv[2]](item))));
});
"""


def call_script(function: str, items: list[Any]) -> list[Any]:
    """Apply one function of the search script to each item, in Node.js."""
    node = shutil.which("node")
    if node is None:
        pytest.fail(
            "Không tìm thấy lệnh node: chạy `bash scripts/test.sh` để cài Node.js rồi thử lại.",
            pytrace=False,
        )
    result = subprocess.run(
        [node, "-e", _RUNNER, str(SCRIPT), function],
        input=json.dumps(items),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 0, f"node lỗi khi chạy {SCRIPT.name}:\n{result.stderr}"
    output: list[Any] = json.loads(result.stdout)
    return output
