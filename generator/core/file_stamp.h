// A file's size and modification time: what `bangtin serve` compares to know
// that a file is unchanged without reading it.
#pragma once
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace bangtin {

struct FileStamp {
  uintmax_t size = 0;
  int64_t mtime_ns = 0;
  bool operator==(const FileStamp&) const = default;
};
std::optional<FileStamp> file_stamp(const std::string& path);

// Content hashes of files by path, kept while their stamp holds. Thread-safe.
class FileHashMemo {
 public:
  // The hash kept for `path` if its stamp is still `stamp`.
  std::optional<std::string> find(const std::string& path, const FileStamp& stamp) const;
  void keep(const std::string& path, const FileStamp& stamp, std::string hash);

 private:
  mutable std::mutex mu_;
  std::map<std::string, std::pair<FileStamp, std::string>> hashes_;
};

}  // namespace bangtin
