// How RealDisk keeps unchanged output: a rebuild stages a whole new output
// folder and swaps it in, which would give every file a new inode and mtime
// even when its bytes did not change; rsync, CDNs and browsers' conditional
// requests would then see the whole portal as new after every build. Instead
// an unchanged file is hard-linked from the previous output into the staging
// folder: same inode, same mtime, and the swap stays atomic.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "core/disk.h"

namespace bangtin {

namespace {

bool regular_file(const std::string& path, struct stat& st) {
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

// Compares the file with `bytes` in blocks, so a large unchanged file is
// never held twice in memory.
bool same_bytes(const std::string& path, std::string_view bytes) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  char buf[1 << 16];
  size_t at = 0;
  bool same = true;
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      same = false;
      break;
    }
    if (n == 0) break;
    if (at + static_cast<size_t>(n) > bytes.size() || std::memcmp(buf, bytes.data() + at, static_cast<size_t>(n)) != 0) {
      same = false;
      break;
    }
    at += static_cast<size_t>(n);
  }
  ::close(fd);
  return same && at == bytes.size();
}

bool link_into(const std::string& previous, const std::string& path) {
  if (::link(previous.c_str(), path.c_str()) == 0) return true;
  if (errno != ENOENT) return false;  // another file system, or links not allowed: the caller writes
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
  return !ec && ::link(previous.c_str(), path.c_str()) == 0;
}

}  // namespace

bool RealDisk::reuse_file(const std::string& previous, const std::string& path, std::string_view bytes) {
  struct stat st;
  if (!regular_file(previous, st) || static_cast<size_t>(st.st_size) != bytes.size()) return false;
  return same_bytes(previous, bytes) && link_into(previous, path);
}

bool RealDisk::reuse_copy(const std::string& previous, const std::string& path, const std::string& source) {
  struct stat prev, src;
  if (!regular_file(previous, prev) || !regular_file(source, src)) return false;
  if (prev.st_size != src.st_size || prev.st_mtim.tv_sec != src.st_mtim.tv_sec ||
      prev.st_mtim.tv_nsec != src.st_mtim.tv_nsec)
    return false;
  return link_into(previous, path);
}

bool RealDisk::link_file(const std::string& previous, const std::string& path) {
  struct stat st;
  return regular_file(previous, st) && link_into(previous, path);
}

}  // namespace bangtin
