// Unit tests for config/config.h and config/json_lines.h: site-config.json
// parsing, with every error named at its line.
#include "site/test_support.h"
#include "config/config.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "config/json_lines.h"

using namespace bangtin;
using bangtin::testing::join_lines;

namespace {


struct ConfigResult {
  bool ok;
  SiteConfig config;
  std::vector<Diagnostic> diags;
  std::vector<std::string> headlines() const {
    std::vector<std::string> out;
    for (const auto& d : diags) out.push_back(d.headline());
    return out;
  }
};

ConfigResult parse(const std::string& text) {
  ConfigResult r;
  Diagnostics diags;
  r.ok = parse_config(text, r.config, diags);
  r.diags = diags.sorted();
  return r;
}

// Line 1 is "{". Kept small so line numbers are easy to count.
const char* const kMinimal = R"({
  "title": "Cổng thông tin điện tử Sở Văn hóa và Thể thao",
  "base_url": "https://example.gov.vn",
  "columns": [
    { "key": "dai-hoi-xiv", "title": "Đại hội XIV của Đảng" }
  ]
})";

}  // namespace

TEST_SUITE("config") {

TEST_CASE("a minimal valid config and its defaults") {
  auto r = parse(kMinimal);
  CHECK(r.ok);
  CHECK(r.diags.empty());
  const SiteConfig& c = r.config;
  CHECK(c.title == "Cổng thông tin điện tử Sở Văn hóa và Thể thao");
  CHECK(c.base_url == "https://example.gov.vn/");  // a trailing '/' is added
  CHECK(c.default_language == "vi");
  REQUIRE(c.languages.size() == 1);
  CHECK(c.languages[0].code == "vi");
  CHECK(c.languages[0].title == c.title);
  CHECK(c.utc_offset_minutes == 420);
  CHECK(c.pagination == 20);
  CHECK(c.raw_html == false);
  CHECK(c.images.widths == std::vector<int>{480, 960, 1600});
  CHECK(c.images.formats == std::vector<std::string>{"webp", "jpeg"});
  CHECK(c.images.quality == 80);
  CHECK(c.feeds.items == 50);
  CHECK(c.feeds.full_content == true);
  REQUIRE(c.columns.size() == 1);
  CHECK(c.columns[0].key == "dai-hoi-xiv");
  CHECK(c.columns[0].title == "Đại hội XIV của Đảng");
  CHECK(c.columns[0].order == 1);
  CHECK(c.columns[0].line == 5);
  CHECK(c.find_column("dai-hoi-xiv") == &c.columns[0]);
  CHECK(c.find_column("khong-co") == nullptr);
  CHECK(c.units.empty());
  CHECK(c.quotas.empty());
}

TEST_CASE("a full config") {
  const char* text = R"({
  "title": "Cổng TTĐT",
  "description": "Mô tả",
  "base_url": "https://example.gov.vn/portal/",
  "language": "vi",
  "languages": { "vi": { "title": "Cổng TTĐT" }, "en": { "title": "Portal", "description": "English" } },
  "utc_offset": "+07:00",
  "contact": { "agency": "Sở", "address": "47 Hàng Dầu", "phone": "024", "email": "a@b.vn", "responsible": "Chánh VP" },
  "default_unit": "so-vhtt",
  "columns": [
    { "key": "cai-cach-hanh-chinh", "title": "Cải cách hành chính", "order": 2 },
    { "key": "dai-hoi-xiv", "title": "Đại hội XIV", "description": "Tin", "order": 1,
      "translations": { "en": { "title": "14th Congress" } } }
  ],
  "units": [ { "key": "so-vhtt", "title": "Sở VHTT" }, { "key": "phuong-hoan-kiem", "title": "Phường Hoàn Kiếm", "kind": "ward" } ],
  "images": { "widths": [1600, 480], "formats": ["avif", "jpeg"], "quality": 75 },
  "feeds": { "items": 30, "full_content": false },
  "pagination": 12,
  "markdown": { "raw_html": true },
  "quotas": [ { "column": "cai-cach-hanh-chinh", "min_per_month": 2 } ]
})";
  auto r = parse(text);
  CHECK(join_lines(r.headlines()) == join_lines(std::vector<std::string>{}));
  REQUIRE(r.ok);
  const SiteConfig& c = r.config;
  CHECK(c.base_url == "https://example.gov.vn/portal/");
  CHECK(c.description == "Mô tả");
  CHECK(c.contact.agency == "Sở");
  CHECK(c.contact.responsible == "Chánh VP");
  CHECK(c.default_unit == "so-vhtt");
  // Columns by order, not as listed.
  REQUIRE(c.columns.size() == 2);
  CHECK(c.columns[0].key == "dai-hoi-xiv");
  CHECK(c.columns[0].line == 12);
  CHECK(c.columns[1].key == "cai-cach-hanh-chinh");
  CHECK(c.columns[1].line == 11);
  CHECK(SiteConfig::title_in(c.columns[0].title, c.columns[0].translations, "en") == "14th Congress");
  CHECK(SiteConfig::title_in(c.columns[1].title, c.columns[1].translations, "en") == "Cải cách hành chính");
  REQUIRE(c.units.size() == 2);
  CHECK(c.units[0].kind == "department");  // the default kind
  CHECK(c.units[1].kind == "ward");
  CHECK(c.find_unit("phuong-hoan-kiem") == &c.units[1]);
  CHECK(c.images.widths == std::vector<int>{480, 1600});  // sorted
  CHECK(c.images.formats == std::vector<std::string>{"avif", "jpeg"});
  CHECK(c.images.quality == 75);
  CHECK(c.feeds.items == 30);
  CHECK(c.feeds.full_content == false);
  CHECK(c.pagination == 12);
  CHECK(c.raw_html == true);
  REQUIRE(c.quotas.size() == 1);
  CHECK(c.quotas[0].column == "cai-cach-hanh-chinh");
  CHECK(c.quotas[0].min_per_month == 2);
  REQUIRE(c.languages.size() == 2);
  CHECK(c.languages[0].code == "vi");
  CHECK(c.languages[0].description == "Mô tả");  // the default language falls back to the site's
  CHECK(c.languages[1].code == "en");
  CHECK(c.languages[1].title == "Portal");
  CHECK(c.languages[1].description == "English");
}

