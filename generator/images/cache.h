// The image cache outside the output folder: copies named by the source's
// content hash and every setting that shapes them, so they never go stale by
// themselves; a copy no build asks for any more is only clutter, and goes.
#pragma once
#include <cstdint>
#include <set>
#include <string>

namespace bangtin::images {

struct PruneStats {
  size_t removed = 0;
  uint64_t bytes = 0;
};

// Removes from `dir` the files this generator wrote (copies, header notes,
// temporaries left by a crash) that are not in `keep` and were written more
// than `grace_days` ago: a draft taken out for a week keeps its copies, a
// photo replaced a month ago does not. Files of any other name are left alone,
// since --image-cache may point into a folder the site shares.
PruneStats prune_cache(const std::string& dir, const std::set<std::string>& keep, int grace_days = 7);

}  // namespace bangtin::images
