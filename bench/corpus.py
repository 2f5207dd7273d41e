#!/usr/bin/python3
"""Writes one deterministic corpus of Vietnamese articles twice: as a bangtin
site and as an equivalent Hugo site, so both generators build the same text.

    /usr/bin/python3 bench/corpus.py --articles 1000 --covers 0 --out /tmp/corpus

makes /tmp/corpus/bangtin/ (site-config.json + content/) and /tmp/corpus/hugo/
(config.yaml + content/ + the layouts from bench/hugo/). The same --seed gives
the same bytes: a seeded random.Random, never the clock or the hash seed.
Covers (--covers M) are camera-sized colour JPEGs (2400×1600, sRGB) made with
vips, kept in the article bundles of both sites and hard-linked between them
(and to <out>/cover-cache/), for the image benchmark.
"""
import argparse
import concurrent.futures
import datetime
import os
import random
import shutil
import subprocess
import sys
import unicodedata

import corpus_text as text

HERE = os.path.dirname(os.path.abspath(__file__))
SITE_TITLE = "Cổng thông tin điện tử Sở Văn hóa và Thể thao (bản đo tốc độ)"
BASE_URL = "https://bench.example.gov.vn/"


def fold(s):
    """ASCII slug the way bangtin folds names: no diacritics, đ → d."""
    s = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    out, dash = [], False
    for c in s:
        if c.isascii() and c.isalnum():
            out.append(c)
            dash = False
        elif not dash and out:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


def yaml_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


class Article:
    def __init__(self, i, rng, n):
        self.i = i
        self.title = text.title(rng, i)
        self.slug = "%s-%05d" % (fold(self.title)[:60].rstrip("-"), i)
        # Evenly spread over the four years before the benchmark's --now, with
        # jitter; every date is in the past for Hugo's real clock too.
        start = datetime.datetime(2022, 11, 1, 7, 0)
        span = (datetime.datetime(2026, 11, 1, 7, 0) - start).total_seconds()
        t = start + datetime.timedelta(seconds=int(span * (i + rng.random() * 0.9) / n))
        self.date = t.strftime("%Y-%m-%dT%H:%M:%S+07:00")
        self.columns = rng.sample(text.COLUMN_KEYS, rng.choice([1, 1, 2]))
        self.tags = rng.sample(text.TAGS, rng.randint(2, 4))
        self.unit = rng.choice(text.UNIT_KEYS)
        self.summary = text.sentence(rng)
        self.body = None  # filled once every slug is known, for the links
        self.cover = False


def make_articles(n, covers, seed):
    rng = random.Random(seed)
    arts = [Article(i, rng, n) for i in range(n)]
    for a in arts:
        a.body = text.body(rng, [b.slug for b in arts], a.slug)
    # Covers go to every (n / covers)-th article, so they spread over columns.
    if covers:
        step = n / covers
        for k in range(covers):
            arts[int(k * step)].cover = True
    return arts


def front_matter(a, hugo):
    lines = ["---", "title: " + yaml_str(a.title), "date: " + a.date, "summary: " + yaml_str(a.summary)]
    if hugo:
        # Hugo names a taxonomy's URL after its front-matter key; the values
        # are the same as bangtin's.
        lines.append("slug: " + a.slug)
        lines.append("chuyen-muc: [" + ", ".join(a.columns) + "]")
        lines.append("the: [" + ", ".join(yaml_str(t) for t in a.tags) + "]")
        lines.append("don-vi: [" + a.unit + "]")
    else:
        lines.append("columns: [" + ", ".join(a.columns) + "]")
        lines.append("tags: [" + ", ".join(yaml_str(t) for t in a.tags) + "]")
        lines.append("unit: " + a.unit)
    if a.cover:
        lines.append("cover: cover.jpg")
        lines.append("cover_alt: " + yaml_str("Ảnh minh họa: " + a.title))
    lines.append("---")
    return "\n".join(lines) + "\n\n"


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(data)


def bangtin_config():
    cols = ",\n".join(
        '    { "key": "%s", "title": "%s", "description": "%s", "order": %d }' % (k, t, d, i + 1)
        for i, (k, t, d) in enumerate(text.COLUMNS))
    units = ",\n".join(
        '    { "key": "%s", "title": "%s", "kind": "%s" }' % (k, t, kind) for k, t, kind in text.UNITS)
    return """{
  "title": "%s",
  "description": "Bản tin mẫu để đo tốc độ dựng trang.",
  "base_url": "%s",
  "language": "vi",
  "languages": { "vi": { "title": "%s" } },
  "utc_offset": "+07:00",
  "default_unit": "%s",
  "columns": [
%s
  ],
  "units": [
%s
  ],
  "images": { "widths": [480, 960, 1600], "formats": ["webp", "jpeg"], "quality": 80 },
  "feeds": { "items": 50, "full_content": true },
  "pagination": 20
}
""" % (SITE_TITLE, BASE_URL, SITE_TITLE, text.UNITS[0][0], cols, units)


