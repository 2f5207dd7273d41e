// What a portal shows when its config or its editors leave something out:
// the footer gives only the contact details there are, every page has a meta
// description, a lead (sapo) is printed only when the editor wrote one, and
// "Tin nổi bật" does not open with the story that heads "Tin mới nhất".
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

#include "check/lint.h"
#include "config/config.h"
#include "core/disk.h"
#include "core/text.h"
#include "../site/test_support.h"

using namespace bangtin;
using namespace bangtin::testing;

namespace {

const std::string kNow = "2026-11-23T12:00:00+07:00";
const std::string kSmallest = kSites + "/valid-smallest";

std::string between(const std::string& html, const std::string& from, const std::string& to) {
  size_t a = html.find(from);
  if (a == std::string::npos) return "";
  size_t b = html.find(to, a);
  return html.substr(a, b == std::string::npos ? std::string::npos : b - a);
}

std::string meta_description(const std::string& html) {
  std::smatch m;
  static const std::regex re("<meta name=\"description\" content=\"([^\"]*)\">");
  return std::regex_search(html, m, re) ? m[1].str() : "<none>";
}

// Titles of the cards in a block of the home page, in order.
std::vector<std::string> card_titles(const std::string& block) {
  std::vector<std::string> out;
  static const std::regex re("class=\"card-title\">(?:<span[^<]*</span> )?<a href=\"[^\"]*\">([^<]*)</a>");
  for (auto it = std::sregex_iterator(block.begin(), block.end(), re); it != std::sregex_iterator(); ++it)
    out.push_back((*it)[1]);
  return out;
}

std::vector<std::string> latest_titles(const std::string& home) {
  std::vector<std::string> out;
  std::string box = between(home, "<ol class=\"latest\">", "</ol>");
  static const std::regex re("<li><a href=\"[^\"]*\">([^<]*)</a>");
  for (auto it = std::sregex_iterator(box.begin(), box.end(), re); it != std::sregex_iterator(); ++it)
    out.push_back((*it)[1]);
  return out;
}

// The smallest site with `keys` added to its config.
BuildResult build_smallest_with(const std::string& keys) {
  TempDir tmp("smallest-with");
  std::filesystem::copy(kSmallest, tmp.path(), std::filesystem::copy_options::recursive);
  std::string config = read_text(kSmallest + "/site-config.json");
  config.replace(config.rfind('}'), 1, ",\n  " + keys + "\n}");
  std::ofstream(tmp.path() + "/site-config.json", std::ios::trunc) << config;
  return build_in_memory(tmp.path(), kNow);
}

}  // namespace

TEST_CASE("a site without contact details gets no empty footer lines, and a made description") {
  BuildResult r = build_in_memory(kSmallest, kNow);
  for (const auto& d : r.diags.sorted()) CHECK_MESSAGE(d.severity == Severity::Warning, d.headline());
  REQUIRE(r.ok());
  auto files = files_of(r);
  int pages = 0;
  for (const auto& entry : files) {
    const std::string& path = entry.first;
    const std::string& html = entry.second;
    if (!ends_with(path, ".html") || !contains(html, "<footer class=\"site-footer\">")) continue;
    CAPTURE(path);
    ++pages;
    CHECK_FALSE(contains(html, "mailto:\""));
    CHECK_FALSE(contains(html, "<a href=\"mailto:\"></a>"));
    for (const char* label : {"Cơ quan chủ quản:", "Chịu trách nhiệm chính:", "Địa chỉ:", "Điện thoại:", "Thư điện tử:"})
      CHECK_FALSE(contains(html, label));
    CHECK_FALSE(contains(html, "<address"));  // nothing given: no block at all
    CHECK(meta_description(html) != "");
  }
  CHECK(pages >= 6);  // home, column, three articles, the page, lists, 404…

  const std::string& home = files.at("index.html");
  std::string description = meta_description(home);
  CHECK(description ==
        "Trang thông tin điện tử xã Thử Nghiệm: tin tức, sự kiện, văn bản, infographic, video và bài phát "
        "thanh.");
  CHECK(contains(home, "<meta property=\"og:description\" content=\"" + description + "\">"));
}

