#!/usr/bin/env python3
# Writes the golden cases of PlanGoldenTest with real GNU diff; run it by hand after changing a case.
import os, subprocess, shutil, sys
G = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'golden')  # regenerate: python3 golden-generate.py
shutil.rmtree(G, ignore_errors=True)
os.makedirs(G)
T = '/tmp/srro-golden-work'

def lines(n, prefix='line'):
    return ''.join(f'{prefix} {i}\n' for i in range(1, n + 1))

def write_tree(root, files):
    for p, c in files.items():
        if c is None: continue
        fp = os.path.join(root, p)
        os.makedirs(os.path.dirname(fp), exist_ok=True)
        with open(fp, 'wb') as f:
            f.write(c.encode('latin-1') if isinstance(c, str) else c)

def udiff(old, new, label_old, label_new, extra=()):
    """diff -u between two single files (None = absent, epoch header via -N)."""
    shutil.rmtree(T, ignore_errors=True); os.makedirs(T + '/a'); os.makedirs(T + '/b')
    args = ['diff', '-u'] + list(extra)
    a = T + '/a/f'; b = T + '/b/f'
    if old is not None: write_tree(T + '/a', {'f': old})
    if new is not None: write_tree(T + '/b', {'f': new})
    r = subprocess.run(args + ['-N', '--label', label_old, '--label', label_new, a, b], capture_output=True)
    return r.stdout.decode('latin-1')

def case(name, tin, diff, tout, expect, strip=0, extra=''):
    d = os.path.join(G, name)
    os.makedirs(d)
    write_tree(d + '/in', tin)
    if tout is not None:
        os.makedirs(d + '/out', exist_ok=True)
        write_tree(d + '/out', tout)
    with open(d + '/diff', 'wb') as f:
        f.write(diff.encode('latin-1') if isinstance(diff, str) else diff)
    with open(d + '/expect', 'w') as f:
        f.write(f'expect: {expect}\nstrip: {strip}\n' + extra)

base = lines(30)
mod = base.replace('line 10\n', 'line ten\n').replace('line 25\n', 'line 25\nadded after 25\n')

# 1 plain diff -u, one file, two hunks
d = udiff(base, mod, 'f.c\t2025-01-01 00:00:00.000000000 +0000', 'f.c\t2025-01-02 00:00:00.000000000 +0000')
case('plain-two-hunks', {'f.c': base}, d, {'f.c': mod}, 'applies', extra='hunks: 0/0 0/0\n')

# 2 errata style: description + Index/RCS/retrieving/diff -u -p, -p0, two files in subdirs
b2 = lines(12, 'int x')
m2 = b2.replace('int x 6\n', 'int x 6; /* fixed */\n')
d1 = udiff(base, mod, 'sys/dev/softraid.c\t11 Mar 2025 10:00:00 -0000\t1.433', 'sys/dev/softraid.c\t22 Nov 2026 10:00:00 -0000')
d2 = udiff(b2, m2, 'sbin/scsi/scsi.c\t11 Mar 2025 10:00:00 -0000\t1.32', 'sbin/scsi/scsi.c\t22 Nov 2026 10:00:00 -0000')
desc = ('untrusted comment: verify with openbsd-77-base.pub\n' if False else '') + \
  'OpenBSD 7.7 errata 001, November 22, 2026:\n\nA softraid CRYPTO volume could not be attached on a write-protected disk.\n\nApply by doing:\n    signify -Vep /etc/signify/openbsd-77-base.pub -x 001_softraid.patch.sig \\\n        -m - | (cd /usr/src && patch -p0)\n\n'
def cvs(path, rev, d):
    return f'Index: {path}\n===================================================================\nRCS file: /cvs/src/{path},v\nretrieving revision {rev}\ndiff -u -p -r{rev} {os.path.basename(path)}\n' + d
errata = desc + cvs('sys/dev/softraid.c', '1.433', d1) + cvs('sbin/scsi/scsi.c', '1.32', d2)
case('errata-description-index-rcs', {'sys/dev/softraid.c': base, 'sbin/scsi/scsi.c': b2}, errata,
     {'sys/dev/softraid.c': mod, 'sbin/scsi/scsi.c': m2}, 'applies', extra='description-lines: 8\n')

