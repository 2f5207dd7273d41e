// Unit tests for content/front_matter.h: a content file's text → an Item,
// with every problem reported at its line in the .md file.
#include "site/test_support.h"
#include "content/front_matter.h"

#include <doctest/doctest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "config/config.h"
#include "core/paths.h"
#include "core/time.h"

using namespace bangtin;
using bangtin::testing::join_lines;
namespace fs = std::filesystem;

namespace {


const char* const kSiteConfig = R"({
  "title": "Cổng thông tin điện tử Sở Văn hóa và Thể thao",
  "base_url": "https://example.gov.vn/",
  "languages": { "vi": {}, "en": { "title": "Portal" } },
  "default_unit": "so-vhtt",
  "columns": [
    { "key": "dai-hoi-xiv", "title": "Đại hội XIV của Đảng" },
    { "key": "cai-cach-hanh-chinh", "title": "Cải cách hành chính" }
  ],
  "units": [
    { "key": "so-vhtt", "title": "Sở Văn hóa và Thể thao" },
    { "key": "phuong-hoan-kiem", "title": "Phường Hoàn Kiếm", "kind": "ward" }
  ]
})";

struct Parsed {
  std::optional<Item> item;
  std::vector<Diagnostic> diags;
  std::vector<std::string> headlines() const {
    std::vector<std::string> out;
    for (const auto& d : diags) out.push_back(d.headline());
    return out;
  }
  const Diagnostic* find(const std::string& headline) const {
    for (const auto& d : diags)
      if (d.headline() == headline) return &d;
    return nullptr;
  }
};

// A throwaway site root with a config and the media files items refer to.
class FrontMatterSite {
 public:
  FrontMatterSite() {
    std::string tmpl = (fs::temp_directory_path() / "bangtin-fm-XXXXXX").string();
    REQUIRE(mkdtemp(tmpl.data()) != nullptr);
    tmp_ = tmpl;
    root_ = tmp_ / "site";
    Diagnostics diags;
    REQUIRE(parse_config(kSiteConfig, config_, diags));
    for (const char* f : {"content/articles/anh-bia.jpg", "content/articles/tai-lieu.pdf",
                          "content/infographics/tong-ket/tong-ket.png", "content/videos/phong-su/phong-su.mp4",
                          "content/videos/phong-su/poster.jpg", "content/videos/phong-su/phu-de.vtt",
                          "content/audio/ban-tin/ban-tin.mp3", "content/documents/ke-hoach-128.pdf",
                          "content/banners/chao-mung.webp", "assets/logo.png"})
      put(f);
    put_outside("outside/secret.jpg");
  }
  ~FrontMatterSite() {
    std::error_code ec;
    fs::remove_all(tmp_, ec);
  }

  void put(const std::string& rel) {
    fs::path p = root_ / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << "data";
  }
  void put_outside(const std::string& rel) {
    fs::path p = tmp_ / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << "secret";
  }
  void link_outside(const std::string& rel_in_site, const std::string& rel_outside) {
    fs::create_symlink(tmp_ / rel_outside, root_ / rel_in_site);
  }

  Parsed parse(Kind kind, const std::string& path, const std::string& text, bool bundle = false,
               const std::string& lang = "vi") {
    SourceFile f;
    f.kind = kind;
    f.path = path;
    f.dir = parent_dir(path);
    f.bundle = bundle;
    f.lang = lang;
    std::string name = bundle ? file_name(f.dir) : file_name(path);
    if (!bundle) name = name.substr(0, name.size() - 3);
    if (!bundle && lang != config_.default_language) name = name.substr(0, name.size() - lang.size() - 1);
    f.name = name;
    Diagnostics diags;
    Parsed out;
    out.item = parse_item(f, text, config_, root_.string(), diags);
    out.diags = diags.sorted();
    return out;
  }
  // Articles are the common case.
  Parsed article(const std::string& text, const std::string& path = "content/articles/hoi-nghi.md") {
    return parse(Kind::Article, path, text);
  }

  const SiteConfig& config() const { return config_; }

 private:
  fs::path tmp_, root_;
  SiteConfig config_;
};

int64_t at(const char* iso) {
  auto t = parse_iso_datetime(iso, 7 * 60);
  REQUIRE(t);
  return t->seconds;
}

