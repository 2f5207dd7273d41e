// The sample portal in the repository root builds, whole and correct.
#include <doctest/doctest.h>

#include "core/text.h"
#include "test_support.h"

using namespace bangtin;
using namespace bangtin::testing;

namespace {
const std::string kNow = "2026-11-23T12:00:00+07:00";
}  // namespace

TEST_CASE("the sample portal builds with every kind of page and nothing unpublished") {
  BuildResult r = build_in_memory(kSourceDir, kNow);
  for (const auto& d : r.diags.sorted()) CHECK_MESSAGE(d.severity == Severity::Warning, d.headline());
  REQUIRE(r.library);
  auto files = files_of(r);

  std::map<Kind, int> pages_per_kind;
  int unpublished = 0;
  for (const Item& item : r.library->items) {
    CAPTURE(item.source);
    if (r.library->has_page(item)) {
      CHECK(files.count(item.output_path) == 1);
      pages_per_kind[item.kind]++;
    } else {
      ++unpublished;
      CHECK(files.count(item.output_path) == 0);
      // Not in any list, feed or sitemap: its URL and title appear nowhere.
      for (const auto& entry : files) {  // no structured binding: clang 14 cannot capture one in INFO/CAPTURE
        const auto& path = entry.first;
        const auto& bytes = entry.second;
        CAPTURE(path);
        CHECK_FALSE(contains(bytes, item.url));
        CHECK_FALSE(contains(bytes, ">" + item.title + "<"));
      }
    }
  }
  CHECK(unpublished >= 2);  // a draft and a scheduled item
  for (Kind k : kAllKinds) {
    CAPTURE(kind_name(k));
    CHECK(pages_per_kind[k] >= 1);
  }
  CHECK(pages_per_kind[Kind::Article] >= 30);

  for (const char* path : {"index.html", "en/index.html", "404.html", "sitemap.xml", "robots.txt", "rebuild.json",
                           "chuyen-muc/dai-hoi-xiv/index.html", "chuyen-muc/cai-cach-hanh-chinh/trang/2/index.html",
                           "chuyen-muc/van-ban-chi-dao/index.html", "van-ban/index.html", "the/index.html",
                           "don-vi/index.html", "don-vi/xa-ba-vi/index.html", "gioi-thieu/index.html",
                           "en/gioi-thieu/index.html"}) {
    CAPTURE(path);
    CHECK(files.count(path) == 1);
  }
  // The six columns of the sample are in the menu of every page.
  for (const char* title : {"Đại hội XIV của Đảng", "Cải cách hành chính", "Phát triển văn hóa", "Thông tin cơ sở",
                            "Chuyển đổi số", "Văn bản chỉ đạo"})
    CHECK(contains(files["404.html"], title));
  CHECK(contains(files["robots.txt"], "Sitemap: https://sovhtt.example.gov.vn/sitemap.xml"));
}

TEST_CASE("the sample portal's lists are sorted the Vietnamese way") {
  BuildResult r = build_in_memory(kSourceDir, kNow);
  REQUIRE(r.library);
  const Edition* vi = r.library->edition("vi");
  REQUIRE(vi);
  REQUIRE(vi->tags.size() >= 5);
  for (size_t i = 1; i < vi->tags.size(); ++i) CHECK(collate_less(vi->tags[i - 1].name, vi->tags[i].name));
  // However editors typed it (NFC, NFD, lower case), Đại hội XIV is one tag.
  int dai_hoi = 0;
  for (const auto& t : vi->tags) dai_hoi += t.slug == "dai-hoi-xiv";
  CHECK(dai_hoi == 1);
}