TEST_CASE("languages: the default first, then by code") {
  const char* text = R"({
  "title": "T",
  "base_url": "https://x.vn/",
  "language": "vi",
  "languages": { "zh": { "title": "中文" }, "en": {}, "vi": {}, "fr": { "title": "Portail" } },
  "columns": []
})";
  auto r = parse(text);
  REQUIRE(r.ok);
  std::vector<std::string> codes;
  for (const auto& l : r.config.languages) codes.push_back(l.code);
  CHECK(codes == std::vector<std::string>{"vi", "en", "fr", "zh"});
  CHECK(r.config.find_language("en")->title == "T");  // no title: the site's
  CHECK(r.config.find_language("fr")->title == "Portail");
  CHECK(r.config.find_language("de") == nullptr);

  SUBCASE("a default language that is not listed is added, first") {
    auto r2 = parse(R"({ "title": "T", "base_url": "https://x.vn/", "language": "vi",
  "languages": { "en": { "title": "E" } }, "columns": [] })");
    REQUIRE(r2.ok);
    REQUIRE(r2.config.languages.size() == 2);
    CHECK(r2.config.languages[0].code == "vi");
    CHECK(r2.config.languages[1].code == "en");
  }
  SUBCASE("another default language") {
    auto r3 = parse(R"({ "title": "T", "base_url": "https://x.vn/", "language": "en",
  "languages": { "vi": {}, "en": {}, "de": {} }, "columns": [] })");
    REQUIRE(r3.ok);
    std::vector<std::string> c3;
    for (const auto& l : r3.config.languages) c3.push_back(l.code);
    CHECK(c3 == std::vector<std::string>{"en", "de", "vi"});
  }
}

TEST_CASE("an unknown top-level key is named with its line") {
  const char* text = R"({
  "title": "Cổng thông tin",
  "titel": "typo",
  "base_url": "https://example.gov.vn/",
  "columns": []
})";
  auto r = parse(text);
  CHECK_FALSE(r.ok);
  REQUIRE(r.diags.size() == 1);
  CHECK(r.diags[0].headline() == "site-config.json:3: khóa \"titel\" không có trong cấu hình");
  CHECK(r.diags[0].path == "site-config.json");
  CHECK(r.diags[0].line == 3);
  CHECK(r.diags[0].severity == Severity::Error);
  CHECK(r.diags[0].hint.find("title") != std::string::npos);
  CHECK(r.diags[0].hint.rfind("các khóa dùng được ở đây: ", 0) == 0);
}