const std::string kPath = "content/articles/hoi-nghi.md";

}  // namespace

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

TEST_CASE("infographics need image and alt") {
  FrontMatterSite site;
  const std::string path = "content/infographics/tong-ket/index.md";
  auto missing = site.parse(Kind::Infographic, path, "---\ntitle: T\ndate: 2026-01-19\n---\nBản chữ\n", true);
  CHECK_FALSE(missing.item);
  CHECK(join_lines(missing.headlines()) == join_lines(std::vector<std::string>{path + ":2: thiếu khóa bắt buộc \"alt\"",
                                                        path + ":2: thiếu khóa bắt buộc \"image\""}));
  auto ok = site.parse(Kind::Infographic, path,
                       "---\ntitle: T\ndate: 2026-01-19\nimage: tong-ket.png\nalt: Số liệu năm 2025\n---\nBản chữ\n",
                       true);
  CHECK(ok.diags.empty());
  REQUIRE(ok.item);
  REQUIRE(ok.item->infographic);
  CHECK(ok.item->infographic->image == "content/infographics/tong-ket/tong-ket.png");
  CHECK(ok.item->infographic->alt == "Số liệu năm 2025");
  CHECK(ok.item->bundle);
  CHECK(ok.item->name == "tong-ket");
  CHECK(ok.item->dir == "content/infographics/tong-ket");
  CHECK(ok.item->translation_key == "infographics/tong-ket");
}

TEST_CASE("audio needs an audio file") {
  FrontMatterSite site;
  const std::string path = "content/audio/ban-tin/index.md";
  auto missing = site.parse(Kind::Audio, path, "---\ntitle: T\ndate: 2026-01-19\nduration: \"05:30\"\n---\n", true);
  CHECK_FALSE(missing.item);
  CHECK(join_lines(missing.headlines()) == join_lines(std::vector<std::string>{path + ":2: thiếu khóa bắt buộc \"audio\""}));
  auto ok = site.parse(Kind::Audio, path,
                       "---\ntitle: T\ndate: 2026-01-19\naudio: ban-tin.mp3\nduration: \"05:30\"\n---\n", true);
  CHECK(ok.diags.empty());
  REQUIRE(ok.item);
  REQUIRE(ok.item->audio);
  CHECK(ok.item->audio->file == "content/audio/ban-tin/ban-tin.mp3");
  CHECK(ok.item->audio->duration == std::optional<int64_t>(330));
  auto bad = site.parse(Kind::Audio, path,
                        "---\ntitle: T\ndate: 2026-01-19\naudio: ban-tin.wav\nduration: 5 phút\n---\n", true);
  CHECK(join_lines(bad.headlines()) == join_lines(std::vector<std::string>{
            path + ":4: \"audio\" phải là tệp âm thanh (.m4a, .mp3, .oga, .ogg, .opus), không phải \"ban-tin.wav\"",
            path + ":5: \"duration\" phải viết dạng HH:MM:SS hoặc số giây"}));
}

TEST_CASE("documents need number, doc_type, issuer and issued") {
  FrontMatterSite site;
  const std::string path = "content/documents/ke-hoach-128.md";
  auto missing = site.parse(Kind::Document, path, "---\ntitle: T\ndate: 2026-01-19\n---\n");
  CHECK_FALSE(missing.item);
  CHECK(join_lines(missing.headlines()) == join_lines(std::vector<std::string>{
                                   path + ":2: thiếu khóa bắt buộc \"doc_type\"",
                                   path + ":2: thiếu khóa bắt buộc \"issued\"",
                                   path + ":2: thiếu khóa bắt buộc \"issuer\"",
                                   path + ":2: thiếu khóa bắt buộc \"number\"",
                               }));
  auto ok = site.parse(Kind::Document, path,
                       "---\n"
                       "title: Kế hoạch tuyên truyền Đại hội XIV\n"
                       "date: 2026-01-10\n"
                       "number: 128/KH-UBND\n"
                       "doc_type: Kế hoạch\n"
                       "issuer: UBND thành phố\n"
                       "issued: 2026-01-09\n"
                       "effective: 2026-01-15\n"
                       "file: ke-hoach-128.pdf\n"
                       "---\n");
  CHECK(ok.diags.empty());
  REQUIRE(ok.item);
  REQUIRE(ok.item->document);
  const DocumentFields& d = *ok.item->document;
  CHECK(d.number == "128/KH-UBND");
  CHECK(d.doc_type == "Kế hoạch");
  CHECK(d.issuer == "UBND thành phố");
  REQUIRE(d.issued);
  CHECK(d.issued->seconds == at("2026-01-09"));
  REQUIRE(d.effective);
  CHECK(d.effective->seconds == at("2026-01-15"));
  CHECK(d.file == "content/documents/ke-hoach-128.pdf");
  auto bad = site.parse(Kind::Document, path,
                        "---\ntitle: T\ndate: 2026-01-10\nnumber: 1\ndoc_type: KH\nissuer: UB\nissued: 09/01/2026\n---\n");
  CHECK_FALSE(bad.item);
  CHECK(join_lines(bad.headlines()) == join_lines(std::vector<std::string>{path + ":7: \"issued\" không phải ngày hợp lệ: \"09/01/2026\""}));
}

