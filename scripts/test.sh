#!/usr/bin/env bash
# Install everything the checks need (once; re-runs reuse it), then run ruff, mypy and pytest.
# Usage: bash scripts/test.sh [extra pytest arguments]
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

VENV="$ROOT/.venv"
# LibreOffice (Writer, Calc) opens the Word and Excel files in tests; poppler-utils reads word
# positions from its PDFs; Liberation Serif has Times New Roman's metrics.
APT_PACKAGES=(chromium chromium-driver default-jre-headless nodejs npm fonts-dejavu-core
    libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils fonts-liberation2)
export NO_MKDOCS_2_WARNING=1
export PIP_DISABLE_PIP_VERSION_CHECK=1
export DEBIAN_FRONTEND=noninteractive

section() { printf '\n==> %s\n' "$*"; }
die() { printf 'LỖI: %s\n' "$*" >&2; exit 1; }
checksum() { cat "$@" 2>/dev/null | sha256sum | cut -d' ' -f1; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"
    elif command -v sudo >/dev/null 2>&1; then sudo "$@"
    else die "cần quyền root để chạy: $*"
    fi
}

APT_UPDATED=""
apt_install() {
    command -v apt-get >/dev/null 2>&1 || die "thiếu gói $* và máy không có apt-get"
    echo "Cài gói Debian: $*"
    if [ -z "$APT_UPDATED" ]; then
        as_root apt-get update -qq || die "apt-get update thất bại"
        APT_UPDATED=1
    fi
    as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null \
        || die "apt-get install $* thất bại"
}

# --- Debian packages ------------------------------------------------------------------------
install_system_packages() {
    section "Gói Debian (Chromium, chromedriver, Java, Node.js, LibreOffice, poppler, phông chữ)"
    local missing=()
    [ -x /usr/bin/chromium ] || missing+=(chromium)
    [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
    command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
    command -v node >/dev/null 2>&1 || missing+=(nodejs)
    command -v npm >/dev/null 2>&1 || missing+=(npm)
    [ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
    [ -e /usr/lib/libreoffice/program/libswlo.so ] || missing+=(libreoffice-writer-nogui)
    [ -e /usr/lib/libreoffice/program/libsclo.so ] || missing+=(libreoffice-calc-nogui)
    command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
    [ -e /usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf ] \
        || missing+=(fonts-liberation2)
    if [ "${#missing[@]}" -eq 0 ]; then
        echo "Đã có đủ: ${APT_PACKAGES[*]}"
        return
    fi
    apt_install "${missing[@]}"
}

python_for_venv() {
    local candidate
    for candidate in python3.11 python3; do
        if command -v "$candidate" >/dev/null 2>&1 \
            && "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            "$candidate" "$@"
            return
        fi
    done
    return 127
}

# --- Python virtual environment -------------------------------------------------------------
install_python_packages() {
    section "Môi trường Python (.venv) với các gói đã ghim"
    if ! "$VENV/bin/python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
        python_for_venv --version >/dev/null 2>&1 || die "cần Python 3.11 trở lên"
        echo "Tạo .venv bằng $(python_for_venv --version)"
        rm -rf "$VENV"
        if ! python_for_venv -m venv "$VENV" >/dev/null 2>&1; then
            # Debian's own Python ships venv without pip until python3-venv is installed.
            rm -rf "$VENV"
            apt_install python3-venv
            python_for_venv -m venv "$VENV" || die "không tạo được .venv"
        fi
    fi
    local stamp="$VENV/.trangxa-installed" wanted
    wanted="$(checksum pyproject.toml requirements-test.lock)"
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ] \
        && "$VENV/bin/python" -c 'import trangxa' 2>/dev/null; then
        echo "Các gói đã khớp pyproject.toml và requirements-test.lock"
        return
    fi
    local args=(-e '.[test]')
    [ -f requirements-test.lock ] && args+=(-r requirements-test.lock)
    # pip's warnings about this machine's index settings would bury the useful lines.
    local log="$VENV/pip-install.log"
    if ! "$VENV/bin/python" -m pip install "${args[@]}" >"$log" 2>&1; then
        tail -n 40 "$log"
        die "pip install thất bại (toàn bộ nhật ký: $log)"
    fi
    echo "$wanted" >"$stamp"
    "$VENV/bin/python" -m pip list --format=freeze 2>/dev/null \
        | grep -iE '^(mkdocs|mkdocs-material|selenium|pytest|pypdf|ruff|mypy)=' || true
}

# --- ProperDocs, the engine that carries MkDocs 1.x on, in a venv of its own ---------------
install_properdocs() {
    section "ProperDocs (.venv-properdocs), để so sánh với MkDocs"
    local venv="$ROOT/.venv-properdocs" stamp="$ROOT/.venv-properdocs/.trangxa-installed" wanted
    wanted="$(checksum pyproject.toml requirements-test.lock requirements-properdocs.txt)"
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ]; then
        echo "ProperDocs đã khớp requirements-properdocs.txt"
        return
    fi
    rm -rf "$venv"
    "$VENV/bin/python" -m venv "$venv" || die "không tạo được .venv-properdocs"
    local log="$venv/pip-install.log"
    if ! "$venv/bin/python" -m pip install -e . -r requirements-properdocs.txt \
        -c requirements-test.lock >"$log" 2>&1; then
        tail -n 40 "$log"
        die "pip install ProperDocs thất bại (toàn bộ nhật ký: $log)"
    fi
    echo "$wanted" >"$stamp"
    "$venv/bin/properdocs" --version
}

