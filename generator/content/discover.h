// Lists the content files of a site: content/<kind>/NAME.md, bundles
// content/<kind>/NAME/index.md with their media, translations NAME.LANG.md.
// Folders without an index.md are just folders (e.g. one per year).
#pragma once
#include <string>
#include <vector>

#include "config/config.h"
#include "content/item.h"
#include "core/status.h"

namespace bangtin {

struct SourceFile {
  Kind kind;
  std::string path;  // site-relative .md file
  std::string dir;   // folder relative paths start from
  std::string name;  // bundle or file name, without language and .md
  std::string lang;
  bool bundle = false;
};

// Sorted by path. Symlinks that leave the site and unknown folders are errors.
std::vector<SourceFile> discover(const std::string& site_root, const SiteConfig& config, Diagnostics& diags);

}  // namespace bangtin
