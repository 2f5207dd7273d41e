// The portal under load while it is rebuilt (issue 8, item 5): nginx with
// docs/nginx.conf serves a copy of the sample portal on a loopback port; wrk
// asks for the home page, article pages, feeds, the sitemap, a stylesheet, a
// script and an image (half the requests with Accept-Encoding: gzip, so the
// .gz twins are served too) while `bangtin build` runs again and again, each
// time over a changed article, so every build swaps in a different tree.
// Not one answer may be anything but a whole 200: no 404 or 5xx, no body
// shorter than its Content-Length or an HTML page cut before </html>, no
// socket error (tests/hardening/swap_load.lua counts them).
//
// A first 1 s run over a missing page proves the count works.
// Bounded: 5 s of wrk without rebuilds (the baseline), then 15 s with them
// (up to 15 s more on a machine too busy to swap 3 builds in by then); each
// wrk run is killed after 60 s whatever happens. Skips only when nginx or
// wrk (both in .ci/setup's PACKAGES) is not installed.
#include <doctest/doctest.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <thread>
#include <vector>

#include "hardening/nginx_support.h"

namespace fs = std::filesystem;
using namespace bangtin::testing;

namespace {

const char* kWrk = "/usr/bin/wrk";

struct WrkRun {
  std::string output;
  long requests = -1, status = -1, shorts = -1, connect = -1, read = -1, write = -1, timeout = -1, rps = -1;
};

// `seconds` of wrk on 2 threads × 16 connections over `paths`, in turn.
WrkRun run_wrk(int port, int seconds, const std::vector<std::string>& paths) {
  std::string cmd = "timeout 60 " + std::string(kWrk) + " -t2 -c16 --timeout 5s -d" + std::to_string(seconds) +
                    "s -s '" + kSourceDir + "/tests/hardening/swap_load.lua' http://127.0.0.1:" +
                    std::to_string(port) + " --";
  for (const auto& p : paths) cmd += " '" + p + "'";
  WrkRun r;
  FILE* f = popen((cmd + " 2>&1").c_str(), "r");
  REQUIRE(f);
  char buf[4096];
  while (size_t n = fread(buf, 1, sizeof buf, f)) r.output.append(buf, n);
  pclose(f);
  std::smatch m;
  std::regex line(
      "swap-load: requests=(\\d+) status=(\\d+) short=(\\d+) connect=(\\d+) read=(\\d+) write=(\\d+) "
      "timeout=(\\d+) rps=(\\d+)");
  if (std::regex_search(r.output, m, line)) {
    long* fields[] = {&r.requests, &r.status, &r.shorts, &r.connect, &r.read, &r.write, &r.timeout, &r.rps};
    for (int i = 0; i < 8; ++i) *fields[i] = std::stol(m[i + 1]);
  }
  return r;
}

void check_clean(const WrkRun& r) {
  INFO(r.output);
  REQUIRE(r.requests > 0);
  CHECK(r.status == 0);
  CHECK(r.shorts == 0);
  CHECK(r.connect == 0);
  CHECK(r.read == 0);
  CHECK(r.write == 0);
  CHECK(r.timeout == 0);
}

std::string first_match(const std::string& text, const std::string& pattern) {
  std::smatch m;
  return std::regex_search(text, m, std::regex(pattern)) ? m[1].str() : "";
}

}  // namespace

