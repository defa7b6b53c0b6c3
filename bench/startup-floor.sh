#!/usr/bin/env bash
# Issue 15, goal 1: CPU (user + system) of short srro commands against the floor, an empty Java main with the
# launcher's JVM flags on the same JDK, measured in the same run. Rounds are interleaved (floor, srro fstab,
# srro decode, srro --version, floor...) so a loaded machine's load falls on every row alike; CPU and peak RSS
# come from wait4(2)'s rusage (the figures GNU time prints as %U+%S and %M). Median over ROUNDS (default 10).
# Run from the repository root; ./srro builds the jar and its start-up archive first.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${ROUNDS:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat >"$work/fstab" <<'TAB'
UUID=0a3407de-014b-458b-b5c1-848e92a327a3 /     ext4 errors=remount-ro 0 1
/dev/sdb1                                 /mnt/archive ext4 ro,nofail  0 0
tmpfs                                     /tmp  tmpfs defaults         0 0
TAB
printf 'public class Floor { public static void main(String[] a) { } }\n' >"$work/Floor.java"
javac --release 17 -d "$work" "$work/Floor.java"
./srro --version >/dev/null
./srro --version >/dev/null
flags="-XX:+UseSerialGC -Xms8m -XX:-UsePerfData -Xss1m -XX:TieredStopAtLevel=1" # the launcher's, short commands
/usr/bin/python3 - "$rounds" \
	"empty main, same flags (floor)" "java $flags -cp $work Floor" \
	"srro fstab FILE" "./srro fstab $work/fstab" \
	"srro --version" "./srro --version" <<'PY'
import os, statistics, subprocess, sys
rounds, rows = int(sys.argv[1]), list(zip(sys.argv[2::2], sys.argv[3::2]))
cpu = {n: [] for n, _ in rows}; rss = {n: 0 for n, _ in rows}
for _ in range(rounds):
    for n, c in rows:
        p = subprocess.Popen(c, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, _, ru = os.wait4(p.pid, 0)
        cpu[n].append(ru.ru_utime + ru.ru_stime); rss[n] = max(rss[n], ru.ru_maxrss)
floor = statistics.median(cpu[rows[0][0]])
print("| command | CPU user+sys [ms] | CPU / floor | peak RSS [MiB] |\n|:---|---:|---:|---:|")
for n, _ in rows:
    m = statistics.median(cpu[n])
    print(f"| {n} | {m * 1000:.0f} | {m / floor:.2f}x | {rss[n] / 1024:.0f} |")
PY
