// content/front_matter.h: covers (paths kept inside the site, the kind of
// file, alt text) and focal points.
#include "content/front_matter_site.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace bangtin;
using namespace bangtin::testing;

TEST_SUITE("front_matter") {

TEST_CASE("a cover that does not exist") {
  FrontMatterSite site;
  auto p = site.article(
      "---\ntitle: T\ndate: 2026-01-19\ncolumns: [dai-hoi-xiv]\ncover: khong-co.jpg\ncover_alt: A\n---\n");
  CHECK_FALSE(p.item);
  REQUIRE(p.diags.size() == 1);
  CHECK(p.diags[0].headline() ==
        kPath + ":5: không có tệp \"cover\" \"khong-co.jpg\" (đã tìm content/articles/khong-co.jpg)");
}

TEST_CASE("a cover path that leaves the site folder") {
  FrontMatterSite site;
  auto p = site.article(
      "---\ntitle: T\ndate: 2026-01-19\ncolumns: [dai-hoi-xiv]\ncover: ../../../etc/passwd\ncover_alt: A\n---\n");
  CHECK_FALSE(p.item);
  REQUIRE(p.diags.size() == 1);
  CHECK(p.diags[0].headline() == kPath + ":5: đường dẫn \"cover\" \"../../../etc/passwd\" đi ra ngoài thư mục trang");
}

TEST_CASE("a cover that is a symlink to outside the site") {
  FrontMatterSite site;
  site.link_outside("content/articles/link.jpg", "outside/secret.jpg");
  auto p = site.article(
      "---\ntitle: T\ndate: 2026-01-19\ncolumns: [dai-hoi-xiv]\ncover: link.jpg\ncover_alt: A\n---\n");
  CHECK_FALSE(p.item);
  CHECK(join_lines(p.headlines()) == join_lines(std::vector<std::string>{kPath + ":5: tệp \"cover\" \"link.jpg\" là liên kết trỏ ra ngoài thư mục trang"}));
}

TEST_CASE("cover paths from the site root, and the wrong kind of file") {
  FrontMatterSite site;
  auto ok = site.article(
      "---\ntitle: T\ndate: 2026-01-19\ncolumns: [dai-hoi-xiv]\ncover: /assets/logo.png\ncover_alt: Logo\n---\n");
  CHECK(ok.diags.empty());
  REQUIRE(ok.item);
  CHECK(ok.item->cover == "assets/logo.png");
  auto pdf = site.article(
      "---\ntitle: T\ndate: 2026-01-19\ncolumns: [dai-hoi-xiv]\ncover: tai-lieu.pdf\ncover_alt: A\n---\n");
  CHECK_FALSE(pdf.item);
  CHECK(join_lines(pdf.headlines()) == join_lines(std::vector<std::string>{
            kPath + ":5: \"cover\" phải là ảnh (.avif, .gif, .jpeg, .jpg, .png, .webp), không phải \"tai-lieu.pdf\""}));
}

TEST_CASE("a cover without cover_alt is a warning, not an error") {
  FrontMatterSite site;
  auto p = site.article("---\ntitle: T\ndate: 2026-01-19\ncolumns: [dai-hoi-xiv]\ncover: anh-bia.jpg\n---\n");
  REQUIRE(p.item);
  CHECK(p.item->cover == "content/articles/anh-bia.jpg");
  REQUIRE(p.diags.size() == 1);
  CHECK(p.diags[0].severity == Severity::Warning);
  CHECK(p.diags[0].headline() == kPath + ":5: cảnh báo: ảnh bìa chưa có mô tả (cover_alt)");
}

TEST_CASE("focal_point: two percentages, as CSS writes them, or a list") {
  FrontMatterSite site;
  for (const char* good : {"30% 60%", "\"30, 60\"", "[30, 60]", "30 60"}) {
    CAPTURE(good);
    auto p = site.article(std::string("---\ntitle: T\ndate: 2026-01-19\ncolumns: [dai-hoi-xiv]\nfocal_point: ") + good +
                          "\n---\n");
    REQUIRE(p.item);
    REQUIRE(p.item->focal_point);
    CHECK(p.item->focal_point->x == 30);
    CHECK(p.item->focal_point->y == 60);
  }
  for (const char* bad : {"giữa", "30%", "120% 10%", "[1, 2, 3]", "-5 10"}) {
    CAPTURE(bad);
    auto p = site.article(std::string("---\ntitle: T\ndate: 2026-01-19\ncolumns: [dai-hoi-xiv]\nfocal_point: ") + bad +
                          "\n---\n");
    REQUIRE(p.diags.size() == 1);
    CHECK(p.diags[0].headline() ==
          kPath + ":5: \"focal_point\" phải là hai số phần trăm (ngang, dọc), ví dụ focal_point: 30% 60%");
  }
}

}  // TEST_SUITE
