#!/usr/bin/env bash
# Issue 15, goal 3: CPU (user + system) of `srro check` on a machine with 200 mounts and 50 disks against
# `srro fstab` on one 4-line file, measured in the same run (goal: under 2x), with an empty Java main as the floor.
#
# The machine is fixture files made here at run time: a /proc/self/mountinfo of 200 mounts (50 disk partitions
# and 5 device-mapper volumes among them, the rest proc, cgroup, tmpfs, overlay and bind mounts), a fake sysfs
# tree (class/block: 50 disks, their partitions and 5 dm devices with dm/name and slaves/, each with ro and
# size), a `blkid -o export` output naming the partitions' UUIDs, and a 60-line fstab of those volumes.
# srro has no option to read another sysfs (and needs none): bench/CheckFixtureHost.java, compiled here against
# the jar, runs srro's Main with a Host that reads these files, as tests hand in a Host. No disk is asked MODE
# SENSE (the fixture has no SG_IO), so JNR is not loaded; on a real machine with SCSI disks it is (FACTS.md:
# 140-280 ms). Rows (all with the launcher's JVM flags and a CDS archive of this classpath, made by one training
# JVM that runs both commands):
#   fixture host: srro check --fstab FSTAB            (volumes and mounts from the fixture)
#   fixture host: srro check --fstab FSTAB --mounts MOUNTINFO  (the mount table only: no volumes compared)
#   fixture host: srro fstab FILE4                    (the peer, same launch)
#   java -cp srro.jar srro.cli.Main fstab FILE4 and ./srro fstab FILE4  (the peer as users run it, the launcher's archive)
# Rounds are interleaved, ROUNDS (default 10) of them, medians; CPU and peak RSS from wait4(2)'s rusage.
# Run from the repository root (./srro builds the jar first): bench/check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${ROUNDS:-10}
java=$(command -v java)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
./srro --version >/dev/null # build if stale, make the launcher's archive
./srro --version >/dev/null
jar=tool/target/srro.jar
fix=$work/machine
/usr/bin/python3 - "$fix" <<'PY'
import os, sys
fix = sys.argv[1]
def letters(i):  # sda .. sdz, sdaa ..
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(97 + r) + s
    return "sd" + s
def put(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)
block = f"{fix}/sys/class/block"
disks = [letters(i) for i in range(50)]
mounts, fstab, blkid = [], [], []
mid = 20
def mount(dev, point, fstype, opts, src=None, parent=1, majmin="0:0", root="/"):
    global mid
    mid += 1
    mounts.append(f"{mid} {parent} {majmin} {root} {point} {opts} shared:{mid} - {fstype} {src or dev} {opts.split(',')[0]}")
mount("/dev/sda1", "/", "ext4", "rw,relatime", majmin="8:1")
for n, d in enumerate(disks):
    ro = n % 5 == 4  # every fifth disk is write-protected
    for name in (d, d + "1"):
        put(f"{block}/{name}/ro", "1\n" if ro else "0\n")
        put(f"{block}/{name}/size", "976773168\n")
    uuid = f"{n:08x}-0000-4000-8000-{n:012x}"
    blkid.append(f"DEVNAME=/dev/{d}1\nUUID={uuid}\nBLOCK_SIZE=4096\nTYPE=ext4\n")
    if n == 0 or n >= 45:
        continue  # sda1 is /, the last five are the dm volumes' chunks
    point = f"/srv/d{n:02d}"
    # two write-protected disks mounted read-write, and fs_passno 2 on them: the findings check is for
    mount(f"/dev/{d}1", point, "ext4", "ro,relatime" if ro and n not in (4, 9) else "rw,relatime",
          majmin=f"8:{n * 16 + 1}")
    spec = f"UUID={uuid}" if n % 2 else f"/dev/{d}1"
    fstab.append(f"{spec} {point} ext4 {'ro,nofail' if ro else 'defaults'} 0 {2 if n in (4, 9, 14) or not ro else 0}")
for k in range(5):
    dm = f"dm-{k}"
    put(f"{block}/{dm}/ro", "1\n" if k == 0 else "0\n")
    put(f"{block}/{dm}/size", "2097152\n")
    put(f"{block}/{dm}/dm/name", f"vg-lv{k}\n")
    os.makedirs(f"{block}/{dm}/slaves/{disks[45 + k]}1", exist_ok=True)
    mount(f"/dev/mapper/vg-lv{k}", f"/srv/lv{k}", "xfs", "ro,relatime" if k == 0 else "rw,relatime",
          majmin=f"253:{k}")
    fstab.append(f"/dev/mapper/vg-lv{k} /srv/lv{k} xfs {'ro' if k == 0 else 'defaults'} 0 0")
