#!/usr/bin/env bash
# --jobs 2 writes exactly what --jobs 1 writes: 60 files of unequal sizes,
# the largest first, so that later small files finish before earlier ones.
set -eu
relscan=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/in"
src=$(cat corpora/*.txt)
for i in $(seq 1 60); do
  # File 01 is the largest (about 120 KB); sizes fall with the index.
  reps=$(( (61 - i) / 6 + 1 ))
  : >"$tmp/in/$(printf '%02d' "$i").txt"
  for _ in $(seq 1 "$reps"); do printf '%s\n' "$src" | head -c $(( 1000 * (61 - i) )) >>"$tmp/in/$(printf '%02d' "$i").txt"; echo >>"$tmp/in/$(printf '%02d' "$i").txt"; done
done
largest=$(ls -S "$tmp/in" | head -n 1)
[ "$largest" = 01.txt ] || { echo "FAIL: largest file is $largest, not first" >&2; exit 1; }
"$relscan" tag --progress=never --jobs 1 -r "$tmp/in" >"$tmp/j1"
"$relscan" tag --progress=never --jobs 2 -r "$tmp/in" >"$tmp/j2"
"$relscan" sentences --format tsv --jobs 2 -r "$tmp/in" >"$tmp/s2"
"$relscan" sentences --format tsv --jobs 1 -r "$tmp/in" >"$tmp/s1"
docs=$(grep -c '"kind":"document"' "$tmp/j1")
[ "$docs" -eq 60 ] || { echo "FAIL: $docs documents, expected 60" >&2; exit 1; }
cmp "$tmp/j1" "$tmp/j2" || { echo "FAIL: tag --jobs 2 differs from --jobs 1" >&2; exit 1; }
cmp "$tmp/s1" "$tmp/s2" || { echo "FAIL: sentences --jobs 2 differs from --jobs 1" >&2; exit 1; }
# Input order is kept: documents appear as the sorted file names.
grep -o '"kind":"document","doc":"[^"]*"' "$tmp/j2" | sed 's/.*in\///; s/"$//' >"$tmp/order"
ls "$tmp/in" | sort >"$tmp/expected"
cmp "$tmp/order" "$tmp/expected" || { echo "FAIL: documents out of input order" >&2; exit 1; }
echo "ok: $docs documents, $(wc -c <"$tmp/j1") bytes identical"
