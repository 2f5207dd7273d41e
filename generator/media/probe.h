// The only user of TagLib: how long an audio or video file plays, read from
// its headers, for the player, the podcast feed and the ward radio's list
// when an editor leaves `duration` out of the front matter.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "content/item.h"

namespace bangtin::media {

// Whole seconds, rounded; nullopt for a file TagLib does not understand.
std::optional<int64_t> playing_time(const std::string& path);

// Fills `duration` of each audio item and each video item with a file that has
// none, from the file under `site_root`; in parallel over `jobs` threads.
void fill_durations(std::vector<Item>& items, const std::string& site_root, int jobs);

}  // namespace bangtin::media
