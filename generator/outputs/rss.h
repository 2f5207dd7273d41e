// RSS 2.0 with content:encoded, Media RSS and enclosures: what ward sites,
// aggregators and the city's information system pull from the portal.
#pragma once
#include <string>
#include <vector>

#include "outputs/feeds.h"

namespace bangtin {

std::string rss_xml(const SiteContext& ctx, const Feed& feed, const std::vector<FeedEntry>& entries);

// Shared with the podcast feed, which is RSS with the itunes namespace.
// <title> … <image> of a channel; `extra` goes before </channel>'s items.
std::string rss_channel_head(const SiteContext& ctx, const Feed& feed, const std::vector<FeedEntry>& entries,
                             const std::string& self_file);
// The newest date among the feed's items, so a feed changes only when its
// items do (the build time would touch every feed on every build).
Timestamp feed_updated(const SiteContext& ctx, const Feed& feed, const std::vector<FeedEntry>& entries);
std::string enclosure_tag(const MediaRef& m);
// <name>escaped text</name>
std::string xml_tag(const char* name, const std::string& text);
// "<item>" and what every RSS item starts with, podcast episodes included:
// title, link, the permalink as guid, pubDate.
std::string rss_item_head(const SiteContext& ctx, const FeedEntry& e);
// One <item>, as every RSS feed carrying the entry writes it.
std::string rss_item(const SiteContext& ctx, const FeedEntry& e);

}  // namespace bangtin
