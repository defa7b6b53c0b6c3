#!/usr/bin/env bash
# What the launcher's start-up archive buys, per JDK, against the floor measured in the same run: an empty
# Java main with the launcher's JVM flags on the same JDK. JDK 17 gets the class-data-sharing archive
# (-XX:SharedArchiveFile), JDK 25 the AOT cache (-XX:AOTCache); "no archive" is the same launcher with
# SRRO_CACHE_DIR= (the JDK's own default CDS archive still applies). Commands: `srro --version` and
# `srro fstab FILE` on a clean 4-line fstab (exit 0: any failure, even the JVM's, stops the run), plus one
# diagnostic row per JDK: the archive with bytecode verification of the jar's classes off
# (-XX:-BytecodeVerificationRemote, a diagnostic flag; never a launcher flag), which shows what verifying the
# classes the archive does not hold still costs (picocli's, when they were class-file version 49; since the build
# compiles picocli for release 17 and the launcher trains the archive on every short command, ~13 classes).
# ROUNDS rounds (default 6) of hyperfine -N over every command, 1 warm-up + 3 runs each, so a shared
# machine's load falls on all rows alike; each row is the median over rounds of hyperfine's median wall time
# and mean user + system CPU. Peak RSS from GNU time, one run each. Run after ./srro has built the jar:
#   bench/aot.sh [JDK17_HOME] [JDK25_HOME]
set -euo pipefail
cd "$(dirname "$0")/.."
jdk17=${1:-/usr/lib/jvm/java-17-openjdk-amd64}
jdk25=${2:-/usr/lib/jvm/temurin-25-jdk-amd64}
rounds=${ROUNDS:-6}
command -v hyperfine >/dev/null || { echo "bench: hyperfine is needed (apt-get install hyperfine)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench: GNU time is needed (apt-get install time)" >&2; exit 2; }
for j in "$jdk17" "$jdk25"; do
	[ -x "$j/bin/java" ] || { echo "bench: no JDK at $j" >&2; exit 2; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat >"$work/fstab" <<'TAB'
UUID=0a3407de-014b-458b-b5c1-848e92a327a3 /     ext4 errors=remount-ro 0 1
UUID=9f5d8f7e-1c2b-4b8a-9e0f-3a2b1c0d9e8f /boot ext4 defaults          0 2
/dev/sdb1                                 /mnt/archive ext4 ro,nofail  0 0
tmpfs                                     /tmp  tmpfs defaults         0 0
TAB
printf 'public class Floor { public static void main(String[] a) { } }\n' >"$work/Floor.java"
"$jdk17/bin/javac" --release 17 -d "$work" "$work/Floor.java"
flags="-XX:+UseSerialGC -Xms8m -XX:-UsePerfData -Xss1m -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=10 -Xmn6m" # the launcher's, short commands
cmds=() names=()
add() { names+=("$1"); cmds+=("$2"); }
for j in "$jdk17" "$jdk25"; do
	v=$(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$j/release")
	env JAVA_HOME="$j" ./srro --version >/dev/null # build if stale, make this JDK's archive
	env JAVA_HOME="$j" ./srro --version >/dev/null
	add "JDK $v: empty main, same flags (floor)" "env JAVA_HOME=$j $j/bin/java $flags -cp $work Floor"
	for c in "--version" "fstab $work/fstab"; do
		add "JDK $v: srro ${c%% *}, no archive" "env JAVA_HOME=$j SRRO_CACHE_DIR= ./srro $c"
		add "JDK $v: srro ${c%% *}, launcher's archive" "env JAVA_HOME=$j ./srro $c"
	done
	add "JDK $v: srro fstab, archive, no verification (diagnostic)" \
		"env JAVA_HOME=$j SRRO_JAVA_OPTS='-XX:+UnlockDiagnosticVMOptions -XX:-BytecodeVerificationRemote' ./srro fstab $work/fstab"
done
args=()
for c in "${cmds[@]}"; do args+=("$c"); done
for r in $(seq "$rounds"); do
	hyperfine -N -w 1 -r 3 --export-json "$work/h.$r.json" "${args[@]}" >/dev/null
done
for i in "${!cmds[@]}"; do
	eval "/usr/bin/time -f %M -o \"\$work/rss.$i\" ${cmds[$i]}" >/dev/null
done
echo "load average after the run: $(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null || uptime)"
python3 - "$work" "$rounds" "${names[@]}" <<'PY'
import json, statistics, sys
work, rounds, names = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
runs = [json.load(open(f"{work}/h.{r}.json"))["results"] for r in range(1, rounds + 1)]
print("| command | wall [ms] | CPU user+sys [ms] | CPU / floor | peak RSS [MiB] |")
print("|:---|---:|---:|---:|---:|")
floor = None
for i, name in enumerate(names):
    wall = statistics.median(run[i]["median"] for run in runs) * 1000
    cpu = statistics.median(run[i]["user"] + run[i]["system"] for run in runs) * 1000
    if "floor" in name:
        floor = cpu
    rss = int(open(f"{work}/rss.{i}").read().split()[-1]) / 1024
    print(f"| {name} | {wall:.0f} | {cpu:.0f} | {cpu / floor:.1f}x | {rss:.0f} |")
PY
