// The markdown stage, and the only user of cmark-gfm: an item's body →
// HTML with heading anchors, links between items resolved to their URLs,
// files in bundles resolved, and raw HTML filtered unless the site allows it.
#pragma once
#include <string>
#include <vector>

#include "assemble/library.h"
#include "config/config.h"
#include "core/status.h"

namespace bangtin {

struct RenderedBody {
  std::string html;
  std::vector<Heading> headings;
  std::string first_paragraph;     // plain text, for a default summary
  std::vector<std::string> files;  // site-relative files the body links to or shows
  std::vector<AnchorLink> anchor_links;
  std::vector<int> images_without_alt;  // lines in the source file
  std::vector<std::string> linked_sources;  // the .md files its links name, NFC, as looked up in the library
};

RenderedBody render_markdown(const Item& item, const Library& lib, const SiteConfig& config,
                             const std::string& site_root, Diagnostics& diags);

// Plain Markdown → HTML with the same extensions and filtering, for short
// texts that are not items (tests, descriptions).
std::string markdown_to_html(const std::string& markdown, bool raw_html = false);

}  // namespace bangtin
