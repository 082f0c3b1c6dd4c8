#!/usr/bin/env bash
# Run corpus-tools over a folder of bad inputs and check every outcome.
#
#   scripts/bad_inputs.sh [WORKDIR]      (default: a fresh temporary folder, removed at the end)
#
# For each case it prints the exit code and the first line of stderr, then checks:
#   - never a traceback; exit code 0, 2 or (interrupted) 130;
#   - never a leaked file content (a secret planted next to the inputs, and /etc/passwd);
#   - nothing written outside the case's own folder (the work folder is snapshotted);
#   - no half-written output: every corpus file with a final name parses completely,
#     and no temporary file is left after an error or an interruption.
# Exit status: 0 when every case passes, 1 otherwise.
# BIG_TIMEOUT (seconds, default 600) bounds the 20 MB-line case.
set -uo pipefail

REPO="$(cd "$(dirname "$0")/.." && pwd)"
PY="${PYTHON:-python3}"
CT=("$PY" -m corpus_tools)
export PYTHONPATH="$REPO${PYTHONPATH:+:$PYTHONPATH}"
BIG_TIMEOUT="${BIG_TIMEOUT:-600}"

if [[ $# -ge 1 ]]; then W="$1"; mkdir -p "$W"; KEEP=1; else W="$(mktemp -d)"; KEEP=0; fi
W="$(cd "$W" && pwd)"
IN="$W/inputs"; OUT="$W/runs"
rm -rf "$IN" "$OUT"; mkdir -p "$IN" "$OUT"
SECRET="leak-canary-$$-$RANDOM"
echo "$SECRET" > "$W/secret.txt"
EN="$REPO/data/samples/geneva-summit.en.txt"
FR="$REPO/data/samples/geneva-summit.fr.txt"
BAD="$REPO/tests/data/bad"

# ---- make the inputs -------------------------------------------------------------------------
"$PY" - "$IN" "$W/secret.txt" "$BAD" <<'PYEOF'
import codecs, io, os, shutil, stat, sys, zipfile
from pathlib import Path
inp, secret, bad = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
for name in ("latin1.txt", "utf16le-bom.txt", "empty.txt", "control.txt", "newlines.txt", "fake.pdf",
             "billion-laughs.tmx", "truncated.tmx", "malformed.tmx", "xxe.html", "not-tmx.xlf"):
    shutil.copy(bad / name, inp / name)
shutil.copy(bad / "not-tmx.xlf", inp / "xliff-as.tmx")  # an XLIFF named .tmx: refused, not an empty corpus
(inp / "binary.bin").write_bytes(bytes(range(256)) * 64)
(inp / "line20mb.txt").write_text("word " * 4_000_000 + "\n", encoding="utf-8")
tu = '<tu><tuv xml:lang="en"><seg>{}</seg></tuv><tuv xml:lang="fr"><seg>ok</seg></tuv></tu>'
head = '<?xml version="1.0"?>\n'
body = ('<tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" '
        'adminlang="en" srclang="en" datatype="plaintext"/><body>{}</body></tmx>\n')
(inp / "xxe.tmx").write_text(head + f'<!DOCTYPE tmx [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>\n'
                             + body.format(tu.format("&xxe;")), encoding="utf-8")
(inp / "xxe-passwd.tmx").write_bytes((bad / "xxe.tmx").read_bytes())
meta = '{"package_version": "1.0", "from_code": "en", "to_code": "fr", "type": "translate"}'
with zipfile.ZipFile(inp / "escaping.argosmodel", "w") as zf:
    zf.writestr("pkg/metadata.json", meta)
    zf.writestr("pkg/../../escaped-by-zip.txt", "pwned")
with zipfile.ZipFile(inp / "symlink.argosmodel", "w") as zf:
    zf.writestr("pkg/metadata.json", meta)
    info = zipfile.ZipInfo("pkg/passwd")
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    zf.writestr(info, "/etc/passwd")
with zipfile.ZipFile(inp / "two-tops.argosmodel", "w") as zf:
    zf.writestr("a/metadata.json", meta)
    zf.writestr("b/metadata.json", meta)
(inp / "a-file").write_text("not a folder\n", encoding="utf-8")
PYEOF
mkdir -p "$IN/batch-en" "$IN/batch-fr"
for i in $(seq -w 1 40); do cp "$EN" "$IN/batch-en/doc$i.txt"; cp "$FR" "$IN/batch-fr/doc$i.txt"; done

snapshot() { (cd "$W" && find . -path ./runs -prune -o -path ./argos -prune -o -print | LC_ALL=C sort); }
BEFORE="$(snapshot)"
FAILS=0; N=0
PREP=(--src-lang en --tgt-lang fr --quiet --jobs 1 --no-report)

# check_case NAME RC STDERR_FILE CASEDIR [expected rc list]
check_case() {
  local name="$1" rc="$2" err="$3" dir="$4" allowed="${5:-0 2}" problems=""
  N=$((N + 1))
  grep -q "Traceback" "$err" && problems+=" traceback;"
  [[ " $allowed " == *" $rc "* ]] || problems+=" exit $rc not in {$allowed};"
  if [[ "$rc" == 2 && "$(grep -c . "$err")" != 1 ]]; then problems+=" stderr has $(grep -c . "$err") lines;"; fi
  if grep -rqa "$SECRET" "$dir" "$err" 2>/dev/null; then problems+=" LEAKED the planted secret;"; fi
  if grep -rqa "^root:x:0:0" "$dir" "$err" 2>/dev/null; then problems+=" LEAKED /etc/passwd;"; fi
  local bad_out
  bad_out="$("$PY" - "$dir" "$rc" <<'PYEOF'
import json, sys, gzip
from pathlib import Path
from lxml import etree
d, rc = Path(sys.argv[1]), int(sys.argv[2])
bad = []
for p in sorted(d.rglob("*")):
    if not p.is_file() or ".shards" in p.parts:
        continue
    if p.name.endswith(".tmp"):
        if rc != 137:
            bad.append(f"temporary file left: {p.name}")
        continue
    try:
        if p.name.endswith((".tmx", ".tmx.gz")):
            data = gzip.decompress(p.read_bytes()) if p.name.endswith(".gz") else p.read_bytes()
            root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True))
            assert root.tag == "tmx"
        elif p.name.endswith(".jsonl"):
            t = p.read_text(encoding="utf-8")
            assert t == "" or t.endswith("\n"), "incomplete last line"
            [json.loads(x) for x in t.split("\n")[:-1]]
        elif p.name == "run.json":
            json.loads(p.read_text(encoding="utf-8"))
        elif p.name.endswith(".tsv"):
            t = p.read_text(encoding="utf-8")
            assert t == "" or t.endswith("\n"), "incomplete last line"
    except Exception as exc:  # noqa: BLE001
        bad.append(f"{p.name} is not complete: {type(exc).__name__}: {str(exc)[:80]}")
print("; ".join(bad))
PYEOF
)"
  [[ -n "$bad_out" ]] && problems+=" $bad_out;"
  local first; first="$(grep -m1 . "$err" | cut -c1-150)"
  if [[ -n "$problems" ]]; then FAILS=$((FAILS + 1)); printf 'FAIL %-28s exit %-3s %s\n     problems:%s\n' "$name" "$rc" "$first" "$problems"
  else printf 'ok   %-28s exit %-3s %s\n' "$name" "$rc" "$first"; fi
}

