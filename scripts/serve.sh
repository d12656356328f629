#!/usr/bin/env bash
# Set up the project in .venv (pinned versions) and serve the sample site with live reload.
# Usage: bash scripts/serve.sh [build]   — "build" writes the site to site/ instead of serving.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
VENV="$ROOT/.venv"
export NO_MKDOCS_2_WARNING=1 PIP_DISABLE_PIP_VERSION_CHECK=1

if ! "$VENV/bin/python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "==> Tạo môi trường Python .venv"
    python3 -m venv "$VENV"
fi
stamp="$VENV/.trangxa-site"
wanted="$(cat pyproject.toml requirements-test.lock 2>/dev/null | sha256sum | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ] || ! "$VENV/bin/python" -c 'import trangxa' 2>/dev/null; then
    echo "==> Cài trangxa và các gói đã ghim phiên bản"
    args=(-e .)
    [ -f requirements-test.lock ] && args+=(-c requirements-test.lock)
    "$VENV/bin/python" -m pip install -q "${args[@]}"
    echo "$wanted" >"$stamp"
fi

if [ "${1:-serve}" = "build" ]; then
    exec "$VENV/bin/mkdocs" build --strict
fi
echo "==> Mở http://127.0.0.1:8000/ trong trình duyệt (Ctrl+C để dừng)"
exec "$VENV/bin/mkdocs" serve --dev-addr 127.0.0.1:8000
