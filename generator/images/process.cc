#include "images/process.h"

#include <atomic>
#include <filesystem>

#include "core/parallel.h"
#include "images/codec.h"

namespace fs = std::filesystem;

namespace bangtin::images {

std::vector<OutputFile> process_images(const ImagePlan& plan, const ImageOptions& options, const std::string& root,
                                       Diagnostics& diags, ProcessStats* stats) {
  std::vector<const SourceImage*> sources;
  for (const auto& [rel, s] : plan.sources)
    if (!s.derivatives.empty()) sources.push_back(&s);
  std::atomic<size_t> encoded{0}, reused{0}, done{0};
  // Which copies are missing is known before any is made, so progress has a total.
  std::vector<std::vector<Target>> missing(sources.size());
  size_t total = 0;
  for (size_t i = 0; i < sources.size(); ++i) {
    for (const auto& d : sources[i]->derivatives) {
      std::error_code ec;
      if (fs::is_regular_file(d.cache_file, ec)) reused++;
      else missing[i].push_back({d.width, d.height, d.format, d.cache_file, d.crop});
    }
    total += !missing[i].empty();
  }
  parallel_for(sources.size(), options.jobs, [&](size_t i) {
    const SourceImage& s = *sources[i];
    if (missing[i].empty()) return;
    Status st = encode(root + "/" + s.source, s.width, s.height, s.quality, missing[i]);
    if (options.progress) options.progress(++done, total);
    if (!st.is_ok()) {
      diags.error(s.used_by, s.line, "ảnh " + s.source + ": " + st.message());
      return;
    }
    encoded += missing[i].size();
  });
  if (stats) *stats = {sources.size(), encoded.load(), reused.load()};

  std::vector<OutputFile> out;
  auto publish = [&](const Derivative& d) {
    OutputFile f{url_to_output_path(d.url), "", d.cache_file};
    f.source_is_absolute = true;
    out.push_back(std::move(f));
  };
  for (const auto& [url, use] : plan.uses) {
    for (const auto& d : use.derivatives) publish(d);
    for (const auto& [frame, copies] : use.frames)
      for (const auto& d : copies) publish(d);
  }
  return out;
}

}  // namespace bangtin::images
