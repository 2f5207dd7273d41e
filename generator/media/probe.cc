#include "media/probe.h"

#include <taglib/audioproperties.h>
#include <taglib/fileref.h>

#include "core/parallel.h"

namespace bangtin::media {

std::optional<int64_t> playing_time(const std::string& path) {
  // Only the headers are read (Fast), never the whole stream: a long
  // recording costs what a short one does.
  TagLib::FileRef file(path.c_str(), true, TagLib::AudioProperties::Fast);
  if (file.isNull() || !file.audioProperties()) return std::nullopt;
  int ms = file.audioProperties()->lengthInMilliseconds();
  if (ms <= 0) return std::nullopt;
  return (static_cast<int64_t>(ms) + 500) / 1000;
}

void fill_durations(std::vector<Item>& items, const std::string& site_root, int jobs) {
  std::vector<std::pair<std::optional<int64_t>*, std::string>> todo;
  for (Item& item : items) {
    if (item.audio && !item.audio->duration && !item.audio->file.empty())
      todo.emplace_back(&item.audio->duration, item.audio->file);
    if (item.video && !item.video->duration && !item.video->file.empty())
      todo.emplace_back(&item.video->duration, item.video->file);
  }
  parallel_for(todo.size(), jobs, [&](size_t i) { *todo[i].first = playing_time(site_root + "/" + todo[i].second); });
}

}  // namespace bangtin::media
