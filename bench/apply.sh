#!/bin/sh
# Benchmark for issue 15, measured with hyperfine in one run on the same files:
#  srro patch apply of a real diff (two JDK versions' java.base/java sources: >= 250,000 lines, >= 250 files)
#  against GNU patch on a fresh copy of the same tree, the copy included in both, then the peak RSS of each
#  with GNU time. srro runs through ./srro, so with the launcher's JVM flags and start-up archive.
# Needs the two JDKs' src.zip (Debian's openjdk-17-source and Temurin 25), hyperfine, GNU patch and time.
# Usage: [ROUNDS=15] bench/apply.sh [runs]   (writes under bench/out/apply; nothing there is committed)
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

# hyperfine runs every run of one command before the other, so a burst of another tenant's I/O lands on one side.
# Interleaved rounds, the order alternating, give each round's ratio from two runs a few seconds apart; the
# median of those ratios is the figure docs/benchmarks.md reports (ROUNDS, default 15).
rounds=${ROUNDS:-15}
ms() { # wall milliseconds of "$@", run in a fresh copy of the tree
	rm -rf w && sync
	local t0 t1
	t0=$(date +%s%N)
	"$@" > /dev/null
	t1=$(date +%s%N)
	echo $(((t1 - t0) / 1000000))
}
with_srro() { cp -r a w && "$srro" patch apply -p1 -d w u.diff; }
with_gnu() { cp -r a w && patch -s -p1 -d w -i "$out/u.diff"; }
: > rounds.txt
for r in $(seq 1 "$rounds"); do
	if [ $((r % 2)) -eq 1 ]; then
		s=$(ms with_srro); g=$(ms with_gnu)
	else
		g=$(ms with_gnu); s=$(ms with_srro)
	fi
	echo "$s $g" >> rounds.txt
done
rm -rf w
sort -n -k1 rounds.txt | awk '{ s[NR] = $1 } END { printf "cp -r + srro: median %d ms (%d-%d)\n", s[int((NR + 1) / 2)], s[1], s[NR] }'
sort -n -k2 rounds.txt | awk '{ g[NR] = $2 } END { printf "cp -r + GNU patch: median %d ms (%d-%d)\n", g[int((NR + 1) / 2)], g[1], g[NR] }'
awk '{ printf "%.3f\n", $1 / $2 }' rounds.txt | sort -n | awk '{ q[NR] = $1 } END {
	printf "ratio per round (srro / GNU, %d interleaved rounds): median %.2fx, quartiles %.2f-%.2fx, range %.2f-%.2fx\n",
		NR, q[int((NR + 1) / 2)], q[int((NR + 3) / 4)], q[int((3 * NR + 3) / 4)], q[1], q[NR] }'
uptime
