#include "test_support.h"

#include <unistd.h>

#include <fstream>

#include "core/disk.h"

namespace fs = std::filesystem;

namespace bangtin::testing {

TempDir::TempDir(const std::string& tag) {
  static int counter = 0;
  path_ = (fs::temp_directory_path() / ("bangtin-test-" + tag + "-" + std::to_string(getpid()) + "-" +
                                        std::to_string(counter++)))
              .string();
  fs::remove_all(path_);
  fs::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

std::map<std::string, std::string> snapshot(const std::string& dir) {
  std::map<std::string, std::string> out;
  if (!fs::exists(dir)) return out;
  for (auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    std::string bytes;
    read_file(e.path().string(), bytes);
    out[fs::relative(e.path(), dir).generic_string()] = bytes;
  }
  return out;
}

std::string headlines(const BuildResult& r) {
  std::string out;
  for (const auto& d : r.diags.sorted()) out += d.headline() + "\n";
  return out;
}

BuildResult build_in_memory(const std::string& source, const std::string& now, int jobs) {
  BuildOptions o;
  o.source = source;
  o.now = now;
  o.jobs = jobs;
  o.write = false;
  MemoryDisk disk;
  return build_site(o, disk);
}

std::map<std::string, std::string> files_of(const BuildResult& r) {
  std::map<std::string, std::string> out;
  for (const auto& f : r.files) out[f.path] = f.source.empty() ? f.bytes : "copy of " + f.source;
  return out;
}

std::string read_text(const std::string& path) {
  std::string out;
  read_file(path, out);
  return out;
}

}  // namespace bangtin::testing
