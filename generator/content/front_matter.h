// The parse stage: a content file's text → an Item. Front matter is YAML
// (yaml-cpp) between `---` lines; every problem is reported at its line in
// the .md file, and parsing goes on to find the rest.
#pragma once
#include <optional>
#include <string>

#include "config/config.h"
#include "content/discover.h"
#include "content/item.h"
#include "core/status.h"

namespace bangtin {

// `text` is the file's raw bytes. `site_root` is used to check that every
// referenced file exists inside the site. Returns nullopt when the item has
// errors that leave it unusable.
std::optional<Item> parse_item(const SourceFile& file, const std::string& text, const SiteConfig& config,
                               const std::string& site_root, Diagnostics& diags);

}  // namespace bangtin
