"""The worker's test of whether a result holds the words typed, run in Node on worker.js itself."""

from __future__ import annotations

import json
import subprocess

from trangxa.search.pagefind_index import WORKER_SCRIPT

# Runs worker.js as a worker would, with a stand-in for the worker's global scope, then asks
# holdsWords about each case read from standard input.
_RUN = """
const vm = require("vm");
const fs = require("fs");
const scope = {
  location: { href: "https://xa.example/assets/javascripts/workers/search.js" },
  addEventListener() {},
  postMessage() {},
};
const context = vm.createContext({ self: scope, URL, console });
const worker = vm.runInContext(
  fs.readFileSync(process.argv[1], "utf8") + "\\n;({ holdsWords })", context
);
const cases = JSON.parse(fs.readFileSync(0, "utf8"));
console.log(JSON.stringify(cases.map(([query, title, excerpt]) =>
  worker.holdsWords(query, { page: { meta: { title } }, excerpt }))));
"""

CASES = [
    # (query, title, excerpt, holds)
    ("khử", "Khung thời vụ lúa xuân", "", False),
    ("khử", "Khắc phục hậu quả bão", "Phun <mark>khử</mark> khuẩn khu vực ngập", True),
    ("otp", "Thu hoạch ớt xuất khẩu", "", False),
    ("otp", "Cảnh báo lừa đảo", "cung cấp mã <mark>OTP</mark> hoặc chuyển tiền", True),
    ("dang ky khai si", "Đăng ký khai sinh", "", True),
    ("hoà giải", "Hòa giải tranh chấp đất đai", "", True),
    ("hộ tịch", "Hồ sơ đất đai", "", False),
    ("ho tich", "Hộ tịch điện tử", "", True),
    ("khai tử", "Đăng ký khai sinh", "", False),
    ("sinh khai", "Đăng ký khai sinh", "", True),
]


def test_results_hold_the_words_as_typed() -> None:
    cases = [[query, title, excerpt] for query, title, excerpt, _ in CASES]
    answer = subprocess.run(
        ["node", "-e", _RUN, str(WORKER_SCRIPT)],
        input=json.dumps(cases),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    found = json.loads(answer.stdout)
    assert found == [holds for *_, holds in CASES], answer.stderr
