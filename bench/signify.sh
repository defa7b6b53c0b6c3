#!/bin/sh
# Benchmark: srro signify -V against signify-openbsd -V on the same key, signature and files:
# a 1 KiB message and a 512 MiB one. Needs hyperfine and signify-openbsd (./run-tests installs the latter).
# Writes hyperfine's markdown tables to bench/out/ and prints them; peak memory (max RSS) comes from
# GNU time (/usr/bin/time) when it is installed.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd -P)
out=$here/bench/out/signify
mkdir -p "$out"
cd "$out"
command -v hyperfine >/dev/null || { echo "bench: hyperfine is needed" >&2; exit 1; }
command -v signify-openbsd >/dev/null || { echo "bench: signify-openbsd is needed" >&2; exit 1; }

rm -f bench.pub bench.sec
signify-openbsd -G -n -p bench.pub -s bench.sec -c bench
[ -f small ] || head -c 1024 /dev/urandom >small
[ -f large ] || head -c 512M /dev/urandom >large
for f in small large; do
	signify-openbsd -S -s bench.sec -m $f -x $f.sig
done
"$here/srro" signify -V -p bench.pub -m small -x small.sig >/dev/null   # build the jar and CDS archive

srro="$here/srro signify -V -q -p bench.pub"
peer="signify-openbsd -V -q -p bench.pub"
hyperfine -N --warmup 3 --runs 30 --export-markdown small.md \
	-n "srro signify -V (1 KiB)" "$srro -m small -x small.sig" \
	-n "signify-openbsd -V (1 KiB)" "$peer -m small -x small.sig"
hyperfine -N --warmup 1 --runs 5 --export-markdown large.md \
	-n "srro signify -V (512 MiB)" "$srro -m large -x large.sig" \
	-n "srro signify -V, C2 allowed (512 MiB)" "env SRRO_JAVA_OPTS=-XX:TieredStopAtLevel=4 $srro -m large -x large.sig" \
	-n "signify-openbsd -V (512 MiB)" "$peer -m large -x large.sig"

if [ -x /usr/bin/time ]; then
	for f in small large; do
		srss=$(/usr/bin/time -f %M $srro -m $f -x $f.sig 2>&1 >/dev/null | tail -n 1)
		prss=$(/usr/bin/time -f %M $peer -m $f -x $f.sig 2>&1 >/dev/null | tail -n 1)
		echo "$f: max RSS srro $srss KiB, signify-openbsd $prss KiB"
	done | tee rss.txt
fi
cat small.md large.md
