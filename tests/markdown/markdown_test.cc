// Unit tests for markdown/markdown.h: GFM extensions, filtering of raw HTML
// and unsafe links, heading anchors, links between items and to files.
#include "site/test_support.h"
#include "markdown/markdown.h"

#include <doctest/doctest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "assemble/library.h"
#include "config/config.h"
#include "core/paths.h"
#include "core/text.h"
#include "core/time.h"

using namespace bangtin;
using bangtin::testing::join_lines;
namespace fs = std::filesystem;

namespace {


bool has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

const char* const kMarkdownConfig = R"({
  "title": "Cổng thông tin",
  "base_url": "https://example.gov.vn/",
  "languages": { "vi": {}, "en": {} },
  "columns": [ { "key": "dai-hoi-xiv", "title": "Đại hội XIV" } ]
})";

Item md_item(const std::string& source, const std::string& body, const std::string& lang = "vi") {
  Item it;
  it.kind = source.find("/documents/") != std::string::npos ? Kind::Document : Kind::Article;
  it.source = source;
  it.dir = source.substr(0, source.rfind('/'));
  std::string file = source.substr(source.rfind('/') + 1);
  it.bundle = file.rfind("index.", 0) == 0;
  std::string name = it.bundle ? it.dir.substr(it.dir.rfind('/') + 1) : file.substr(0, file.find('.'));
  it.name = name;
  it.lang = lang;
  it.translation_key = std::string(kind_folder(it.kind)) + "/" + name;
  it.title = name;
  it.date = *parse_iso_datetime("2026-01-10", 420);
  it.columns = {"dai-hoi-xiv"};
  it.body = body;
  it.body_line = 6;  // as if the front matter took lines 1-5
  if (it.kind == Kind::Document) it.document = DocumentFields{};
  return it;
}

// A site on disk (for files the bodies link to) and a library of items.
class MarkdownSite {
 public:
  explicit MarkdownSite(std::vector<Item> items) {
    std::string tmpl = (fs::temp_directory_path() / "bangtin-md-XXXXXX").string();
    REQUIRE(mkdtemp(tmpl.data()) != nullptr);
    tmp_ = tmpl;
    root_ = tmp_ / "site";
    for (const char* f : {"content/articles/hoi-nghi/anh 1.jpg", "content/articles/hoi-nghi/bao-cao.pdf",
                          "content/documents/ke-hoach.pdf"}) {
      fs::create_directories((root_ / f).parent_path());
      std::ofstream(root_ / f) << "x";
    }
    fs::create_directories(tmp_ / "outside");
    std::ofstream(tmp_ / "outside/secret.pdf") << "secret";
    fs::create_symlink(tmp_ / "outside/secret.pdf", root_ / "content/articles/hoi-nghi/link.pdf");
    Diagnostics d;
    REQUIRE(parse_config(kMarkdownConfig, config_, d));
    lib_ = assemble(std::move(items), config_, *parse_iso_datetime("2026-01-19T12:00:00+07:00", 420), d);
    REQUIRE_FALSE(d.has_errors());
  }
  ~MarkdownSite() {
    std::error_code ec;
    fs::remove_all(tmp_, ec);
  }
  struct Out {
    RenderedBody body;
    std::vector<Diagnostic> diags;
    std::vector<std::string> headlines() const {
      std::vector<std::string> out;
      for (const auto& d : diags) out.push_back(d.headline());
      return out;
    }
  };
  Out render(const std::string& source) {
    auto it = lib_.by_source.find(source);
    REQUIRE(it != lib_.by_source.end());
    Diagnostics d;
    Out out{render_markdown(lib_.items[it->second], lib_, config_, root_.string(), d), {}};
    out.diags = d.sorted();
    return out;
  }
  const Library& lib() const { return lib_; }

 private:
  fs::path tmp_, root_;
  SiteConfig config_;
  Library lib_;
};

using Strings = std::vector<std::string>;

}  // namespace

