// Helpers shared by the tests that build whole sites.
#pragma once
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "site/build.h"

namespace bangtin::testing {

// Plain literals: safe to use from other files' static initialisers.
#define kSourceDir std::string(BANGTIN_SOURCE_DIR)
#define kSites (std::string(BANGTIN_SOURCE_DIR) + "/tests/sites")

// A fresh empty folder under the system temp folder, removed at scope exit.
class TempDir {
 public:
  explicit TempDir(const std::string& tag);
  ~TempDir();
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Every file under `dir`, path → bytes.
std::map<std::string, std::string> snapshot(const std::string& dir);
// The headlines of a result's diagnostics, in report order, one a line.
std::string headlines(const BuildResult& r);
// Builds `source` into memory (nothing written) at a fixed clock.
BuildResult build_in_memory(const std::string& source, const std::string& now, int jobs = 2);
// The built files of a result, path → bytes (copied files as their source path).
std::map<std::string, std::string> files_of(const BuildResult& r);
std::string read_text(const std::string& path);
inline bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }
// The warning core/status.h clean_read_text gives at `at` ("path:line") for
// the code points `names` ("U+001F, U+FFFF") it dropped there.
inline std::string dropped_warning(const std::string& at, const std::string& names) {
  return at + ": cảnh báo: có ký tự ẩn không được phép trong trang web (" + names + "), đã bỏ khi dựng";
}
// Joined with newlines, so a failing check prints both sides.
inline std::string join_lines(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += s + "\n";
  return out;
}

}  // namespace bangtin::testing
