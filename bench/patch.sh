#!/bin/sh
# Benchmark for issue 3, measured with hyperfine in one run on the same files:
#  1. srro patch apply of a generated 50,000-hunk diff vs GNU patch on the same tree;
#  2. srro patch status --archive on a >= 50 MB .tar.gz vs gzip -dc > /dev/null of the same file.
# srro runs through ./srro, so with the launcher's JVM flags and start-up archive, as a user runs it (until
# 2026-12-02 it ran the jar with -XX:TieredStopAtLevel=1 -XX:+UseSerialGC; SRRO_BENCH_JAR_FLAGS=1 does that).
# Usage: bench/patch.sh [runs]   (writes under bench/out/patch; nothing there is committed)
set -eu
here=$(cd "$(dirname "$0")/.." && pwd -P)
out=$here/bench/out/patch
runs=${1:-5}
for p in hyperfine patch gzip python3; do
	command -v $p >/dev/null || { echo "bench: $p missing" >&2; exit 1; }
done
[ -x /usr/bin/time ] || { echo "bench: GNU time missing (apt-get install time)" >&2; exit 1; }
if [ -n "${SRRO_BENCH_JAR_FLAGS:-}" ]; then
	jar=$here/tool/target/srro.jar
	[ -f "$jar" ] || (cd "$here" && mvn -B -q -DskipTests package)
	srro="java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar $jar"
else
	srro=$here/srro
	"$srro" --version >/dev/null # builds the jar and the start-up archive if needed
fi
rm -rf "$out" && mkdir -p "$out"
cd "$out"

# A 500,000-line file and a copy with every 10th line changed: diff -u gives 50,000 hunks.
python3 - <<'PY'
with open("big.c", "w") as a, open("big.new", "w") as b:
    for i in range(500000):
        line = "\tvalue_%d = compute(%d, %d);\n" % (i, i * 7 % 1013, i % 97)
        a.write(line)
        b.write(line if i % 10 != 5 else "\tvalue_%d = patched(%d);\n" % (i, i))
PY
mkdir -p tree/src
cp big.c tree/src/big.c
diff -u --label src/big.c --label src/big.c big.c big.new > big.diff || true
hunks=$(grep -c '^@@ ' big.diff)
echo "diff: $hunks hunks, $(wc -c < big.diff) bytes"

uptime
hyperfine --warmup 1 --runs "$runs" --export-markdown apply.md \
	--prepare "rm -rf w && mkdir w && cp -r tree/src w/" \
	-n "srro patch apply ($hunks hunks)" "$srro patch apply -d w big.diff > /dev/null" \
	-n "GNU patch -p0 ($hunks hunks)" "patch -s -p0 -d w -i $out/big.diff"

# A >= 50 MB tarball of poorly compressible text, with src/big.c somewhere in the middle.
python3 - <<'PY'
import base64, os, tarfile, io
with tarfile.open("src.tar.gz", "w:gz", compresslevel=6) as t:
    for i in range(40):
        if i == 20:
            t.add("tree/src/big.c", arcname="./src/big.c")
        data = base64.encodebytes(os.urandom(1400000))
        info = tarfile.TarInfo("./src/blob%02d.txt" % i)
        info.size = len(data)
        t.addfile(info, io.BytesIO(data))
PY
echo "archive: $(wc -c < src.tar.gz) bytes"
uptime
hyperfine --warmup 1 --runs "$runs" --export-markdown archive.md \
	-n "srro patch status --archive" "$srro patch status --archive src.tar.gz big.diff > /dev/null" \
	-n "gzip -dc > /dev/null" "gzip -dc src.tar.gz > /dev/null"
# CPU (user, sys) and peak RSS of one more run each: on 2 shared cores wall time is mostly waiting.
/usr/bin/time -f "srro patch status --archive: %e s wall, %U s user, %S s sys, peak RSS %M KiB" \
	$srro patch status --archive src.tar.gz big.diff > /dev/null
/usr/bin/time -f "gzip -dc: %e s wall, %U s user, %S s sys, peak RSS %M KiB" gzip -dc src.tar.gz > /dev/null
uptime
cat apply.md archive.md