for p, t in [("/proc", "proc"), ("/sys", "sysfs"), ("/dev", "devtmpfs"), ("/dev/pts", "devpts"), ("/run", "tmpfs"),
             ("/sys/fs/cgroup", "cgroup2"), ("/dev/shm", "tmpfs"), ("/tmp", "tmpfs")]:
    mount(t, p, t, "rw,nosuid,nodev")
fstab += ["tmpfs /tmp tmpfs defaults,nosuid,nodev 0 0", "proc /proc proc defaults 0 0"]
while len(mounts) < 150:
    mount("tmpfs", f"/run/user/{1000 + len(mounts)}", "tmpfs", "rw,nosuid,nodev,relatime")
while len(mounts) < 200:
    i = len(mounts)
    mount("overlay", f"/var/lib/docker/overlay2/{i:064x}/merged", "overlay", "rw,relatime")
put(f"{fix}/mountinfo", "\n".join(mounts) + "\n")
put(f"{fix}/fstab", "# a file server with 50 disks\n" + "\n".join(fstab) + "\n")
put(f"{fix}/blkid", "\n".join(blkid))
PY
cat >"$work/fstab4" <<'TAB'
UUID=0a3407de-014b-458b-b5c1-848e92a327a3 /     ext4 errors=remount-ro 0 1
/dev/sdb1                                 /mnt/archive ext4 ro,nofail  0 0
tmpfs                                     /tmp  tmpfs defaults         0 0
proc                                      /proc proc  defaults         0 0
TAB
printf 'public class Floor { public static void main(String[] a) { } }\n' >"$work/Floor.java"
"$(dirname "$(readlink -f "$java")")/javac" --release 17 -d "$work" "$work/Floor.java"
mkdir "$work/host"
"$(dirname "$(readlink -f "$java")")/javac" --release 17 -nowarn -cp "$jar" -d "$work/host" bench/CheckFixtureHost.java
# A jar, not a directory: a class path with a non-empty directory gets no CDS archive.
"$(dirname "$(readlink -f "$java")")/jar" cf "$work/host.jar" -C "$work/host" .
flags="-XX:+UseSerialGC -Xms8m -XX:-UsePerfData -Xss1m -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=10 -Xmn6m" # the launcher's, short commands
cp="$jar:$work/host.jar"
check=(check --fstab "$fix/fstab")
"$java" $flags -XX:ArchiveClassesAtExit="$work/host.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off -cp "$cp" \
	srro.os.CheckFixtureHost "$fix" fstab "$work/fstab4" --then "${check[@]}" --then "${check[@]}" --mounts "$fix/mountinfo" \
	>/dev/null 2>&1 || true
harness="$java $flags -XX:SharedArchiveFile=$work/host.jsa -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off -cp $cp srro.os.CheckFixtureHost $fix"
archive=$(ls -t tool/target/srro-*.jsa 2>/dev/null | head -n 1 || true)
direct="$java $flags ${archive:+-XX:SharedArchiveFile=$archive -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off} -cp $jar srro.cli.Main"
echo "mount table: $(wc -l <"$fix/mountinfo") mounts; sysfs: $(ls "$fix/sys/class/block" | wc -l) block devices;" \
	"fstab: $(grep -vc '^#' "$fix/fstab") entries"
$harness "${check[@]}" | tail -n 3 || true
echo "$("$java" -version 2>&1 | head -n 1); load average before: $(cut -d ' ' -f 1-3 /proc/loadavg)"
PYTHONPATH=bench /usr/bin/python3 - "$rounds" \
	"empty main, same flags (floor)" "$java $flags -cp $work Floor" \
	"fixture host: srro fstab FILE4 (the peer)" "$harness fstab $work/fstab4" \
	"fixture host: srro check, 200 mounts, 50 disks" "$harness ${check[*]}" \
	"fixture host: srro check --mounts (no volumes)" "$harness ${check[*]} --mounts $fix/mountinfo" \
	"java -cp srro.jar srro.cli.Main fstab FILE4" "$direct fstab $work/fstab4" \
	"./srro fstab FILE4" "./srro fstab $work/fstab4" <<'PY'
import statistics, sys
from rusage import measure
rounds, rows = int(sys.argv[1]), list(zip(sys.argv[2::2], sys.argv[3::2]))
cpu, rss = measure(rounds, rows)
floor, peer = statistics.median(cpu[rows[0][0]]), statistics.median(cpu[rows[1][0]])
print("| command | CPU user+sys [ms] | CPU / floor | CPU / peer | peak RSS [MiB] |\n|:---|---:|---:|---:|---:|")
for n, _ in rows:
    m = statistics.median(cpu[n])
    print(f"| {n} | {m * 1000:.0f} | {m / floor:.2f}x | {m / peer:.2f}x | {rss[n] / 1024:.0f} |")
print(f"load average after: {' '.join(open('/proc/loadavg').read().split()[:3])}")
PY