TEST_CASE("the footer gives each contact detail the config gives, and only those") {
  BuildResult r = build_smallest_with(
      "\"contact\": { \"agency\": \"Ủy ban nhân dân xã Thử Nghiệm\", \"email\": \"ubnd@thu.gov.vn\" },"
      "\n  \"units\": [{ \"key\": \"xa\", \"title\": \"Ủy ban nhân dân xã Thử Nghiệm\" },"
      " { \"key\": \"thon-dong\", \"title\": \"Thôn Đông\" }]");
  REQUIRE(r.ok());
  auto files = files_of(r);
  std::string footer = between(files.at("index.html"), "<footer", "</footer>");
  CHECK(contains(footer, "<p>Cơ quan chủ quản: Ủy ban nhân dân xã Thử Nghiệm</p>"));
  CHECK(contains(footer, "<p>Thư điện tử: <a href=\"mailto:ubnd@thu.gov.vn\">ubnd@thu.gov.vn</a></p>"));
  for (const char* label : {"Chịu trách nhiệm chính:", "Địa chỉ:", "Điện thoại:"}) CHECK_FALSE(contains(footer, label));
  // With units the made description names them.
  CHECK(meta_description(files.at("index.html")) ==
        "Trang thông tin điện tử xã Thử Nghiệm: tin tức, sự kiện, văn bản, infographic, video và bài phát "
        "thanh của Ủy ban nhân dân xã Thử Nghiệm, Thôn Đông.");
}

TEST_CASE("a made description is cut at a word to what search engines show") {
  std::string units;
  for (int i = 1; i <= 12; ++i)
    units += std::string(i > 1 ? ", " : "") + "{ \"key\": \"phuong-" + std::to_string(i) + "\", \"title\": \"Phường Số " +
             std::to_string(i) + "\", \"kind\": \"ward\" }";
  BuildResult r = build_smallest_with("\"units\": [" + units + "]");
  REQUIRE(r.ok());
  std::string description = meta_description(files_of(r).at("index.html"));
  size_t chars = static_cast<size_t>(std::count_if(description.begin(), description.end(),
                                                   [](char c) { return (c & 0xC0) != 0x80; }));
  CHECK(chars <= 160);
  CHECK(chars > 120);
  CHECK(ends_with(description, "…"));
  CHECK(starts_with(description, "Trang thông tin điện tử xã Thử Nghiệm: tin tức"));
  CHECK(contains(description, "của Phường Số 1, Phường Số 2"));
  CHECK_FALSE(ends_with(description, " …"));
  CHECK_FALSE(ends_with(description, ",…"));
}

TEST_CASE("check names the missing contact details and the missing description, at their lines") {
  BuildOptions o;
  o.source = kSmallest;
  o.now = kNow;
  o.write = false;
  o.lint = true;
  MemoryDisk disk;
  BuildResult r = build_site(o, disk);
  REQUIRE(r.ok());
  std::vector<std::string> config_warnings;
  for (const auto& d : r.diags.sorted())
    if (d.path == "site-config.json") config_warnings.push_back(d.headline() + "\n  → " + d.hint);
  CHECK(join_lines(config_warnings) ==
        "site-config.json:1: cảnh báo: Nghị định 42/2022/NĐ-CP yêu cầu cổng thông tin ghi cơ quan chủ quản, người chịu "
        "trách nhiệm, địa chỉ, điện thoại và thư điện tử; còn thiếu: cơ quan chủ quản (agency), người chịu trách nhiệm "
        "(responsible), địa chỉ (address), điện thoại (phone), thư điện tử (email)\n"
        "  → thêm \"contact\": {\"agency\": \"…\", \"responsible\": \"…\", \"address\": \"…\", \"phone\": \"…\", "
        "\"email\": \"…\"}; chân mỗi trang hiện những gì có\n"
        "site-config.json:2: cảnh báo: cổng chưa có mô tả: trang chủ và các trang không có mô tả riêng dùng mô tả tự "
        "tạo từ tên cổng và các đơn vị\n"
        "  → thêm \"description\": \"…\" cạnh \"title\", một hai câu dưới 160 ký tự; cho ngôn ngữ khác: "
        "\"languages\": {\"en\": {\"description\": \"…\"}}\n");

  // Given in part, the warning names what is left, at "contact".
  SiteConfig config;
  Diagnostics parsed;
  REQUIRE(parse_config("{\n  \"title\": \"Cổng\",\n  \"description\": \"Tin tức của xã.\",\n"
                       "  \"base_url\": \"https://x.gov.vn/\",\n  \"columns\": [],\n"
                       "  \"contact\": {\n    \"agency\": \"UBND xã\",\n    \"phone\": \"0243 000 000\",\n"
                       "    \"email\": \"\"\n  }\n}",
                       config, parsed));
  Diagnostics lint;
  lint_config(config, lint);
  REQUIRE(lint.sorted().size() == 1);
  const Diagnostic d = lint.sorted().front();
  CHECK(d.line == 6);
  CHECK(contains(d.message, "còn thiếu: người chịu trách nhiệm (responsible), địa chỉ (address), thư điện tử (email)"));
  CHECK(d.hint == "thêm vào \"contact\": \"responsible\": \"…\", \"address\": \"…\", \"email\": \"…\"");
}

