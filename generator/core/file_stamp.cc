#include "core/file_stamp.h"

#include <sys/stat.h>

namespace bangtin {

std::optional<FileStamp> file_stamp(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  return FileStamp{static_cast<uintmax_t>(st.st_size),
                   static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec};
}

std::optional<std::string> FileHashMemo::find(const std::string& path, const FileStamp& stamp) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = hashes_.find(path);
  if (it == hashes_.end() || !(it->second.first == stamp)) return std::nullopt;
  return it->second.second;
}

void FileHashMemo::keep(const std::string& path, const FileStamp& stamp, std::string hash) {
  std::lock_guard<std::mutex> lock(mu_);
  hashes_[path] = {stamp, std::move(hash)};
}

}  // namespace bangtin