# 3 diff -uNp create and delete (epoch timestamps)
new_file = lines(4, 'new')
dc = udiff(None, new_file, 'a/newdir/new.c\t1970-01-01 00:00:00.000000000 +0000', 'b/newdir/new.c\t2026-11-22 08:00:00.000000000 +0000')
dd = udiff(b2, None, 'a/gone.c\t2026-11-22 08:00:00.000000000 +0000', 'b/gone.c\t1970-01-01 00:00:00.000000000 +0000')
case('diff-N-create-delete-p1', {'keep.c': base, 'gone.c': b2},
     'diff -uNp a/newdir/new.c b/newdir/new.c\n' + dc + 'diff -uNp a/gone.c b/gone.c\n' + dd,
     {'keep.c': base, 'newdir/new.c': new_file}, 'applies', strip=1)

# 4 /dev/null create and delete (git style)
dc = udiff(None, new_file, '/dev/null', 'b/made.c')
dd = udiff(b2, None, 'a/gone.c', '/dev/null')
git = ('diff --git a/made.c b/made.c\nnew file mode 100644\nindex 0000000..1111111\n' + dc +
       'diff --git a/gone.c b/gone.c\ndeleted file mode 100644\nindex 2222222..0000000\n' + dd)
case('git-dev-null-create-delete', {'gone.c': b2}, git, {'made.c': new_file}, 'applies', strip=1)

# 5 CVS diff -N create (old CVS style, no /dev/null, epoch "1 Jan 1970")
dc = udiff(None, new_file, 'usr.sbin/x/x.c\t1 Jan 1970 00:00:00 -0000', 'usr.sbin/x/x.c\t22 Nov 2026 08:00:00 -0000')
cvsn = 'Index: usr.sbin/x/x.c\n===================================================================\nRCS file: usr.sbin/x/x.c\ndiff -N usr.sbin/x/x.c\n' + dc
case('cvs-diff-N-create', {}, cvsn, {'usr.sbin/x/x.c': new_file}, 'applies')
dd = udiff(b2, None, 'usr.sbin/x/old.c\t22 Nov 2026 08:00:00 -0000\t1.3', 'usr.sbin/x/old.c\t1 Jan 1970 00:00:00 -0000')
cvsd = 'Index: usr.sbin/x/old.c\n===================================================================\nRCS file: /cvs/src/usr.sbin/x/Attic/old.c,v\nretrieving revision 1.3\ndiff -u -p -N -r1.3 old.c\n' + dd
case('cvs-diff-N-delete', {'usr.sbin/x/old.c': b2}, cvsd, {}, 'applies')

# 6 git diff -p1 with function headers
b6 = ''.join(f'static int\nf{i}(void)\n{{\n\treturn {i};\n}}\n\n' for i in range(8))
m6 = b6.replace('return 5;', 'return -5;')
d6 = udiff(b6, m6, 'a/lib/f.c', 'b/lib/f.c', extra=['-p'])
case('git-diff-p1', {'lib/f.c': b6}, 'diff --git a/lib/f.c b/lib/f.c\nindex 83db48f..bf269f3 100644\n' + d6, {'lib/f.c': m6}, 'applies', strip=1)

# 7 no newline at end: old lacks, new lacks, both lack
nb = base[:-1]
case('no-newline-old', {'f': nb}, udiff(nb, base, 'f', 'f'), {'f': base}, 'applies')
case('no-newline-new', {'f': base}, udiff(base, nb, 'f', 'f'), {'f': nb}, 'applies')
nm = mod[:-1]
case('no-newline-both', {'f': nb}, udiff(nb, nm, 'f', 'f'), {'f': nm}, 'applies')

# 8 CRLF file content, LF diff
cb = base.replace('\n', '\r\n'); cm = mod.replace('\n', '\r\n')
case('crlf-file', {'dos.txt': cb}, udiff(cb, cm, 'dos.txt', 'dos.txt'), {'dos.txt': cm}, 'applies')
# 9 whole diff CRLF (mailer-converted), LF file
dcr = udiff(base, mod, 'f.c', 'f.c').replace('\n', '\r\n')
case('crlf-diff', {'f.c': base}, dcr, {'f.c': mod}, 'applies')

