#!/usr/bin/env bash
# Start-up cost of a short srro command, beside the peer that does the same job natively: `srro fstab FILE`
# (lint) against util-linux `findmnt --verify --tab-file FILE`, plus `srro --version` and a bare JVM as the
# floor. Run from the repository root after ./srro has built the jar and made its CDS archive once.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { echo "bench: hyperfine is needed (apt-get install hyperfine)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/fstab" <<'TAB'
UUID=0a3407de-014b-458b-b5c1-848e92a327a3 /     ext4 errors=remount-ro 0 1
UUID=9f5d8f7e-1c2b-4b8a-9e0f-3a2b1c0d9e8f /boot ext4 defaults          0 2
/dev/sdb1                                 /mnt/archive ext4 ro,nofail  0 2
tmpfs                                     /tmp  tmpfs defaults         0 0
TAB
printf 'public class Floor { public static void main(String[] a) { } }\n' > "$work/Floor.java"
javac -d "$work" "$work/Floor.java"
./srro --version >/dev/null   # build if stale, make the CDS archive
./srro --version >/dev/null
# -i: both linters exit non-zero on this fstab (findings are the point), which is not a failure here.
hyperfine -N -i -w 3 -r 30 --export-markdown "$work/startup.md" \
	"java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp $work Floor" \
	"./srro --version" \
	"./srro fstab $work/fstab" \
	"findmnt --verify --tab-file $work/fstab" || true
cat "$work/startup.md"
