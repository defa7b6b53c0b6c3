#!/bin/sh
# boot.sh KERNEL_ROOT WORK_DIR JOB_SCRIPT SECONDS: builds a busybox initramfs with the SCSI modules from the
# unpacked Debian kernel package KERNEL_ROOT (dpkg-deb -x), two virtio-scsi disks (one readonly=on) and runs
# JOB_SCRIPT inside the guest, under timeout. The serial console ends up in WORK_DIR/console.log.
set -eu
kroot=$1 work=$2 job=$3 seconds=$4
here=$(cd "$(dirname "$0")" && pwd)
vmlinuz=$(ls "$kroot"/boot/vmlinuz-* | head -n 1)
mods=$(ls -d "$kroot"/lib/modules/* | head -n 1)

rm -rf "$work/initramfs" && mkdir -p "$work/initramfs/bin" "$work/initramfs/modules"
cd "$work/initramfs"
mkdir -p proc sys dev tmp
cp /bin/busybox bin/busybox
cp "$here/init" init && chmod 755 init
cp "$here/modules.order" modules.order
cp "$job" job.sh
for m in $(cat modules.order) scsi_debug; do
	f=$(find "$mods/kernel" -name "$m.ko" | head -n 1)
	[ -n "$f" ] || { echo "boot.sh: module $m not found under $mods" >&2; exit 1; }
	cp "$f" modules/
done
find . | cpio -o -H newc --quiet > "$work/initramfs.cpio"
cd "$work"

# The test may have written the images already (LUKS2 headers, formatted on the host); else blank ones.
[ -f ro.img ] || dd if=/dev/zero of=ro.img bs=1M count=4 status=none
[ -f rw.img ] || dd if=/dev/zero of=rw.img bs=1M count=4 status=none

exec timeout "$seconds" qemu-system-x86_64 -accel tcg -m 1024 -smp 1 \
	-kernel "$vmlinuz" -initrd initramfs.cpio \
	-append "console=ttyS0 panic=-1 scsi_mod.scan=sync loglevel=1" \
	-display none -monitor none -serial "file:$work/console.log" -no-reboot \
	-device virtio-scsi-pci,id=scsi0 \
	-drive file=ro.img,if=none,format=raw,id=d0,readonly=on \
	-device scsi-hd,drive=d0,bus=scsi0.0,vendor=SRRO,product=READONLY \
	-drive file=rw.img,if=none,format=raw,id=d1 \
	-device scsi-hd,drive=d1,bus=scsi0.0,vendor=SRRO,product=WRITABLE \
	-virtfs local,path=/,mount_tag=hostroot,security_model=none,readonly=on,multidevs=remap
