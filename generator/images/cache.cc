#include "images/cache.h"

#include <chrono>
#include <filesystem>
#include <regex>

namespace fs = std::filesystem;

namespace bangtin::images {

PruneStats prune_cache(const std::string& dir, const std::set<std::string>& keep, int grace_days) {
  // "<16 hex>-<shape>-q<quality>-v<libvips>[-s<settings>].<ext>",
  // "<16 hex>-v<libvips>[-s<settings>].info", and either with a ".tmp-…" suffix.
  static const std::regex ours(R"([0-9a-f]{16}-([0-9]+(x[0-9]+-[a-z0-9.-]+)?-q[0-9]+-)?v[0-9.]+(-s[0-9]+)?\.(webp|jpg|png|avif|info)(\.tmp-[0-9-]+)?)");
  PruneStats stats;
  std::error_code ec;
  auto cutoff = fs::file_time_type::clock::now() - std::chrono::hours(24) * grace_days;
  for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
    const fs::path& p = it->path();
    if (keep.count(p.string()) || !it->is_regular_file(ec) || !std::regex_match(p.filename().string(), ours)) continue;
    std::error_code file_ec;
    if (fs::last_write_time(p, file_ec) > cutoff || file_ec) continue;
    uint64_t size = fs::file_size(p, file_ec);
    if (fs::remove(p, file_ec)) {
      ++stats.removed;
      stats.bytes += file_ec ? 0 : size;
    }
  }
  return stats;
}

}  // namespace bangtin::images
