#!/usr/bin/env bash
# Rewrite requirements-test.lock from a clean venv holding only the project and its test extra.
# Run after changing a pin in pyproject.toml, then commit both files together.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

python3 -m venv "$WORK/venv"
"$WORK/venv/bin/python" -m pip install -q --disable-pip-version-check -e "$ROOT[test]"
{
    echo "# Every Python package the checks use, pinned; written by scripts/lock.sh."
    "$WORK/venv/bin/python" -m pip freeze --exclude-editable --disable-pip-version-check
} >"$ROOT/requirements-test.lock"
echo "Đã ghi $ROOT/requirements-test.lock"
