#!/usr/bin/env bash
# Runs one golden case of cases.txt and compares stdout, stderr and the exit
# code with golden/NAME.{out,err,code}. RELSCAN_BLESS=1 writes the goldens
# instead; read them before committing them.
#   usage: run_case.sh RELSCAN_BINARY NAME
set -u
relscan_bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
name=$2
here=$(cd "$(dirname "$0")" && pwd)
line=$(grep -P "^\Q$name\E\t" "$here/cases.txt" | head -n 1)
if [ -z "$line" ]; then
  echo "no case '$name' in cases.txt" >&2
  exit 2
fi
cmd=${line#*$'\t'}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$here/fixtures/." "$work/"
bin=$work/.bin
mkdir -p "$bin"
ln -s "$relscan_bin" "$bin/relscan"
(cd "$work" && PATH="$bin:$PATH" TMP="$work" bash -c "$cmd" </dev/null >"$work/.out" 2>"$work/.err")
echo $? >"$work/.code"
golden=$here/golden/$name
if [ "${RELSCAN_BLESS:-}" = 1 ]; then
  mkdir -p "$here/golden"
  cp "$work/.out" "$golden.out"
  cp "$work/.err" "$golden.err"
  cp "$work/.code" "$golden.code"
  echo "blessed $name"
  exit 0
fi
status=0
for part in out err code; do
  if [ ! -f "$golden.$part" ]; then
    echo "missing golden file golden/$name.$part" >&2
    status=1
    continue
  fi
  if ! diff -u "$golden.$part" "$work/.$part" >&2; then
    echo "case '$name': $part differs (command: $cmd)" >&2
    status=1
  fi
done
exit $status
