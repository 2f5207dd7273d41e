// Turns an ImagePlan into files: encodes each source whose copies are not
// all in the cache yet (in parallel, one decode per source), then lists every
// copy as an output copied from the cache.
#pragma once
#include <cstddef>
#include <vector>

#include "core/output.h"
#include "images/plan.h"

namespace bangtin::images {

struct ProcessStats {
  size_t sources = 0;  // distinct source files
  size_t encoded = 0;  // copies made by this build
  size_t reused = 0;   // copies found in the cache
};

std::vector<OutputFile> process_images(const ImagePlan& plan, const ImageOptions& options, const std::string& root,
                                       Diagnostics& diags, ProcessStats* stats = nullptr);

}  // namespace bangtin::images
