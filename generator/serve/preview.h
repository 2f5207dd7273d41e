// `bangtin serve`: the portal as it will look, on localhost, with drafts and
// scheduled items shown and marked, rebuilt on every save, and open browser
// tabs reloaded over Server-Sent Events. The only cpp-httplib user.
//
// Nothing is written to disk: each build is kept in memory (serve/lazy_site.h)
// and a memo (site/memo.h) lets a save redo only the files it touched.
#pragma once
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "site/memo.h"

namespace httplib {
class Server;
}

namespace bangtin {

class LazySite;

struct PreviewOptions {
  std::string source = ".";
  int jobs = 0;
};

class Preview {
 public:
  explicit Preview(PreviewOptions options);
  ~Preview();

  // Builds once, then listens on 127.0.0.1 (port 0: any free port).
  // Returns the port, or -1 when it cannot listen.
  int start(int port);
  void stop();
  // Rebuilds; on success browsers reload, on failure they show the problems
  // over the last good pages. Returns true when the build succeeded.
  bool rebuild();

  uint64_t generation() const { return generation_.load(); }
  std::string problems() const;  // "" when the last build succeeded
  double last_build_ms() const { return last_build_ms_.load(); }
  // Of the last build: sources parsed, and Markdown bodies rendered, anew.
  size_t last_parsed() const { return last_parsed_.load(); }
  size_t last_rendered() const { return last_rendered_.load(); }
  // "config 1 ms, discover 40 ms, …" of the last build.
  std::string last_timings() const;

 private:
  void route();
  bool stream_events(uint64_t& seen, std::string& out);

  std::shared_ptr<LazySite> current() const;

  PreviewOptions options_;
  BuildMemo memo_;
  std::shared_ptr<LazySite> site_;  // the last good build; guarded by mu_
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  mutable std::mutex mu_;
  std::condition_variable changed_;
  std::string problems_;
  std::string timings_;
  std::atomic<uint64_t> generation_{0};
  std::atomic<double> last_build_ms_{0};
  std::atomic<size_t> last_parsed_{0}, last_rendered_{0};
  std::atomic<bool> stopping_{false};
};

}  // namespace bangtin
