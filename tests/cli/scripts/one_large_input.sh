#!/usr/bin/env bash
# One input of 2 MiB or more is segmented (and a concordance searched) on
# --jobs threads; every command writes exactly what --jobs 1 writes. The
# text is the corpus texts repeated to about 3 MB, so the blocks cut
# transcripts inside speaker turns and repeat sentences across blocks.
set -eu
relscan=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
big="$tmp/big.txt"
: >"$big"
while [ "$(wc -c <"$big")" -lt 3000000 ]; do cat corpora/*.txt >>"$big"; done
check() {
  local what=$1; shift
  "$relscan" "$@" --progress=never --jobs 1 "$big" >"$tmp/j1"
  "$relscan" "$@" --progress=never --jobs 3 "$big" >"$tmp/j3"
  [ -s "$tmp/j1" ] || { echo "FAIL: $what wrote nothing" >&2; exit 1; }
  cmp "$tmp/j1" "$tmp/j3" || { echo "FAIL: $what --jobs 3 differs from --jobs 1" >&2; exit 1; }
  echo "ok: $what, $(wc -l <"$tmp/j1") lines identical"
}
check "tag" tag
check "sentences" sentences --format tsv
check "concordance tsv" concordance --format tsv the
check "concordance jsonl" concordance --format jsonl --words 3 Azerbaijan
check "concordance --dedupe" concordance --format csv --dedupe --sentence peace
check "keywords" keywords --format tsv
check "collocates" collocates --format tsv israel