# --- npm tools ------------------------------------------------------------------------------
install_npm_packages() {
    section "Công cụ npm (axe-core, vnu-jar) theo package-lock.json"
    local stamp="node_modules/.trangxa-installed" wanted
    wanted="$(checksum package.json package-lock.json)"
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ] \
        && [ -f node_modules/axe-core/axe.min.js ] \
        && [ -f node_modules/vnu-jar/build/dist/vnu.jar ]; then
        echo "node_modules đã khớp package-lock.json"
        return
    fi
    # vnu-jar's install script would download a Java runtime; Debian's JRE is used instead.
    npm ci --ignore-scripts --no-audit --no-fund --loglevel=error || die "npm ci thất bại"
    echo "$wanted" >"$stamp"
}

show_versions() {
    section "Phiên bản công cụ"
    "$VENV/bin/python" --version
    /usr/bin/chromium --version 2>/dev/null || echo "chromium: không có"
    /usr/bin/chromedriver --version 2>/dev/null || echo "chromedriver: không có"
    java -version 2>&1 | head -n1
    echo "node $(node --version), npm $(npm --version 2>/dev/null)"
}

# --- checks ---------------------------------------------------------------------------------
FAILED=()

run_check() {
    local name="$1"
    shift
    section "$name"
    "$@"
    local code=$?
    if [ "$code" -ne 0 ]; then
        FAILED+=("$name (mã $code)")
    fi
    return 0
}

run_pytest() {
    "$VENV/bin/pytest" tests "$@"
    local code=$?
    if [ "$code" -eq 5 ]; then
        echo "LỖI: pytest không chạy kiểm thử nào." >&2
        return 1
    fi
    return "$code"
}

install_system_packages
install_python_packages
install_properdocs
install_npm_packages
show_versions

# As with an activated venv, so tests that run `trangxa` or `mkdocs` find the pinned ones.
export VIRTUAL_ENV="$VENV"
export PATH="$VENV/bin:$PATH"

run_check "ruff check" "$VENV/bin/ruff" check plugins tests bench
run_check "mypy" "$VENV/bin/mypy"
run_check "pytest" run_pytest "$@"

section "Kết quả"
if [ "${#FAILED[@]}" -ne 0 ]; then
    printf 'Không đạt: %s\n' "${FAILED[@]}"
    exit 1
fi
echo "Tất cả kiểm tra đều đạt."