TEST_CASE("banners need image and alt, and a safe link") {
  FrontMatterSite site;
  const std::string path = "content/banners/chao-mung.md";
  auto missing = site.parse(Kind::Banner, path, "---\ntitle: T\ndate: 2026-01-19\n---\n");
  CHECK_FALSE(missing.item);
  CHECK(join_lines(missing.headlines()) == join_lines(std::vector<std::string>{path + ":2: thiếu khóa bắt buộc \"alt\"",
                                                        path + ":2: thiếu khóa bắt buộc \"image\""}));
  auto ok = site.parse(Kind::Banner, path,
                       "---\ntitle: T\ndate: 2026-01-19\nimage: chao-mung.webp\nalt: Chào mừng\n"
                       "link: ../articles/hoi-nghi.md\nstart: 2026-01-20\nend: 2026-02-01\nplacement: top\n---\n");
  CHECK(ok.diags.empty());
  REQUIRE(ok.item);
  REQUIRE(ok.item->banner);
  CHECK(ok.item->banner->image == "content/banners/chao-mung.webp");
  CHECK(ok.item->banner->alt == "Chào mừng");
  CHECK(ok.item->banner->link == "../articles/hoi-nghi.md");
  CHECK(ok.item->banner->placement == "top");
  REQUIRE(ok.item->banner->start);
  CHECK(ok.item->banner->start->seconds == at("2026-01-20"));
  auto def = site.parse(Kind::Banner, path, "---\ntitle: T\ndate: 2026-01-19\nimage: chao-mung.webp\nalt: A\n---\n");
  REQUIRE(def.item);
  CHECK(def.item->banner->placement == "home");  // the default
  auto bad = site.parse(Kind::Banner, path,
                        "---\ntitle: T\ndate: 2026-01-19\nimage: chao-mung.webp\nalt: A\n"
                        "link: \"javascript:alert(1)\"\nstart: 2026-02-01\nend: 2026-01-20\nplacement: footer\n---\n");
  CHECK_FALSE(bad.item);
  CHECK(join_lines(bad.headlines()) == join_lines(std::vector<std::string>{
                               path + ":6: \"link\" phải là địa chỉ web (https://…) hoặc đường dẫn trên trang",
                               path + ":8: \"end\" sớm hơn \"start\"",
                               path + ":9: \"placement\" phải là top, home hoặc sidebar",
                           }));
}

