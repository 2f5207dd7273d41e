// Podcast feeds of radio bulletins (RSS 2.0 + the itunes namespace): what a
// ward's loudspeaker system or any podcast app subscribes to, site-wide at
// /phat-thanh/podcast.xml and per unit at /don-vi/KEY/podcast.xml.
#pragma once
#include <string>
#include <vector>

#include "outputs/feeds.h"

namespace bangtin {

std::string podcast_xml(const SiteContext& ctx, const Feed& feed, const std::vector<FeedEntry>& entries);

}  // namespace bangtin
