// Watches a site's content, templates, assets and config with inotify, so
// `bangtin serve` rebuilds when an editor saves a file.
#pragma once
#include <map>
#include <string>

namespace bangtin {

class Watcher {
 public:
  explicit Watcher(const std::string& site_root);
  ~Watcher();
  Watcher(const Watcher&) = delete;
  Watcher& operator=(const Watcher&) = delete;

  bool ok() const { return fd_ >= 0; }
  // Waits up to `timeout_ms` for a change; after the first event it keeps
  // collecting for `settle_ms`, since one save is often several writes.
  // Returns the first changed path (site-relative), or "" when nothing changed.
  std::string wait_for_change(int timeout_ms, int settle_ms = 40);

 private:
  void watch_tree(const std::string& rel);
  bool drain(std::string& first);

  std::string root_;
  int fd_ = -1;
  std::map<int, std::string> dirs_;  // watch descriptor → site-relative folder
};

}  // namespace bangtin
