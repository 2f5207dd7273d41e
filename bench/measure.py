#!/usr/bin/python3
"""Runs builds alternately and prints medians, min–max, peak memory and ratios.

On a shared 2-core machine a build's time swings several-fold with what the
neighbours do, so two tools are never timed one after the other in blocks:
each round runs every contender once, in turn, and the ratio of the medians
comes with the median of the per-round ratios (both tools saw the same noise).

Wall time is measured around the process; CPU time (user + system) and
peak RSS are the child's own rusage from wait4(): CPU time is the figure a
loaded machine disturbs least. Peak RSS is ru_maxrss, the figure /usr/bin/time -v prints as "Maximum
resident set size".

    measure.py compare --corpus DIR --bangtin BIN --runs 5    bangtin vs Hugo, cold
    measure.py threads --corpus DIR --bangtin BIN --runs 5    bangtin --threads 1 vs 2
    measure.py rebuild --corpus DIR --bangtin BIN --runs 5    nothing changed: time, files rewritten
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

NOW = "2026-11-23T12:00:00+07:00"


def run(cmd, cwd=None):
    """(seconds, CPU seconds, peak RSS in bytes, stderr) of one command; exits on failure."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        p = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(p.pid, 0)
        elapsed = time.perf_counter() - start
        p.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        text = err.read().decode("utf-8", "replace")
    if p.returncode != 0:
        sys.exit("measure: %s failed (%d):\n%s" % (" ".join(cmd), p.returncode, text[-3000:]))
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024, text


def stage_times(stderr):
    return {m.group(1): float(m.group(2)) for m in re.finditer(r"^\s+(\w+)\s+([\d.]+) ms$", stderr, re.M)}


def fmt_s(xs):
    return "%7.2f s  (%.2f–%.2f)" % (statistics.median(xs), min(xs), max(xs))


def fmt_mib(xs):
    return "%6.0f MiB (max %.0f)" % (statistics.median(xs) / 2**20, max(xs) / 2**20)


def count_files(d):
    return sum(len(fs) for _, _, fs in os.walk(d))


class Contender:
    def __init__(self, name, cmd, out, clean):
        self.name, self.cmd, self.out, self.clean = name, cmd, out, clean
        self.times, self.cpu, self.rss, self.stages = [], [], [], []

    def once(self):
        for d in self.clean:
            shutil.rmtree(d, ignore_errors=True)
        t, cpu, rss, err = run(self.cmd)
        self.times.append(t)
        self.cpu.append(cpu)
        self.rss.append(rss)
        self.stages.append(stage_times(err))


def report(title, contenders, files=None):
    print("\n" + title)
    for c in contenders:
        extra = "  %d files" % count_files(c.out) if files is None else ""
        print("  %-26s wall %s  CPU %s  peak RSS %s%s" % (c.name, fmt_s(c.times), fmt_s(c.cpu), fmt_mib(c.rss), extra))
    base = contenders[0]
    for c in contenders[1:]:
        per_round = [b / a for a, b in zip(base.times, c.times)]
        print("  ratio %s / %s: wall %.2f× (medians); per-round median %.2f× (%.2f–%.2f); CPU %.2f×; memory %.2f×" % (
            c.name, base.name, statistics.median(c.times) / statistics.median(base.times),
            statistics.median(per_round), min(per_round), max(per_round),
            statistics.median(c.cpu) / statistics.median(base.cpu),
            statistics.median(c.rss) / statistics.median(base.rss)))
    for c in contenders:
        if c.stages and c.stages[0]:
            names = list(c.stages[0])
            print("  %s stages (median ms): %s" % (c.name, ", ".join(
                "%s %.0f" % (n, statistics.median(s.get(n, 0) for s in c.stages)) for n in names)))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", choices=["compare", "threads", "rebuild"])
    ap.add_argument("--corpus", required=True, help="what corpus.py wrote")
    ap.add_argument("--bangtin", required=True)
    ap.add_argument("--hugo", default="hugo")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--work", default=None, help="where outputs go (default: beside the corpus)")
    ap.add_argument("--precompress", action="store_true", help="let bangtin write .gz/.br twins (Hugo has none)")
    a = ap.parse_args()
    corpus = os.path.abspath(a.corpus)
    work = os.path.abspath(a.work or os.path.join(corpus, "out"))
    os.makedirs(work, exist_ok=True)
    n = sum(1 for _, _, fs in os.walk(os.path.join(corpus, "bangtin", "content", "articles")) for f in fs
            if f.endswith(".md"))
    bt_out = os.path.join(work, "bangtin")
    pre = [] if a.precompress else ["--no-precompress"]

    def bangtin(jobs, out=bt_out):
        return [a.bangtin, "build", "--source", os.path.join(corpus, "bangtin"), "--output", out, "--now", NOW,
                "--timings", "--threads", str(jobs)] + pre

    if a.mode == "compare":
        hugo_out, cache = os.path.join(work, "hugo"), os.path.join(work, "hugo-cache")
        hugo_src = os.path.join(corpus, "hugo")
        contenders = [
            Contender("bangtin", bangtin(2), bt_out, [bt_out]),
            Contender("hugo", [a.hugo, "--quiet", "--source", hugo_src, "--destination", hugo_out,
                               "--cacheDir", cache], hugo_out,
                      [hugo_out, cache, os.path.join(hugo_src, "resources")]),
        ]
        for r in range(a.runs):
            for c in (contenders if r % 2 == 0 else contenders[::-1]):
                c.once()
        report("%d articles, cold builds (no output, no cache), %d rounds alternating%s" % (
            n, a.runs, ", bangtin with .gz/.br twins" if a.precompress else ""), contenders)
    elif a.mode == "threads":
        outs = [os.path.join(work, "t1"), os.path.join(work, "t2")]
        contenders = [Contender("bangtin --threads 1", bangtin(1, outs[0]), outs[0], [outs[0]]),
                      Contender("bangtin --threads 2", bangtin(2, outs[1]), outs[1], [outs[1]])]
        for r in range(a.runs):
            for c in (contenders if r % 2 == 0 else contenders[::-1]):
                c.once()
        report("%d articles, cold builds, 1 vs 2 threads, %d rounds alternating" % (n, a.runs), contenders)
        same = subprocess.run(["diff", "-r", "-q", outs[0], outs[1]], stdout=subprocess.DEVNULL).returncode == 0
        print("  outputs of 1 and 2 threads byte-identical: %s" % ("yes" if same else "NO"))
        if not same:
            sys.exit(1)
    else:
        cold = Contender("bangtin cold", bangtin(2), bt_out, [bt_out])
        warm = Contender("bangtin rebuild, no change", bangtin(2), bt_out, [])
        changed = []
        for r in range(a.runs):
            cold.once()
            before = {p: os.stat(p).st_ino for p in walk_files(bt_out)}
            warm.once()
            after = {p: os.stat(p).st_ino for p in walk_files(bt_out)}
            changed.append(sum(1 for p, ino in after.items() if before.get(p) != ino))
        report("%d articles, rebuild with nothing changed after a cold build, %d rounds" % (n, a.runs),
               [cold, warm])
        print("  output files rewritten by the no-change rebuild: %s of %d (by inode)" % (
            ", ".join(map(str, changed)), len(after)))


def walk_files(d):
    for root, _, fs in os.walk(d):
        for f in fs:
            yield os.path.join(root, f)


if __name__ == "__main__":
    main()
