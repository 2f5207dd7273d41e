#include "core/disk.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace bangtin {

// open + fstat + read: a 10,000-article build reads every source, and an
// ifstream's two seeks per file were a fifth of those system calls.
bool read_file(const std::string& path, std::string& out) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return false;
  }
  out.resize(static_cast<size_t>(st.st_size));
  size_t at = 0;
  for (;;) {
    if (at == out.size()) out.resize(at + 4096);  // the file grew since fstat
    ssize_t n = ::read(fd, out.data() + at, out.size() - at);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      out.resize(at);
      ::close(fd);
      return n == 0;
    }
    at += static_cast<size_t>(n);
  }
}

static Status ensure_parent(const std::string& path) {
  std::error_code ec;
  fs::create_directories(fs::path(path).parent_path(), ec);
  if (ec) return Status::error(path + ": cannot create folder: " + ec.message());
  return Status::ok();
}

static std::string temp_name(const std::string& path) {
  static std::atomic<unsigned> counter{0};
  return path + ".tmp-" + std::to_string(getpid()) + "-" + std::to_string(counter++);
}

Status RealDisk::write_file(const std::string& path, std::string_view bytes) {
  if (Status s = ensure_parent(path); !s.is_ok()) return s;
  std::string tmp = temp_name(path);
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Status::error(path + ": cannot write: " + std::strerror(errno));
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) {
      out.close();
      fs::remove(tmp);
      return Status::error(path + ": write failed (disk full?)");
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::string err = std::strerror(errno);
    fs::remove(tmp);
    return Status::error(path + ": cannot rename into place: " + err);
  }
  return Status::ok();
}

Status RealDisk::write_staged(const std::string& path, std::string_view bytes) {
  // Most files land in a folder made for an earlier one: try first, make
  // the folders only when the open says they are missing.
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0 && errno == ENOENT) {
    if (Status s = ensure_parent(path); !s.is_ok()) return s;
    fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  }
  if (fd < 0) return Status::error(path + ": cannot write: " + std::strerror(errno));
  const char* p = bytes.data();
  size_t left = bytes.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ::close(fd);
      return Status::error(path + ": write failed (disk full?)");
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  if (::close(fd) != 0) return Status::error(path + ": write failed (disk full?)");
  return Status::ok();
}

Status RealDisk::copy_file(const std::string& from, const std::string& to) {
  std::string bytes;
  if (!read_file(from, bytes)) return Status::error(from + ": cannot read");
  Status s = write_file(to, bytes);
  // The copy keeps its source's mtime, so the next build can tell it is
  // unchanged without reading it (RealDisk::reuse_copy), as rsync -t does.
  struct stat st;
  if (s.is_ok() && ::stat(from.c_str(), &st) == 0) {
    struct timespec times[2] = {st.st_atim, st.st_mtim};
    utimensat(AT_FDCWD, to.c_str(), times, 0);
  }
  return s;
}

Status RealDisk::remove_all(const std::string& path) {
  std::error_code ec;
  fs::remove_all(path, ec);
  if (ec) return Status::error(path + ": cannot remove: " + ec.message());
  return Status::ok();
}

Status RealDisk::make_folders(const std::string& path) {
  // Most folders' parents exist already: one mkdir, not create_directories'
  // stat of every ancestor.
  if (::mkdir(path.c_str(), 0755) == 0 || errno == EEXIST) return Status::ok();
  std::error_code ec;
  fs::create_directories(path, ec);
  if (ec) return Status::error(path + ": cannot create folder: " + ec.message());
  return Status::ok();
}

Status RealDisk::swap_in(const std::string& staging, const std::string& target) {
  std::error_code ec;
  if (!fs::exists(target, ec)) {
    if (std::rename(staging.c_str(), target.c_str()) != 0)
      return Status::error(target + ": cannot move the new output into place: " + std::strerror(errno));
    return Status::ok();
  }
  // renameat2(RENAME_EXCHANGE) swaps both folders atomically: readers of the
  // output never see it missing or half-written.
  if (renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) == 0) {
    return remove_all(staging);  // now holds the previous output
  }
  std::string old = target + ".old-" + std::to_string(getpid());
  if (std::rename(target.c_str(), old.c_str()) != 0)
    return Status::error(target + ": cannot move the previous output aside: " + std::strerror(errno));
  if (std::rename(staging.c_str(), target.c_str()) != 0) {
    std::string err = std::strerror(errno);
    std::rename(old.c_str(), target.c_str());
    return Status::error(target + ": cannot move the new output into place: " + err);
  }
  return remove_all(old);
}

bool RealDisk::exists(const std::string& path) const {
  std::error_code ec;
  return fs::exists(path, ec);
}

Status MemoryDisk::write_file(const std::string& path, std::string_view bytes) {
  std::lock_guard<std::mutex> lock(mu_);
  files_[path] = std::string(bytes);
  return Status::ok();
}

Status MemoryDisk::copy_file(const std::string& from, const std::string& to) {
  std::string bytes;
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = files_.find(from);
    if (it != files_.end()) bytes = it->second;
    else if (!read_file(from, bytes)) return Status::error(from + ": cannot read");
  }
  return write_file(to, bytes);
}

static bool under(const std::string& path, const std::string& dir) {
  return path.size() > dir.size() && path.compare(0, dir.size(), dir) == 0 && path[dir.size()] == '/';
}

Status MemoryDisk::remove_all(const std::string& path) {
  std::lock_guard<std::mutex> lock(mu_);
  for (auto it = files_.begin(); it != files_.end();) {
    if (it->first == path || under(it->first, path)) it = files_.erase(it);
    else ++it;
  }
  return Status::ok();
}

Status MemoryDisk::swap_in(const std::string& staging, const std::string& target) {
  std::lock_guard<std::mutex> lock(mu_);
  std::map<std::string, std::string> next;
  for (auto& [p, b] : files_) {
    if (under(p, target)) continue;
    if (under(p, staging)) next[target + p.substr(staging.size())] = b;
    else next[p] = b;
  }
  files_ = std::move(next);
  return Status::ok();
}

bool MemoryDisk::exists(const std::string& path) const {
  std::lock_guard<std::mutex> lock(mu_);
  if (files_.count(path)) return true;
  for (auto& [p, b] : files_)
    if (under(p, path)) return true;
  return false;
}

std::map<std::string, std::string> MemoryDisk::files() const {
  std::lock_guard<std::mutex> lock(mu_);
  return files_;
}

}  // namespace bangtin