TEST_SUITE("markdown") {

TEST_CASE("markdown_to_html: GFM table") {
  std::string html = markdown_to_html("| Đơn vị | Số bài |\n|---|--:|\n| Phường Hoàn Kiếm | 12 |\n");
  CHECK(has(html, "<table>"));
  CHECK(has(html, "<th>Đơn vị</th>"));
  CHECK(has(html, "<th align=\"right\">Số bài</th>"));
  CHECK(has(html, "<td>Phường Hoàn Kiếm</td>"));
  CHECK(has(html, "<td align=\"right\">12</td>"));
  CHECK(has(html, "</table>"));
}

TEST_CASE("markdown_to_html: strikethrough, autolink, task list, basics") {
  CHECK(markdown_to_html("~~bãi bỏ~~ còn hiệu lực") == "<p><del>bãi bỏ</del> còn hiệu lực</p>\n");
  CHECK(markdown_to_html("~một dấu~") == "<p>~một dấu~</p>\n");  // only ~~double~~ strikes
  CHECK(markdown_to_html("Xem https://example.gov.vn/tin nhé") ==
        "<p>Xem <a href=\"https://example.gov.vn/tin\">https://example.gov.vn/tin</a> nhé</p>\n");
  CHECK(markdown_to_html("www.chinhphu.vn") == "<p><a href=\"http://www.chinhphu.vn\">www.chinhphu.vn</a></p>\n");
  std::string tasks = markdown_to_html("- [x] Đã xong\n- [ ] Chưa làm\n");
  CHECK(has(tasks, "<input type=\"checkbox\" checked=\"\" disabled=\"\" /> Đã xong"));
  CHECK(has(tasks, "<input type=\"checkbox\" disabled=\"\" /> Chưa làm"));
  CHECK(markdown_to_html("**đậm** và *nghiêng*") == "<p><strong>đậm</strong> và <em>nghiêng</em></p>\n");
  CHECK(markdown_to_html("A & B < C") == "<p>A &amp; B &lt; C</p>\n");
}

TEST_CASE("markdown_to_html drops raw HTML") {
  std::string block = markdown_to_html("Trước\n\n<script>alert(1)</script>\n\nSau\n");
  CHECK_FALSE(has(block, "<script"));
  CHECK_FALSE(has(block, "alert"));
  CHECK(block == "<p>Trước</p>\n<p>Sau</p>\n");
  std::string inline_html = markdown_to_html("a <script>alert(1)</script> b <img src=x onerror=alert(1)> c");
  CHECK_FALSE(has(inline_html, "<script"));
  CHECK_FALSE(has(inline_html, "<img"));
  CHECK_FALSE(has(inline_html, "onerror"));
  std::string iframe = markdown_to_html("<iframe src=\"https://evil.example\"></iframe>\n");
  CHECK_FALSE(has(iframe, "<iframe"));
  // Markup as text is escaped, not dropped.
  CHECK(markdown_to_html("`<script>`") == "<p><code>&lt;script&gt;</code></p>\n");
}

TEST_CASE("markdown_to_html with raw HTML allowed still disarms <script>") {
  std::string html = markdown_to_html("<div class=\"box\">Hộp</div>\n\n<script>alert(1)</script>\n", true);
  CHECK(has(html, "<div class=\"box\">Hộp</div>"));
  CHECK_FALSE(has(html, "<script"));
  CHECK(has(html, "&lt;script>"));
}

TEST_CASE("markdown_to_html disables unsafe link schemes") {
  CHECK(markdown_to_html("[x](javascript:alert(1))") == "<p><a href=\"#\">x</a></p>\n");
  CHECK(markdown_to_html("[x](JavaScript:alert(1))") == "<p><a href=\"#\">x</a></p>\n");
  CHECK(markdown_to_html("[x](&#106;avascript:alert(1))") == "<p><a href=\"#\">x</a></p>\n");
  CHECK(markdown_to_html("[x](vbscript:msgbox)") == "<p><a href=\"#\">x</a></p>\n");
  CHECK(markdown_to_html("[x](data:text/html,<b>hi</b>)") == "<p><a href=\"#\">x</a></p>\n");
  CHECK(markdown_to_html("![ảnh](javascript:alert(1))") == "<p><img src=\"#\" alt=\"ảnh\" /></p>\n");
  CHECK(markdown_to_html("<javascript:alert(1)>") == "<p><a href=\"#\">javascript:alert(1)</a></p>\n");
  // Safe schemes and plain paths are kept.
  CHECK(markdown_to_html("[thư](mailto:vp@so.gov.vn)") == "<p><a href=\"mailto:vp@so.gov.vn\">thư</a></p>\n");
  CHECK(markdown_to_html("[gọi](tel:02438250000)") == "<p><a href=\"tel:02438250000\">gọi</a></p>\n");
  CHECK(markdown_to_html("[web](https://example.gov.vn)") ==
        "<p><a href=\"https://example.gov.vn\">web</a></p>\n");
  CHECK(markdown_to_html("[trang](/gioi-thieu/)") == "<p><a href=\"/gioi-thieu/\">trang</a></p>\n");
}

TEST_CASE("render_markdown: heading ids and anchors") {
  MarkdownSite site({md_item("content/articles/x.md",
                             "## Đại hội\n\nĐoạn đầu.\n\n## Đại hội\n\n### Chuyển đổi *số*\n\n## !!!\n")});
  auto out = site.render("content/articles/x.md");
  CHECK(out.diags.empty());
  REQUIRE(out.body.headings.size() == 4);
  CHECK(out.body.headings[0].id == "dai-hoi");
  CHECK(out.body.headings[0].text == "Đại hội");
  CHECK(out.body.headings[0].level == 2);
  CHECK(out.body.headings[1].id == "dai-hoi-1");
  CHECK(out.body.headings[2].id == "chuyen-doi-so");
  CHECK(out.body.headings[2].text == "Chuyển đổi số");
  CHECK(out.body.headings[2].level == 3);
  CHECK(out.body.headings[3].id == "muc");  // no letters: a fallback id
  CHECK(has(out.body.html, "<h2 id=\"dai-hoi\">Đại hội <a class=\"anchor\" href=\"#dai-hoi\" aria-hidden=\"true\" "
                           "tabindex=\"-1\">#</a></h2>"));
  CHECK(has(out.body.html, "<h2 id=\"dai-hoi-1\">Đại hội <a class=\"anchor\" href=\"#dai-hoi-1\""));
  CHECK(has(out.body.html, "<h3 id=\"chuyen-doi-so\">Chuyển đổi <em>số</em> <a class=\"anchor\""));
  CHECK(has(out.body.html, "<p>Đoạn đầu.</p>"));
  CHECK(out.body.first_paragraph == "Đoạn đầu.");
}

TEST_CASE("render_markdown: heading ids stay unique when a title looks like a numbered duplicate") {
  // "Đại hội", "Đại hội" → dai-hoi, dai-hoi-1; a third heading "Đại hội 1"
  // slugifies to dai-hoi-1 too and must get an id of its own.
  MarkdownSite site({md_item("content/articles/x.md", "## Đại hội\n\n## Đại hội\n\n## Đại hội 1\n")});
  auto out = site.render("content/articles/x.md");
  REQUIRE(out.body.headings.size() == 3);
  CHECK(out.body.headings[0].id == "dai-hoi");
  CHECK(out.body.headings[1].id == "dai-hoi-1");
  CHECK(out.body.headings[2].id == "dai-hoi-1-1");
}

TEST_CASE("render_markdown: links to other items resolve to their URLs") {
  Item a = md_item("content/articles/a.md",
                   "Xem [hội nghị](hoi-nghi/index.md), [kế hoạch](../documents/ke-hoach.md#muc-2) "
                   "và [từ gốc](/content/articles/b.md?x=1).\n");
  Item a_en = md_item("content/articles/a.en.md", "See [conference](hoi-nghi/index.md) and [b](b.md).\n", "en");
  Item b = md_item("content/articles/b.md", "B\n");
  Item hn = md_item("content/articles/hoi-nghi/index.md", "Hội nghị\n");
  Item hn_en = md_item("content/articles/hoi-nghi/index.en.md", "Conference\n", "en");
  Item doc = md_item("content/documents/ke-hoach.md", "Kế hoạch\n");
  MarkdownSite site({a, a_en, b, hn, hn_en, doc});
  auto out = site.render("content/articles/a.md");
  CHECK(out.diags.empty());
  CHECK(has(out.body.html, "<a href=\"/bai-viet/hoi-nghi/\">hội nghị</a>"));
  CHECK(has(out.body.html, "<a href=\"/van-ban/ke-hoach/#muc-2\">kế hoạch</a>"));
  CHECK(has(out.body.html, "<a href=\"/bai-viet/b/?x=1\">từ gốc</a>"));
  CHECK(out.body.files.empty());
  // From the English version: the English translation when there is one.
  auto en = site.render("content/articles/a.en.md");
  CHECK(en.diags.empty());
  CHECK(has(en.body.html, "<a href=\"/en/bai-viet/hoi-nghi/\">conference</a>"));
  CHECK(has(en.body.html, "<a href=\"/bai-viet/b/\">b</a>"));
}

TEST_CASE("render_markdown: broken, draft and escaping links") {
  Item a = md_item("content/articles/a.md",
                   "Dòng 6 [không có](khong-co.md)\n"
                   "\n"
                   "Dòng 8 [nháp](nhap.md)\n"
                   "\n"
                   "Dòng 10 [ra ngoài](../../../etc/passwd)\n"
                   "\n"
                   "Dòng 12 [js](javascript:alert(1))\n");
  Item draft = md_item("content/articles/nhap.md", "Nháp\n");
  draft.draft = true;
  MarkdownSite site({a, draft});
  auto out = site.render("content/articles/a.md");
  CHECK(join_lines(out.headlines()) == join_lines(Strings{
            "content/articles/a.md:6: liên kết \"khong-co.md\": không có mục này (đã tìm content/articles/khong-co.md)",
            "content/articles/a.md:8: liên kết \"nhap.md\": mục đó là bản nháp hoặc chưa đến giờ đăng",
            "content/articles/a.md:10: liên kết \"../../../etc/passwd\" đi ra ngoài thư mục trang",
            "content/articles/a.md:12: cảnh báo: liên kết dạng \"javascript:\" đã bị vô hiệu hóa",
        }));
  CHECK(has(out.body.html, "<a href=\"#\">ra ngoài</a>"));
  CHECK(has(out.body.html, "<a href=\"#\">js</a>"));
  CHECK_FALSE(has(out.body.html, "javascript"));
  CHECK_FALSE(has(out.body.html, "passwd"));
}

TEST_CASE("render_markdown: files in a bundle and beside it") {
  Item hn = md_item("content/articles/hoi-nghi/index.md",
                    "![Quang cảnh](anh%201.jpg)\n"
                    "\n"
                    "[Báo cáo](<bao-cao.pdf>) và [kế hoạch](../../documents/ke-hoach.pdf)\n"
                    "\n"
                    "[thiếu](thieu.pdf) [liên kết](link.pdf) [trang](/gioi-thieu/)\n");
  MarkdownSite site({hn});
  auto out = site.render("content/articles/hoi-nghi/index.md");
  CHECK(has(out.body.html, "<img src=\"/bai-viet/hoi-nghi/anh%201.jpg\" alt=\"Quang cảnh\" />"));
  CHECK(has(out.body.html, "<a href=\"/bai-viet/hoi-nghi/bao-cao.pdf\">Báo cáo</a>"));
  CHECK(has(out.body.html, "<a href=\"/tep/documents/ke-hoach.pdf\">kế hoạch</a>"));
  CHECK(has(out.body.html, "<a href=\"/gioi-thieu/\">trang</a>"));  // a site page, not a file
  CHECK(out.body.files == Strings{"content/articles/hoi-nghi/anh 1.jpg", "content/articles/hoi-nghi/bao-cao.pdf",
                                  "content/documents/ke-hoach.pdf"});
  CHECK(join_lines(out.headlines()) == join_lines(Strings{
            "content/articles/hoi-nghi/index.md:10: \"link.pdf\" là liên kết trỏ ra ngoài thư mục trang",
            "content/articles/hoi-nghi/index.md:10: không có tệp \"thieu.pdf\" (đã tìm "
            "content/articles/hoi-nghi/thieu.pdf)",
        }));
}

TEST_CASE("render_markdown: a page address is not looked up as a file, a root-level file is") {
  Item hn = md_item("content/articles/hoi-nghi/index.md",
                    "[trang](/gioi-thieu/) [bài](/bai-viet/hoi-nghi/) [tệp](/tai-lieu/x.pdf)\n");
  MarkdownSite site({hn});
  SiteFileLog looked_up;  // what the up-to-date record fingerprints after a build
  auto out = site.render("content/articles/hoi-nghi/index.md");
  CHECK(has(out.body.html, "<a href=\"/gioi-thieu/\">trang</a>"));
  CHECK(has(out.body.html, "<a href=\"/bai-viet/hoi-nghi/\">bài</a>"));
  CHECK(looked_up.paths() == std::set<std::string>{"tai-lieu/x.pdf"});
  CHECK(out.headlines().empty());
}

TEST_CASE("render_markdown: raw HTML is left out with a warning at its line") {
  MarkdownSite site({md_item("content/articles/x.md", "Đoạn một.\n\n<script>alert(1)</script>\n\nĐoạn <b>hai</b>.\n")});
  auto out = site.render("content/articles/x.md");
  CHECK_FALSE(has(out.body.html, "<script"));
  CHECK_FALSE(has(out.body.html, "<b>"));
  CHECK(out.body.html == "<p>Đoạn một.</p>\n<p>Đoạn hai.</p>\n");
  CHECK(join_lines(out.headlines()) == join_lines(Strings{
                               "content/articles/x.md:8: cảnh báo: mã HTML không được dùng trong bài và đã bị bỏ đi",
                               "content/articles/x.md:10: cảnh báo: mã HTML không được dùng trong bài và đã bị bỏ đi",
                           }));
  CHECK(out.body.first_paragraph == "Đoạn một.");
}

}  // TEST_SUITE

TEST_CASE("a control written as a character reference is dropped, as it would be typed") {
  // The reading step drops typed controls (core/text.h); &#31; reaches the
  // tree only through cmark's decoding of the reference.
  std::string html = markdown_to_html("Tiêu&#31;đề &#x7F;và&#x9f; [liên kết](https://e.vn/a&#1;b \"t&#27;\")\n\n"
                                      "```&#31;\nx\n```\n\n`&#31;` giữ nguyên trong mã\n");
  std::string kept = html;
  CHECK(drop_forbidden_code_points(kept) == 0);
  CHECK(has(html, "Tiêuđề và"));
  CHECK(has(html, "<code>&amp;#31;</code> giữ nguyên"));
  CHECK(has(html, "href=\"https://e.vn/ab\" title=\"t\""));
}