TEST_CASE("an unknown key inside a column names where it is") {
  const char* text = R"({
  "title": "T",
  "base_url": "https://example.gov.vn/",
  "columns": [
    { "key": "dai-hoi-xiv", "title": "Đại hội" },
    { "key": "chuyen-doi-so",
      "titel": "Chuyển đổi số" }
  ]
})";
  auto r = parse(text);
  CHECK_FALSE(r.ok);
  CHECK(join_lines(r.headlines()) == join_lines(std::vector<std::string>{
                             "site-config.json:6: thiếu khóa bắt buộc \"title\" (tại /columns/1)",
                             "site-config.json:7: khóa \"titel\" không có trong cấu hình (tại /columns/1)",
                         }));
}

TEST_CASE("a wrong type is reported at its line") {
  const char* text = R"({
  "title": "T",
  "base_url": "https://example.gov.vn/",
  "columns": [],

  "pagination": "20"
})";
  auto r = parse(text);
  CHECK_FALSE(r.ok);
  REQUIRE(r.diags.size() == 1);
  CHECK(r.diags[0].headline() == "site-config.json:6: \"pagination\" phải là số nguyên, không phải chữ");
  CHECK(r.config.pagination == 20);  // the default stays

  SUBCASE("other wrong types") {
    auto r2 = parse(R"({
  "title": 12,
  "base_url": "https://example.gov.vn/",
  "columns": {},
  "feeds": { "items": 20.5, "full_content": "yes" },
  "images": []
})");
    CHECK(join_lines(r2.headlines()) == join_lines(std::vector<std::string>{
                                "site-config.json:2: \"title\" phải là chữ, không phải số nguyên",
                                "site-config.json:4: \"columns\" phải là một danh sách [ … ], không phải một nhóm { … }",
                                "site-config.json:5: \"full_content\" phải là true hoặc false, không phải chữ (tại /feeds)",
                                "site-config.json:5: \"items\" phải là số nguyên, không phải số thập phân (tại /feeds)",
                                "site-config.json:6: \"images\" phải là một nhóm { … }, không phải một danh sách [ … ]",
                            }));
  }
}

TEST_CASE("numbers out of range") {
  auto r = parse(R"({
  "title": "T",
  "base_url": "https://example.gov.vn/",
  "columns": [],
  "pagination": 0,
  "images": { "quality": 101, "widths": [480, 10], "formats": ["webp", "gif"] }
})");
  CHECK(join_lines(r.headlines()) == join_lines(std::vector<std::string>{
                            "site-config.json:5: \"pagination\" là 0, phải từ 1 đến 1000",
                            "site-config.json:6: \"quality\" là 101, phải từ 1 đến 100 (tại /images)",
                            "site-config.json:6: định dạng ảnh chỉ có thể là \"webp\", \"jpeg\", \"png\" hoặc \"avif\"",
                            "site-config.json:6: độ rộng ảnh phải là số điểm ảnh nguyên, từ 16 đến 8192",
                        }));
}

TEST_CASE("banner placements and the pixel limit: defaults, overrides and unknown names") {
  auto defaults = parse(R"({ "title": "T", "base_url": "https://example.gov.vn/", "columns": [] })");
  REQUIRE(defaults.ok);
  CHECK(defaults.config.images.max_megapixels == 100);
  CHECK(defaults.config.images.placements.at("top").width == 1920);
  CHECK(defaults.config.images.placements.at("top").height == 480);
  CHECK(defaults.config.images.placements.at("sidebar").height == 600);

  auto r = parse(R"({
  "title": "T",
  "base_url": "https://example.gov.vn/",
  "columns": [],
  "images": { "max_megapixels": 40,
              "placements": { "home": { "width": 1600, "height": 400 },
                              "popup": { "width": 500, "height": 500 },
                              "top": { "width": 10, "height": 480 } } }
})");
  CHECK(join_lines(r.headlines()) == join_lines(std::vector<std::string>{
                            "site-config.json:7: khóa \"popup\" không có trong cấu hình (tại /images/placements)",
                            "site-config.json:8: \"width\" là 10, phải từ 16 đến 8192 (tại /images/placements/top)",
                        }));
  CHECK(r.config.images.max_megapixels == 40);
  CHECK(r.config.images.placements.at("home").width == 1600);
  CHECK(r.config.images.placements.at("home").height == 400);
}

