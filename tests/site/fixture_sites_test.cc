// Fixture sites, Zola-style: every tests/sites/invalid-* site must fail with
// exactly the diagnostics in its expected.txt; the valid one must build.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "test_support.h"

namespace fs = std::filesystem;
using namespace bangtin;
using namespace bangtin::testing;

namespace {
const std::string kNow = "2026-01-25T00:00:00+07:00";
}

TEST_CASE("every invalid fixture site fails with exactly its expected diagnostics") {
  std::vector<std::string> sites;
  for (auto& e : fs::directory_iterator(kSites))
    if (e.path().filename().string().rfind("invalid-", 0) == 0) sites.push_back(e.path().string());
  std::sort(sites.begin(), sites.end());
  REQUIRE(sites.size() >= 6);
  for (const auto& site : sites) {
    CAPTURE(site);
    BuildResult r = build_in_memory(site, kNow);
    CHECK_FALSE(r.ok());
    CHECK(headlines(r) == read_text(site + "/expected.txt"));
  }
}

TEST_CASE("a symlink that leaves the site is refused") {
  TempDir tmp("symlink");
  fs::copy(kSites + "/valid-minimal", tmp.path(), fs::copy_options::recursive);
  fs::create_symlink("/etc/hostname", tmp.path() + "/content/articles/anh-bai/ngoai.png");
  fs::create_symlink("/etc", tmp.path() + "/content/articles/thu-muc-ngoai");
  std::ofstream(tmp.path() + "/content/articles/ba.md", std::ios::app) << "\n![x](anh-bai/ngoai.png)\n";
  BuildResult r = build_in_memory(tmp.path(), kNow);
  CHECK(headlines(r) ==
        "content/articles/ba.md:8: \"anh-bai/ngoai.png\" là liên kết trỏ ra ngoài thư mục trang\n"
        "content/articles/thu-muc-ngoai: liên kết (symlink) này trỏ ra ngoài thư mục trang\n");
}

TEST_CASE("the valid fixture site builds with no errors and one expected page set") {
  BuildResult r = build_in_memory(kSites + "/valid-minimal", kNow);
  REQUIRE(headlines(r) == "");
  auto files = files_of(r);
  for (const char* path :
       {"index.html", "404.html", "sitemap.xml", "robots.txt", "rebuild.json", "bai-viet/mot/index.html",
        "bai-viet/anh-bai/index.html", "bai-viet/anh-bai/bia-32.webp", "en/index.html", "en/bai-viet/anh-bai/index.html",
        "chuyen-muc/tin-tuc/index.html", "chuyen-muc/tin-tuc/trang/2/index.html", "the/dai-hoi-xiv/index.html",
        "don-vi/phuong-a/index.html", "van-ban/index.html", "van-ban/kh-1/index.html", "van-ban/kh-1/ke-hoach.pdf",
        "van-ban/loai/ke-hoach/index.html", "van-ban/nam/2026/index.html", "gioi-thieu/index.html",
        "tin-cu/bai-co-anh.html"}) {
    CAPTURE(path);
    CHECK(files.count(path) == 1);
  }
}
