// Debian's nginx on a loopback port with docs/nginx.conf, for the tests that
// serve the built portal for real (nginx_test.cc, swap_load_test.cc).
#pragma once
#include <httplib.h>
#include <doctest/doctest.h>

#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include "site/test_support.h"

extern char** environ;

namespace bangtin::testing {

inline const char* kNginx = "/usr/sbin/nginx";

// A port the kernel just handed out on 127.0.0.1, free again once closed.
inline int free_port() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = 0;
  bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  socklen_t n = sizeof a;
  getsockname(fd, reinterpret_cast<sockaddr*>(&a), &n);
  close(fd);
  return ntohs(a.sin_port);
}

// docs/nginx.conf with the host-specific lines pointed at the test's
// port and folder; everything else exactly as shipped.
inline std::string server_block(int port, const std::string& root) {
  std::istringstream in(read_text(kSourceDir + "/docs/nginx.conf"));
  std::string out, line;
  int replaced = 0;
  while (std::getline(in, line)) {
    std::string t = line.substr(line.find_first_not_of(' ') == std::string::npos ? 0 : line.find_first_not_of(' '));
    if (t == "listen [::]:80;") continue;
    if (t == "listen 80;") line = "    listen 127.0.0.1:" + std::to_string(port) + ";", ++replaced;
    else if (t.rfind("root ", 0) == 0) line = "    root " + root + ";", ++replaced;
    else if (t.rfind("server_name ", 0) == 0) line = "    server_name 127.0.0.1;", ++replaced;
    out += line + "\n";
  }
  REQUIRE_MESSAGE(replaced == 3, "docs/nginx.conf: the listen/root/server_name lines changed shape");
  return out;
}

// Builds the sample portal (or `source`) for http://127.0.0.1:PORT/ into `out`
// with the real binary; the build's output goes to `log`.
inline bool build_for_port(const std::string& source, const std::string& out, int port, const std::string& log,
                           const std::string& prefix = "") {
  std::string cmd = prefix + std::string(BANGTIN_BINARY) + " build --source '" + source + "' --output '" + out +
                    "' --base-url http://127.0.0.1:" + std::to_string(port) +
                    "/ --now 2026-11-23T12:00:00+07:00 >'" + log + "' 2>&1";
  return std::system(cmd.c_str()) == 0;
}

// nginx in the foreground under `dir` (which holds server.conf), stopped
// (and reaped) at scope exit.
class Nginx {
 public:
  Nginx(const std::string& dir, int port) {
    std::ofstream(dir + "/nginx.conf")
        << "daemon off;\nworker_processes 1;\npid " << dir << "/nginx.pid;\nerror_log " << dir
        << "/error.log warn;\nevents { worker_connections 256; }\nhttp {\n  access_log off;\n"
        << "  client_body_temp_path " << dir << "/tmp-body;\n  proxy_temp_path " << dir << "/tmp-proxy;\n"
        << "  fastcgi_temp_path " << dir << "/tmp-fcgi;\n  uwsgi_temp_path " << dir << "/tmp-uwsgi;\n"
        << "  scgi_temp_path " << dir << "/tmp-scgi;\n  include " << dir << "/server.conf;\n}\n";
    std::string conf = dir + "/nginx.conf", err = dir + "/error.log";
    const char* argv[] = {kNginx, "-p", dir.c_str(), "-c", conf.c_str(), "-e", err.c_str(), nullptr};
    if (posix_spawn(&pid_, kNginx, nullptr, nullptr, const_cast<char**>(argv), environ) != 0) pid_ = -1;
    // Ready when the port accepts a connection; at most 5 s.
    for (int i = 0; i < 100 && pid_ > 0; ++i) {
      httplib::Client c("127.0.0.1", port);
      c.set_connection_timeout(0, 100000);
      if (c.Head("/robots.txt")) { ready_ = true; break; }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
  ~Nginx() {
    if (pid_ <= 0) return;
    kill(pid_, SIGTERM);
    for (int i = 0; i < 100; ++i) {
      if (waitpid(pid_, nullptr, WNOHANG) == pid_) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
  Nginx(const Nginx&) = delete;
  Nginx& operator=(const Nginx&) = delete;
  bool ready() const { return ready_; }

 private:
  pid_t pid_ = -1;
  bool ready_ = false;
};

}  // namespace bangtin::testing