TEST_CASE("a column key used twice") {
  const char* text = R"({
  "title": "T",
  "base_url": "https://example.gov.vn/",
  "columns": [
    { "key": "dai-hoi-xiv", "title": "Đại hội XIV" },
    { "title": "Đại hội XIV - trùng",
      "key": "dai-hoi-xiv" }
  ]
})";
  auto r = parse(text);
  CHECK_FALSE(r.ok);
  REQUIRE(r.diags.size() == 1);
  CHECK(r.diags[0].headline() == "site-config.json:7: khóa chuyên mục \"dai-hoi-xiv\" bị khai hai lần");
}

TEST_CASE("column and unit keys must be slugs") {
  auto r = parse(R"({
  "title": "T",
  "base_url": "https://example.gov.vn/",
  "columns": [ { "key": "Đại hội XIV", "title": "Đại hội XIV" } ],
  "units": [ { "key": "Phường_Hoàn_Kiếm", "title": "P", "kind": "district" } ]
})");
  CHECK(join_lines(r.headlines()) == join_lines(std::vector<std::string>{
            "site-config.json:4: khóa chuyên mục \"Đại hội XIV\" phải viết thường, không dấu, nối bằng gạch ngang, ví dụ \"dai-hoi-xiv\"",
            "site-config.json:5: khóa đơn vị \"Phường_Hoàn_Kiếm\" phải viết thường, không dấu, nối bằng gạch ngang, "
            "ví dụ \"phuong-hoan-kiem\"",
            "site-config.json:5: loại đơn vị \"district\" phải là department, ward hoặc commune",
        }));
}

TEST_CASE("a quota or default unit that refers to something undefined") {
  const char* text = R"({
  "title": "T",
  "base_url": "https://example.gov.vn/",
  "default_unit": "so-khong-co",
  "columns": [ { "key": "dai-hoi-xiv", "title": "Đại hội XIV" } ],
  "quotas": [
    { "column": "dai-hoi-xiv", "min_per_month": 1 },
    { "column": "cai-cach-hanh-chinh", "min_per_month": 2 }
  ]
})";
  auto r = parse(text);
  CHECK_FALSE(r.ok);
  CHECK(join_lines(r.headlines()) == join_lines(std::vector<std::string>{
                            "site-config.json:4: \"default_unit\" là \"so-khong-co\", không có trong \"units\"",
                            "site-config.json:8: chỉ tiêu ghi chuyên mục \"cai-cach-hanh-chinh\", không có trong \"columns\"",
                        }));
}

TEST_CASE("invalid JSON reports a line") {
  const char* text = R"({
  "title": "T",
  "base_url": "https://example.gov.vn/",
  "columns": [
    { "key": "dai-hoi-xiv", "title": "Đại hội XIV" },
  ]
})";
  auto r = parse(text);
  CHECK_FALSE(r.ok);
  REQUIRE(r.diags.size() == 1);
  const Diagnostic& d = r.diags[0];
  CAPTURE(d.headline());
  // The trailing comma is on line 5; the parser notices at the "]" on line 6.
  CHECK(d.line == 6);
  CHECK(d.headline().rfind("site-config.json:6: không đúng cú pháp JSON: ", 0) == 0);
  CHECK(d.hint.find("dấu phẩy thừa") != std::string::npos);

  SUBCASE("a missing comma") {
    auto r2 = parse("{\n  \"title\": \"T\"\n  \"base_url\": \"x\"\n}");
    REQUIRE(r2.diags.size() == 1);
    CHECK(r2.diags[0].line == 3);
  }
  SUBCASE("not an object") {
    auto r3 = parse("[1, 2]");
    CHECK(join_lines(r3.headlines()) == join_lines(std::vector<std::string>{"site-config.json:1: tệp phải chứa một nhóm JSON { … }"}));
  }
  SUBCASE("invalid UTF-8") {
    auto r4 = parse("{\n  \"title\": \"T\",\n  \"description\": \"Vi\xE1\xBB\",\n}");
    CHECK(join_lines(r4.headlines()) == join_lines(std::vector<std::string>{"site-config.json:3: chữ không đúng mã UTF-8"}));
  }
}

TEST_CASE("utc_offset must look like +07:00") {
  const char* text = R"({
  "title": "T",
  "base_url": "https://example.gov.vn/",
  "utc_offset": "+7",
  "columns": []
})";
  auto r = parse(text);
  CHECK_FALSE(r.ok);
  CHECK(join_lines(r.headlines()) == join_lines(std::vector<std::string>{"site-config.json:4: \"utc_offset\" phải viết dạng +07:00"}));
  CHECK(r.config.utc_offset_minutes == 420);

  auto ok = parse(R"({ "title": "T", "base_url": "https://x.vn/", "utc_offset": "-05:30", "columns": [] })");
  CHECK(ok.ok);
  CHECK(ok.config.utc_offset_minutes == -330);
}