# run_case NAME ALLOWED -- ARGS...   (runs in its own folder $OUT/NAME; ARGS may use @OUT@)
run_case() {
  local name="$1" allowed="$2"; shift 3
  local dir="$OUT/$name"; mkdir -p "$dir"
  local args=("${@//@OUT@/$dir/out}")
  (cd "$dir" && "${CT[@]}" "${args[@]}" >"$dir/.stdout" 2>"$dir/.stderr"); local rc=$?
  check_case "$name" "$rc" "$dir/.stderr" "$dir" "$allowed"
}

echo "== corpus-tools over bad inputs in $W"
run_case binary          "2" -- prepare "$IN/binary.bin" "$FR" -o @OUT@ "${PREP[@]}"
run_case pdf             "2" -- prepare "$IN/fake.pdf" "$FR" -o @OUT@ "${PREP[@]}"
run_case latin1          "2" -- prepare "$IN/latin1.txt" "$IN/latin1.txt" -o @OUT@ "${PREP[@]}"
run_case latin1-encoding "0" -- prepare "$IN/latin1.txt" "$IN/latin1.txt" -o @OUT@ "${PREP[@]}" --encoding latin-1
run_case utf16           "0" -- prepare "$IN/utf16le-bom.txt" "$IN/utf16le-bom.txt" -o @OUT@ "${PREP[@]}"
run_case empty           "0" -- prepare "$IN/empty.txt" "$IN/empty.txt" -o @OUT@ "${PREP[@]}"
run_case control-chars   "0" -- prepare "$IN/control.txt" "$IN/control.txt" -o @OUT@ "${PREP[@]}" --no-clean
run_case mixed-newlines  "0" -- prepare "$IN/newlines.txt" "$IN/newlines.txt" -o @OUT@ "${PREP[@]}"
run_case xxe-tmx         "0 2" -- convert "$IN/xxe.tmx" @OUT@.tsv
run_case xxe-passwd-tmx  "0 2" -- convert "$IN/xxe-passwd.tmx" @OUT@.tmx
run_case xxe-html        "0 2" -- prepare "$IN/xxe.html" "$IN/xxe.html" -o @OUT@ "${PREP[@]}"
run_case billion-laughs  "0 2" -- convert "$IN/billion-laughs.tmx" @OUT@.tsv
run_case truncated-tmx   "2" -- convert "$IN/truncated.tmx" @OUT@.tsv
run_case malformed-tmx   "2" -- convert "$IN/malformed.tmx" @OUT@.jsonl
run_case xxe-xliff       "0 2" -- convert "$IN/not-tmx.xlf" @OUT@.tsv
run_case xliff-as-tmx     "2" -- convert "$IN/xliff-as.tmx" @OUT@.tsv
run_case missing-file    "2" -- prepare "$IN/no-such-file.txt" "$FR" -o @OUT@ "${PREP[@]}"
run_case unwritable-out  "2" -- prepare "$EN" "$FR" -o "$IN/a-file/out" "${PREP[@]}"
run_case unwritable-proc "2" -- convert "$IN/truncated.tmx" /proc/self/nope/out.tsv
mkdir -p "$W/argos"
for z in escaping symlink two-tops; do
  dir="$OUT/zip-$z"; mkdir -p "$dir"
  (cd "$dir" && ARGOS_PACKAGES_DIR="$W/argos" "${CT[@]}" models install "$IN/$z.argosmodel" >"$dir/.stdout" 2>"$dir/.stderr"); rc=$?
  check_case "zip-$z" "$rc" "$dir/.stderr" "$dir" "2"
  if [[ -e "$W/escaped-by-zip.txt" || -e "$IN/../escaped-by-zip.txt" || -n "$(ls -A "$W/argos" 2>/dev/null)" ]]; then
    FAILS=$((FAILS + 1)); echo "FAIL zip-$z wrote something: $(ls -A "$W/argos") $(ls "$W" | grep escaped)"
  fi
