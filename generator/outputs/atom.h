// Atom 1.0 (RFC 4287) for the site and each column, from the same entries
// as RSS: for readers and tools that prefer Atom's exact dates and ids.
#pragma once
#include <string>
#include <vector>

#include "outputs/feeds.h"

namespace bangtin {

// One <entry>, as every Atom feed carrying the entry writes it.
std::string atom_entry(const SiteContext& ctx, const FeedEntry& e);
std::string atom_xml(const SiteContext& ctx, const Feed& feed, const std::vector<FeedEntry>& entries);

}  // namespace bangtin