def hugo_config():
    cols = "\n".join('    - key: %s\n      title: "%s"\n      description: "%s"' % c for c in text.COLUMNS)
    units = "\n".join('    - key: %s\n      title: "%s"' % (k, t) for k, t, _ in text.UNITS)
    return """baseURL: %s
languageCode: vi
defaultContentLanguage: vi
title: "%s"
paginate: 20
paginatePath: trang
rssLimit: 50
removePathAccents: true
enableRobotsTXT: true
disableKinds: []
taxonomies:
  chuyen-muc: chuyen-muc
  the: the
  don-vi: don-vi
outputs:
  home: [HTML, RSS]
  section: [HTML]
  taxonomy: [HTML]
  term: [HTML, RSS]
markup:
  goldmark:
    renderer:
      unsafe: false
  tableOfContents:
    startLevel: 2
    endLevel: 3
params:
  description: "Bản tin mẫu để đo tốc độ dựng trang."
  columns:
%s
  units:
%s
""" % (BASE_URL, SITE_TITLE, cols, units)


# Mixes the plate with two mirror images of itself into R, G, B: mostly the
# same light, a little colour of its own, like a photo (3 bands, sRGB).
COLOUR_MIX = "3 3\n0.75 0.25 0\n0.7 0 0.3\n0.6 0.2 0.2\n"


def cover_file(index, cache):
    """A 2400×1600 colour JPEG (about what a camera gives), made by vips from
    seeded noise, blurred so it compresses like a photo, then coloured.
    Made once per seed into `cache`; returns its path."""
    src = os.path.join(cache, "cover-rgb-%05d.jpg" % index)
    if os.path.exists(src):
        return src
    plate = os.path.join(cache, "cover-%05d.jpg" % index)  # the grey plate, kept for reuse
    tmp = os.path.join(cache, "tmp-%05d" % index)

    def vips(*args):
        subprocess.run(["vips"] + list(args), check=True)

    if not os.path.exists(plate):
        vips("gaussnoise", tmp + ".v", "2400", "1600", "--mean", "128", "--sigma", "60", "--seed", str(index))
        vips("gaussblur", tmp + ".v", plate + ".part.jpg[Q=88,strip]", "3")
        os.replace(plate + ".part.jpg", plate)
    with open(tmp + "-mix.txt", "w") as f:
        f.write(COLOUR_MIX)
    vips("copy", plate, tmp + "-p.v")  # decoded once
    vips("flip", tmp + "-p.v", tmp + "-h.v", "horizontal")
    vips("flip", tmp + "-p.v", tmp + "-v.v", "vertical")
    vips("bandjoin", "%s-p.v %s-h.v %s-v.v" % (tmp, tmp, tmp), tmp + "-j.v")
    vips("recomb", tmp + "-j.v", tmp + "-r.v", tmp + "-mix.txt")
    vips("copy", tmp + "-r.v", src + ".part.jpg[Q=88,strip]", "--interpretation", "srgb")
    os.replace(src + ".part.jpg", src)
    for t in (".v", "-p.v", "-h.v", "-v.v", "-j.v", "-r.v", "-mix.txt"):
        if os.path.exists(tmp + t):
            os.remove(tmp + t)
    return src


def make_covers(indexes, cache):
    """Every cover not in the cache yet, as many at a time as there are cores."""
    os.makedirs(cache, exist_ok=True)
    with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 1) as pool:
        return dict(zip(indexes, pool.map(lambda i: cover_file(i, cache), indexes)))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--covers", type=int, default=0, help="how many articles get a camera-sized cover")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    if args.covers > args.articles:
        sys.exit("corpus: --covers cannot exceed --articles")
    if args.covers and not shutil.which("vips"):
        sys.exit("corpus: covers need vips: run `bash .ci/setup --deps-only` (Debian's libvips-tools)")

    out = os.path.abspath(args.out)
    for side in ("bangtin", "hugo"):
        shutil.rmtree(os.path.join(out, side), ignore_errors=True)
    bt, hg = os.path.join(out, "bangtin"), os.path.join(out, "hugo")

    write(os.path.join(bt, "site-config.json"), bangtin_config())
    write(os.path.join(hg, "config.yaml"), hugo_config())
    shutil.copytree(os.path.join(HERE, "hugo", "layouts"), os.path.join(hg, "layouts"))
    # The same stylesheet as bangtin's built-in theme, so both sites ship it.
    shutil.copytree(os.path.join(HERE, "..", "assets"), os.path.join(hg, "static"))
    write(os.path.join(hg, "content", "bai-viet", "_index.md"), "---\ntitle: Tin bài\n---\n")
    # Feeds per column and tag only, as bangtin makes: unit pages get none.
    write(os.path.join(hg, "content", "don-vi", "_index.md"),
          "---\ntitle: Đơn vị\ncascade:\n  outputs: [HTML]\n---\n")

    words = 0
    articles = make_articles(args.articles, args.covers, args.seed)
    covers = make_covers([a.i for a in articles if a.cover], os.path.join(out, "cover-cache"))
    for a in articles:
        words += len(a.body.split())
        if a.cover:
            rel = os.path.join(a.slug, "index.md")
        else:
            rel = a.slug + ".md"
        write(os.path.join(bt, "content", "articles", rel), front_matter(a, False) + a.body)
        write(os.path.join(hg, "content", "bai-viet", rel), front_matter(a, True) + a.body)
        if a.cover:
            os.link(covers[a.i], os.path.join(bt, "content", "articles", a.slug, "cover.jpg"))
            os.link(covers[a.i], os.path.join(hg, "content", "bai-viet", a.slug, "cover.jpg"))
    print("corpus: %d articles (%d words, %d covers) in %s/{bangtin,hugo}" % (args.articles, words, args.covers, out))


if __name__ == "__main__":
    main()
