#!/usr/bin/env bash
# determinism.sh MIGC PROJECT [MANIFEST_CHECK]: compiling twice gives the same bytes, and so
# does compiling a copy whose migration files have other names (the replay
# order comes from the graph, never from file names or directory order);
# the bundles are byte for byte what upgrade/downgrade --sql print; with
# MANIFEST_CHECK (tests/tools/manifest_check), the manifest matches the tree.
set -euo pipefail
migc=$1 project=$2 manifest_check=${3:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$migc" -C "$project" compile --dialect all --out "$tmp/a" >/dev/null 2>&1
"$migc" -C "$project" compile --dialect all --out "$tmp/b" >/dev/null 2>&1
diff -r "$tmp/a" "$tmp/b" >/dev/null || { echo "two compiles of $project differ"; diff -r "$tmp/a" "$tmp/b" | head; exit 1; }

# every file with its size and SHA-256 in the manifest, and nothing else
[ -z "$manifest_check" ] || "$manifest_check" "$tmp/a" >/dev/null

# compile's bundles are what the offline commands print
for d in postgresql sqlite mysql; do
    "$migc" -C "$project" upgrade heads --sql --dialect $d 2>/dev/null | cmp -s - "$tmp/a/$d/upgrade.sql" ||
        { echo "$d/upgrade.sql differs from upgrade heads --sql"; exit 1; }
    "$migc" -C "$project" downgrade heads:base --sql --dialect $d 2>/dev/null | cmp -s - "$tmp/a/$d/downgrade.sql" ||
        { echo "$d/downgrade.sql differs from downgrade heads:base --sql"; exit 1; }
done

# the same project with every file renamed, in reverse alphabetical order
mkdir -p "$tmp/copy/migrations"
[ -f "$project/migc.ini" ] && cp "$project/migc.ini" "$tmp/copy/"
i=0
for f in $(ls "$project/migrations" | sort -r); do
    i=$((i + 1))
    cp "$project/migrations/$f" "$tmp/copy/migrations/$(printf 'z%04d' "$i")_$f"
done
"$migc" -C "$tmp/copy" compile --dialect all --out "$tmp/c" >/dev/null 2>&1
# sources are named differently; everything else must be equal
sed -i 's/"source":[[:space:]]*"[^"]*"/"source": ""/' "$tmp/a/manifest.json" "$tmp/c/manifest.json"
grep -rl -- '^-- migrations/' "$tmp/a" "$tmp/c" | xargs sed -i 's|^-- migrations/[^ ]*|-- migrations/FILE|'
sed -i "/\"sha256\"/d; /\"bytes\"/d" "$tmp/a/manifest.json" "$tmp/c/manifest.json"
diff -r "$tmp/a" "$tmp/c" >/dev/null || { echo "renaming the files of $project changed the output"; diff -r "$tmp/a" "$tmp/c" | head -20; exit 1; }
echo "determinism: $project compiles to the same bytes"
