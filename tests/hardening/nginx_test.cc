// The portal served for real: Debian's nginx, on a loopback port, with
// docs/nginx.conf (only its listen, server_name and root lines replaced),
// over the sample portal built for that address. Every sitemap URL and every
// feed must answer 200 with the right type and a Content-Security-Policy; a
// missing page gets the portal's 404 page with status 404.
#include <doctest/doctest.h>
#include <httplib.h>

#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

#include "site/test_support.h"

extern char** environ;
namespace fs = std::filesystem;
using namespace bangtin::testing;

namespace {

const char* kNginx = "/usr/sbin/nginx";

// A port the kernel just handed out on 127.0.0.1, free again once closed.
int free_port() {
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
std::string server_block(int port, const std::string& root) {
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

// nginx in the foreground under `dir`, stopped (and reaped) at scope exit.
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
  bool ready() const { return ready_; }

 private:
  pid_t pid_ = -1;
  bool ready_ = false;
};

std::string type_of(const httplib::Result& r) { return r ? r->get_header_value("Content-Type") : ""; }

}  // namespace

TEST_CASE("nginx: docs/nginx.conf serves the sample portal with its headers and types and 404 page") {
  if (access(kNginx, X_OK) != 0) {
    MESSAGE("nginx is not installed (it is in .ci/setup's PACKAGES): skipped");
    return;
  }
  TempDir t("nginx");
  const int port = free_port();
  const std::string base = "http://127.0.0.1:" + std::to_string(port);
  const std::string out = t.path() + "/public";
  std::string cmd = std::string(BANGTIN_BINARY) + " build --source '" + kSourceDir + "' --output '" + out +
                    "' --base-url " + base + "/ --now 2026-11-23T12:00:00+07:00 >'" + t.path() + "/build.log' 2>&1";
  REQUIRE_MESSAGE(std::system(cmd.c_str()) == 0, read_text(t.path() + "/build.log"));
  std::ofstream(t.path() + "/server.conf") << server_block(port, out);

  Nginx nginx(t.path(), port);
  REQUIRE_MESSAGE(nginx.ready(), read_text(t.path() + "/error.log"));
  httplib::Client c("127.0.0.1", port);
  c.set_read_timeout(5, 0);

  {  // every sitemap URL: 200, its type, the security headers
    auto sm = c.Get("/sitemap.xml");
    REQUIRE(sm);
    REQUIRE(sm->status == 200);
    std::regex loc("<loc>([^<]+)</loc>");
    int pages = 0;
    for (std::sregex_iterator it(sm->body.begin(), sm->body.end(), loc), end; it != end; ++it) {
      std::string url = (*it)[1];
      REQUIRE_MESSAGE(url.rfind(base, 0) == 0, url);
      std::string path = url.substr(base.size());
      auto r = c.Get(path);
      REQUIRE_MESSAGE(r, path);
      CHECK_MESSAGE(r->status == 200, path);
      CHECK_MESSAGE(r->has_header("Content-Security-Policy"), path);
      CHECK_MESSAGE(r->get_header_value("X-Content-Type-Options") == "nosniff", path);
      CHECK_MESSAGE(r->has_header("Referrer-Policy"), path);
      if (path.back() == '/' || path.ends_with(".html"))
        CHECK_MESSAGE(type_of(r) == "text/html; charset=utf-8", path);
      // Embed pages may be framed by any site, every other page by none.
      std::string csp = r->get_header_value("Content-Security-Policy");
      bool embed = path.rfind("/nhung/", 0) == 0;
      CHECK_MESSAGE(csp.find(embed ? "frame-ancestors *" : "frame-ancestors 'none'") != std::string::npos, path);
      CHECK_MESSAGE(csp.find("'unsafe-inline'; img") != std::string::npos, path);  // styles only, never script-src
      CHECK_MESSAGE(csp.find("script-src 'self';") != std::string::npos, path);
      ++pages;
    }
    CHECK(pages > 50);
  }

  {  // every feed: 200, its own type, CSP; gzip twins sent as they are
    const std::map<std::string, std::string> kTypes = {{"rss.xml", "application/rss+xml"},
                                                        {"podcast.xml", "application/rss+xml"},
                                                        {"atom.xml", "application/atom+xml"},
                                                        {"feed.json", "application/feed+json"}};
    int feeds = 0;
    for (auto& e : fs::recursive_directory_iterator(out)) {
      auto type = kTypes.find(e.path().filename().string());
      if (type == kTypes.end()) continue;
      std::string path = "/" + fs::relative(e.path(), out).generic_string();
      auto r = c.Get(path);
      REQUIRE_MESSAGE(r, path);
      CHECK_MESSAGE(r->status == 200, path);
      CHECK_MESSAGE(type_of(r) == type->second + "; charset=utf-8", path);
      CHECK_MESSAGE(r->has_header("Content-Security-Policy"), path);
      CHECK_MESSAGE(r->body == read_text(e.path().string()), path);
      ++feeds;
    }
    CHECK(feeds >= 4);
    auto gz = c.Head("/rss.xml", {{"Accept-Encoding", "gzip"}});
    REQUIRE(gz);
    CHECK(gz->get_header_value("Content-Encoding") == "gzip");
    CHECK(gz->get_header_value("Content-Length") == std::to_string(fs::file_size(out + "/rss.xml.gz")));
    CHECK(c.Get("/rss.xml.gz")->status == 404);  // twins are not pages of their own
  }

  {  // media types, asset lifetimes, CORS for embeds
    for (auto& e : fs::recursive_directory_iterator(out)) {
      if (e.path().extension() != ".vtt") continue;
      auto r = c.Head("/" + fs::relative(e.path(), out).generic_string());
      REQUIRE(r);
      CHECK(type_of(r) == "text/vtt; charset=utf-8");
    }
    std::string home = c.Get("/")->body;
    std::smatch js;
    REQUIRE(std::regex_search(home, js, std::regex("src=\"(/assets/js/[^\"]+\\.js)\"")));
    auto asset = c.Head(js[1].str());
    REQUIRE(asset);
    CHECK(asset->get_header_value("Cache-Control") == "public, max-age=31536000, immutable");
    CHECK(type_of(asset) == "application/javascript; charset=utf-8");
    CHECK(c.Head("/")->get_header_value("Cache-Control") == "public, max-age=300, must-revalidate");
    CHECK(c.Head("/nhung/widget.js")->get_header_value("Access-Control-Allow-Origin") == "*");
  }

  {  // a missing page: status 404 with the portal's own 404 page
    auto r = c.Get("/khong-co-trang-nay/");
    REQUIRE(r);
    CHECK(r->status == 404);
    CHECK(r->body == read_text(out + "/404.html"));
    CHECK(r->has_header("Content-Security-Policy"));
  }
}
