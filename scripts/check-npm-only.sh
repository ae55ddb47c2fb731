#!/usr/bin/env bash
# Checks that a fresh clone needs only npm (README « Tests »): clones the committed HEAD into a temp folder,
# hides every Chrome/Chromium and the poppler tools from the PATH (a folder of links to everything else in
# /usr/bin and /bin), unsets CHROMIUM_PATH, gives an empty temp folder, then runs `npm install && npm test`.
# Linux only. Usage: bash scripts/check-npm-only.sh   (takes a few minutes: better-sqlite3 is compiled)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin" "$work/tmp"
for f in /usr/bin/* /bin/*; do
  b="$(basename "$f")"
  case "$b" in
    chromium* | google-chrome* | microsoft-edge* | pdfattach | pdfdetach | pdffonts | pdfimages | pdfinfo | pdfseparate | pdfsig | pdftocairo | pdftohtml | pdftoppm | pdftops | pdftotext | pdfunite) continue ;;
  esac
  [ -e "$work/bin/$b" ] || ln -s "$f" "$work/bin/$b"
done
git clone -q "$repo" "$work/clone"
cd "$work/clone"
echo "[check] $(git log --oneline -1)"
env -u CHROMIUM_PATH PATH="$work/bin" TMPDIR="$work/tmp" bash -c '
  for tool in chromium chromium-browser google-chrome pdftotext pdftoppm pdfinfo pdffonts; do
    if command -v "$tool" >/dev/null; then echo "[check] $tool is still reachable"; exit 1; fi
  done
  echo "[check] no system browser, no poppler: npm install && npm test"
  npm install --no-audit --no-fund && npm test'
echo "[check] passed with npm only"
