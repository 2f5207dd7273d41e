#!/usr/bin/python3
"""Checks a built portal for anything content could have smuggled into it.

Usage: check_output.py OUTPUT_DIR [BASE_URL]
(embed pages load the portal's script by its absolute URL under BASE_URL)
Prints one `path: problem` line per finding and exits 1 if there is any.

What is checked, over every file (and the decompressed .gz twin of each):
  - no symlink, nothing resolving outside OUTPUT_DIR;
  - every text file is valid UTF-8;
  - every .xml file parses with lxml, strictly (no recovery, no entities);
  - every .json file parses;
  - every .html file, parsed as a browser would (lxml.html): no <script>
    but the portal's own (src under /assets/, no inline code) and JSON-LD
    blocks that hold valid JSON; no on* event-handler attribute; no
    javascript:/vbscript:/data:text/html URL in a URL-bearing attribute.
"""
import gzip
import json
import os
import re
import sys

from lxml import etree, html

TEXT_EXT = {".html", ".xml", ".json", ".txt", ".css", ".js", ".vtt", ".svg", ".csv", ".webmanifest", ".xsl"}
URL_ATTRS = {"href", "src", "action", "formaction", "poster", "data", "srcset", "xlink:href", "background",
             "cite", "longdesc", "manifest", "ping", "content"}
# Browsers drop ASCII whitespace and control characters inside a scheme
# ("java\tscript:"), so the check does too.
BAD_SCHEME = re.compile(r"^(javascript|vbscript|data:text/html|data:image/svg)", re.I)

problems = []
BASE_URL = sys.argv[2] if len(sys.argv) > 2 else ""


def problem(path, message):
    problems.append(f"{path}: {message}")


def check_html(rel, text):
    try:
        doc = html.document_fromstring(text)
    except Exception as e:  # an empty or unparsable page is a finding too
        problem(rel, f"HTML does not parse: {e}")
        return
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.lower()
        for name, value in el.attrib.items():
            lname = name.lower()
            if lname.startswith("on"):
                problem(rel, f"<{tag}> has an event handler {name}={value[:60]!r}")
            if lname in URL_ATTRS or lname.endswith("href"):
                if lname == "content" and el.get("http-equiv", "").lower() != "refresh":
                    continue
                for part in value.split(","):
                    url = re.sub(r"[\x00-\x20]", "", part)
                    if lname == "content":
                        url = re.sub(r"^\d*;?url=", "", url, flags=re.I)
                    if BAD_SCHEME.match(url):
                        problem(rel, f"<{tag} {name}> holds an executable URL {value[:60]!r}")
        if tag == "script":
            kind = el.get("type", "").lower()
            if kind == "application/ld+json":
                try:
                    json.loads(el.text or "")
                except ValueError as e:
                    problem(rel, f"JSON-LD block is not JSON ({e}): it could close the script early")
            elif el.get("src"):
                src = el.get("src")
                origin = re.escape(re.sub(r"^(https?://[^/]+).*$", r"\1", BASE_URL)) if BASE_URL else ""
                if not re.match(r"^(%s)?(/[^/]+)*/assets/[^\"'<>?#]+\.js$" % origin, src):
                    problem(rel, f"<script src={src!r}> is not one of the portal's assets")
                if (el.text or "").strip():
                    problem(rel, "<script src> with inline code")
            else:
                problem(rel, f"inline <script>: {(el.text or '')[:80]!r}")
        if tag in ("object", "embed", "base"):  # plugins, or a base that re-targets every link
            problem(rel, f"<{tag}> element in a page")


def check_file(rel, data):
    ext = os.path.splitext(rel)[1].lower()
    if ext not in TEXT_EXT:
        return
    try:
        text = data.decode("utf-8", errors="strict")
    except UnicodeDecodeError as e:
        problem(rel, f"not UTF-8: {e}")
        return
    if ext == ".xml":
        parser = etree.XMLParser(recover=False, resolve_entities=False, no_network=True, huge_tree=True)
        try:
            etree.fromstring(data, parser)
        except etree.XMLSyntaxError as e:
            problem(rel, f"XML does not parse: {e}")
    elif ext == ".json":
        try:
            json.loads(text)
        except ValueError as e:
            problem(rel, f"JSON does not parse: {e}")
    elif ext == ".html":
        check_html(rel, text)


def main():
    root = os.path.realpath(sys.argv[1])
    count = 0
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        for name in dirnames + filenames:
            full = os.path.join(dirpath, name)
            rel = os.path.relpath(full, root)
            if os.path.islink(full):
                problem(rel, f"symlink to {os.readlink(full)}")
            real = os.path.realpath(full)
            if os.path.commonpath([root, real]) != root:
                problem(rel, f"resolves outside the output: {real}")
        for name in filenames:
            full = os.path.join(dirpath, name)
            rel = os.path.relpath(full, root)
            if os.path.islink(full):
                continue
            with open(full, "rb") as f:
                data = f.read()
            count += 1
            if rel.endswith(".gz"):
                try:
                    inner = gzip.decompress(data)
                except OSError as e:
                    problem(rel, f"bad gzip: {e}")
                    continue
                check_file(rel[:-3], inner)
            else:
                check_file(rel, data)
    for p in problems:
        print(p)
    print(f"check_output: {count} files, {len(problems)} problems")
    return 1 if problems or count == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