TEST_CASE("nginx under wrk: rebuilds swapped in underneath it lose no request") {
  if (access(kNginx, X_OK) != 0 || access(kWrk, X_OK) != 0) {
    MESSAGE("nginx or wrk is not installed (both are in .ci/setup's PACKAGES): skipped");
    return;
  }
  TempDir t("swap-load");
  const std::string site = t.path() + "/site", out = t.path() + "/public";
  fs::create_directories(site);
  for (const char* part : {"content", "templates", "assets", "site-config.json"})
    fs::copy(kSourceDir + "/" + part, site + "/" + part, fs::copy_options::recursive);
  const std::string article = site + "/content/articles/khai-mac-dai-hoi-xiv.md";
  REQUIRE(fs::exists(article));
  const int port = free_port();
  REQUIRE_MESSAGE(build_for_port(site, out, port, t.path() + "/build.log"), read_text(t.path() + "/build.log"));
  std::ofstream(t.path() + "/server.conf") << server_block(port, out);
  Nginx nginx(t.path(), port);
  REQUIRE_MESSAGE(nginx.ready(), read_text(t.path() + "/error.log"));

  // What a reader's browser and a feed reader ask for.
  std::string home = read_text(out + "/index.html");
  std::vector<std::string> paths = {"/", "/bai-viet/khai-mac-dai-hoi-xiv/", "/rss.xml", "/feed.json", "/sitemap.xml"};
  for (const char* pattern : {"href=\"(/assets/[^\"]+\\.css)\"", "src=\"(/assets/[^\"]+\\.js)\"",
                              "src=\"(/[^\"]+\\.(?:jpg|webp|png))\"", "href=\"(/bai-viet/[^\"]+/)\""}) {
    std::string p = first_match(home, pattern);
    REQUIRE_MESSAGE(!p.empty(), pattern);
    paths.push_back(p);
  }
  for (const auto& p : paths) {
    std::string file = out + p + (p.back() == '/' ? "index.html" : "");
    REQUIRE_MESSAGE(fs::exists(file), p);
  }

  {  // The count sees what it is for: every answer for a missing page is counted.
    WrkRun missing = run_wrk(port, 1, {"/khong-co-trang-nay/", "/"});
    INFO(missing.output);
    CHECK(missing.requests > 0);
    CHECK(missing.status > missing.requests / 3);  // half of the requests ask for it
  }
  WrkRun base = run_wrk(port, 5, paths);
  check_clean(base);

  // Rebuild, each time with one more sentence in an article (its page, the
  // home page, feeds and search index change), until wrk is done.
  std::atomic<bool> stop{false};
  std::atomic<int> swaps{0}, failed{0};
  std::string last_sentence;
  std::thread rebuilds([&] {
    for (int n = 1; !stop; ++n) {
      std::string sentence = "Câu kiểm tra tải số " + std::to_string(n) + ".";
      std::ofstream(article, std::ios::app) << "\n" << sentence << "\n";
      if (build_for_port(site, out, port, t.path() + "/rebuild.log")) {
        ++swaps;
        last_sentence = sentence;
      } else {
        ++failed;
      }
    }
  });
  struct Stop {  // also when a REQUIRE below leaves early
    std::atomic<bool>& stop;
    std::thread& thread;
    ~Stop() {
      stop = true;
      if (thread.joinable()) thread.join();
    }
  } stop_rebuilds{stop, rebuilds};
  // 15 s; on a machine so busy that fewer than 3 rebuilds were swapped in by
  // then, up to 3 more runs of 5 s until they were.
  std::vector<WrkRun> loaded = {run_wrk(port, 15, paths)};
  while (swaps < 3 && loaded.size() < 4) loaded.push_back(run_wrk(port, 5, paths));
  stop = true;
  rebuilds.join();

  long requests = 0, seconds = 0;
  for (size_t i = 0; i < loaded.size(); ++i) {
    check_clean(loaded[i]);
    requests += loaded[i].requests;
    seconds += i == 0 ? 15 : 5;
  }
  MESSAGE("wrk, 2 threads × 16 connections over " << paths.size() << " URLs: " << base.rps
          << " requests/s without rebuilds; " << requests / seconds << " requests/s (" << requests
          << " requests in " << seconds << " s) while " << swaps.load() << " rebuilds were swapped in");
  CHECK_MESSAGE(failed == 0, read_text(t.path() + "/rebuild.log"));
  CHECK(swaps >= 3);
  // The last rebuild is what nginx serves now.
  httplib::Client c("127.0.0.1", port);
  c.set_read_timeout(5, 0);
  auto page = c.Get("/bai-viet/khai-mac-dai-hoi-xiv/");
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK(page->body.find(last_sentence) != std::string::npos);
  // Nothing but the output is left beside it: every staging folder is gone.
  size_t beside = 0;
  for (auto& e : fs::directory_iterator(t.path())) beside += e.path().filename().string().rfind(".public", 0) == 0;
  CHECK(beside == 0);
}
