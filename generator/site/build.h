// One build: a short list of stages, each timed.
//   config → discover → parse → assemble → markdown → render → outputs → write
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "assemble/library.h"
#include "core/disk.h"
#include "core/output.h"
#include "core/status.h"

namespace bangtin {

struct BuildOptions {
  std::string source = ".";
  std::string output;    // default: <source>/public
  std::string now;       // ISO 8601; default: the real clock
  std::string base_url;  // overrides site-config.json
  int jobs = 0;          // 0: one per core
  bool write = true;     // false: check only
  bool lint = false;      // `bangtin check`: also the warnings of check/lint.h
  bool preview = false;  // serve mode: drafts and scheduled items shown with a badge
  bool precompress = true;  // .gz/.br twins of text outputs (write/precompress.h)
  std::string image_cache;  // absolute; default <source>/.bangtin-cache/images (outside the output)
  // Images encoded so far of those this build must encode (cli/progress.h draws it).
  std::function<void(size_t done, size_t total)> image_progress;
};

struct StageTime {
  std::string stage;
  double ms;
};

struct BuildResult {
  Diagnostics diags;
  std::vector<OutputFile> files;
  std::vector<StageTime> timings;
  size_t items = 0, pages = 0;
  size_t images_encoded = 0, images_reused = 0;  // resized copies made, and found in the cache
  size_t images_pruned = 0;                       // stale copies removed from the cache
  std::optional<Timestamp> next_change;
  std::string next_change_source;
  std::string next_change_iso;  // in the site's offset
  std::shared_ptr<const Library> library;  // what assemble made, for tests and tools
  Status write_status = Status::ok();
  bool ok() const { return !diags.has_errors() && write_status.is_ok(); }
};

BuildResult build_site(const BuildOptions& options, Disk& disk);

}  // namespace bangtin
