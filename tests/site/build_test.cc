// What a build promises, end to end: publication rules, links, Vietnamese
// dates, translations, atomic replacement of the output, determinism.
#include <doctest/doctest.h>

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "core/disk.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace bangtin;
using namespace bangtin::testing;

namespace {

const std::string kNow = "2026-01-25T00:00:00+07:00";
#define kMinimal (kSites + "/valid-minimal")


size_t files_containing(const std::map<std::string, std::string>& files, const std::string& needle) {
  size_t n = 0;
  for (const auto& [path, bytes] : files) n += contains(bytes, needle) || contains(path, needle);
  return n;
}

}  // namespace

TEST_CASE("drafts and scheduled items appear nowhere; expired ones leave lists and the sitemap") {
  auto files = files_of(build_in_memory(kMinimal, kNow));
  CHECK(files_containing(files, "Bài nháp bí mật") == 0);
  CHECK(files_containing(files, "bai-viet/nhap") == 0);
  CHECK(files_containing(files, "Bài hẹn giờ tương lai") == 0);
  CHECK(files_containing(files, "bai-viet/hen-gio") == 0);
  // The expired notice keeps its page (old links still work) but is withdrawn.
  REQUIRE(files.count("bai-viet/het-han/index.html"));
  CHECK(contains(files["bai-viet/het-han/index.html"], "<meta name=\"robots\" content=\"noindex\">"));
  CHECK_FALSE(contains(files["sitemap.xml"], "het-han"));
  CHECK_FALSE(contains(files["chuyen-muc/tin-tuc/index.html"], "Thông báo đã hết hạn"));
  CHECK_FALSE(contains(files["index.html"], "Thông báo đã hết hạn"));
}

TEST_CASE("the scheduled item is published by the first build at or after its date") {
  auto before = files_of(build_in_memory(kMinimal, "2026-03-01T06:59:59+07:00"));
  auto after = files_of(build_in_memory(kMinimal, "2026-03-01T07:00:00+07:00"));
  CHECK(before.count("bai-viet/hen-gio/index.html") == 0);
  CHECK(after.count("bai-viet/hen-gio/index.html") == 1);
  CHECK(contains(after["sitemap.xml"], "https://thu.example.gov.vn/bai-viet/hen-gio/"));
}

TEST_CASE("links between items, anchors, bundle images and aliases resolve") {
  auto files = files_of(build_in_memory(kMinimal, kNow));
  const std::string& mot = files["bai-viet/mot/index.html"];
  CHECK(contains(mot, "<a href=\"/bai-viet/anh-bai/#muc-hai\">bài hai</a>"));
  CHECK(contains(mot, "<a href=\"/van-ban/kh-1/\">kế hoạch</a>"));
  CHECK(contains(mot, "<h2 id=\"muc-mot\">Mục một"));
  // A picture in the body is served from its resized copies, never the original.
  CHECK(contains(files["bai-viet/anh-bai/index.html"],
                 "<picture><source type=\"image/webp\" srcset=\"/bai-viet/anh-bai/bia-32.webp 32w\" "
                 "sizes=\"(min-width: 60em) 50em, 100vw\"><img src=\"/bai-viet/anh-bai/bia-32.jpg\" "
                 "srcset=\"/bai-viet/anh-bai/bia-32.jpg 32w\" sizes=\"(min-width: 60em) 50em, 100vw\" width=\"32\" "
                 "height=\"24\" alt=\"Ảnh một\" loading=\"lazy\" decoding=\"async\"></picture>"));
  CHECK(files.count("bai-viet/anh-bai/bia-32.jpg") == 1);
  CHECK(files.count("bai-viet/anh-bai/bia.png") == 0);
  CHECK(contains(files["tin-cu/bai-co-anh.html"], "url=/bai-viet/anh-bai/"));
}

