// Sharing on Facebook and Zalo: Open Graph, Twitter card and JSON-LD in the
// static <head>, escaped for where they land.
#include <doctest/doctest.h>

#include "outputs/share.h"
#include "site/test_support.h"

using namespace bangtin;
using namespace bangtin::testing;

namespace {

const char* kNow = "2026-11-23T12:00:00+07:00";

Json json_ld(const std::string& html) {
  const std::string open = "<script type=\"application/ld+json\">";
  size_t at = html.find(open);
  if (at == std::string::npos) return Json();
  at += open.size();
  return Json::parse(html.substr(at, html.find("</script>", at) - at));
}

}  // namespace

TEST_CASE("an article page carries Open Graph, a Twitter card and NewsArticle JSON-LD") {
  auto files = files_of(build_in_memory(kSourceDir, kNow));
  const std::string& page = files.at("bai-viet/chu-ky-so-cho-can-bo-phuong/index.html");
  CHECK(contains(page, "<meta property=\"og:type\" content=\"article\">"));
  CHECK(contains(page, "<meta property=\"og:url\" content=\"https://sovhtt.example.gov.vn/bai-viet/chu-ky-so-cho-can-bo-phuong/\">"));
  // The cover cropped to the 1200×630 share shape; the size is read from the JPEG itself.
  CHECK(contains(page, "<meta property=\"og:image\" content=\"https://sovhtt.example.gov.vn/bai-viet/chu-ky-so-cho-can-bo-phuong/cover-share-1200.jpg\">"));
  CHECK(contains(page, "<meta property=\"og:image:width\" content=\"1200\">"));
  CHECK(contains(page, "<meta property=\"og:image:height\" content=\"630\">"));
  CHECK(contains(page, "<meta property=\"article:published_time\" content=\"20"));
  CHECK(contains(page, "<meta name=\"twitter:card\" content=\"summary_large_image\">"));

  Json ld = json_ld(page);
  REQUIRE(ld.is_object());
  CHECK(ld["@type"] == "NewsArticle");
  for (const char* key : {"headline", "datePublished", "dateModified", "author", "publisher", "image"}) {
    INFO(key);
    CHECK(ld.contains(key));
  }
  CHECK(ld["publisher"]["logo"]["url"].get<std::string>().find("https://sovhtt.example.gov.vn/assets/images/logo.") == 0);
  CHECK(ld["publisher"]["logo"]["width"] == 192);
  // Both shapes, so a search engine can choose.
  CHECK(ld["image"] == Json::array({"https://sovhtt.example.gov.vn/bai-viet/chu-ky-so-cho-can-bo-phuong/cover-share-1200.jpg",
                                    "https://sovhtt.example.gov.vn/bai-viet/chu-ky-so-cho-can-bo-phuong/cover-1600.jpg"}));
}

TEST_CASE("every page of the sample portal has og:title, og:image with its size and a Twitter card") {
  auto files = files_of(build_in_memory(kSourceDir, kNow));
  size_t pages = 0, articles = 0;
  for (const auto& entry : files) {  // no structured binding: clang 14 cannot capture one in INFO/CAPTURE
    const auto& path = entry.first;
    const auto& html = entry.second;
    if (path.size() < 5 || path.compare(path.size() - 5, 5, ".html") != 0 || !contains(html, "<head>")) continue;
    if (path.rfind("nhung/", 0) == 0) continue;  // embeds are not shared pages
    if (contains(html, "http-equiv=\"refresh\"")) continue;  // redirects from old addresses
    ++pages;
    INFO(path);
    CHECK(contains(html, "<meta property=\"og:title\""));
    CHECK(contains(html, "<meta property=\"og:image\" content=\"https://"));
    CHECK(contains(html, "<meta property=\"og:image:width\""));
    CHECK(contains(html, "<meta name=\"twitter:card\""));
    if (path.rfind("bai-viet/", 0) == 0 && path.rfind("bai-viet/trang/", 0) != 0 && path != "bai-viet/index.html") {
      ++articles;
      Json ld = json_ld(html);
      CHECK(ld.is_object());
    }
  }
  CHECK(pages > 100);
  CHECK(articles > 30);
}

TEST_CASE("hostile titles stay inert in meta tags and JSON-LD") {
  auto files = files_of(build_in_memory(kSites + "/valid-hostile-feeds", kNow));
  const std::string& page = files.at("bai-viet/bia-la/index.html");
  CHECK(contains(page, "<meta property=\"og:title\" content=\"Tiêu đề &lt;script&gt;alert(&quot;x&quot;)"));
  size_t at = page.find("application/ld+json");
  REQUIRE(at != std::string::npos);
  std::string script = page.substr(at, page.find("</script>", at) - at);
  CHECK_FALSE(contains(script, "<script>"));
  CHECK_FALSE(contains(script, "</"));
  Json ld = json_ld(page);
  CHECK(ld["headline"].get<std::string>().find("<script>alert(\"x\")</script>") != std::string::npos);
  CHECK(script_json(Json("</script><!--&")) == "\"\\u003c/script\\u003e\\u003c!--\\u0026\"");
}
