// The one seam through which bangtin writes files. The real disk writes each
// file to a temporary name and renames it into place; tests swap in
// MemoryDisk and look at what would have been written.
#pragma once
#include <map>
#include <mutex>
#include <string>
#include <string_view>

#include "core/status.h"

namespace bangtin {

class Disk {
 public:
  virtual ~Disk() = default;
  // Creates parent folders as needed.
  virtual Status write_file(const std::string& path, std::string_view bytes) = 0;
  virtual Status copy_file(const std::string& from, const std::string& to) = 0;
  // A new file inside a private staging folder that is swapped in whole:
  // no temporary name is needed, which halves the system calls per file.
  virtual Status write_staged(const std::string& path, std::string_view bytes) { return write_file(path, bytes); }
  virtual Status remove_all(const std::string& path) = 0;
  // Makes a folder and its parents ahead of the files that will go in it.
  // Memory needs no folders.
  virtual Status make_folders(const std::string& path) { return Status::ok(); }
  // Puts `staging` in place of `target` in one step where the system allows.
  virtual Status swap_in(const std::string& staging, const std::string& target) = 0;
  virtual bool exists(const std::string& path) const = 0;

  // Keeping unchanged output (core/disk_reuse.cc): each puts at `path` the
  // file `previous` itself (a hard link, so its inode and mtime stay and
  // rsync or a CDN sees no change) and says whether it could. By default it
  // cannot, and the caller writes the file.
  // reuse_file: when `previous` holds exactly `bytes`.
  virtual bool reuse_file(const std::string& previous, const std::string& path, std::string_view bytes) {
    return false;
  }
  // reuse_copy: when `previous` has the size and mtime of `source` (copies keep their source's mtime).
  virtual bool reuse_copy(const std::string& previous, const std::string& path, const std::string& source) {
    return false;
  }
  // link_file: whenever `previous` exists.
  virtual bool link_file(const std::string& previous, const std::string& path) { return false; }
};

class RealDisk : public Disk {
 public:
  Status write_file(const std::string& path, std::string_view bytes) override;
  Status write_staged(const std::string& path, std::string_view bytes) override;
  Status copy_file(const std::string& from, const std::string& to) override;
  Status remove_all(const std::string& path) override;
  Status make_folders(const std::string& path) override;
  Status swap_in(const std::string& staging, const std::string& target) override;
  bool exists(const std::string& path) const override;
  bool reuse_file(const std::string& previous, const std::string& path, std::string_view bytes) override;
  bool reuse_copy(const std::string& previous, const std::string& path, const std::string& source) override;
  bool link_file(const std::string& previous, const std::string& path) override;
};

// Keeps files in memory; thread-safe. swap_in moves every file under
// `staging` to the same place under `target`, replacing what was there.
class MemoryDisk : public Disk {
 public:
  Status write_file(const std::string& path, std::string_view bytes) override;
  Status copy_file(const std::string& from, const std::string& to) override;
  Status remove_all(const std::string& path) override;
  Status swap_in(const std::string& staging, const std::string& target) override;
  bool exists(const std::string& path) const override;

  std::map<std::string, std::string> files() const;

 private:
  mutable std::mutex mu_;
  std::map<std::string, std::string> files_;
};

// Reads a whole file; false when it cannot be read.
bool read_file(const std::string& path, std::string& out);

}  // namespace bangtin