TEST_CASE("an item page shows a lead only when the editor wrote a summary") {
  BuildResult r = build_in_memory(kSmallest, kNow);
  REQUIRE(r.ok());
  auto files = files_of(r);
  auto lead = [&](const std::string& slug) {
    return between(files.at("bai-viet/" + slug + "/index.html"), "<p class=\"lead\">", "</p>");
  };
  // No summary: the first paragraph is the body's, once.
  const std::string& plain = files.at("bai-viet/ra-mat-bang-tin/index.html");
  CHECK(lead("ra-mat-bang-tin") == "");
  std::string first = "Sáng 20/10, Ủy ban nhân dân xã Thử Nghiệm ra mắt bảng tin điện tử tại nhà văn hóa thôn Đông.";
  size_t at = plain.find(first);
  REQUIRE(at != std::string::npos);
  CHECK(between(plain, "<main", "</main>").find(first) == between(plain, "<main", "</main>").rfind(first));
  // The made summary still serves the meta description.
  CHECK(meta_description(plain) == first);
  // `summary: ""`, as the archetype leaves it, is no summary either.
  CHECK(lead("lich-tiep-cong-dan") == "");
  // Written: shown above the body, which keeps its own first paragraph.
  CHECK(lead("hop-dan-thon-dong") ==
        "<p class=\"lead\">Người dân thôn Đông thống nhất góp công, góp đất làm 1,2 km đường bê tông trước Tết.");
  CHECK(contains(files.at("bai-viet/hop-dan-thon-dong/index.html"),
                 "Tối 12/10, thôn Đông tổ chức họp dân bàn kế hoạch làm đường liên thôn."));
}

TEST_CASE("with no featured item, Tin nổi bật does not open with the newest story that heads Tin mới nhất") {
  BuildResult r = build_in_memory(kSmallest, kNow);
  REQUIRE(r.ok());
  const std::string home = files_of(r).at("index.html");
  std::vector<std::string> latest = latest_titles(home);
  REQUIRE(latest.size() == 3);
  CHECK(latest.front() == "Xã Thử Nghiệm ra mắt bảng tin điện tử");
  std::vector<std::string> featured = card_titles(between(home, "<section class=\"featured\"", "</section>"));
  REQUIRE(featured.size() == 1);
  CHECK(featured.front() == "Họp dân thôn Đông bàn kế hoạch làm đường liên thôn");  // the next newest
  // Nor an empty media shelf on a site that has no media.
  CHECK_FALSE(contains(home, "class=\"media-strip\""));
}

TEST_CASE("featured items lead Tin nổi bật, newest or not") {
  // The sample portal pins its stories with featured: true.
  BuildResult r = build_in_memory(kSourceDir, kNow);
  REQUIRE(r.ok());
  const std::string home = files_of(r).at("index.html");
  std::vector<std::string> featured = card_titles(between(home, "<section class=\"featured\"", "</section>"));
  REQUIRE(!featured.empty());
  std::set<std::string> pinned;
  for (const Item& item : r.library->items)
    if (item.featured && item.lang == "vi" && r.library->has_page(item)) pinned.insert(item.title);
  REQUIRE(!pinned.empty());
  for (const auto& title : featured) CHECK(pinned.count(title) == 1);
  CHECK(featured.size() == std::min<size_t>(pinned.size(), 5));
}
