// Feeds: every feed of the sample portal and of a fixture whose titles hold
// <script>, &, quotes, a vertical tab and "]]>" must satisfy a strict XML
// parser and feedparser (tests/tools/check_feeds.py), and say exactly what
// the content says.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "core/disk.h"
#include "core/text.h"
#include "outputs/feeds.h"
#include "site/test_support.h"

namespace fs = std::filesystem;
using namespace bangtin;
using namespace bangtin::testing;

namespace {

const char* kNow = "2026-11-23T12:00:00+07:00";
const std::string kHostile = kSites + "/valid-hostile-feeds";


std::string build_to(const std::string& source, const std::string& out) {
  BuildOptions o;
  o.source = source;
  o.output = out;
  o.now = kNow;
  RealDisk disk;
  BuildResult r = build_site(o, disk);
  REQUIRE(r.ok());
  return out;
}

int run_checker(const std::string& out, const std::string& base, std::string& log) {
  std::string log_file = out + ".log";
  std::string cmd = "/usr/bin/python3 " + kSourceDir + "/tests/tools/check_feeds.py " + out + " " + base + " > " +
                    log_file + " 2>&1";
  int status = std::system(cmd.c_str());
  read_file(log_file, log);
  return WEXITSTATUS(status);
}

size_t count(const std::string& s, const std::string& part) {
  size_t n = 0;
  for (size_t at = s.find(part); at != std::string::npos; at = s.find(part, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("every feed of the sample portal passes feedparser and a strict XML parser") {
  TempDir tmp("feeds-sample");
  std::string out = build_to(kSourceDir, tmp.path() + "/public"), log;
  int status = run_checker(out, "https://sovhtt.example.gov.vn/", log);
  INFO(log);
  CHECK(status == 0);
  CHECK(contains(log, " 0 problems"));
}

TEST_CASE("hostile titles, summaries and bodies still make well-formed feeds") {
  TempDir tmp("feeds-hostile");
  std::string out = build_to(kHostile, tmp.path() + "/public"), log;
  int status = run_checker(out, "https://hostile.example.gov.vn/cong/", log);
  INFO(log);
  CHECK(status == 0);

  std::string rss = read_text(out + "/rss.xml");
  CHECK_FALSE(contains(rss, "\v"));
  CHECK(contains(rss, "<title>Tiêu đề &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;trích dẫn&quot;"));
  // Raw HTML holding "]]>" is split across two CDATA sections, not cut short.
  CHECK(contains(rss, "data-note=\"]]]]><![CDATA[>\""));
  CHECK_FALSE(contains(rss, "<script>"));
  // Links inside the body are absolute, with the base path once.
  CHECK(contains(rss, "href=\"https://hostile.example.gov.vn/cong/phat-thanh/ban-tin-1/\""));
  // A picture in a body is its widest JPEG copy, with its size.
  CHECK(contains(rss, "src=\"https://hostile.example.gov.vn/cong/bai-viet/bia-la/bia-192.jpg\" width=\"192\" height=\"192\""));
  CHECK_FALSE(contains(rss, "/cong/cong/"));
  // feeds.items = 3 caps every feed.
  CHECK(count(read_text(out + "/chuyen-muc/tin-tuc/rss.xml"), "<item>") == 3);
  CHECK(count(read_text(out + "/chuyen-muc/tin-tuc/atom.xml"), "<entry>") == 3);
}

TEST_CASE("an RSS item carries guid, +0700 date, columns, full body, Media RSS and an enclosure with the file's size") {
  TempDir tmp("feeds-items");
  std::string out = build_to(kHostile, tmp.path() + "/public");
  std::string rss = read_text(out + "/rss.xml");
  CHECK(contains(rss, "<guid isPermaLink=\"true\">https://hostile.example.gov.vn/cong/bai-viet/bia-la/</guid>"));
  CHECK(contains(rss, "<pubDate>Sun, 01 Mar 2026 08:00:00 +0700</pubDate>"));
  CHECK(contains(rss, "<category>Tin &lt;tức&gt; &amp; &quot;sự kiện&quot;</category>"));
  CHECK(contains(rss, "<atom:link href=\"https://hostile.example.gov.vn/cong/rss.xml\" rel=\"self\""));
  CHECK(contains(rss, "<language>vi</language>"));
  auto ogg = fs::file_size(kHostile + "/content/audio/ban-tin-1/ban-tin.ogg");
  CHECK(contains(rss, "<enclosure url=\"https://hostile.example.gov.vn/cong/phat-thanh/ban-tin-1/ban-tin.ogg\" length=\"" +
                          std::to_string(ogg) + "\" type=\"audio/ogg\"/>"));
  auto jpeg = fs::file_size(out + "/bai-viet/bia-la/bia-192.jpg");
  CHECK(contains(rss, "<media:content url=\"https://hostile.example.gov.vn/cong/bai-viet/bia-la/bia-192.jpg\" type=\"image/jpeg\" "
                      "medium=\"image\" fileSize=\"" + std::to_string(jpeg) + "\" width=\"192\" height=\"192\">"));
  CHECK(contains(rss, "<media:thumbnail url=\"https://hostile.example.gov.vn/cong/bai-viet/bia-la/bia-192.jpg\""));

  std::string podcast = read_text(out + "/don-vi/phuong-a/podcast.xml");
  CHECK(contains(podcast, "<itunes:duration>65</itunes:duration>"));
  CHECK(contains(podcast, "<itunes:category text=\"Government\"/>"));
  CHECK(contains(podcast, "<itunes:explicit>false</itunes:explicit>"));
  CHECK(count(podcast, "<item>") == 1);
  CHECK(count(read_text(out + "/phat-thanh/podcast.xml"), "<item>") == 1);
}

TEST_CASE("JSON Feed 1.1 has its required fields and the same items") {
  auto files = files_of(build_in_memory(kHostile, kNow));
  auto feed = Json::parse(files.at("feed.json"));
  CHECK(feed["version"] == "https://jsonfeed.org/version/1.1");
  CHECK(feed["feed_url"] == "https://hostile.example.gov.vn/cong/feed.json");
  REQUIRE(feed["items"].size() == 3);
  for (const auto& item : feed["items"]) {
    CHECK(item["id"].is_string());
    CHECK((item.contains("content_html") || item.contains("content_text")));
  }
  CHECK(feed["items"][1]["attachments"][0]["duration_in_seconds"] == 65);
}

TEST_CASE("pages announce the feeds that follow them") {
  auto files = files_of(build_in_memory(kHostile, kNow));
  const std::string& home = files.at("index.html");
  CHECK(contains(home, "type=\"application/rss+xml\""));
  CHECK(contains(home, "href=\"https://hostile.example.gov.vn/cong/atom.xml\""));
  CHECK(contains(home, "href=\"https://hostile.example.gov.vn/cong/feed.json\""));
  CHECK(contains(files.at("chuyen-muc/tin-tuc/index.html"), "href=\"https://hostile.example.gov.vn/cong/chuyen-muc/tin-tuc/rss.xml\""));
  CHECK(contains(files.at("don-vi/phuong-a/index.html"), "href=\"https://hostile.example.gov.vn/cong/don-vi/phuong-a/podcast.xml\""));
  CHECK(contains(files.at("the/script/index.html"), "href=\"https://hostile.example.gov.vn/cong/the/script/rss.xml\""));
  // Every announced feed exists.
  for (const auto& file : files) {
    // (Not a structured binding: clang 14 cannot capture one in INFO's lambda.)
    const std::string& path = file.first;
    const std::string& bytes = file.second;
    if (!ends_with(path, ".html")) continue;
    for (size_t at = bytes.find("rel=\"alternate\" type=\"application/"); at != std::string::npos;
         at = bytes.find("rel=\"alternate\" type=\"application/", at + 1)) {
      size_t h = bytes.find("href=\"https://hostile.example.gov.vn/cong/", at) + 42;
      std::string target = bytes.substr(h, bytes.find('"', h) - h);
      INFO(path << " → " << target);
      CHECK(files.count(target) == 1);
    }
  }
}

TEST_CASE("the feed checker itself rejects a broken feed") {
  TempDir tmp("feeds-broken");
  std::string bad = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>a\vb</title><item><title>x</title>"
                    "</item></channel></rss>\n";
  std::ofstream(tmp.path() + "/rss.xml") << bad;
  std::string log;
  CHECK(run_checker(tmp.path(), "https://x.example/", log) == 1);
  CHECK(contains(log, "not well-formed"));
}

TEST_CASE("feed helpers: RFC 822 dates, CDATA and absolute links") {
  CHECK(rfc822(Timestamp{0}, 420) == "Thu, 01 Jan 1970 07:00:00 +0700");
  CHECK(xml_cdata("a]]>b\vc") == "<![CDATA[a]]]]><![CDATA[>bc]]>");
  CHECK(xml_escape("<\"&'>\x01") == "&lt;&quot;&amp;&apos;&gt;");
}

TEST_CASE("feed bodies: root-relative href, src and poster become absolute, nothing else") {
  SiteConfig config;
  config.base_url = "https://cong.example.vn/portal/";
  Library lib;
  Templates templates;
  std::map<std::string, std::string> assets;
  SiteContext ctx{config, lib, templates, assets, ".", "/portal"};
  std::string html =
      "<p>Xem <a href=\"/portal/bai-viet/a/\">bài</a> và <a  class=\"x\" href=\"/portal/b/\">b</a>.</p>"
      "<img src=\"/portal/anh.jpg\" alt=\"a = \\\"/\\\"\"><video poster=\"/portal/p.jpg\"></video>"
      "<a href=\"//cdn.example/x\">cdn</a><a data-href=\"/portal/giu-nguyen/\">d</a><a href=\"https://khac.vn/\">k</a>"
      "<p>Công thức x=\"/y\" trong văn bản.</p>";
  CHECK(absolute_links(ctx, html) ==
        "<p>Xem <a href=\"https://cong.example.vn/portal/bai-viet/a/\">bài</a> và <a  class=\"x\" "
        "href=\"https://cong.example.vn/portal/b/\">b</a>.</p>"
        "<img src=\"https://cong.example.vn/portal/anh.jpg\" alt=\"a = \\\"/\\\"\">"
        "<video poster=\"https://cong.example.vn/portal/p.jpg\"></video>"
        "<a href=\"//cdn.example/x\">cdn</a><a data-href=\"/portal/giu-nguyen/\">d</a><a href=\"https://khac.vn/\">k</a>"
        "<p>Công thức x=\"/y\" trong văn bản.</p>");
}
