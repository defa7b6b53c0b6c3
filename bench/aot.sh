#!/usr/bin/env bash
# What the launcher's start-up archive buys, per JDK, against the floor measured in the same run: an empty
# Java main with the launcher's JVM flags on the same JDK. JDK 17 gets the class-data-sharing archive
# (-XX:SharedArchiveFile), JDK 25 the AOT cache (-XX:AOTCache); "no archive" is the same launcher with
# SRRO_CACHE_DIR= (the JDK's own default CDS archive still applies). Commands: `srro --version` and
# `srro fstab FILE` on a 4-line fstab. hyperfine -N, 3 warm-ups + RUNS runs each; CPU is user + system;
# peak RSS from GNU time, one run each. Run from anywhere after ./srro has built the jar:
#   bench/aot.sh [JDK17_HOME] [JDK25_HOME]
set -euo pipefail
cd "$(dirname "$0")/.."
jdk17=${1:-/usr/lib/jvm/java-17-openjdk-amd64}
jdk25=${2:-/usr/lib/jvm/temurin-25-jdk-amd64}
runs=${RUNS:-20}
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
/dev/sdb1                                 /mnt/archive ext4 ro,nofail  0 2
tmpfs                                     /tmp  tmpfs defaults         0 0
TAB
printf 'public class Floor { public static void main(String[] a) { } }\n' >"$work/Floor.java"
"$jdk17/bin/javac" --release 17 -d "$work" "$work/Floor.java"
flags="-XX:+UseSerialGC -Xms8m -XX:-UsePerfData -Xss1m -XX:TieredStopAtLevel=1" # the launcher's, short commands
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
done
args=()
for c in "${cmds[@]}"; do args+=("$c"); done
# -i: srro fstab exits 1 on this fstab (findings are the point), which is not a failure here.
hyperfine -N -i -w 3 -r "$runs" --export-json "$work/h.json" "${args[@]}" >/dev/null
for i in "${!cmds[@]}"; do
	# shellcheck disable=SC2086
	/usr/bin/time -f %M -o "$work/rss.$i" ${cmds[$i]} >/dev/null 2>&1 || true
done
python3 - "$work" "${names[@]}" <<'PY'
import json, sys
work, names = sys.argv[1], sys.argv[2:]
results = json.load(open(f"{work}/h.json"))["results"]
print("| command | wall median [ms] | CPU user+sys mean [ms] | CPU / floor | peak RSS [MiB] |")
print("|:---|---:|---:|---:|---:|")
floor = None
for i, (name, r) in enumerate(zip(names, results)):
    cpu = (r["user"] + r["system"]) * 1000
    if "floor" in name:
        floor = cpu
    rss = int(open(f"{work}/rss.{i}").read().split()[-1]) / 1024
    print(f"| {name} | {r['median'] * 1000:.0f} | {cpu:.0f} | {cpu / floor:.1f}x | {rss:.0f} |")
PY