TEST_CASE("videos need exactly one source") {
  FrontMatterSite site;
  const std::string path = "content/videos/phong-su/index.md";
  auto missing = site.parse(Kind::Video, path, "---\ntitle: T\ndate: 2026-01-19\n---\n", true);
  CHECK_FALSE(missing.item);
  CHECK(join_lines(missing.headlines()) == join_lines(std::vector<std::string>{path + ":2: thiếu khóa bắt buộc \"video\""}));

  auto youtube = site.parse(Kind::Video, path,
                            "---\ntitle: T\ndate: 2026-01-19\nvideo:\n  youtube: dQw4w9WgXcQ\nduration: \"01:02:03\"\n"
                            "poster: poster.jpg\n---\n",
                            true);
  CHECK(youtube.diags.empty());
  REQUIRE(youtube.item);
  REQUIRE(youtube.item->video);
  CHECK(youtube.item->video->youtube == "dQw4w9WgXcQ");
  CHECK(youtube.item->video->duration == std::optional<int64_t>(3723));
  CHECK(youtube.item->video->poster == "content/videos/phong-su/poster.jpg");

  auto file = site.parse(Kind::Video, path,
                         "---\ntitle: T\ndate: 2026-01-19\nvideo: { file: phong-su.mp4, captions: phu-de.vtt }\n---\n",
                         true);
  CHECK(file.diags.empty());
  REQUIRE(file.item);
  CHECK(file.item->video->file == "content/videos/phong-su/phong-su.mp4");
  CHECK(file.item->video->captions == "content/videos/phong-su/phu-de.vtt");

  auto url = site.parse(Kind::Video, path, "---\ntitle: T\ndate: 2026-01-19\nvideo: {url: \"https://vtv.vn/v/1\"}\n---\n",
                        true);
  CHECK(url.diags.empty());
  REQUIRE(url.item);
  CHECK(url.item->video->url == "https://vtv.vn/v/1");

  auto two = site.parse(Kind::Video, path,
                        "---\ntitle: T\ndate: 2026-01-19\nvideo:\n  youtube: dQw4w9WgXcQ\n  url: https://vtv.vn/v/1\n---\n",
                        true);
  CHECK_FALSE(two.item);
  REQUIRE(two.diags.size() == 1);
  CHECK(two.diags[0].message == "\"video\" phải có đúng một trong file:, youtube: hoặc url:");
  CHECK(two.diags[0].line == 5);  // where the mapping starts

  auto zero = site.parse(Kind::Video, path,
                         "---\ntitle: T\ndate: 2026-01-19\nvideo: { poster: poster.jpg }\n---\n", true);
  CHECK_FALSE(zero.item);
  CHECK(join_lines(zero.headlines()) == join_lines(std::vector<std::string>{path + ":4: \"video\" phải có đúng một trong file:, youtube: hoặc url:"}));

  auto bad = site.parse(Kind::Video, path,
                        "---\ntitle: T\ndate: 2026-01-19\nvideo: { youtube: \"watch?v=1\" }\n---\n", true);
  CHECK_FALSE(bad.item);
  CHECK(join_lines(bad.headlines()) == join_lines(std::vector<std::string>{path + ":4: \"youtube\" phải là mã video 11 ký tự, ví dụ dQw4w9WgXcQ"}));

  auto scalar = site.parse(Kind::Video, path, "---\ntitle: T\ndate: 2026-01-19\nvideo: dQw4w9WgXcQ\n---\n", true);
  CHECK(join_lines(scalar.headlines()) == join_lines(std::vector<std::string>{path + ":4: \"video\" phải có một trong các khóa file:, youtube: hoặc url:"}));
}

TEST_CASE("pages take a menu position") {
  FrontMatterSite site;
  const std::string path = "content/pages/lien-he.md";
  auto p = site.parse(Kind::Page, path, "---\ntitle: Liên hệ\ndate: 2026-01-01\nmenu: 3\n---\n");
  CHECK(p.diags.empty());
  REQUIRE(p.item);
  REQUIRE(p.item->page);
  CHECK(p.item->page->menu == std::optional<int>(3));
}

TEST_CASE("a translation keeps the key of its original") {
  FrontMatterSite site;
  auto p = site.parse(Kind::Article, "content/articles/hoi-nghi.en.md",
                      "---\ntitle: Conference\ndate: 2026-01-19\ncolumns: [dai-hoi-xiv]\n---\n", false, "en");
  CHECK(p.diags.empty());
  REQUIRE(p.item);
  CHECK(p.item->lang == "en");
  CHECK(p.item->name == "hoi-nghi");
  CHECK(p.item->translation_key == "articles/hoi-nghi");
}

TEST_CASE("aliases must be paths on this site") {
  FrontMatterSite site;
  auto p = site.article("---\ntitle: T\ndate: 2026-01-19\ncolumns: [dai-hoi-xiv]\naliases:\n  - /\n  - ../../../x\n---\n");
  CHECK_FALSE(p.item);
  CHECK(join_lines(p.headlines()) == join_lines(std::vector<std::string>{kPath + ":6: alias \"/\" không phải một đường dẫn trên trang",
                                                  kPath + ":7: alias \"../../../x\" không phải một đường dẫn trên trang"}));
}

}  // TEST_SUITE

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
