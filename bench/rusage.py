"""CPU (user + system) and peak RSS of shell commands from wait4(2)'s rusage: the figures GNU time prints as
%U+%S and %M. Rounds are interleaved (every row once, then again) so a loaded machine's load falls on every row
alike. Used by bench/startup-floor.sh and bench/check.sh (PYTHONPATH=bench)."""
import os
import subprocess
import sys


def measure(rounds, rows, ok=(0, 1)):
    """rows: (name, shell command) pairs. Returns ({name: [cpu seconds per round]}, {name: peak RSS in KiB}).
    A command exiting outside ok stops the benchmark (1 is usually a linter finding what it should)."""
    cpu = {n: [] for n, _ in rows}
    rss = {n: 0 for n, _ in rows}
    for _ in range(rounds):
        for n, c in rows:
            p = subprocess.Popen(c, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            _, status, ru = os.wait4(p.pid, 0)
            code = os.waitstatus_to_exitcode(status)
            if code not in ok:
                sys.exit(f"bench: {c} exited {code}")
            cpu[n].append(ru.ru_utime + ru.ru_stime)
            rss[n] = max(rss[n], ru.ru_maxrss)
    return cpu, rss
