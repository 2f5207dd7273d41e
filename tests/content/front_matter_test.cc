// Unit tests for content/front_matter.h: a content file's text → an Item,
// with every problem reported at its line in the .md file. Covers and
// focal points are in front_matter_cover_test.cc, the other kinds than
// articles in front_matter_kinds_test.cc.
#include "content/front_matter_site.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace bangtin;
using namespace bangtin::testing;

TEST_SUITE("front_matter") {

TEST_CASE("a valid article with every common key") {
  FrontMatterSite site;
  auto p = site.article(
      "---\n"
      "title: Hội nghị tổng kết công tác năm 2025\n"
      "date: 2026-01-19 08:00\n"
      "updated: 2026-01-20T09:30:00+07:00\n"
      "summary: Tóm tắt   ngắn\n"
      "columns: [dai-hoi-xiv, cai-cach-hanh-chinh, dai-hoi-xiv]\n"
      "tags: [Đại hội XIV, Chuyển đổi số]\n"
      "unit: phuong-hoan-kiem\n"
      "author: Phòng Văn hóa\n"
      "cover: anh-bia.jpg\n"
      "cover_alt: Quang cảnh hội nghị\n"
      "featured: true\n"
      "weight: -3\n"
      "expires: 2027-01-01\n"
      "aliases: [/tin-cu/hoi-nghi/, /tin/2025/hoi-nghi.html]\n"
      "slug: Hội nghị 2025\n"
      "---\n"
      "Nội dung **bài**.\n");
  CHECK(join_lines(p.headlines()) == join_lines(std::vector<std::string>{}));
  REQUIRE(p.item);
  const Item& it = *p.item;
  CHECK(it.kind == Kind::Article);
  CHECK(it.source == kPath);
  CHECK(it.dir == "content/articles");
  CHECK(it.name == "hoi-nghi");
  CHECK(it.lang == "vi");
  CHECK(it.translation_key == "articles/hoi-nghi");
  CHECK(it.title == "Hội nghị tổng kết công tác năm 2025");
  CHECK(it.date.seconds == at("2026-01-19T08:00:00+07:00"));
  REQUIRE(it.updated);
  CHECK(it.updated->seconds == at("2026-01-20T09:30:00+07:00"));
  REQUIRE(it.expires);
  CHECK(it.expires->seconds == at("2027-01-01T00:00:00+07:00"));
  CHECK(it.summary == "Tóm tắt ngắn");  // spaces squashed
  CHECK(it.columns == std::vector<std::string>{"dai-hoi-xiv", "cai-cach-hanh-chinh"});  // no duplicate
  CHECK(it.tags == std::vector<std::string>{"Đại hội XIV", "Chuyển đổi số"});
  CHECK(it.unit == "phuong-hoan-kiem");
  CHECK(it.author == "Phòng Văn hóa");
  CHECK(it.cover == "content/articles/anh-bia.jpg");
  CHECK(it.cover_alt == "Quang cảnh hội nghị");
  CHECK(it.featured == true);
  CHECK(it.draft == false);
  CHECK(it.weight == -3);
  // An alias without an extension is a folder address, like every page URL.
  CHECK(it.aliases == std::vector<std::string>{"/tin-cu/hoi-nghi/", "/tin/2025/hoi-nghi.html"});
  CHECK(it.slug == "hoi-nghi-2025");
  CHECK(it.body == "Nội dung **bài**.\n");
  CHECK(it.body_line == 18);
  CHECK(it.line_of("title") == 2);
  CHECK(it.line_of("cover") == 10);
  CHECK(it.line_of("slug") == 16);
  CHECK(it.line_of("no-such-key") == 1);
  CHECK_FALSE(it.infographic);
  CHECK_FALSE(it.video);
}

TEST_CASE("defaults of a minimal article") {
  FrontMatterSite site;
  auto p = site.article("---\ntitle: Tin ngắn\ndate: 2026-01-19\ncolumns: [dai-hoi-xiv]\n---\n");
  CHECK(p.diags.empty());
  REQUIRE(p.item);
  CHECK(p.item->unit == "so-vhtt");  // default_unit from the config
  CHECK(p.item->date.seconds == at("2026-01-19T00:00:00+07:00"));
  CHECK(p.item->body == "");
  CHECK(p.item->body_line == 6);
  CHECK(p.item->slug == "");  // assemble derives it from the name
  CHECK_FALSE(p.item->updated);
  CHECK_FALSE(p.item->expires);
  CHECK(p.item->tags.empty());
}

TEST_CASE("front matter closed at the very end of the file") {
  FrontMatterSite site;
  auto p = site.article("---\ntitle: T\ndate: 2026-01-19\ncolumns: [dai-hoi-xiv]\n---");
  CHECK(p.diags.empty());
  REQUIRE(p.item);
  CHECK(p.item->body == "");
}

TEST_CASE("a missing title") {
  FrontMatterSite site;
  auto p = site.article("---\ndate: 2026-01-19\ncolumns: [dai-hoi-xiv]\n---\nBody\n");
  CHECK_FALSE(p.item);
  REQUIRE(p.diags.size() == 1);
  CHECK(p.diags[0].headline() == kPath + ":2: thiếu khóa bắt buộc \"title\"");
  CHECK(p.diags[0].hint == "thêm dòng \"title: …\" vào front matter");
}

TEST_CASE("an article needs columns, and at least one") {
  FrontMatterSite site;
  auto missing = site.article("---\ntitle: T\ndate: 2026-01-19\n---\n");
  CHECK_FALSE(missing.item);
  CHECK(join_lines(missing.headlines()) == join_lines(std::vector<std::string>{kPath + ":2: thiếu khóa bắt buộc \"columns\""}));
  auto empty = site.article("---\ntitle: T\ndate: 2026-01-19\ncolumns: []\n---\n");
  CHECK_FALSE(empty.item);
  CHECK(join_lines(empty.headlines()) == join_lines(std::vector<std::string>{kPath + ":4: tin, bài cần ít nhất một chuyên mục"}));
  // Other kinds may leave columns out.
  auto page = site.parse(Kind::Page, "content/pages/gioi-thieu.md", "---\ntitle: Giới thiệu\ndate: 2026-01-01\n---\n");
  CHECK(page.diags.empty());
  CHECK(page.item);
}

TEST_CASE("an unknown key is reported at its line") {
  FrontMatterSite site;
  auto p = site.article(
      "---\n"                       // 1
      "title: Hội nghị\n"           // 2
      "date: 2026-01-19\n"          // 3
      "columns: [dai-hoi-xiv]\n"    // 4
      "titel: Hội nghị\n"           // 5
      "---\n");
  CHECK_FALSE(p.item);
  REQUIRE(p.diags.size() == 1);
  CHECK(p.diags[0].headline() == kPath + ":5: khóa \"titel\" không dùng được cho articles");
  CHECK(p.diags[0].hint ==
        "các khóa dùng được: aliases, author, columns, cover, cover_alt, date, draft, expires, featured, focal_point, slug, "
        "summary, tags, title, unit, updated, weight");

  SUBCASE("a key of another kind") {
    auto q = site.parse(Kind::Infographic, "content/infographics/tong-ket/index.md",
                        "---\ntitle: T\ndate: 2026-01-19\nimage: tong-ket.png\nalt: A\nnumber: 1/KH\n---\n", true);
    CHECK_FALSE(q.item);
    REQUIRE(q.diags.size() == 1);
    CHECK(q.diags[0].headline() ==
          "content/infographics/tong-ket/index.md:6: khóa \"number\" không dùng được cho infographics");
    CHECK(q.diags[0].hint ==
          "các khóa dùng được: aliases, alt, author, columns, cover, cover_alt, date, draft, expires, featured, "
          "focal_point, image, slug, summary, tags, title, unit, updated, weight");
  }
}

TEST_CASE("a key given twice") {
  FrontMatterSite site;
  auto p = site.article("---\ntitle: A\ndate: 2026-01-19\ncolumns: [dai-hoi-xiv]\ntitle: B\n---\n");
  CHECK_FALSE(p.item);
  CHECK(join_lines(p.headlines()) == join_lines(std::vector<std::string>{kPath + ":5: \"title\" được khai hai lần"}));
}

TEST_CASE("an undefined column is reported at the list element's line") {
  FrontMatterSite site;
  auto p = site.article(
      "---\n"                  // 1
      "title: T\n"             // 2
      "date: 2026-01-19\n"     // 3
      "columns:\n"             // 4
      "  - dai-hoi-xiv\n"      // 5
      "  - chuyen-doi-so\n"    // 6
      "---\n");
  CHECK_FALSE(p.item);
  REQUIRE(p.diags.size() == 1);
  CHECK(p.diags[0].headline() == kPath + ":6: chuyên mục \"chuyen-doi-so\" không có trong site-config.json");
  CHECK(p.diags[0].hint == "các chuyên mục hiện có: dai-hoi-xiv, cai-cach-hanh-chinh");
}

TEST_CASE("a bad date comes with a hint") {
  FrontMatterSite site;
  auto p = site.article("---\ntitle: T\ndate: 2026-02-30\ncolumns: [dai-hoi-xiv]\n---\n");
  CHECK_FALSE(p.item);
  REQUIRE(p.diags.size() == 1);
  CHECK(p.diags[0].headline() == kPath + ":3: \"date\" không phải ngày hợp lệ: \"2026-02-30\"");
  CHECK(p.diags[0].hint == "viết theo dạng 2026-01-19 hoặc 2026-01-19T08:00:00+07:00");

  auto q = site.article("---\ntitle: T\ndate: 19/01/2026\ncolumns: [dai-hoi-xiv]\nupdated: [2026]\n---\n");
  CHECK(join_lines(q.headlines()) == join_lines(std::vector<std::string>{kPath + ":3: \"date\" không phải ngày hợp lệ: \"19/01/2026\"",
                                                  kPath + ":5: \"updated\" không phải ngày hợp lệ: \"…\""}));
}

TEST_CASE("expires must be after date") {
  FrontMatterSite site;
  auto p = site.article("---\ntitle: T\ndate: 2026-01-19\ncolumns: [dai-hoi-xiv]\nexpires: 2026-01-19\n---\n");
  CHECK_FALSE(p.item);
  CHECK(join_lines(p.headlines()) == join_lines(std::vector<std::string>{kPath + ":5: \"expires\" phải sau \"date\""}));
}

TEST_CASE("draft: true") {
  FrontMatterSite site;
  auto p = site.article("---\ntitle: T\ndate: 2026-01-19\ncolumns: [dai-hoi-xiv]\ndraft: true\n---\n");
  CHECK(p.diags.empty());
  REQUIRE(p.item);
  CHECK(p.item->draft == true);
  auto q = site.article("---\ntitle: T\ndate: 2026-01-19\ncolumns: [dai-hoi-xiv]\ndraft: có\n---\n");
  CHECK_FALSE(q.item);
  CHECK(join_lines(q.headlines()) == join_lines(std::vector<std::string>{kPath + ":5: \"draft\" phải là true hoặc false"}));
}

TEST_CASE("scalar values of the wrong shape") {
  FrontMatterSite site;
  auto p = site.article(
      "---\n"
      "title: [a, b]\n"             // 2
      "date: 2026-01-19\n"          // 3
      "columns: dai-hoi-xiv\n"      // 4
      "weight: nặng\n"              // 5
      "author: \"  \"\n"            // 6: blank optional text is no value, not an error
      "unit: phuong-khong-co\n"     // 7
      "slug: \"!!!\"\n"             // 8
      "---\n");
  CHECK_FALSE(p.item);
  CHECK(join_lines(p.headlines()) == join_lines(std::vector<std::string>{
                             kPath + ":2: \"title\" phải là chữ, không phải danh sách",
                             kPath + ":4: \"columns\" phải là danh sách, ví dụ columns: [a, b]",
                             kPath + ":5: \"weight\" phải là số nguyên",
                             kPath + ":7: đơn vị \"phuong-khong-co\" không có trong site-config.json",
                             kPath + ":8: \"slug\" không có chữ hoặc số nào",
                         }));
}


TEST_CASE("invalid UTF-8 is reported with its line") {
  FrontMatterSite site;
  std::string text = "---\ntitle: T\nsummary: Caf\xE9\ndate: 2026-01-19\ncolumns: [dai-hoi-xiv]\n---\n";
  auto p = site.article(text);
  CHECK_FALSE(p.item);
  REQUIRE(p.diags.size() == 1);
  CHECK(p.diags[0].headline() == kPath + ":3: chữ không đúng mã UTF-8 (byte 25)");
  CHECK(text.substr(25, 1) == "\xE9");

  auto body = site.article("---\ntitle: T\ndate: 2026-01-19\ncolumns: [dai-hoi-xiv]\n---\nline 6\nline \xC0\xAF 7\n");
  CHECK_FALSE(body.item);
  REQUIRE(body.diags.size() == 1);
  CHECK(body.diags[0].line == 7);
}

TEST_CASE("CRLF line endings and a byte order mark") {
  FrontMatterSite site;
  auto p = site.article(
      "\xEF\xBB\xBF---\r\ntitle: Hội nghị\r\ndate: 2026-01-19 08:00\r\ncolumns:\r\n  - dai-hoi-xiv\r\n"
      "titel: x\r\n---\r\nDòng 1\r\nDòng 2\r\n");
  CHECK(join_lines(p.headlines()) == join_lines(std::vector<std::string>{kPath + ":6: khóa \"titel\" không dùng được cho articles"}));
  auto q = site.article(
      "\xEF\xBB\xBF---\r\ntitle: Hội nghị\r\ndate: 2026-01-19 08:00\r\ncolumns:\r\n  - dai-hoi-xiv\r\n---\r\n"
      "Dòng 1\r\nDòng 2\r\n");
  CHECK(q.diags.empty());
  REQUIRE(q.item);
  CHECK(q.item->title == "Hội nghị");
  CHECK(q.item->date.seconds == at("2026-01-19T08:00:00+07:00"));
  CHECK(q.item->columns == std::vector<std::string>{"dai-hoi-xiv"});
  CHECK(q.item->body == "Dòng 1\nDòng 2\n");
  CHECK(q.item->body_line == 7);
}

TEST_CASE("text is normalized to NFC") {
  FrontMatterSite site;
  // "Việt Nam" with e + dot below + circumflex, and a tag in NFD.
  std::string nfd_viet = "Vi" "e\xCC\xA3\xCC\x82" "t";
  auto p = site.article("---\ntitle: " + nfd_viet + " Nam\ndate: 2026-01-19\ncolumns: [dai-hoi-xiv]\ntags: [" +
                        nfd_viet + "]\n---\n" + nfd_viet + "\n");
  REQUIRE(p.item);
  CHECK(p.item->title == "Vi\xE1\xBB\x87t Nam");
  CHECK(p.item->tags == std::vector<std::string>{"Vi\xE1\xBB\x87t"});
  CHECK(p.item->body == "Vi\xE1\xBB\x87t\n");
}

TEST_CASE("files that are not front matter") {
  FrontMatterSite site;
  auto none = site.article("title: T\n");
  CHECK(join_lines(none.headlines()) == join_lines(std::vector<std::string>{kPath + ":1: tệp phải bắt đầu bằng phần thông tin (front matter) nằm giữa hai dòng ---"}));
  CHECK_FALSE(none.item);
  auto open = site.article("---\ntitle: T\ndate: 2026-01-19\n");
  CHECK(join_lines(open.headlines()) == join_lines(std::vector<std::string>{kPath + ":1: phần thông tin (front matter) chưa được đóng"}));
  auto list = site.article("---\n- a\n- b\n---\n");
  CHECK(join_lines(list.headlines()) == join_lines(std::vector<std::string>{kPath + ":2: front matter phải gồm các dòng khóa: giá trị"}));
  auto empty = site.article("---\n---\nBody\n");
  CHECK(join_lines(empty.headlines()) == join_lines(std::vector<std::string>{kPath + ":2: front matter phải gồm các dòng khóa: giá trị"}));
}

TEST_CASE("invalid YAML is reported near its line") {
  FrontMatterSite site;
  auto p = site.article("---\ntitle: T\ndate: 2026-01-19\ncolumns: [dai-hoi-xiv\nsummary: x\n---\n");
  CHECK_FALSE(p.item);
  REQUIRE(p.diags.size() == 1);
  CAPTURE(p.diags[0].headline());
  CHECK(p.diags[0].headline().rfind(kPath + ":", 0) == 0);
  CHECK(p.diags[0].message.rfind("front matter không đúng cú pháp YAML: ", 0) == 0);
  CHECK(p.diags[0].line >= 4);
  CHECK(p.diags[0].line <= 6);
}


TEST_CASE("aliases must be paths on this site") {
  FrontMatterSite site;
  auto p = site.article("---\ntitle: T\ndate: 2026-01-19\ncolumns: [dai-hoi-xiv]\naliases:\n  - /\n  - ../../../x\n---\n");
  CHECK_FALSE(p.item);
  CHECK(join_lines(p.headlines()) == join_lines(std::vector<std::string>{kPath + ":6: alias \"/\" không phải một đường dẫn trên trang",
                                                  kPath + ":7: alias \"../../../x\" không phải một đường dẫn trên trang"}));
}


TEST_CASE("a blank required value is an error; a draft's problems are warnings") {
  FrontMatterSite site;
  auto blank = site.article("---\ntitle: \"\"\ndate: 2026-01-19\ncolumns: [dai-hoi-xiv]\n---\n");
  CHECK_FALSE(blank.item);
  CHECK(join_lines(blank.headlines()) == join_lines(std::vector<std::string>{kPath + ":2: \"title\" đang để trống"}));
  auto draft = site.article("---\ntitle: \"\"\ndate: 2026-01-19\ncolumns: [khong-co]\ndraft: true\n---\n");
  REQUIRE(draft.item);
  CHECK(draft.item->draft);
  CHECK(join_lines(draft.headlines()) ==
        join_lines(std::vector<std::string>{kPath + ":2: cảnh báo: (bản nháp) \"title\" đang để trống",
                                            kPath + ":4: cảnh báo: (bản nháp) chuyên mục \"khong-co\" không có trong site-config.json"}));
}

TEST_CASE("control characters and noncharacters are dropped when the file is read, with a warning at their line") {
  FrontMatterSite site;
  // U+001F pasted into the title, U+FFFF and U+0085 into the body.
  auto p = site.article("---\ntitle: Hội nghị\x1F tổng kết\ndate: 2026-01-19\ncolumns: [dai-hoi-xiv]\n---\n"
                        "Đoạn một.\n\nĐoạn\xEF\xBF\xBF hai\xC2\x85.\n");
  REQUIRE(p.item);
  CHECK(p.item->title == "Hội nghị tổng kết");
  CHECK(p.item->body == "Đoạn một.\n\nĐoạn hai.\n");
  CHECK(join_lines(p.headlines()) == join_lines({dropped_warning(kPath + ":2", "U+001F"),
                                                  dropped_warning(kPath + ":8", "U+FFFF, U+0085")}));
}

TEST_CASE("a control character made by a YAML escape is dropped too, at the value's line") {
  FrontMatterSite site;
  auto p = site.article("---\ndate: 2026-01-19\ntitle: \"Hội\\x1fnghị\"\ntags: [\"a\\u0007b\"]\ncolumns: [dai-hoi-xiv]\n---\n");
  REQUIRE(p.item);
  CHECK(p.item->title == "Hộinghị");
  REQUIRE(p.item->tags.size() == 1);
  CHECK(p.item->tags[0] == "ab");
  CHECK(join_lines(p.headlines()) ==
        join_lines({dropped_warning(kPath + ":3", "U+001F"), dropped_warning(kPath + ":4", "U+0007")}));
}

TEST_CASE("a control between a letter and its mark is dropped before NFC, so the letter composes") {
  FrontMatterSite site;
  // e, U+001F, U+0302: with the control gone, e + U+0302 must become ê.
  auto p = site.article("---\ntitle: Ti\x65\x1F\xCC\x82u đề\ndate: 2026-01-19\ncolumns: [dai-hoi-xiv]\n---\n");
  REQUIRE(p.item);
  CHECK(p.item->title == "Tiêu đề");
}

}  // TEST_SUITE
