#!/usr/bin/env bash
# bench/run.sh: relscan's speed budget (DESIGN.md "Speed budget").
#
#   bench/run.sh [BUILD_DIR]          # default: build
#
# Builds two corpora from corpora/*.txt under ${BENCH_DIR:-/tmp/relscan-bench}
# (big.txt, >= 20 MB; many/, 2,000 files of ~10 KB; many200/, the first 200),
# then measures:
#   - relscan_bench big.txt: the bare ICU word-BreakIterator loop, load,
#     segmentation alone and tag + JSONL, in one process on the same bytes;
#   - `relscan tag big.txt` and `relscan sentences big.txt --format tsv`:
#     wall time, MB/s, peak RSS (GNU time);
#   - `relscan tag -r many/` with --jobs 1 and --jobs 2;
#   - peak RSS of `relscan tag -r many200/` vs `-r many/` (--jobs 2);
#   - the corpus reports on big.txt: `relscan concordance` for a frequent
#     word against segmentation alone (goal: at most 1.2x its time) and
#     against `rg -o` for the same word (a reference number; ripgrep is
#     installed with apt-get when missing and possible, else skipped);
#     `relscan keywords` against `tr -cs '[:alpha:]' '\n' | sort | uniq -c`
#     (goal: at least 2x its speed); `relscan collocates` in MB/s. One
#     large input is segmented (and searched) on every core, so the
#     concordance and keywords are also timed with --jobs 1.
# and prints a Markdown summary. REPEAT (default 3) sets the number of runs
# per timing; the best wall time is kept. MB = 10^6 bytes.
set -euo pipefail

