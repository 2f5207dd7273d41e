// The portal served for real: Debian's nginx, on a loopback port, with
// docs/nginx.conf (only its listen, server_name and root lines replaced),
// over the sample portal built for that address. Every sitemap URL and every
// feed must answer 200 with the right type and a Content-Security-Policy; a
// missing page gets the portal's 404 page with status 404.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>

#include "hardening/nginx_support.h"

namespace fs = std::filesystem;
using namespace bangtin::testing;

namespace {

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
  REQUIRE_MESSAGE(build_for_port(kSourceDir, out, port, t.path() + "/build.log"), read_text(t.path() + "/build.log"));
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

TEST_CASE("nginx: pages load in headless Chromium under docs/nginx.conf's CSP with no violation or console error") {
  if (access(kNginx, X_OK) != 0) {
    MESSAGE("nginx is not installed (it is in .ci/setup's PACKAGES): skipped");
    return;
  }
  REQUIRE_MESSAGE(fs::exists(kSourceDir + "/tests/browser/node_modules/playwright-core/package.json"),
                  "run bash .ci/setup (npm ci in tests/browser)");
  TempDir t("nginx-csp");
  const int port = free_port();
  const std::string base = "http://127.0.0.1:" + std::to_string(port);
  const std::string out = t.path() + "/public";
  REQUIRE_MESSAGE(build_for_port(kSourceDir, out, port, t.path() + "/build.log"), read_text(t.path() + "/build.log"));
  std::ofstream(t.path() + "/server.conf") << server_block(port, out);
  Nginx nginx(t.path(), port);
  REQUIRE_MESSAGE(nginx.ready(), read_text(t.path() + "/error.log"));
  auto csp = [&](const std::string& paths, std::string& output) {
    std::string log = t.path() + "/csp.log";
    int raw = std::system(("timeout 300 node '" + kSourceDir + "/tests/browser/csp.mjs' " + base + " " + paths + " > '" +
                           log + "' 2>&1").c_str());
    output = read_text(log);
    return WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  };

  // The home page, an article, a video (its YouTube frame), the search page
  // running a query (its script fetches the index), an embed page.
  std::string output;
  int status = csp("/ /bai-viet/khai-mac-dai-hoi-xiv/ /video/phong-su-dai-truyen-thanh-co-so/ "
                   "'/tim-kiem/?q=%C4%91%E1%BA%A1i+h%E1%BB%99i' /nhung-tin/ /en/",
                   output);
  INFO(output);
  CHECK(status == 0);
  CHECK(output.find("csp: 0 problems on 6 pages") != std::string::npos);

  // The check sees what it is for: a page with inline script and an inline
  // handler is reported.
  fs::create_directories(out + "/csp-probe");
  std::ofstream(out + "/csp-probe/index.html")
      << "<!doctype html><html lang=vi><title>probe</title><script>document.title = 'ran';</script>"
         "<img src=/robots.txt onerror=\"document.title='ran'\" alt=''></html>\n";
  status = csp("/csp-probe/", output);
  INFO(output);
  CHECK(status == 1);
  CHECK(output.find("/csp-probe/: CSP violation: script-src") != std::string::npos);
}
