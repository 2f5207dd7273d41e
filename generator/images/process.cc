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
  std::atomic<size_t> encoded{0}, reused{0};
  parallel_for(sources.size(), options.jobs, [&](size_t i) {
    const SourceImage& s = *sources[i];
    std::vector<Target> missing;
    for (const auto& d : s.derivatives) {
      std::error_code ec;
      if (fs::is_regular_file(d.cache_file, ec)) {
        reused++;
        continue;
      }
      missing.push_back({d.width, d.height, d.format, d.cache_file, d.crop});
    }
    if (missing.empty()) return;
    Status st = encode(root + "/" + s.source, s.width, s.height, s.quality, missing);
    if (!st.is_ok()) {
      diags.error(s.used_by, s.line, "ảnh " + s.source + ": " + st.message());
      return;
    }
    encoded += missing.size();
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
