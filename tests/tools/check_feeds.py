#!/usr/bin/python3
"""Checks every feed of a built portal the way a strict reader would.

Usage: check_feeds.py OUTPUT_DIR BASE_URL
Each RSS, Atom and podcast file must parse with lxml without recovery and
with feedparser without `bozo`; every URL inside content must be absolute;
each enclosure's length must equal the size of the file it names; each JSON
Feed must carry the fields JSON Feed 1.1 requires. Prints one line per problem
and exits 1 when there is any, so the doctest test that runs it shows them.
"""
import json
import os
import re
import sys

import feedparser
from lxml import etree

NS = {
    "atom": "http://www.w3.org/2005/Atom",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "media": "http://search.yahoo.com/mrss/",
    "itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd",
}
RELATIVE = re.compile(r'\s(?:href|src|poster)="(?!https?://|mailto:|#)([^"]*)"')


def local_file(out, base, url):
    if not url.startswith(base):
        return None
    return os.path.join(out, url[len(base):])


def check_enclosure(out, base, url, length, problems, where):
    path = local_file(out, base, url)
    if path is None or not os.path.isfile(path):
        problems.append(f"{where}: enclosure {url} is not in the output")
    elif os.path.getsize(path) != int(length):
        problems.append(f"{where}: enclosure {url} length {length} != {os.path.getsize(path)}")


def check_xml(out, base, rel, problems):
    path = os.path.join(out, rel)
    data = open(path, "rb").read()
    try:
        root = etree.fromstring(data, etree.XMLParser(recover=False, resolve_entities=False))
    except etree.XMLSyntaxError as e:
        problems.append(f"{rel}: not well-formed: {e}")
        return 0
    parsed = feedparser.parse(data)
    if parsed.bozo:
        problems.append(f"{rel}: feedparser bozo: {parsed.bozo_exception}")
    if root.tag == "rss":
        channel = root.find("channel")
        for need in ("title", "link", "description", "language", "lastBuildDate"):
            if channel.find(need) is None:
                problems.append(f"{rel}: channel without <{need}>")
        if channel.find("atom:link[@rel='self']", NS) is None:
            problems.append(f"{rel}: channel without atom:link rel=self")
        items = channel.findall("item")
        for item in items:
            where = f"{rel}: {item.findtext('link')}"
            if not (item.findtext("pubDate") or "").endswith("+0700"):
                problems.append(f"{where}: pubDate not in +0700")
            for m in RELATIVE.finditer(item.findtext("content:encoded", default="", namespaces=NS)):
                problems.append(f"{where}: relative URL {m.group(1)} in content:encoded")
            for enc in item.findall("enclosure"):
                check_enclosure(out, base, enc.get("url"), enc.get("length"), problems, where)
            if root.find("channel/itunes:category", NS) is not None:
                if item.find("itunes:duration", NS) is not None and not item.findtext("itunes:duration", namespaces=NS).isdigit():
                    problems.append(f"{where}: itunes:duration not in seconds")
        return len(items)
    entries = root.findall("atom:entry", NS)
    for entry in entries:
        where = f"{rel}: {entry.findtext('atom:id', namespaces=NS)}"
        for m in RELATIVE.finditer(entry.findtext("atom:content", default="", namespaces=NS)):
            problems.append(f"{where}: relative URL {m.group(1)} in content")
        for link in entry.findall("atom:link[@rel='enclosure']", NS):
            check_enclosure(out, base, link.get("href"), link.get("length"), problems, where)
    return len(entries)


def check_json(out, base, rel, problems):
    try:
        feed = json.load(open(os.path.join(out, rel), encoding="utf-8"))
    except ValueError as e:
        problems.append(f"{rel}: not JSON: {e}")
        return 0
    if feed.get("version") != "https://jsonfeed.org/version/1.1":
        problems.append(f"{rel}: version is not JSON Feed 1.1")
    for need in ("title", "items"):
        if need not in feed:
            problems.append(f"{rel}: no {need}")
    for item in feed.get("items", []):
        where = f"{rel}: {item.get('id')}"
        if not isinstance(item.get("id"), str) or not item["id"]:
            problems.append(f"{where}: item without a string id")
        if "content_html" not in item and "content_text" not in item:
            problems.append(f"{where}: item without content_html or content_text")
        for m in RELATIVE.finditer(item.get("content_html", "")):
            problems.append(f"{where}: relative URL {m.group(1)} in content_html")
        for a in item.get("attachments", []):
            check_enclosure(out, base, a["url"], a["size_in_bytes"], problems, where)
    return len(feed.get("items", []))


def main():
    out, base = sys.argv[1], sys.argv[2]
    problems, files, entries = [], 0, 0
    for folder, _, names in sorted(os.walk(out)):
        for name in sorted(names):
            rel = os.path.relpath(os.path.join(folder, name), out)
            if name in ("rss.xml", "atom.xml", "podcast.xml"):
                entries += check_xml(out, base, rel, problems)
                files += 1
            elif name == "feed.json":
                entries += check_json(out, base, rel, problems)
                files += 1
    for p in problems:
        print(p)
    print(f"{files} feeds, {entries} entries, {len(problems)} problems")
    sys.exit(1 if problems or files == 0 else 0)


main()
