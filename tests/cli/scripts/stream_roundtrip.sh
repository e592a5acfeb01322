#!/usr/bin/env bash
# `relscan tag a.txt | relscan sentences` equals `relscan sentences a.txt`,
# for every text in corpora/ and in every output format, and a saved stream
# given as a file reads the same as one piped in.
set -eu
relscan=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
count=0
for f in corpora/*.txt; do
  for fmt in tsv csv jsonl json table; do
    "$relscan" sentences --format "$fmt" "$f" >"$tmp/direct"
    "$relscan" tag "$f" | "$relscan" sentences --format "$fmt" >"$tmp/piped"
    if ! cmp -s "$tmp/direct" "$tmp/piped"; then
      echo "FAIL: tag | sentences differs from sentences for $f ($fmt)" >&2
      diff "$tmp/direct" "$tmp/piped" | head -n 5 >&2
      exit 1
    fi
    count=$((count + 1))
  done
  "$relscan" tag "$f" >"$tmp/stream.jsonl"
  "$relscan" sentences --format tsv "$tmp/stream.jsonl" | cut -f 2- >"$tmp/from-file"
  "$relscan" sentences --format tsv "$f" | cut -f 2- >"$tmp/direct"
  cmp -s "$tmp/from-file" "$tmp/direct" || { echo "FAIL: stream file differs for $f" >&2; exit 1; }
  # --input text reads a stream as text: its sentences are JSON lines.
  "$relscan" sentences --format tsv --input text "$tmp/stream.jsonl" | grep -q '{"kind":"document"' ||
    { echo "FAIL: --input text did not read the stream as text" >&2; exit 1; }
done
[ "$count" -ge 35 ] || { echo "FAIL: only $count comparisons" >&2; exit 1; }
echo "ok: $count comparisons"
