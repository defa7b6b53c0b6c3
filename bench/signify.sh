#!/bin/sh
# Benchmark: srro signify -V and -S against signify-openbsd -V and -S on the same key and files: a 1 KiB
# message and a 512 MiB one (SRRO_BENCH_LARGE=1G for 1 GiB, signify's limit). Needs hyperfine,
# signify-openbsd (./run-tests installs it) and GNU time (/usr/bin/time, Debian package "time") for peak
# memory. Writes hyperfine's markdown tables and the peak RSS rows to bench/out/signify/ and prints them.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd -P)
out=$here/bench/out/signify
large_size=${SRRO_BENCH_LARGE:-512M}
mkdir -p "$out"
cd "$out"
command -v hyperfine >/dev/null || { echo "bench: hyperfine is needed" >&2; exit 1; }
command -v signify-openbsd >/dev/null || { echo "bench: signify-openbsd is needed" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench: GNU time is needed (apt-get install time)" >&2; exit 1; }

rm -f bench.pub bench.sec
signify-openbsd -G -n -p bench.pub -s bench.sec -c bench
[ -f small ] || head -c 1024 /dev/urandom >small
if [ ! -f large ] || [ "$(stat -c %s large)" != "$(numfmt --from=iec "$large_size")" ]; then
	head -c "$large_size" /dev/urandom >large
fi
for f in small large; do
	signify-openbsd -S -s bench.sec -m $f -x $f.sig
done
"$here/srro" signify -V -p bench.pub -m small -x small.sig >/dev/null   # build the jar and CDS archive
uptime | tee load.txt

sv="$here/srro signify -V -q -p bench.pub"
pv="signify-openbsd -V -q -p bench.pub"
ss="$here/srro signify -S -s bench.sec"
ps="signify-openbsd -S -s bench.sec"
hyperfine -N --warmup 3 --runs 20 --export-markdown small.md \
	-n "srro signify -V (1 KiB)" "$sv -m small -x small.sig" \
	-n "signify-openbsd -V (1 KiB)" "$pv -m small -x small.sig" \
	-n "srro signify -S (1 KiB)" "$ss -m small -x small.srro.sig" \
	-n "signify-openbsd -S (1 KiB)" "$ps -m small -x small.peer.sig"
hyperfine -N --warmup 1 --runs 3 --export-markdown large.md \
	-n "srro signify -V ($large_size)" "$sv -m large -x large.sig" \
	-n "signify-openbsd -V ($large_size)" "$pv -m large -x large.sig" \
	-n "srro signify -S ($large_size)" "$ss -m large -x large.srro.sig" \
	-n "signify-openbsd -S ($large_size)" "$ps -m large -x large.peer.sig"
cmp large.srro.sig large.peer.sig   # the same signature, byte for byte

# Peak RSS and CPU of one run each: GNU time -v.
rss() {
	/usr/bin/time -v "$@" 2>&1 >/dev/null |
		awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} /Maximum resident/ {m=$2}
			END {printf "user %s s, sys %s s, max RSS %.1f MiB", u, s, m / 1024}'
}
for f in small large; do
	echo "$f -V: srro $(rss $sv -m $f -x $f.sig); signify-openbsd $(rss $pv -m $f -x $f.sig)"
	echo "$f -S: srro $(rss $ss -m $f -x $f.srro.sig); signify-openbsd $(rss $ps -m $f -x $f.peer.sig)"
done | tee rss.txt
uptime | tee -a load.txt
cat small.md large.md
