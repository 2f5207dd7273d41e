// Site-relative paths. Nothing an editor writes may name a file outside the
// site root, whether by "../" or through a symlink.
#pragma once
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace bangtin {

// Joins `ref` to `from_dir` (both '/'-separated, relative to the site root;
// a `ref` starting with '/' starts at the root) and removes "." and "..".
// nullopt when the result would leave the site root.
std::optional<std::string> resolve_site_path(const std::string& from_dir, const std::string& ref);

enum class FileCheck { Ok, Missing, NotAFile, OutsideRoot };
// Whether `rel` is a regular file inside `site_root` once symlinks are followed.
FileCheck check_site_file(const std::string& site_root, const std::string& rel);

// What check_site_file answered on this thread while a FileLookupRecorder was
// alive: `bangtin serve` keeps a parsed item only while every file its parse
// looked for still gives the same answer (an editor may add the missing photo).
using FileLookups = std::vector<std::pair<std::string, FileCheck>>;
class FileLookupRecorder {
 public:
  explicit FileLookupRecorder(FileLookups& into);
  ~FileLookupRecorder();
  FileLookupRecorder(const FileLookupRecorder&) = delete;
  FileLookupRecorder& operator=(const FileLookupRecorder&) = delete;

 private:
  FileLookups* previous_;
};
bool lookups_unchanged(const std::string& site_root, const FileLookups& lookups);

// Every path check_site_file looks up, on any thread, while a SiteFileLog is
// alive (one at a time): `bangtin build` keeps in its up-to-date record the
// files outside content/, templates/ and assets/ that items refer to by a
// path from the site root ("/tai-lieu/quy-che.pdf"), since it walks only
// those folders.
class SiteFileLog {
 public:
  SiteFileLog();
  ~SiteFileLog();
  SiteFileLog(const SiteFileLog&) = delete;
  SiteFileLog& operator=(const SiteFileLog&) = delete;
  std::set<std::string> paths() const;
  void note(const std::string& rel);

 private:
  mutable std::mutex mu_;
  std::set<std::string> paths_;
};

// "content/articles/x.md" → "content/articles"
std::string parent_dir(const std::string& rel);
std::string file_name(const std::string& rel);
std::string extension_lower(const std::string& rel);  // ".jpg"
// "anh%201.jpg" → "anh 1.jpg"; a '%' not followed by two hex digits stays.
std::string percent_decode(const std::string& s);

}  // namespace bangtin
