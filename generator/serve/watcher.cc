#include "serve/watcher.h"

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>

namespace fs = std::filesystem;

namespace bangtin {

namespace {
constexpr uint32_t kMask = IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF;
}

Watcher::Watcher(const std::string& site_root) : root_(site_root) {
  fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd_ < 0) return;
  int wd = inotify_add_watch(fd_, root_.c_str(), kMask);  // site-config.json, and new top folders
  if (wd >= 0) dirs_[wd] = "";
  for (const char* top : {"content", "templates", "assets"}) watch_tree(top);
}

Watcher::~Watcher() {
  if (fd_ >= 0) close(fd_);
}

void Watcher::watch_tree(const std::string& rel) {
  std::error_code ec;
  fs::path base = fs::path(root_) / rel;
  if (!fs::is_directory(base, ec)) return;
  auto add = [&](const fs::path& dir) {
    int wd = inotify_add_watch(fd_, dir.c_str(), kMask);
    if (wd >= 0) dirs_[wd] = dir.lexically_relative(root_).generic_string();
  };
  add(base);
  for (auto it = fs::recursive_directory_iterator(base, ec); it != fs::recursive_directory_iterator(); it.increment(ec))
    if (it->is_directory(ec)) add(it->path());
}

bool Watcher::drain(std::string& first) {
  alignas(inotify_event) char buf[16384];
  bool any = false;
  for (;;) {
    ssize_t n = read(fd_, buf, sizeof buf);
    if (n <= 0) return any;
    for (char* p = buf; p < buf + n;) {
      auto* ev = reinterpret_cast<inotify_event*>(p);
      p += sizeof(inotify_event) + ev->len;
      std::string name = ev->len ? ev->name : "";
      // Editors' swap and backup files are not content.
      if (!name.empty() && (name[0] == '.' || name.back() == '~' || name.rfind(".swp") == name.size() - 4)) continue;
      auto dir = dirs_.find(ev->wd);
      std::string rel = dir == dirs_.end() ? name : (dir->second.empty() ? name : dir->second + "/" + name);
      if (dir != dirs_.end() && dir->second.empty() && name != "site-config.json" && name != "content" &&
          name != "templates" && name != "assets")
        continue;  // other files at the site root (public/, README…) do not shape the portal
      if ((ev->mask & IN_ISDIR) && (ev->mask & (IN_CREATE | IN_MOVED_TO))) watch_tree(rel);
      if (first.empty()) first = rel;
      any = true;
    }
  }
}

std::string Watcher::wait_for_change(int timeout_ms, int settle_ms) {
  if (fd_ < 0) return "";
  pollfd p{fd_, POLLIN, 0};
  if (poll(&p, 1, timeout_ms) <= 0) return "";
  std::string first;
  if (!drain(first)) return "";
  auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(settle_ms);
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now()).count();
    if (left <= 0 || poll(&p, 1, static_cast<int>(left)) <= 0) break;
    drain(first);
  }
  return first;
}

}  // namespace bangtin