BUILD_DIR=${1:-build}
BENCH_DIR=${BENCH_DIR:-/tmp/relscan-bench}
REPEAT=${REPEAT:-3}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
case "$BUILD_DIR" in /*) ;; *) BUILD_DIR="$ROOT/$BUILD_DIR" ;; esac
RELSCAN="$BUILD_DIR/cli/relscan"
BENCH="$BUILD_DIR/bench/relscan_bench"
GNU_TIME=/usr/bin/time

die() { echo "bench/run.sh: $*" >&2; exit 1; }

[[ -x "$RELSCAN" ]] || die "no relscan binary at $RELSCAN (build it: ninja -C $BUILD_DIR relscan)"
[[ -x "$BENCH" ]] || die "no relscan_bench binary at $BENCH (build it: ninja -C $BUILD_DIR relscan_bench)"
if [[ ! -x "$GNU_TIME" ]] || ! "$GNU_TIME" -f '%e %M' true >/dev/null 2>&1; then
  die "GNU time is missing at $GNU_TIME (needed for peak memory): install the Debian package 'time' (apt-get install time)"
fi
shopt -s nullglob
SOURCES=("$ROOT"/corpora/*.txt)
shopt -u nullglob
((${#SOURCES[@]} > 0)) || die "no texts in $ROOT/corpora"

# ---------------------------------------------------------------- corpora
BIG="$BENCH_DIR/big.txt"
MANY="$BENCH_DIR/many"
MANY200="$BENCH_DIR/many200"
BIG_TARGET=$((20 * 1000 * 1000))
MANY_FILES=2000
MANY_SIZE=10000

# Other work on the machine skews every figure (and --jobs scaling most):
# sample how busy the CPUs are over 2 s before starting.
cpu_busy() {
  local a b
  read -r -a a < <(grep '^cpu ' /proc/stat)
  sleep 2
  read -r -a b < <(grep '^cpu ' /proc/stat)
  awk -v u="$((b[1] + b[2] + b[3] + b[6] + b[7] + b[8] - a[1] - a[2] - a[3] - a[6] - a[7] - a[8]))" \
      -v i="$((b[4] + b[5] - a[4] - a[5]))" 'BEGIN { printf "%.0f", (u + i > 0 ? 100 * u / (u + i) : 0) }'
}
busy_before=$(cpu_busy)
echo "== CPUs busy before the run: ${busy_before}% of $(nproc) cores"
if ((busy_before > 10)); then
  echo "warning: the machine is busy; figures will be low and --jobs scaling unreliable" >&2
fi

echo "== building corpora under $BENCH_DIR"
mkdir -p "$BENCH_DIR"
rm -rf "$MANY" "$MANY200" "$BIG"
# big.txt: every corpora/*.txt as it is, one after another, over and over.
size=0
while ((size < BIG_TARGET)); do
  cat "${SOURCES[@]}" >>"$BIG"
  size=$(stat -c %s "$BIG")
done
# many/: files of ~MANY_SIZE bytes cut from the same stream (big.txt, read
# twice over if need be) at line
# boundaries; the target size varies a little (±20%) so sizes are unequal,
# but the cut is deterministic. Byte counts: LC_ALL=C.
mkdir -p "$MANY" "$MANY200"
LC_ALL=C awk -v dir="$MANY" -v nfiles="$MANY_FILES" -v size="$MANY_SIZE" '
  function target(i) { return int(size * (0.8 + 0.4 * ((i * 7919) % 101) / 100)) }
  BEGIN { i = 1; n = 0; want = target(i); name = sprintf("%s/doc%04d.txt", dir, i) }
  {
    print > name; n += length($0) + 1
    if (n >= want) {
      close(name); if (++i > nfiles) exit
      n = 0; want = target(i); name = sprintf("%s/doc%04d.txt", dir, i)
    }
  }' "$BIG" "$BIG"
count=$(find "$MANY" -name '*.txt' | wc -l)
((count == MANY_FILES)) || die "made $count files in $MANY, wanted $MANY_FILES (is big.txt too small?)"
for ((i = 1; i <= 200; i++)); do cp "$(printf '%s/doc%04d.txt' "$MANY" "$i")" "$MANY200/"; done
big_bytes=$(stat -c %s "$BIG")
many_bytes=$(cat "$MANY"/*.txt | wc -c)
many200_bytes=$(cat "$MANY200"/*.txt | wc -c)
echo "big.txt: $big_bytes bytes; many/: $MANY_FILES files, $many_bytes bytes; many200/: 200 files, $many200_bytes bytes"

# ---------------------------------------------------------------- helpers
# mb BYTES SECONDS -> MB/s
mbps() { awk -v b="$1" -v s="$2" 'BEGIN { printf "%.2f", (s > 0 ? b / 1e6 / s : 0) }'; }
# rate COUNT SECONDS -> count/s
rate() { awk -v c="$1" -v s="$2" 'BEGIN { printf "%.0f", (s > 0 ? c / s : 0) }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
kb_to_mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

# timed LABEL CMD...: runs CMD REPEAT times with stdout to /dev/null; sets
# T_WALL (best wall seconds, from date +%s%N), T_CPU (user + sys seconds of
# that run) and T_RSS (largest peak RSS in KiB), the last two from GNU time.
# Fails loudly if CMD fails.
timed() {
  local label=$1; shift
  local best="" cpu="" rss=0 i t0 t1 wall m c
  local tf="$BENCH_DIR/.time.$$" ef="$BENCH_DIR/.stderr.$$"
  for ((i = 0; i < REPEAT; i++)); do
    t0=$(date +%s%N)
    if ! "$GNU_TIME" -f '%e %M %U %S' -o "$tf" "$@" >/dev/null 2>"$ef"; then
      cat "$ef" >&2
      die "$label failed: $*"
    fi
    t1=$(date +%s%N)
    wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
    m=$(awk '{ print $2 }' "$tf")
    c=$(awk '{ printf "%.2f", $3 + $4 }' "$tf")
    if [[ -z "$best" ]] || awk -v a="$wall" -v b="$best" 'BEGIN { exit !(a < b) }'; then
      best=$wall
      cpu=$c
    fi
    ((m > rss)) && rss=$m
  done
  rm -f "$tf" "$ef"
  T_WALL=$best
  T_CPU=$cpu
  T_RSS=$rss
  printf '%-40s %7.3f s wall %6s s cpu %7s MB/s  peak RSS %7s MB\n' "$label" "$T_WALL" "$T_CPU" \
    "$(mbps "${BYTES:-0}" "$T_WALL")" "$(kb_to_mb "$T_RSS")"
}

# ---------------------------------------------------------------- (b) stages
echo
echo "== relscan_bench big.txt --repeat $REPEAT (one process, one core, same bytes)"
BENCH_TSV=$("$BENCH" "$BIG" --repeat "$REPEAT" 2>/dev/null)
echo "$BENCH_TSV" | column -t -s $'\t'
field() { echo "$BENCH_TSV" | awk -F'\t' -v s="$1" -v c="$2" '$1 == s { print $c }'; }
icu_mbps=$(field icu_loop 4); icu_tps=$(field icu_loop 6)
seg_mbps=$(field segment 4); seg_tps=$(field segment 6); seg_ratio=$(field segment 7)
tag_mbps=$(field tag_jsonl 4); tag_tps=$(field tag_jsonl 6); tag_ratio=$(field tag_jsonl 7)
pipe_mbps=$(field pipeline 4); pipe_ratio=$(field pipeline 7)
load_mbps=$(field load 4)
tokens=$(field segment 5)

# Peak RSS of the ICU loop on its own, as a process (file bytes + ICU).
"$GNU_TIME" -f '%e %M' -o "$BENCH_DIR/.time.$$" "$BENCH" "$BIG" --repeat 1 --stage icu_loop >/dev/null 2>&1
icu_rss=$(awk '{ print $2 }' "$BENCH_DIR/.time.$$"); rm -f "$BENCH_DIR/.time.$$"
echo "ICU loop alone: peak RSS $(kb_to_mb "$icu_rss") MB"

# ---------------------------------------------------------------- (c) CLI, big file
echo
echo "== relscan on big.txt (best of $REPEAT)"
BYTES=$big_bytes
timed "relscan tag big.txt" "$RELSCAN" tag --progress=never "$BIG"
tag_wall=$T_WALL; tag_rss=$T_RSS
timed "relscan sentences big.txt --format tsv" "$RELSCAN" sentences --progress=never --format tsv "$BIG"
sent_wall=$T_WALL; sent_rss=$T_RSS

# ---------------------------------------------------------------- (d) many files
echo
echo "== relscan tag -r on many files (best of $REPEAT)"
BYTES=$many_bytes
timed "relscan tag -r many/ --jobs 1" "$RELSCAN" tag --progress=never -r --jobs 1 "$MANY"
j1_wall=$T_WALL; j1_cpu=$T_CPU; j1_rss=$T_RSS
timed "relscan tag -r many/ --jobs 2" "$RELSCAN" tag --progress=never -r --jobs 2 "$MANY"
j2_wall=$T_WALL; j2_cpu=$T_CPU; j2_rss=$T_RSS
BYTES=$many200_bytes
timed "relscan tag -r many200/ --jobs 2" "$RELSCAN" tag --progress=never -r --jobs 2 "$MANY200"
m200_wall=$T_WALL; m200_cpu=$T_CPU; m200_rss=$T_RSS
speedup=$(ratio "$j1_wall" "$j2_wall")

# ---------------------------------------------------------------- (e) reports
# KWIC_WORD is frequent (some 1 token in 16); NOWORD never occurs, so that
# `relscan concordance NOWORD` is the CLI doing segmentation alone (read,
# load, segment, scan the tokens) and writing nothing.
KWIC_WORD=${KWIC_WORD:-the}
COLL_WORD=${COLL_WORD:-israel}
NOWORD=zqxjvwk
echo
echo "== corpus reports on big.txt (best of $REPEAT)"
BYTES=$big_bytes
kwic_lines=$("$RELSCAN" concordance --progress=never --format tsv --no-header "$KWIC_WORD" "$BIG" | wc -l)
timed "relscan concordance $KWIC_WORD big.txt" "$RELSCAN" concordance --progress=never --format tsv "$KWIC_WORD" "$BIG"
kwic_wall=$T_WALL; kwic_cpu=$T_CPU; kwic_rss=$T_RSS
timed "relscan concordance $NOWORD big.txt" "$RELSCAN" concordance --progress=never --format tsv "$NOWORD" "$BIG"
noword_wall=$T_WALL; noword_cpu=$T_CPU
# The same two on one thread: one large input otherwise uses every core
# (SegmentOptions::threads), so these are the single-core figures.
timed "relscan concordance --jobs 1 $KWIC_WORD" "$RELSCAN" concordance --jobs 1 --progress=never --format tsv "$KWIC_WORD" "$BIG"
kwic1_wall=$T_WALL
timed "relscan concordance --jobs 1 $NOWORD" "$RELSCAN" concordance --jobs 1 --progress=never --format tsv "$NOWORD" "$BIG"
noword1_wall=$T_WALL
if ! command -v rg >/dev/null 2>&1 && [[ $EUID -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
  echo "(installing ripgrep for the reference time)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ripgrep >/dev/null 2>&1 || true
fi
if command -v rg >/dev/null 2>&1; then
  timed "rg -o -i -w $KWIC_WORD big.txt" rg -o -i -w "$KWIC_WORD" "$BIG"
  rg_wall=$T_WALL
  rg_note="$rg_wall s"
else
  rg_wall=""
  rg_note="skipped: ripgrep is not installed (apt-get install ripgrep)"
fi
timed "relscan keywords big.txt" "$RELSCAN" keywords --progress=never --format tsv "$BIG"
kw_wall=$T_WALL; kw_cpu=$T_CPU; kw_rss=$T_RSS
timed "relscan keywords --jobs 1 big.txt" "$RELSCAN" keywords --jobs 1 --progress=never --format tsv "$BIG"
kw1_wall=$T_WALL
timed "tr -cs '[:alpha:]' '\\n' | sort | uniq -c" bash -c "tr -cs '[:alpha:]' '\\n' < '$BIG' | sort | uniq -c"
tr_wall=$T_WALL
timed "relscan collocates $COLL_WORD big.txt" "$RELSCAN" collocates --progress=never --format tsv "$COLL_WORD" "$BIG"
coll_wall=$T_WALL; coll_rss=$T_RSS
seg_seconds=$(awk -v b="$big_bytes" -v m="$seg_mbps" 'BEGIN { printf "%.3f", (m > 0 ? b / 1e6 / m : 0) }')
loadseg_seconds=$(awk -v b="$big_bytes" -v m="$seg_mbps" -v l="$load_mbps" \
  'BEGIN { printf "%.3f", (m > 0 && l > 0 ? b / 1e6 / m + b / 1e6 / l : 0) }')
kwic_ratio=$(ratio "$kwic_wall" "$seg_seconds")
kwic_ratio_cli=$(ratio "$kwic_wall" "$noword_wall")
kw_speed=$(ratio "$tr_wall" "$kw_wall")
kwic_goal=$(awk -v r="$kwic_ratio" 'BEGIN { print (r <= 1.2 ? "met" : "NOT met") }')
kw_goal=$(awk -v r="$kw_speed" 'BEGIN { print (r >= 2 ? "met" : "NOT met") }')

# ---------------------------------------------------------------- (f) summary
seg_goal=$(awk -v r="$seg_ratio" 'BEGIN { print (r >= 0.5 ? "met" : "NOT met") }')
cat <<EOF

== summary ($(date -u +%Y-%m-%d), $(nproc) cores, CPUs ${busy_before}% busy before the run, ICU $(icu-config --version 2>/dev/null || pkg-config --modversion icu-uc 2>/dev/null || echo '?'))

Corpora: big.txt $(mbps "$big_bytes" 1) MB; many/ $MANY_FILES files, $(mbps "$many_bytes" 1) MB; many200/ 200 files, $(mbps "$many200_bytes" 1) MB. $tokens relscan tokens in big.txt.

| measure | MB/s | tokens/s | × ICU loop | peak RSS MB |
|---|---:|---:|---:|---:|
| ICU word-BreakIterator loop (UText over UTF-8), 1 core | $icu_mbps | $icu_tps | 1.00 | $(kb_to_mb "$icu_rss") |
| LoadDocument (decode, check, NFC) | $load_mbps | | | |
| Segmenter::Segment (segmentation alone) | $seg_mbps | $seg_tps | $seg_ratio | |
| Tagger::Tag + JSONL rendering | $tag_mbps | $tag_tps | $tag_ratio | |
| load + tag + JSONL (in process) | $pipe_mbps | | $pipe_ratio | |
| \`relscan tag big.txt\` | $(mbps "$big_bytes" "$tag_wall") | $(rate "$tokens" "$tag_wall") | $(ratio "$(mbps "$big_bytes" "$tag_wall")" "$icu_mbps") | $(kb_to_mb "$tag_rss") |
| \`relscan sentences big.txt --format tsv\` | $(mbps "$big_bytes" "$sent_wall") | $(rate "$tokens" "$sent_wall") | $(ratio "$(mbps "$big_bytes" "$sent_wall")" "$icu_mbps") | $(kb_to_mb "$sent_rss") |

Segmentation goal (≥ 0.5× the ICU loop): $seg_goal ($seg_ratio×).

| many-files corpus | wall s | CPU s | MB/s | speedup | peak RSS MB |
|---|---:|---:|---:|---:|---:|
| \`relscan tag -r many/ --jobs 1\` (2,000 files) | $j1_wall | $j1_cpu | $(mbps "$many_bytes" "$j1_wall") | 1.00 | $(kb_to_mb "$j1_rss") |
| \`relscan tag -r many/ --jobs 2\` (2,000 files) | $j2_wall | $j2_cpu | $(mbps "$many_bytes" "$j2_wall") | $speedup | $(kb_to_mb "$j2_rss") |
| \`relscan tag -r many200/ --jobs 2\` (200 files) | $m200_wall | $m200_cpu | $(mbps "$many200_bytes" "$m200_wall") | | $(kb_to_mb "$m200_rss") |

Peak RSS, 200 vs 2,000 files (--jobs 2): $(kb_to_mb "$m200_rss") MB vs $(kb_to_mb "$j2_rss") MB ($(ratio "$j2_rss" "$m200_rss")×).

| corpus report on big.txt | wall s | CPU s | MB/s | ratio | peak RSS MB |
|---|---:|---:|---:|---:|---:|
| Segmenter::Segment alone, one thread (relscan_bench) | $seg_seconds | | $seg_mbps | 1.00 | |
| LoadDocument + Segmenter::Segment (relscan_bench) | $loadseg_seconds | | | $(ratio "$loadseg_seconds" "$seg_seconds") | |
| \`relscan concordance $NOWORD big.txt\` (no match: read, load, segment) | $noword_wall | $noword_cpu | $(mbps "$big_bytes" "$noword_wall") | $(ratio "$noword_wall" "$seg_seconds") | |
| \`relscan concordance $KWIC_WORD big.txt\` ($kwic_lines lines) | $kwic_wall | $kwic_cpu | $(mbps "$big_bytes" "$kwic_wall") | $kwic_ratio | $(kb_to_mb "$kwic_rss") |
| \`relscan concordance --jobs 1 $NOWORD big.txt\` (one thread) | $noword1_wall | | $(mbps "$big_bytes" "$noword1_wall") | $(ratio "$noword1_wall" "$seg_seconds") | |
| \`relscan concordance --jobs 1 $KWIC_WORD big.txt\` (one thread) | $kwic1_wall | | $(mbps "$big_bytes" "$kwic1_wall") | $(ratio "$kwic1_wall" "$seg_seconds") | |
| \`rg -o -i -w $KWIC_WORD big.txt\` (reference) | ${rg_wall:-–} | | $( [[ -n "$rg_wall" ]] && mbps "$big_bytes" "$rg_wall") | | |
| \`relscan keywords big.txt\` | $kw_wall | $kw_cpu | $(mbps "$big_bytes" "$kw_wall") | | $(kb_to_mb "$kw_rss") |
| \`relscan keywords --jobs 1 big.txt\` (one thread) | $kw1_wall | | $(mbps "$big_bytes" "$kw1_wall") | | |
| \`tr -cs '[:alpha:]' '\\n' \| sort \| uniq -c\` (LANG=${LANG:-unset}) | $tr_wall | | $(mbps "$big_bytes" "$tr_wall") | | |
| \`relscan collocates $COLL_WORD big.txt\` | $coll_wall | | $(mbps "$big_bytes" "$coll_wall") | | $(kb_to_mb "$coll_rss") |

Concordance goal (≤ 1.2× segmentation alone): $kwic_goal ($kwic_ratio× Segmenter::Segment on one thread; $kwic_ratio_cli× the no-match run; with --jobs 1, $(ratio "$kwic1_wall" "$seg_seconds")× and $(ratio "$kwic1_wall" "$noword1_wall")×). rg -o: $rg_note.
Keywords goal (≥ 2× the tr | sort | uniq -c pipeline): $kw_goal ($kw_speed×; with --jobs 1, $(ratio "$tr_wall" "$kw1_wall")×).
EOF
