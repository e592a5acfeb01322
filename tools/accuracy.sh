#!/usr/bin/env bash
# Prints relscan's accuracy on the reference essay for every kind the gold
# files cover: strict and lenient P/R/F1 per label, attribute accuracy.
#   usage: tools/accuracy.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
relscan=${1:-build}/cli/relscan
"$relscan" tag --progress=never corpora/iceberg-melted.txt >/tmp/relscan-accuracy.jsonl
for gold in corpora/gold/iceberg-melted.jsonl corpora/gold/iceberg-melted.claims.jsonl; do
  echo "== $gold"
  "$relscan" eval --format table "$gold" /tmp/relscan-accuracy.jsonl
done