done

# A prepare killed after 4 seconds (SIGTERM, as a scheduler would), then resumed.
dir="$OUT/killed-prepare"; mkdir -p "$dir"
(cd "$dir" && exec "${CT[@]}" prepare "$IN/batch-en" "$IN/batch-fr" -o "$dir/out" "${PREP[@]}" --no-check \
   >"$dir/.stdout" 2>"$dir/.stderr") &
pid=$!; sleep 4; kill -TERM "$pid" 2>/dev/null; wait "$pid"; rc=$?
check_case "prepare-killed-at-4s" "$rc" "$dir/.stderr" "$dir" "130 0"
(cd "$dir" && "${CT[@]}" prepare "$IN/batch-en" "$IN/batch-fr" -o "$dir/out" "${PREP[@]}" --no-check \
   >"$dir/.stdout2" 2>"$dir/.stderr2"); rc=$?
check_case "prepare-resumed" "$rc" "$dir/.stderr2" "$dir" "0"
# ... and the same with SIGKILL: no cleanup possible, still never a half-written final file.
dir="$OUT/sigkilled-prepare"; mkdir -p "$dir"
(cd "$dir" && exec "${CT[@]}" prepare "$IN/batch-en" "$IN/batch-fr" -o "$dir/out" "${PREP[@]}" --no-check \
   >"$dir/.stdout" 2>"$dir/.stderr") &
pid=$!; sleep 4; kill -KILL "$pid" 2>/dev/null; wait "$pid"; rc=$?
check_case "prepare-sigkilled-at-4s" "$rc" "$dir/.stderr" "$dir" "137 0"

# A single 20 MB line, bounded by BIG_TIMEOUT.
dir="$OUT/line-20mb"; mkdir -p "$dir"
start=$(date +%s)
(cd "$dir" && timeout "$BIG_TIMEOUT" "${CT[@]}" prepare "$IN/line20mb.txt" "$IN/line20mb.txt" -o "$dir/out" "${PREP[@]}" \
   --no-check --method lexical >"$dir/.stdout" 2>"$dir/.stderr"); rc=$?
[[ $rc == 124 ]] && echo "corpus-tools: killed by timeout after ${BIG_TIMEOUT}s" >>"$dir/.stderr"
check_case "line-20mb ($(( $(date +%s) - start ))s)" "$rc" "$dir/.stderr" "$dir" "0 2"

AFTER="$(snapshot)"
if [[ "$BEFORE" != "$AFTER" ]]; then
  FAILS=$((FAILS + 1)); echo "FAIL files appeared outside the run folders:"; diff <(echo "$BEFORE") <(echo "$AFTER") | grep '^>' | head
fi
[[ -e "$(dirname "$W")/escaped-by-zip.txt" ]] && { FAILS=$((FAILS + 1)); echo "FAIL a zip member escaped to $(dirname "$W")"; }

echo "== $N cases, $FAILS failed"
[[ $KEEP == 0 ]] && rm -rf "$W"
[[ $FAILS == 0 ]]
