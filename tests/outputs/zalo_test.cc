// Zalo OA payloads: the article API's shape, Zalo's limits applied and
// reported, pictures of 1 MB or more kept out.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "outputs/zalo.h"
#include "site/build.h"
#include "site/test_support.h"

namespace fs = std::filesystem;
using namespace bangtin;
using namespace bangtin::testing;

namespace {

const char* kNow = "2026-11-23T12:00:00+07:00";

size_t code_points(const std::string& s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

}  // namespace

TEST_CASE("each published article has a Zalo payload shaped for the article API") {
  BuildResult r = build_in_memory(kSourceDir, kNow);
  REQUIRE(r.ok());
  REQUIRE(r.library);
  auto files = files_of(r);
  REQUIRE(files.count("zalo/bai-viet/chu-ky-so-cho-can-bo-phuong.json"));
  Json p = Json::parse(files.at("zalo/bai-viet/chu-ky-so-cho-can-bo-phuong.json"));
  CHECK(p["type"] == "normal");
  CHECK(p["title"] == "100% cán bộ, công chức phường Cầu Giấy sử dụng chữ ký số cá nhân");
  CHECK(p["status"] == "show");
  CHECK(p["cover"]["cover_type"] == "photo");
  CHECK(p["cover"]["photo_url"] == "https://sovhtt.example.gov.vn/bai-viet/chu-ky-so-cho-can-bo-phuong/cover-1600.jpg");
  REQUIRE(p["body"].size() == 3);
  CHECK(p["body"][0]["type"] == "text");
  CHECK(p["body"][1]["type"] == "image");
  CHECK(p["body"][1]["url"] == "https://sovhtt.example.gov.vn/bai-viet/chu-ky-so-cho-can-bo-phuong/anh-1-1600.jpg");
  CHECK(p["body"][2]["type"] == "text");
  // Text blocks are balanced HTML and carry no site-relative links.
  for (const auto& b : p["body"])
    if (b["type"] == "text") {
      std::string html = b["content"];
      CHECK_FALSE(contains(html, "href=\"/"));
      CHECK_FALSE(contains(html, "<p></p>"));
    }
  // Drafts, scheduled items and other kinds get none.
  size_t payloads = 0;
  for (const auto& [path, bytes] : files) payloads += path.rfind("zalo/", 0) == 0 && path != "zalo/index.json";
  size_t listed_articles = 0;
  for (const Item& item : r.library->items) listed_articles += item.kind == Kind::Article && item.listed();
  CHECK(payloads == listed_articles);
}

TEST_CASE("Zalo limits are applied and reported; a picture of 1 MB or more is left out") {
  TempDir tmp("zalo");
  std::string site = tmp.path() + "/site";
  fs::copy(kSites + "/valid-hostile-feeds", site, fs::copy_options::recursive);
  fs::create_directories(site + "/content/articles/dai");
  std::string png;
  read_file(kSourceDir + "/assets/images/logo.png", png);
  png.resize(1024 * 1024 + 10, '\0');  // a real header, padded past Zalo's limit
  std::ofstream(site + "/content/articles/dai/nang.png", std::ios::binary) << png;
  // Resized copies are small; only an original can be this heavy, and a site
  // that configures no JPEG copy publishes the original for browsers without WebP.
  std::string config = read_text(site + "/site-config.json");
  config.replace(config.find("\"pagination\""), 0, "\"images\": { \"formats\": [\"webp\"] },\n  ");
  std::ofstream(site + "/site-config.json") << config;
  std::string title(200, 'a');
  for (size_t i = 0; i < 40; ++i) title[i * 5] = ' ';
  std::string summary;
  for (int i = 0; i < 80; ++i) summary += "tóm tắt ";
  std::ofstream(site + "/content/articles/dai/index.md")
      << "---\ntitle: \"Đ" << title << "\"\ndate: 2026-03-05T08:00:00+07:00\ncolumns: [tin-tuc]\nsummary: \"" << summary
      << "\"\nauthor: \"Ban biên tập thông tin cơ sở của Sở Văn hóa và Thể thao thành phố\"\ncover: nang.png\n"
         "cover_alt: Ảnh nặng\n---\nĐoạn đầu.\n\n![Ảnh nặng](nang.png)\n\nĐoạn cuối.\n";
  BuildResult r = build_in_memory(site, kNow);
  REQUIRE(r.ok());
  Json p = Json::parse(files_of(r).at("zalo/bai-viet/dai.json"));
  CHECK(code_points(p["title"]) <= kZaloTitle);
  CHECK(code_points(p["description"]) <= kZaloDescription);
  CHECK(code_points(p["author"]) <= kZaloAuthor);
  CHECK(p["cover"]["photo_url"].get<std::string>().find("/assets/images/logo.") != std::string::npos);
  for (const auto& b : p["body"]) CHECK(b["type"] == "text");
  std::string report = headlines(r);
  INFO(report);
  CHECK(contains(report, "content/articles/dai/index.md:2: cảnh báo: tiêu đề dài 201 ký tự, Zalo chỉ nhận 150"));
  CHECK(contains(report, "content/articles/dai/index.md:5: cảnh báo: tóm tắt dài"));
  CHECK(contains(report, "content/articles/dai/index.md:6: cảnh báo: tên tác giả dài"));
  CHECK(contains(report, "content/articles/dai/index.md:7: cảnh báo: ảnh bìa nặng 1024 KB"));
  CHECK(contains(report, "ảnh content/articles/dai/nang.png nặng 1024 KB, Zalo chỉ nhận ảnh dưới 1 MB; bản gửi Zalo bỏ ảnh này"));
}

TEST_CASE("Zalo payloads made in batches are the same files, in the same order, with the same warnings") {
  BuildOptions options;
  options.source = kSourceDir;
  options.now = kNow;
  options.write = false;
  BuildResult result;
  std::shared_ptr<SiteState> state = prepare_site(options, result);
  REQUIRE(state);
  SiteContext ctx = state->context();
  Diagnostics whole_diags, batch_diags;
  std::vector<OutputFile> whole = zalo_payloads(ctx, whole_diags, 2);
  REQUIRE(whole.size() >= 3);
  std::vector<size_t> batch_sizes;
  std::vector<OutputFile> batched;
  zalo_payloads(ctx, batch_diags, 2, [&](std::vector<OutputFile>&& files) {
    batch_sizes.push_back(files.size());
    for (auto& f : files) batched.push_back(std::move(f));
  }, 2);
  CHECK(batch_sizes.size() == (whole.size() + 1) / 2);
  CHECK(batch_sizes.front() == 2);
  REQUIRE(batched.size() == whole.size());
  for (size_t i = 0; i < whole.size(); ++i) {
    CHECK(batched[i].path == whole[i].path);
    CHECK(batched[i].bytes == whole[i].bytes);
  }
  std::vector<std::string> a, b;
  for (const auto& d : whole_diags.sorted()) a.push_back(d.headline());
  for (const auto& d : batch_diags.sorted()) b.push_back(d.headline());
  CHECK(a == b);
}