TEST_CASE("dates read the Vietnamese way with +07:00") {
  auto files = files_of(build_in_memory(kMinimal, kNow));
  const std::string& mot = files["bai-viet/mot/index.html"];
  CHECK(contains(mot, "<time datetime=\"2026-01-10T08:00:00+07:00\">Thứ Bảy, 10/01/2026 08:00</time>"));
}

TEST_CASE("one tag however it is cased, and translations link each other") {
  auto files = files_of(build_in_memory(kMinimal, kNow));
  const std::string& tag = files["the/dai-hoi-xiv/index.html"];
  CHECK(contains(tag, "<h1>Đại hội XIV</h1>"));
  CHECK(contains(tag, "/bai-viet/mot/"));
  CHECK(contains(tag, "/bai-viet/anh-bai/"));
  const std::string& vi = files["bai-viet/anh-bai/index.html"];
  CHECK(contains(vi, "<link rel=\"alternate\" hreflang=\"en\" href=\"https://thu.example.gov.vn/en/bai-viet/anh-bai/\">"));
  CHECK(contains(files["en/bai-viet/anh-bai/index.html"], "hreflang=\"vi\""));
  CHECK(contains(files["sitemap.xml"],
                 "<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://thu.example.gov.vn/en/bai-viet/anh-bai/\"/>"));
  // A page with no English version offers no English link.
  CHECK_FALSE(contains(files["bai-viet/mot/index.html"], "hreflang=\"en\""));
}

TEST_CASE("two builds give byte-identical output whatever the thread count") {
  auto one = files_of(build_in_memory(kMinimal, kNow, 1));
  auto two = files_of(build_in_memory(kMinimal, kNow, 2));
  auto four = files_of(build_in_memory(kMinimal, kNow, 4));
  CHECK(one.size() > 30);
  CHECK(one == two);
  CHECK(one == four);
}

TEST_CASE("a failed build leaves the previous output byte for byte as it was") {
  TempDir tmp("atomic");
  std::string site = tmp.path() + "/site", out = tmp.path() + "/public";
  fs::copy(kMinimal, site, fs::copy_options::recursive);
  BuildOptions o;
  o.source = site;
  o.output = out;
  o.now = kNow;
  RealDisk disk;
  REQUIRE(build_site(o, disk).ok());
  auto good = snapshot(out);
  REQUIRE(good.count("index.html"));

  std::ofstream(site + "/content/articles/hong.md") << "---\ntitle: Hỏng\ndate: hôm qua\ncolumns: [tin-tuc]\n---\n";
  std::ofstream(site + "/content/articles/ba.md", std::ios::app) << "\nThêm một câu.\n";
  BuildResult failed = build_site(o, disk);
  CHECK_FALSE(failed.ok());
  CHECK(snapshot(out) == good);
  // Nothing is left beside the output either.
  size_t entries = 0;
  for (auto& e : fs::directory_iterator(tmp.path())) entries += e.path().filename() != "site";
  CHECK(entries == 1);

  fs::remove(site + "/content/articles/hong.md");
  REQUIRE(build_site(o, disk).ok());
  auto rebuilt = snapshot(out);
  CHECK(rebuilt != good);
  CHECK(contains(rebuilt["bai-viet/ba/index.html"], "Thêm một câu."));
}

TEST_CASE("the output folder may not replace the site's own files") {
  BuildOptions o;
  o.source = kMinimal;
  o.output = kMinimal + "/content";
  o.now = kNow;
  MemoryDisk disk;
  BuildResult r = build_site(o, disk);
  CHECK_FALSE(r.ok());
  CHECK(disk.files().empty());
}

