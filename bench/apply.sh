#!/bin/sh
# Benchmark for issue 15, measured with hyperfine in one run on the same files:
#  srro patch apply of a real diff (two JDK versions' java.base/java sources: >= 250,000 lines, >= 250 files)
#  against GNU patch on a fresh copy of the same tree, the copy included in both, then the peak RSS of each
#  with GNU time. srro runs through ./srro, so with the launcher's JVM flags and start-up archive.
# Needs the two JDKs' src.zip (Debian's openjdk-17-source and Temurin 25), hyperfine, GNU patch and time.
# Usage: bench/apply.sh [runs]   (writes under bench/out/apply; nothing there is committed)
set -eu
here=$(cd "$(dirname "$0")/.." && pwd -P)
out=$here/bench/out/apply
runs=${1:-5}
old=${OLD_SRC_ZIP:-/usr/lib/jvm/java-17-openjdk-amd64/lib/src.zip}
new=${NEW_SRC_ZIP:-/usr/lib/jvm/temurin-25-jdk-amd64/lib/src.zip}
for p in hyperfine patch unzip diff; do
	command -v $p >/dev/null || { echo "bench: $p missing" >&2; exit 1; }
done
[ -x /usr/bin/time ] || { echo "bench: GNU time missing (apt-get install time)" >&2; exit 1; }
for z in "$old" "$new"; do
	[ -r "$z" ] || { echo "bench: $z missing (apt-get install openjdk-17-source?)" >&2; exit 1; }
done
srro=$here/srro
"$srro" --version >/dev/null # builds the jar and the start-up archive if needed
rm -rf "$out" && mkdir -p "$out/a" "$out/b"
cd "$out"
(cd a && unzip -q "$old" 'java.base/java/*')
(cd b && unzip -q "$new" 'java.base/java/*')
diff -ruN a b > u.diff || [ $? -eq 1 ]
echo "diff: $(wc -l < u.diff) lines, $(grep -c '^+++ ' u.diff) files, $(wc -c < u.diff) bytes; tree $(du -sh a | cut -f1)"
uptime

hyperfine --warmup 1 --runs "$runs" --export-markdown apply.md \
	--prepare "rm -rf w" \
	-n "cp -r + srro patch apply -p1" "cp -r a w && $srro patch apply -p1 -d w u.diff > /dev/null" \
	-n "cp -r + GNU patch -p1" "cp -r a w && patch -s -p1 -d w -i $out/u.diff"
rm -rf w && cp -r a w && /usr/bin/time -f "srro patch apply: peak RSS %M KiB, %e s wall, %U s user, %S s sys" "$srro" patch apply -p1 -d w u.diff \
	> /dev/null
diff -r -x .srro-patch -x '*.orig' w b > /dev/null && echo "srro's tree equals the new sources"
rm -rf w && cp -r a w && /usr/bin/time -f "GNU patch: peak RSS %M KiB, %e s wall, %U s user, %S s sys" patch -s -p1 -d w -i "$out/u.diff"
rm -rf w
uptime
cat apply.md
