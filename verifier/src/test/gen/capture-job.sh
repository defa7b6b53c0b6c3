# The guest job that captured verifier/src/test/resources/srro/scsi/captures/qemu-guest.txt:
#   sh tool/src/test/qemu/boot.sh .cache/kernel/linux-image-6.1.0-*-amd64 /tmp/w verifier/src/test/gen/capture-job.sh 120
#   tr -d '\r' < /tmp/w/console.log | grep '^CAP '
RO=$(dev SRRO READONLY); RW=$(dev SRRO WRITABLE); DBG=$(dev Linux scsi_debug)
echo "SRRO-DEVICES ro=$RO rw=$RW debug=$DBG"
for l in qemu-readonly:$RO qemu-writable:$RW scsi_debug-wp1:$DBG; do
  n=${l%%:*}; d=${l#*:}
  echo "CAP $n inquiry $(chroot /host sg_inq -r -l 96 $d 2>/dev/null | od -An -tx1 -v | tr -d '\n')"
  for p in 0x00 0x80 0x83 0x86 0xb0 0xb1 0xb2; do
    echo "CAP $n vpd-$p $(chroot /host sg_vpd -p $p -r $d 2>/dev/null | od -An -tx1 -v | tr -d '\n')"
  done
  for c in 0 1 2 3; do
    echo "CAP $n mode6-pc$c $(chroot /host sg_modes -6 -p 0x3f -c $c -r $d 2>/dev/null | od -An -tx1 -v | tr -d '\n')"
    echo "CAP $n mode10-pc$c $(chroot /host sg_modes -p 0x3f -c $c -r $d 2>/dev/null | od -An -tx1 -v | tr -d '\n')"
  done
  echo "CAP $n mode10-0a01 $(chroot /host sg_modes -p 0x0a,0x01 -r $d 2>/dev/null | od -An -tx1 -v | tr -d '\n')"
  echo "CAP $n mode10-3fff $(chroot /host sg_modes -p 0x3f,0xff -r $d 2>/dev/null | od -An -tx1 -v | tr -d '\n')"
done