TEST_CASE("the command line: exit status 1 with path:line and the source line, 2 for bad flags") {
  TempDir tmp("cli");
  std::string log = tmp.path() + "/log";
  std::string cmd = std::string(BANGTIN_BINARY) + " check --source " + kSites + "/invalid-front-matter --now " + kNow +
                    " > " + log + " 2>&1";
  int status = std::system(cmd.c_str());
  CHECK(WEXITSTATUS(status) == 1);
  std::string text;
  read_file(log, text);
  CHECK(contains(text, "content/articles/sai-khoa.md:5: khóa \"tieu_de\" không dùng được cho articles\n"
                       "    tieu_de: nhầm\n"
                       "    → các khóa dùng được: aliases, author, columns, cover, cover_alt, date, draft, expires, featured, focal_point, slug, "
                       "summary, tags, title, unit, updated, weight\n"));
  CHECK(contains(text, "21 lỗi, 2 cảnh báo"));  // the warnings: site-config.json gives no contact, no description

  status = std::system((std::string(BANGTIN_BINARY) + " build --frobnicate > " + log + " 2>&1").c_str());
  CHECK(WEXITSTATUS(status) == 2);
  status = std::system((std::string(BANGTIN_BINARY) + " biuld > " + log + " 2>&1").c_str());
  CHECK(WEXITSTATUS(status) == 2);
  read_file(log, text);
  CHECK(contains(text, "did you mean 'build'?"));
}

TEST_CASE("a site's own templates, strings and assets override the built-in theme file by file") {
  TempDir tmp("override");
  std::string site = tmp.path() + "/site";
  fs::copy(kMinimal, site, fs::copy_options::recursive);
  fs::create_directories(site + "/templates/partials");
  fs::create_directories(site + "/templates/i18n");
  fs::create_directories(site + "/assets/css");
  std::ofstream(site + "/templates/404.mustache") << "<p>{{t.not_found}} – {{site.title}}</p>\n";
  std::ofstream(site + "/templates/i18n/vi.json") << "{\"not_found\": \"Trang này không có\"}";
  std::ofstream(site + "/assets/css/site.css") << "body{color:#000}";
  std::ofstream(site + "/assets/css/them.css") << "p{margin:0}";
  BuildOptions o;
  o.source = site;
  o.now = kNow;
  o.base_url = "https://phuong-a.example.gov.vn/cong/";
  o.write = false;
  MemoryDisk disk;
  BuildResult r = build_site(o, disk);
  REQUIRE(headlines(r) == "");
  auto files = files_of(r);
  CHECK(files["404.html"] == "<p>Trang này không có – Cổng thử nghiệm</p>\n");
  // Other templates and strings still come from the built-in theme.
  CHECK(contains(files["index.html"], "Chuyển đến nội dung chính"));
  // Assets keep their content hash in the name; the page links the site's CSS.
  std::string css, extra;
  for (const auto& [path, bytes] : files) {
    if (path.rfind("assets/css/site.", 0) == 0) css = path;
    if (path.rfind("assets/css/them.", 0) == 0) extra = path;
  }
  CHECK(files[css] == "body{color:#000}");
  CHECK(files[extra] == "p{margin:0}");
  CHECK(contains(files["index.html"], "href=\"/cong/" + css + "\""));
  // --base-url moves every link under its path.
  CHECK(contains(files["bai-viet/mot/index.html"], "<link rel=\"canonical\" href=\"https://phuong-a.example.gov.vn/cong/bai-viet/mot/\">"));
  CHECK(contains(files["bai-viet/mot/index.html"], "<a href=\"/cong/bai-viet/anh-bai/#muc-hai\">"));
}

TEST_CASE("--timings: every stage in pipeline order, with its wall time, CPU time and the memory peak so far") {
  BuildResult r = build_in_memory(kMinimal, kNow);
  std::vector<std::string> names;
  double cpu = 0;
  for (const auto& t : r.timings) {
    names.push_back(t.stage);
    CHECK(t.ms >= 0);
    CHECK(t.cpu_ms >= 0);
    CHECK(t.peak_mib > 0);
    cpu += t.cpu_ms;
  }
  CHECK(names == std::vector<std::string>{"config", "discover", "parse", "assemble", "markdown", "images", "search",
                                          "render", "outputs"});
  CHECK(cpu > 0);  // a build takes some CPU, and the timer reads it
}
