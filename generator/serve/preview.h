// `bangtin serve`: the portal as it will look, on localhost, with drafts and
// scheduled items shown and marked, rebuilt on every save, and open browser
// tabs reloaded over Server-Sent Events. The only cpp-httplib user.
#pragma once
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace httplib {
class Server;
}

namespace bangtin {

struct PreviewOptions {
  std::string source = ".";
  std::string output;  // default: a private folder under the system temp folder
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
  const std::string& output() const { return options_.output; }

 private:
  void route();
  bool stream_events(uint64_t& seen, std::string& out);

  PreviewOptions options_;
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  mutable std::mutex mu_;
  std::condition_variable changed_;
  std::string problems_;
  std::atomic<uint64_t> generation_{0};
  std::atomic<double> last_build_ms_{0};
  std::atomic<bool> stopping_{false};
  bool own_output_ = false;
};

}  // namespace bangtin
