#!/usr/bin/env bash
# artifact_names.sh MIGC PROJECT: every file `compile` writes for PROJECT
# lies directly in OUT/<dialect>/revisions/ (or is one of the bundles or
# the manifest) and is named with letters, digits, '_', '-' and '.' only,
# whatever its revision ids hold (slashes, '..', quotes, spaces).
set -euo pipefail
migc=$1 project=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/run"
"$migc" -C "$project" compile --dialect all --out "$tmp/run/out" >/dev/null
bad=$(cd "$tmp/run" && find . -mindepth 1 | LC_ALL=C grep -v -E \
    '^\./out(/manifest\.json|/(postgresql|sqlite|mysql)(/(upgrade|downgrade)\.sql|/revisions(/[0-9]{4,}_[A-Za-z0-9_-]+\.(up|down)\.sql)?)?)?$' || true)
if [ -n "$bad" ]; then
    echo "compile wrote files outside the artifact layout or with unsafe names:"
    echo "$bad" | head -20
    exit 1
fi
echo "artifact names: $(cd "$tmp/run" && find . -type f | wc -l) files, all in place"
