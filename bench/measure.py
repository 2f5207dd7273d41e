#!/usr/bin/python3
"""Runs builds alternately and prints medians, min–max, peak memory and ratios.

On a shared 2-core machine a build's time swings several-fold with what the
neighbours do, so two tools are never timed one after the other in blocks:
each round runs every contender once, in turn, and the ratio of the medians
comes with the median of the per-round ratios (both tools saw the same noise).

Outputs are never deleted between runs: they are renamed into a trash
folder and deleted when the script ends (`set_aside`). On ext4 without a
journal (these VMs) the inode allocator skips, one by one, every inode freed
in the last one to six minutes, so deleting 40,000 files before each run made
each run slower than the one before (a cold bangtin build: 9.5–11 s after
`rm -rf`, 3.9–4.0 s after a rename; Hugo likewise). A CI machine or an
editor's laptop never builds right after freeing that many inodes. For the
same reason each run starts after `sync`: otherwise the kernel writes the
previous run's 250–400 MB back to disk during the next one.

Wall time is measured around the process; CPU time (user + system) and
peak RSS are the child's own rusage from wait4(): CPU time is the figure a
loaded machine disturbs least. Peak RSS is ru_maxrss, the figure /usr/bin/time -v prints as "Maximum
resident set size".

    measure.py compare --corpus DIR --bangtin BIN --runs 5    bangtin vs Hugo, cold
    measure.py threads --corpus DIR --bangtin BIN --runs 5    bangtin --threads 1 vs 2
    measure.py rebuild --corpus DIR --bangtin BIN --runs 5    nothing changed: time, files rewritten
    measure.py images  --corpus DIR --bangtin BIN --runs 3    covers: bangtin cold and warm, a vipsthumbnail
                                                               loop and Hugo, each making 3 widths × WebP/JPEG

With three or more contenders the order rotates (A B C, then B C A, …), so
each takes every place in the order; a contender may sit out the later rounds
(Hugo's covers, --hugo-runs), and per-round ratios pair only rounds both ran.
"""
import argparse
import atexit
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

NOW = "2026-11-23T12:00:00+07:00"
TRASH = []  # the folder outputs are set aside in, made by main()


def set_aside(d):
    """Moves d out of the way without freeing its inodes (see above); the
    trash is deleted at exit. Falls back to deleting when d is on another
    file system."""
    if not os.path.lexists(d):
        return
    if TRASH:
        try:
            os.rename(d, tempfile.mkdtemp(dir=TRASH[0]) + "/x")
            return
        except OSError:
            pass
    shutil.rmtree(d, ignore_errors=True)


