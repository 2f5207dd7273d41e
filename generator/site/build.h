// One build: a short list of stages, each timed.
//   config → discover → parse → assemble → markdown → images → search → render → outputs → write
// `bangtin serve` runs the stages up to images (prepare_site) with a memo and
// renders pages when a browser asks for them (serve/lazy_site.h).
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "assemble/library.h"
#include "config/config.h"
#include "core/disk.h"
#include "core/output.h"
#include "core/status.h"
#include "images/plan.h"
#include "outputs/pages.h"
#include "render/templates.h"

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
  bool force = false;       // build even when the output is current (site/up_to_date.h)
  // Images encoded so far of those this build must encode (cli/progress.h draws it).
  std::function<void(size_t done, size_t total)> image_progress;
};

struct StageTime {
  std::string stage;
  double ms;
  double peak_mib = 0;  // the process's peak resident memory when the stage ended
  double cpu_ms = 0;    // user + system time of all threads: near 2 × ms when both cores work
};

struct BuildResult {
  Diagnostics diags;
  std::vector<OutputFile> files;  // when not writing: every file the build made
  std::vector<StageTime> timings;
  size_t items = 0, pages = 0, file_count = 0;
  size_t images_encoded = 0, images_reused = 0;  // resized copies made, and found in the cache
  size_t images_pruned = 0;                       // stale copies removed from the cache
  std::optional<Timestamp> next_change;
  std::string next_change_source;
  std::string next_change_iso;  // in the site's offset
  Timestamp now;                // the clock this build published by
  int utc_offset_minutes = 0;   // the site's
  std::shared_ptr<const Library> library;  // what assemble made, for tests and tools
  Status write_status = Status::ok();
  bool ok() const { return !diags.has_errors() && write_status.is_ok(); }
};

BuildResult build_site(const BuildOptions& options, Disk& disk);

// <source>/public unless --output says otherwise.
std::string output_folder(const BuildOptions& options, const std::string& root);

class BuildMemo;

// What the stages up to images made: everything a page is rendered from.
// Kept on the heap, since a SiteContext refers into it.
struct SiteState {
  std::string root;
  SiteConfig config;
  std::shared_ptr<Library> library;
  Templates templates;
  std::map<std::string, std::string> asset_urls;
  std::vector<OutputFile> assets;
  images::ImagePlan image_plan;
  std::vector<OutputFile> image_files;

  SiteContext context() const {
    return SiteContext{config, *library, templates, asset_urls, root, config.base_path(), &image_plan};
  }
};

// config → … → images, timed into `result`. nullptr when errors stop the
// build (they are in result.diags). With a memo, unchanged files are not
// parsed again nor their Markdown rendered again.
std::shared_ptr<SiteState> prepare_site(const BuildOptions& options, BuildResult& result, BuildMemo* memo = nullptr);

// What needs the whole library beyond the planned pages: the search index
// and the report tallies, with their pages (to render with the plan, and list
// in the sitemap) and their files.
struct OtherOutputs {
  std::vector<OutputFile> files;
  std::vector<PlannedPage> pages;
};
OtherOutputs plan_other_outputs(const SiteContext& ctx, int jobs);
// 404 and alias pages, sitemap (of `plan`, the whole plan), robots.txt,
// rebuild.json, feeds, embeds and Zalo payloads, handed to `put` in that
// order as they are made; or appended to `files`.
void add_other_files(const SiteContext& ctx, const std::vector<PlannedPage>& plan, int jobs, Diagnostics& diags,
                     const FileSink& put);
void add_other_files(const SiteContext& ctx, const std::vector<PlannedPage>& plan, int jobs, Diagnostics& diags,
                     std::vector<OutputFile>& files);

}  // namespace bangtin
