#pragma once
#include <functional>
#include <string>
#include <vector>

namespace bangtin {

// One file of the built portal: either bytes made by the build, or a file
// copied from the site (`source`, site-relative) as it is.
struct OutputFile {
  std::string path;  // relative to the output folder, '/'-separated, no leading '/'
  std::string bytes;
  std::string source;
  // Derived files (resized images) live in a cache outside the site: then
  // `source` is an absolute path.
  bool source_is_absolute = false;

  std::string source_path(const std::string& site_root) const {
    return source_is_absolute ? source : site_root + "/" + source;
  }
};

// Where files go as a stage makes them, a batch at a time: into the stager
// for a build (so a large portal's files are not all held at once), into a
// vector for tests and the preview.
using FileSink = std::function<void(std::vector<OutputFile>&&)>;

// A sink that appends each batch to `files`, in order.
inline FileSink append_to(std::vector<OutputFile>& files) {
  return [&files](std::vector<OutputFile>&& batch) {
    for (auto& f : batch) files.push_back(std::move(f));
  };
}

}  // namespace bangtin