# 10 offset: 5 lines inserted at top of the target
shifted = lines(5, 'preface') + base
case('offset', {'f.c': shifted}, udiff(base, mod, 'f.c', 'f.c'),
     {'f.c': lines(5, 'preface') + mod}, 'applies', extra='hunks: 5/0 5/0\n')

# 11 fuzz 1 and fuzz 2: outermost context lines changed in the target
f1 = base.replace('line 7\n', 'line seven\n')
case('fuzz-1', {'f.c': f1}, udiff(base, mod, 'f.c', 'f.c'), {'f.c': f1.replace('line 10\n', 'line ten\n').replace('line 25\n', 'line 25\nadded after 25\n')}, 'applies', extra='hunks: 0/1 0/0\n')
f2 = base.replace('line 7\n', 'line seven\n').replace('line 13\n', 'line thirteen\n').replace('line 8\n', 'line eight\n').replace('line 12\n', 'line twelve\n')
case('fuzz-2', {'f.c': f2}, udiff(base, mod, 'f.c', 'f.c'), {'f.c': f2.replace('line 10\n', 'line ten\n').replace('line 25\n', 'line 25\nadded after 25\n')}, 'applies', extra='hunks: 0/2 0/0\n')
# fuzz 3 needed -> conflict
f3 = f2.replace('line 9\n', 'line nine\n')
case('fuzz-3-rejected', {'f.c': f3}, udiff(base, mod, 'f.c', 'f.c'), {'f.c': f3}, 'conflict')

# 12 already applied
case('already-applied', {'f.c': mod}, udiff(base, mod, 'f.c', 'f.c'), {'f.c': mod}, 'already_applied')

# 13 conflict in the last hunk of the second file: nothing written anywhere
bad = b2.replace('int x 6\n', 'int x 6 /* local change */\n')
errata_bad = desc + cvs('sys/dev/softraid.c', '1.433', d1) + cvs('sbin/scsi/scsi.c', '1.32', d2)
case('conflict-last-file-nothing-written', {'sys/dev/softraid.c': base, 'sbin/scsi/scsi.c': bad}, errata_bad,
     {'sys/dev/softraid.c': base, 'sbin/scsi/scsi.c': bad}, 'conflict')

# 14 -p2
case('strip-2', {'src/f.c': base}, udiff(base, mod, 'x/y/src/f.c', 'x/y/src/f.c'), {'src/f.c': mod}, 'applies', strip=2)

# 15 containment refusals
case('refuses-dotdot', {'f.c': base}, udiff(base, mod, '../f.c', '../f.c'), {'f.c': base}, 'conflict')
case('refuses-absolute', {'f.c': base}, udiff(base, mod, '/etc/f.c', '/etc/f.c'), {'f.c': base}, 'conflict')

# 16 pure insertion into an empty range and at end of file
ins = base + 'tail 1\ntail 2\n'
case('append-at-end', {'f': base}, udiff(base, ins, 'f', 'f', extra=['-U0']), {'f': ins}, 'applies')

# malformed
good = udiff(base, mod, 'f.c', 'f.c')
hl = good.split('\n')
too_few = '\n'.join(l for i, l in enumerate(hl) if i != 5) + '\n'
case('malformed-too-few-lines', {'f.c': base}, too_few, None, 'malformed', extra='line: 11\n')
too_many = good.replace(' line 13\n', ' line 13\n+extra\n', 1)
case('malformed-too-many-lines', {'f.c': base}, too_many, None, 'malformed', extra='line: 12\n')
case('malformed-bad-hunk-header', {'f.c': base}, good.replace('@@ -7,7', '@@ -x,7', 1), None, 'malformed', extra='line: 3\n')
case('malformed-empty', {'f.c': base}, '', None, 'malformed', extra='line: -1\n')
case('malformed-description-only', {'f.c': base}, 'just some text\nno diff here\n', None, 'malformed', extra='line: -1\n')
case('malformed-binary', {'f.c': base}, 'diff --git a/x b/x\nindex 1..2 100644\nGIT binary patch\nliteral 3\n', None, 'malformed', extra='line: 3\n')
print('ok')
