#!/usr/bin/env bash
# Smoke-test a built Stakemap program offscreen, as a colleague without Python or a CJK font would run it:
# its version, the demo accounts, the account list as JSON and a meeting pack PDF whose Chinese text is
# embedded and searchable. The machine's fonts are hidden (fontconfig sees only a folder without CJK glyphs),
# so Chinese can only come from the font inside the build.
#   bash scripts/smoke-app.sh dist/stakemap/stakemap
set -euo pipefail

PROGRAM="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
[ -x "$PROGRAM" ] || { echo "smoke-app: $1 is not a program" >&2; exit 1; }
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
step() { printf '\nsmoke-app: $ %s\n' "$*" >&2; }
fail() { printf 'smoke-app: FAILED: %s\n' "$*" >&2; exit 1; }

# A fontconfig that knows one Latin font only: DejaVu Sans when the machine has it, else nothing at all.
mkdir -p "$WORK/fonts" "$WORK/fontcache" "$WORK/home"
for latin in /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf; do
    [ -f "$latin" ] && cp "$latin" "$WORK/fonts/"
done
cat >"$WORK/fonts.conf" <<CONF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig><dir>$WORK/fonts</dir><cachedir>$WORK/fontcache</cachedir></fontconfig>
CONF
export FONTCONFIG_FILE="$WORK/fonts.conf"
export QT_QPA_PLATFORM=offscreen
export HOME="$WORK/home" XDG_DATA_HOME="$WORK/home/.local/share" XDG_CONFIG_HOME="$WORK/home/.config"
if command -v fc-list >/dev/null && fc-list :lang=zh | grep -q .; then
    fail "the hidden font set still has a CJK font: $(fc-list :lang=zh | head -1)"
fi
DB="$WORK/smoke.stakemap"

step stakemap --version
"$PROGRAM" --version
step stakemap --db smoke.stakemap demo
"$PROGRAM" --db "$DB" demo
step stakemap --db smoke.stakemap accounts --json
"$PROGRAM" --db "$DB" accounts --json | tee "$WORK/accounts.json"
python3 - "$WORK/accounts.json" <<'PY' || fail "accounts --json did not list the demo accounts"
import json, sys
accounts = json.load(open(sys.argv[1], encoding="utf-8"))["accounts"]
assert len(accounts) >= 3 and all(a["people"] > 0 for a in accounts), accounts
PY
ACCOUNT="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["accounts"][0]["account"])' "$WORK/accounts.json")"
step stakemap --db smoke.stakemap --lang zh_CN brief --account "$ACCOUNT" --out pack.pdf
"$PROGRAM" --db "$DB" --lang zh_CN brief --account "$ACCOUNT" --out "$WORK/pack.pdf"
step pdffonts pack.pdf
pdffonts "$WORK/pack.pdf" | tee "$WORK/fonts.txt"
grep -qi "wenquanyi\|wqy\|microhei" "$WORK/fonts.txt" || fail "the bundled CJK font is not embedded in the PDF"
step "pdftotext pack.pdf - | head"
pdftotext "$WORK/pack.pdf" "$WORK/pack.txt"
head -12 "$WORK/pack.txt"
python3 - "$WORK/pack.txt" "$ACCOUNT" <<'PY' || fail "the PDF's text has no searchable Chinese"
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
assert sys.argv[2] in text, "account name missing"
assert len(re.findall(r"[\u4e00-\u9fff]", text)) > 50, "too few Chinese characters"
assert "参会" in text or "会议" in text, "no Chinese heading"
PY
step stakemap --db smoke.stakemap analyze --account "$ACCOUNT" --json
"$PROGRAM" --db "$DB" analyze --account "$ACCOUNT" --json >"$WORK/analysis.json"
python3 - "$WORK/analysis.json" <<'PY' || fail "analyze --json gave no influence scores"
import json, sys
result = json.load(open(sys.argv[1], encoding="utf-8"))
scores = [p["influence_score"] for p in result["people"] if p["side"] == "client"]
assert scores and abs(sum(scores) - 1) < 1e-6, scores
print(f"{len(result['people'])} people, coverage {result['coverage']['score']:.2f}")
PY
FIXTURES="$(cd "$(dirname "$0")/.." && pwd)/tests/fixtures/import"
for contacts in chinese_gbk.csv contacts_30.vcf map.graphml; do
    step stakemap --db smoke.stakemap import "$contacts" --account 导入测试
    "$PROGRAM" --db "$DB" import "$FIXTURES/$contacts" --account 导入测试 || fail "importing $contacts failed"
done
step stakemap --db smoke.stakemap export --account "$ACCOUNT" --out map.pdf
"$PROGRAM" --db "$DB" export --account "$ACCOUNT" --out "$WORK/map.pdf"
pdfinfo "$WORK/map.pdf" | grep -E "^Pages" || fail "the map PDF is not readable"
step "stakemap --db smoke.stakemap   (the window, offscreen, until it is ready for editing)"
STAKEMAP_STARTUP_PROBE=1 STAKEMAP_CONFIG_DIR="$WORK/config" timeout 60 "$PROGRAM" --db "$DB" --lang zh_CN \
    | tee "$WORK/window.txt"
grep -q "^startup-ready" "$WORK/window.txt" || fail "the window did not open"
grep -q "^startup-qt-cancel 取消" "$WORK/window.txt" || fail "Qt's own Chinese catalogue was not loaded"
printf '\nsmoke-app: all smoke commands passed\n' >&2
