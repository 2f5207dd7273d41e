// Embeds for ward sites: small, self-contained pages and JSON for widget.js.
#include <doctest/doctest.h>

#include <regex>

#include "outputs/embeds.h"
#include "site/test_support.h"

using namespace bangtin;
using namespace bangtin::testing;

namespace {

const char* kNow = "2026-11-23T12:00:00+07:00";

std::string asset_named(const std::map<std::string, std::string>& files, const std::string& prefix) {
  for (const auto& [path, bytes] : files)
    if (path.rfind(prefix, 0) == 0 && path.find(".gz") == std::string::npos && path.find(".br") == std::string::npos)
      return bytes;
  return "";
}

}  // namespace

TEST_CASE("an embed page per column and unit: under 20 KB with its CSS, nothing from other sites, links in a new tab") {
  auto files = files_of(build_in_memory(kSourceDir, kNow));
  std::string css = asset_named(files, "assets/css/embed.");
  std::string script = asset_named(files, "assets/js/embed-page.");
  REQUIRE_FALSE(css.empty());
  REQUIRE_FALSE(script.empty());
  std::vector<std::string> pages = {"nhung/chuyen-muc/dai-hoi-xiv/index.html", "nhung/chuyen-muc/van-ban-chi-dao/index.html",
                                    "nhung/don-vi/phuong-hoan-kiem/index.html", "nhung/don-vi/xa-dong-anh/index.html",
                                    "nhung/banner/index.html"};
  // What a browser fetches: src= and <link href=>; <a href> is only followed when clicked.
  const std::regex fetched("(?:src=|<link [^>]*href=)\"([^\"]*)\"");
  for (const auto& path : pages) {
    INFO(path);
    REQUIRE(files.count(path));
    const std::string& html = files.at(path);
    CHECK(html.size() + css.size() + script.size() < 20 * 1024);
    // Every address the page names is the portal's own.
    for (std::sregex_iterator it(html.begin(), html.end(), fetched), end; it != end; ++it) {
      INFO((*it)[1].str());
      CHECK((*it)[1].str().rfind("https://sovhtt.example.gov.vn/", 0) == 0);
    }
    size_t links = 0, new_tab = 0;
    for (size_t at = html.find("<a "); at != std::string::npos; at = html.find("<a ", at + 1)) {
      ++links;
      std::string tag = html.substr(at, html.find('>', at) - at);
      new_tab += contains(tag, "target=\"_blank\"") && contains(tag, "rel=\"noopener\"");
    }
    CHECK(links == new_tab);
    CHECK_FALSE(contains(html, "cookie"));
  }
  CHECK_FALSE(contains(script, "cookie"));
  CHECK(contains(css, "max-width:340px"));  // narrow screens (300 px iframes) have their own rule
  // Every column and unit has one.
  CHECK(files.count("nhung/chuyen-muc/thong-tin-co-so/index.html"));
  CHECK(files.count("nhung/don-vi/so-vhtt/index.html"));
}

TEST_CASE("widget.js data: the same list as JSON, absolute URLs, and a stable widget address") {
  auto files = files_of(build_in_memory(kSourceDir, kNow));
  Json data = Json::parse(files.at("nhung/chuyen-muc/dai-hoi-xiv.json"));
  CHECK(data["title"] == "Đại hội XIV của Đảng");
  CHECK(data["url"] == "https://sovhtt.example.gov.vn/chuyen-muc/dai-hoi-xiv/");
  REQUIRE(data["items"].size() == kEmbedItems);
  for (const auto& item : data["items"]) {
    CHECK(item["url"].get<std::string>().rfind("https://sovhtt.example.gov.vn/", 0) == 0);
    CHECK(item["title"].is_string());
    CHECK(item["date"].is_string());
  }
  // The embed page lists the same items in the same order.
  const std::string& page = files.at("nhung/chuyen-muc/dai-hoi-xiv/index.html");
  CHECK(page.find(data["items"][0]["url"].get<std::string>()) < page.find(data["items"][1]["url"].get<std::string>()));
  const std::string& widget = files.at("nhung/widget.js");
  CHECK(widget == asset_named(files, "assets/js/widget."));
  CHECK(contains(widget, "textContent"));
  CHECK_FALSE(contains(widget, "innerHTML"));
  Json banner = Json::parse(files.at("nhung/banner.json"));
  REQUIRE(banner["banners"].size() >= 1);
  CHECK(banner["banners"][0]["start"].is_string());
  CHECK(banner["banners"][0]["end"].is_string());
}

TEST_CASE("the Nhúng tin page is in the footer and offers every column, unit and the banner") {
  auto files = files_of(build_in_memory(kSourceDir, kNow));
  CHECK(contains(files.at("index.html"), "href=\"/nhung-tin/\""));
  const std::string& builder = files.at("nhung-tin/index.html");
  CHECK(contains(builder, "<h1>Nhúng tin</h1>"));
  CHECK(contains(builder, "value=\"https://sovhtt.example.gov.vn/nhung/chuyen-muc/cai-cach-hanh-chinh/\""));
  CHECK(contains(builder, "value=\"https://sovhtt.example.gov.vn/nhung/don-vi/xa-ba-vi/\""));
  CHECK(contains(builder, "value=\"https://sovhtt.example.gov.vn/nhung/banner/\""));
  CHECK(contains(builder, "data-widget=\"https://sovhtt.example.gov.vn/nhung/widget.js\""));
  CHECK(contains(builder, "<iframe id=\"embed-preview\" src=\"https://sovhtt.example.gov.vn/nhung/chuyen-muc/dai-hoi-xiv/?n=5\""));
}