def run(cmd, cwd=None):
    """(seconds, CPU seconds, peak RSS in bytes, stderr) of one command; exits on failure."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        # Its own process group, so that stopping early stops its children too.
        p = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=err, start_new_session=True)
        try:
            _, status, usage = os.wait4(p.pid, 0)
        except KeyboardInterrupt:  # stopped early: no orphan keeps loading the machine
            os.killpg(p.pid, signal.SIGKILL)
            p.wait()
            raise
        elapsed = time.perf_counter() - start
        p.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        text = err.read().decode("utf-8", "replace")
    if p.returncode != 0:
        sys.exit("measure: %s failed (%d):\n%s" % (" ".join(cmd), p.returncode, text[-3000:]))
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024, text


def stage_times(stderr):
    return {m.group(1): float(m.group(2)) for m in re.finditer(r"^\s+([\w-]+)\s+([\d.]+) ms(?:\s+[\d.]+ MiB)?(?:\s+cpu\s+[\d.]+ ms)?$", stderr, re.M)}


def fmt_s(xs):
    return "%7.2f s  (%.2f–%.2f)" % (statistics.median(xs), min(xs), max(xs))


def fmt_mib(xs):
    return "%6.0f MiB (max %.0f)" % (statistics.median(xs) / 2**20, max(xs) / 2**20)


def count_files(d):
    return sum(len(fs) for _, _, fs in os.walk(d))


class Contender:
    """One command timed in several rounds. `clean` folders are set aside before
    each run and `prepare` (untimed) runs after that; `runs` caps the rounds
    it takes part in (the first ones), None for all."""

    def __init__(self, name, cmd, out, clean, prepare=None, runs=None):
        self.name, self.cmd, self.out, self.clean = name, cmd, out, clean
        self.prepare, self.runs = prepare, runs
        self.times, self.cpu, self.rss, self.stages, self.rounds = [], [], [], [], []

    def once(self, round_no=None):
        for d in self.clean:
            set_aside(d)
        if self.prepare:
            self.prepare()
        # The previous run's files are still being written to disk; flush
        # them now (untimed) so that writeback does not run inside this one.
        os.sync()
        t, cpu, rss, err = run(self.cmd)
        self.rounds.append(len(self.rounds) if round_no is None else round_no)
        self.times.append(t)
        self.cpu.append(cpu)
        self.rss.append(rss)
        self.stages.append(stage_times(err))


def load():
    with open("/proc/loadavg") as f:
        return f.read().split()[0]


def alternate(contenders, runs, progress=False):
    """Round r runs every contender once, the order rotated by r (for two:
    A B, then B A); a contender whose `runs` is spent sits the round out.
    With `progress`, Ctrl-C or SIGTERM stops early and keeps the runs done."""
    if progress:
        signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        rounds(contenders, runs, progress)
    except KeyboardInterrupt:
        if not progress:
            raise
        print(" interrupted: the figures below are the runs finished so far", flush=True)


def rounds(contenders, runs, progress):
    for r in range(runs):
        k = r % len(contenders)
        for c in contenders[k:] + contenders[:k]:
            if c.runs is None or r < c.runs:
                if progress:
                    print("  round %d/%d: %-20s load %s …" % (r + 1, runs, c.name, load()), end="", flush=True)
                c.once(r)
                if progress:
                    print(" %.1f s wall, %.1f s CPU" % (c.times[-1], c.cpu[-1]), flush=True)


def ratio_line(c, base, label=None):
    """c ÷ base: of the medians, and the median of per-round ratios over the
    rounds both ran (they saw the same neighbours)."""
    mine = dict(zip(c.rounds, c.times))
    per_round = [mine[r] / t for r, t in zip(base.rounds, base.times) if r in mine]
    return "  ratio %s: wall %.2f× (medians); per-round median %.2f× (%.2f–%.2f, %d rounds); CPU %.2f×; memory %.2f×" % (
        label or "%s / %s" % (c.name, base.name), statistics.median(c.times) / statistics.median(base.times),
        statistics.median(per_round), min(per_round), max(per_round), len(per_round),
        statistics.median(c.cpu) / statistics.median(base.cpu),
        statistics.median(c.rss) / statistics.median(base.rss))


def report(title, contenders, files=None, ratios=None):
    """`ratios`: (numerator, denominator[, label]) pairs of contenders; by
    default every other contender over the first."""
    print("\n" + title)
    contenders = [c for c in contenders if c.times]
    if ratios:
        ratios = [r for r in ratios if r[0].times and r[1].times and set(r[0].rounds) & set(r[1].rounds)]
    for c in contenders:
        extra = "  %d files" % count_files(c.out) if files is None else ""
        print("  %-26s wall %s  CPU %s  peak RSS %s%s  [%d runs]" % (
            c.name, fmt_s(c.times), fmt_s(c.cpu), fmt_mib(c.rss), extra, len(c.times)))
    for pair in ratios if ratios is not None else [(c, contenders[0]) for c in contenders[1:]]:
        print(ratio_line(*pair))
    for c in contenders:
        if c.stages and c.stages[0]:
            names = list(c.stages[0])
            print("  %s stages (median ms): %s" % (c.name, ", ".join(
                "%s %.0f" % (n, statistics.median(s.get(n, 0) for s in c.stages)) for n in names)))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", choices=["compare", "threads", "rebuild", "images"])
    ap.add_argument("--corpus", required=True, help="what corpus.py wrote")
    ap.add_argument("--bangtin", required=True)
    ap.add_argument("--hugo", default="hugo")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--work", default=None, help="where outputs go (default: beside the corpus)")
    ap.add_argument("--precompress", action="store_true", help="let bangtin write .gz/.br twins (Hugo has none)")
    ap.add_argument("--hugo-runs", type=int, default=None,
                    help="images: Hugo takes part in the first K rounds only (it is slow); default all")
    ap.add_argument("--jobs", type=int, default=2, help="images: the parallelism every contender gets")
    ap.add_argument("--keep-trash", action="store_true",
                    help="leave the set-aside outputs in <work>/.trash for the caller to delete: bench/run deletes "
                         "them once, at its end, so that no measurement starts among the inodes the one before freed")
    a = ap.parse_args()
    corpus = os.path.abspath(a.corpus)
    work = os.path.abspath(a.work or os.path.join(corpus, "out"))
    os.makedirs(work, exist_ok=True)
    # A trash left by an interrupted run goes too, but only at the end.
    TRASH.append(os.path.join(work, ".trash"))
    os.makedirs(TRASH[0], exist_ok=True)
    if not a.keep_trash:
        atexit.register(shutil.rmtree, TRASH[0], True)
    n = sum(1 for _, _, fs in os.walk(os.path.join(corpus, "bangtin", "content", "articles")) for f in fs
            if f.endswith(".md"))
    bt_out = os.path.join(work, "bangtin")
    # bangtin's image cache (default place): a cold build starts without it.
    bt_cache = os.path.join(corpus, "bangtin", ".bangtin-cache")
    pre = [] if a.precompress else ["--no-precompress"]

    def bangtin(jobs, out=bt_out):
        return [a.bangtin, "build", "--source", os.path.join(corpus, "bangtin"), "--output", out, "--now", NOW,
                "--timings", "--threads", str(jobs)] + pre

    if a.mode == "images":
        return images(a, corpus, work, n, NOW)
    if a.mode == "compare":
        hugo_out, cache = os.path.join(work, "hugo"), os.path.join(work, "hugo-cache")
        hugo_src = os.path.join(corpus, "hugo")
        contenders = [
            Contender("bangtin", bangtin(2), bt_out, [bt_out, bt_cache]),
            Contender("hugo", [a.hugo, "--quiet", "--source", hugo_src, "--destination", hugo_out,
                               "--cacheDir", cache], hugo_out,
                      [hugo_out, cache, os.path.join(hugo_src, "resources")]),
        ]
        alternate(contenders, a.runs)
        report("%d articles, cold builds (no output, no cache), %d rounds alternating%s" % (
            n, a.runs, ", bangtin with .gz/.br twins" if a.precompress else ""), contenders)
    elif a.mode == "threads":
        outs = [os.path.join(work, "t1"), os.path.join(work, "t2")]
        contenders = [Contender("bangtin --threads 1", bangtin(1, outs[0]), outs[0], [outs[0], bt_cache]),
                      Contender("bangtin --threads 2", bangtin(2, outs[1]), outs[1], [outs[1], bt_cache])]
        alternate(contenders, a.runs)
        report("%d articles, cold builds, 1 vs 2 threads, %d rounds alternating" % (n, a.runs), contenders)
        same = subprocess.run(["diff", "-r", "-q", outs[0], outs[1]], stdout=subprocess.DEVNULL).returncode == 0
        print("  outputs of 1 and 2 threads byte-identical: %s" % ("yes" if same else "NO"))
        if not same:
            sys.exit(1)
    else:
        cold = Contender("bangtin cold", bangtin(2), bt_out, [bt_out, bt_cache])
        warm = Contender("bangtin rebuild, no change", bangtin(2), bt_out, [])
        edited = Contender("bangtin rebuild, one article edited", bangtin(2), bt_out, [])
        # The edit: one sentence appended to the first article, taken back
        # after each round so the corpus stays as corpus.py wrote it.
        articles = os.path.join(corpus, "bangtin", "content", "articles")
        victim = os.path.join(articles, sorted(os.listdir(articles))[0])
        if os.path.isdir(victim):
            victim = os.path.join(victim, "index.md")
        with open(victim, "rb") as f:
            original = f.read()
        changed, changed_edit = [], []
        for r in range(a.runs):
            cold.once()
            before = {p: os.stat(p).st_ino for p in walk_files(bt_out)}
            warm.once()
            after = {p: os.stat(p).st_ino for p in walk_files(bt_out)}
            changed.append(sum(1 for p, ino in after.items() if before.get(p) != ino))
            try:
                with open(victim, "ab") as f:
                    f.write("\nMột câu mới của biên tập viên.\n".encode("utf-8"))
                edited.once()
            finally:
                with open(victim, "wb") as f:
                    f.write(original)
            edit = {p: os.stat(p).st_ino for p in walk_files(bt_out)}
            changed_edit.append(sum(1 for p, ino in edit.items() if after.get(p) != ino))
        report("%d articles, rebuilds after a cold build, %d rounds" % (n, a.runs), [cold, warm, edited])
        print("  output files rewritten by the no-change rebuild: %s of %d (by inode)" % (
            ", ".join(map(str, changed)), len(after)))
        print("  output files rewritten after one article was edited: %s (by inode)" % (
            ", ".join(map(str, changed_edit))))


# The derivatives every contender makes of each cover: images.widths × formats
# of bench/corpus.py's site config, quality 80, metadata stripped. JPEG with
# optimized Huffman tables, as bangtin's jpegsave.
WIDTHS = (480, 960, 1600)
VIPS_FORMATS = (("webp", "Q=80,strip"), ("jpg", "Q=80,strip,optimize_coding"))
VIPS_BATCH = 25  # files per vipsthumbnail process: process start-up stays negligible


def supports(binary, flag):
    p = subprocess.run([binary, "build", "--help"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    return flag in p.stdout.decode("utf-8", "replace")


def images(a, corpus, work, n, now):
    """Covers into 3 widths × WebP/JPEG: bangtin cold (no cache, no output),
    bangtin warm (cache kept, output deleted), a plain vipsthumbnail loop
    (`xargs -P jobs`, one decode per derivative) and Hugo cold, rotating."""
    bt_src = os.path.join(corpus, "bangtin")
    covers = sorted(os.path.join(root, f) for root, _, fs in os.walk(os.path.join(bt_src, "content"))
                    for f in fs if f == "cover.jpg")
    if not covers:
        sys.exit("measure: no covers in %s (corpus.py --covers M)" % corpus)

    # bangtin, cold and warm. Its image cache goes to --image-cache when the
    # binary has the flag, else to its default inside the source folder.
    bt_out = os.path.join(work, "bangtin")
    if supports(a.bangtin, "--image-cache"):
        cache = os.path.join(work, "bangtin-image-cache")
        cache_flag = ["--image-cache", cache]
    else:
        cache = os.path.join(bt_src, ".bangtin-cache", "images")
        cache_flag = []
    bt = [a.bangtin, "build", "--source", bt_src, "--output", bt_out, "--now", now, "--timings",
          "--threads", str(a.jobs), "--no-precompress"] + cache_flag

    def warm_cache():
        # Warm needs a cache: when it runs before any cold build, make one (untimed).
        if not os.path.isdir(cache) or not any(os.scandir(cache)):
            run(bt)
            set_aside(bt_out)

    # The near-limit reference: vipsthumbnail over the same files (hard links,
    # same inodes, unique names), each (width, format) a separate decode with
    # shrink-on-load, batches of files per process, `jobs` processes at a time.
    vin, vout = os.path.join(work, "vips-in"), os.path.join(work, "vips")
    shutil.rmtree(vin, ignore_errors=True)
    os.makedirs(vin)
    names = []
    for c in covers:
        name = os.path.join(vin, os.path.basename(os.path.dirname(c)) + ".jpg")
        os.link(c, name)
        names.append(name)
    jobs_file = os.path.join(work, "vips-jobs.txt")
    with open(jobs_file, "w") as f:
        for i in range(0, len(names), VIPS_BATCH):
            for w in WIDTHS:
                for ext, opts in VIPS_FORMATS:
                    f.write("%d %s %s %s\n" % (w, ext, opts, " ".join(names[i:i + VIPS_BATCH])))
    vips = ["xargs", "-P", str(a.jobs), "-L", "1", "-a", jobs_file, "sh", "-c",
            'w=$1 e=$2 o=$3; shift 3; exec vipsthumbnail --size "${w}x" -o "%s/%%s-$w.$e[$o]" "$@"' % vout, "sh"]

    hugo_src, hugo_out = os.path.join(corpus, "hugo"), os.path.join(work, "hugo")
    hugo_cache = os.path.join(work, "hugo-cache")
    hugo_env_jobs = str(a.jobs)
    os.environ["GOMAXPROCS"] = hugo_env_jobs  # Hugo's parallelism: the same cores as the others

    cold = Contender("bangtin cold", bt, bt_out, [bt_out, cache])
    warm = Contender("bangtin warm", bt, bt_out, [bt_out], prepare=warm_cache)
    loop = Contender("vipsthumbnail loop", vips, vout, [vout], prepare=lambda: os.makedirs(vout))
    hugo = Contender("hugo cold", [a.hugo, "--quiet", "--source", hugo_src, "--destination", hugo_out,
                                   "--cacheDir", hugo_cache], hugo_out,
                     [hugo_out, hugo_cache, os.path.join(hugo_src, "resources")], runs=a.hugo_runs)
    contenders = [cold, warm, loop, hugo]
    print("%d articles, %d covers (%s), %d rounds rotating%s, parallelism %d" % (
        n, len(covers), "2400×1600 JPEG" if covers else "", a.runs,
        "" if a.hugo_runs is None or a.hugo_runs >= a.runs else ", Hugo in the first %d" % a.hugo_runs, a.jobs),
        flush=True)
    alternate(contenders, a.runs, progress=True)
    report("%d covers → %s px × WebP/JPEG, Q80, stripped (bangtin also makes a 1200×630 share JPEG per cover)" % (
        len(covers), "/".join(map(str, WIDTHS))), contenders, files=False, ratios=[
        (cold, loop, "bangtin cold / vipsthumbnail loop (goal ≤ 1.20×)"),
        (hugo, cold, "Hugo cold / bangtin cold (goal ≥ 5×)"),
        (hugo, loop, "Hugo cold / vipsthumbnail loop"),
        (warm, cold, "bangtin warm / bangtin cold")])
    for c in (x for x in (cold, warm) if x.times):
        st = [s.get("images", 0) / 1000 for s in c.stages]
        print("  %s: images stage %s, %.1f covers/s; the rest of the build %.2f s (median)" % (
            c.name, fmt_s(st), len(covers) / statistics.median(st) if statistics.median(st) else 0,
            statistics.median(sum(s.values()) / 1000 - s.get("images", 0) / 1000 for s in c.stages)))
    if warm.times:
        print("  warm images stage scaled to 1,000 covers: %.2f s (goal < 1 s)" % (
            statistics.median(s.get("images", 0) for s in warm.stages) / len(covers)))
    for c in (x for x in (cold, loop, hugo) if x.times):
        print("  %s: %.2f covers/s wall, %.2f CPU-s per cover" % (
            c.name, len(covers) / statistics.median(c.times), statistics.median(c.cpu) / len(covers)))
    counts = []
    for c in (x for x in (cold, loop, hugo) if x.times):
        found = [f for _, _, fs in os.walk(c.out) for f in fs if f.endswith((".webp", ".jpg", ".jpeg"))]
        counts.append("%s %d (%d WebP)" % (c.name, len(found), sum(f.endswith(".webp") for f in found)))
    print("  image files in the last output: " + ", ".join(counts))


def walk_files(d):
    for root, _, fs in os.walk(d):
        for f in fs:
            yield os.path.join(root, f)


if __name__ == "__main__":
    main()
