#!/usr/bin/env bash
# Issue 15, goal 1: CPU (user + system) of short srro commands against the floor, an empty Java main with the
# launcher's JVM flags on the same JDK, measured in the same run. Each command runs two ways: through ./srro (the
# launcher: its freshness check and archive choice included) and as `java FLAGS ARCHIVE -cp srro.jar
# srro.cli.Main` (what the launcher execs). Rounds are interleaved (floor, then every row, floor...) so a loaded machine's load falls
# on every row alike; CPU and peak RSS come from wait4(2)'s rusage (the figures GNU time prints as %U+%S and
# %M). Median over ROUNDS (default 10). The classes column counts -Xlog:class+load lines of one extra run.
#   bench/startup-floor.sh [JAVA_HOME]      (default: the java on PATH; JDK 25 uses its AOT cache)
# Run from the repository root; ./srro builds the jar and its start-up archive first.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${ROUNDS:-10}
if [ -n "${1:-}" ]; then
	export JAVA_HOME=$1
	java=$1/bin/java
else
	java=$(command -v java)
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat >"$work/fstab" <<'TAB'
UUID=0a3407de-014b-458b-b5c1-848e92a327a3 /     ext4 errors=remount-ro 0 1
/dev/sdb1                                 /mnt/archive ext4 ro,nofail  0 0
tmpfs                                     /tmp  tmpfs defaults         0 0
proc                                      /proc proc  defaults         0 0
TAB
# Fixed-format sense data: DATA PROTECT, write protected (asc 0x27).
printf '70 00 07 00 00 00 00 0a 00 00 00 00 27 00 00 00 00 00\n' >"$work/sense.hex"
printf 'public class Floor { public static void main(String[] a) { } }\n' >"$work/Floor.java"
"$(dirname "$(readlink -f "$java")")/javac" --release 17 -d "$work" "$work/Floor.java"
./srro --version >/dev/null # build if stale, make this JDK's archive
./srro --version >/dev/null
flags="-XX:+UseSerialGC -Xms8m -XX:-UsePerfData -Xss1m -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=10 -Xmn6m" # the launcher's, short commands
jar=tool/target/srro.jar
jdk=$(dirname "$(dirname "$(readlink -f "$java")")")
case $(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$jdk/release") in
1[7-9] | 2[0-4]) kind=jsa ;;
*) kind=aot ;;
esac
archive=$(ls -t tool/target/srro-*."$kind" 2>/dev/null | head -n 1 || true) # the one ./srro just made or used
case $archive in
*.aot) aflags="--enable-native-access=ALL-UNNAMED -XX:AOTCache=$archive -Xlog:aot=off -Xlog:cds=off" ;;
*.jsa) aflags="-XX:SharedArchiveFile=$archive -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off" ;;
*) aflags= ;;
esac
direct="$java $flags $aflags -cp $jar srro.cli.Main"
rows=("empty main, same flags (floor)" "$java $flags -cp $work Floor")
for c in "fstab $work/fstab" "decode sense --inhex=$work/sense.hex" "--version"; do
	rows+=("java -cp srro.jar srro.cli.Main ${c%% *}" "$direct $c")
	rows+=("./srro ${c%% *}" "./srro $c")
done
echo "$("$java" -version 2>&1 | head -n 1); archive: ${archive:-none}; load average before: $(cut -d ' ' -f 1-3 /proc/loadavg)"
PYTHONPATH=bench /usr/bin/python3 - "$rounds" "$java $flags -Xlog:class+load=info" "$aflags" "${rows[@]}" <<'PY'
import statistics, subprocess, sys
from rusage import measure
rounds, logjava, aflags, rows = int(sys.argv[1]), sys.argv[2], sys.argv[3], list(zip(sys.argv[4::2], sys.argv[5::2]))
cpu, rss = measure(rounds, rows)
def classes(c):
    c = c.replace(logjava.split(" -Xlog")[0], logjava, 1) if c.startswith(logjava.split(" -Xlog")[0]) else None
    if c is None:
        return ""
    out = subprocess.run(c, shell=True, capture_output=True, text=True).stdout
    lines = [l for l in out.splitlines() if "source:" in l]
    shared = sum(1 for l in lines if "shared objects file" in l or "source: shared" in l)
    return f"{len(lines)} ({shared} archived)"
floor = statistics.median(cpu[rows[0][0]])
print("| command | CPU user+sys [ms] | CPU / floor | peak RSS [MiB] | classes loaded |\n|:---|---:|---:|---:|---:|")
for n, c in rows:
    m = statistics.median(cpu[n])
    print(f"| {n} | {m * 1000:.0f} | {m / floor:.2f}x | {rss[n] / 1024:.0f} | {classes(c)} |")
print(f"load average after: {' '.join(open('/proc/loadavg').read().split()[:3])}")
PY
