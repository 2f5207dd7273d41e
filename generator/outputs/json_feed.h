// JSON Feed 1.1 (jsonfeed.org) for the site and each column: the easiest
// feed for a ward's own scripts to read, and what widget.js could use.
#pragma once
#include <string>
#include <vector>

#include "outputs/feeds.h"

namespace bangtin {

// One element of "items", indented as json_feed() places it.
std::string json_feed_item(const SiteContext& ctx, const FeedEntry& e);
std::string json_feed(const SiteContext& ctx, const Feed& feed, const std::vector<FeedEntry>& entries);

}  // namespace bangtin