TEST_CASE("required keys, empty values and base_url scheme") {
  auto r = parse(R"({
  "title": "   ",
  "base_url": "ftp://example.gov.vn"
})");
  CHECK(join_lines(r.headlines()) == join_lines(std::vector<std::string>{
                            "site-config.json:1: thiếu khóa bắt buộc \"columns\"",
                            "site-config.json:2: \"title\" không được để trống",
                            "site-config.json:3: \"base_url\" phải bắt đầu bằng https:// hoặc http://",
                        }));
}

TEST_CASE("language codes and translations are checked") {
  auto r = parse(R"({
  "title": "T",
  "base_url": "https://x.vn/",
  "languages": { "vi": {}, "English": { "title": "E" }, "en": "English" },
  "columns": [ { "key": "a", "title": "A", "translations": { "en": "A" } } ]
})");
  CHECK(join_lines(r.headlines()) == join_lines(std::vector<std::string>{
                            "site-config.json:4: mã ngôn ngữ \"English\" phải là mã chữ thường như vi, en, zh",
                            "site-config.json:4: ngôn ngữ \"en\" phải là một nhóm { \"title\": … }",
                            "site-config.json:5: bản dịch \"en\" phải là một nhóm { \"title\": … }",
                        }));
}

TEST_CASE("config text is stored in NFC") {
  // "Việt" with e + dot below + circumflex.
  std::string nfd_title = "Vi" "e\xCC\xA3\xCC\x82" "t";
  auto r = parse("{ \"title\": \"" + nfd_title + "\", \"base_url\": \"https://x.vn/\", \"columns\": [] }");
  REQUIRE(r.ok);
  CHECK(r.config.title == "Vi\xE1\xBB\x87t");
}

TEST_CASE("JsonLines records the line of keys and elements") {
  const char* text = R"({
  "a": 1,
  "b": {
    "c": "x:y,{z}",
    "d/e": [
      10,
      { "f": true },
      "s\"q"
    ]
  },
  "g": null
})";
  JsonLines lines(text);
  CHECK(lines.line_of("/a") == 2);
  CHECK(lines.line_of("/b") == 3);
  CHECK(lines.line_of("/b/c") == 4);
  CHECK(lines.line_of("/b/d~1e") == 5);
  CHECK(lines.line_of("/b/d~1e/0") == 6);
  CHECK(lines.line_of("/b/d~1e/1") == 7);
  CHECK(lines.line_of("/b/d~1e/1/f") == 7);
  CHECK(lines.line_of("/b/d~1e/2") == 8);
  CHECK(lines.line_of("/g") == 11);
  CHECK(lines.line_of("/b/nothing") == 3);  // nearest recorded ancestor
  CHECK(lines.line_of("/zzz") == 1);
  CHECK(lines.line_of("") == 1);
  CHECK(json_pointer_append("/b", "d/e") == "/b/d~1e");
  CHECK(json_pointer_append("", "a~b") == "/a~0b");
  CHECK(json_pointer_append("/columns", size_t{3}) == "/columns/3");
}

TEST_CASE("control characters in config strings are dropped when read, with a warning at their line") {
  // Raw, JSON allows DEL, C1 controls and noncharacters in a string; the C0
  // controls only as escapes.
  const std::string text = "{\n"
                           "  \"title\": \"Cổng\\u001f thông tin\",\n"
                           "  \"base_url\": \"https://example.gov.vn/\",\n"
                           "  \"columns\": [\n"
                           "    { \"key\": \"dai-hoi-xiv\", \"title\": \"Đại hội\x7F XIV\xEF\xBF\xBF\" }\n"
                           "  ]\n"
                           "}";
  auto r = parse(text);
  CHECK(r.ok);
  CHECK(r.config.title == "Cổng thông tin");
  REQUIRE(r.config.columns.size() == 1);
  CHECK(r.config.columns[0].title == "Đại hội XIV");
  CHECK(join_lines(r.headlines()) == join_lines({bangtin::testing::dropped_warning("site-config.json:2", "U+001F"),
                                                  bangtin::testing::dropped_warning("site-config.json:5", "U+007F, U+FFFF")}));
}

}  // TEST_SUITE
