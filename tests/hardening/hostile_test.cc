// The hostile fixture (tests/sites/hostile): everything an editor could paste
// or an attacker slip into a shared file. The site must build, and nothing in
// its output may run script, leave the output folder, break XML or UTF-8;
// then the parts that must be refused (invalid UTF-8, a link to
// ../../../../etc/passwd, a symlink out of the site) must fail the build
// cleanly: each named at its file and line, the last good output untouched.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>

#include <sys/wait.h>

#include "core/text.h"
#include "markdown/markdown.h"
#include "site/test_support.h"

namespace fs = std::filesystem;
using namespace bangtin::testing;

namespace {

const std::string kNow = "2026-11-23T12:00:00+07:00";
const std::string kChecker = kSourceDir + "/tests/hardening/check_output.py";
const std::string kBase = "https://hostile.example.gov.vn/";

void write(const fs::path& p, const std::string& bytes) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << bytes;
}

// Runs a shell command with its output in `log`; returns its exit status.
int run(const std::string& cmd, const std::string& log) {
  int rc = std::system((cmd + " >'" + log + "' 2>&1").c_str());
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

int build(const std::string& site, const std::string& out, const std::string& log) {
  return run(std::string(BANGTIN_BINARY) + " build --source '" + site + "' --output '" + out + "' --now " + kNow, log);
}

}  // namespace

TEST_CASE("hostile: entities of U+FFFE and U+FFFF render as U+FFFD and never as lone FE or FF bytes") {
  for (const char* md : {"a &#xFFFE; b", "&#65535;", "[x](/a&#xFFFE;b \"&#xFFFF;\")", "`&#xFFFE;`", "# &#xfffe;"}) {
    std::string html = bangtin::markdown_to_html(md);
    CHECK_MESSAGE(bangtin::find_invalid_utf8(html) == std::string::npos, md, " → ", html);
  }
  CHECK(bangtin::markdown_to_html("a &#xFFFE; b") == "<p>a \xEF\xBF\xBD b</p>\n");
}

TEST_CASE("hostile: a title or tag of thousands of characters gives a slug the file system accepts") {
  std::string title;
  for (int i = 0; i < 2000; ++i) title += "thẻ dài ";
  std::string slug = bangtin::slugify(title);
  CHECK(slug.size() <= 80);
  CHECK(slug.size() > 40);
  CHECK(slug.back() != '-');
  CHECK(slug.rfind("the-dai-the-dai", 0) == 0);
  CHECK(bangtin::slugify(std::string(200, 'a')) == std::string(80, 'a'));  // no word to cut at
  CHECK(bangtin::slugify("Hội nghị tổng kết") == "hoi-nghi-tong-ket");  // short slugs as before
}

TEST_CASE("hostile: the output checker flags script and handlers and javascript URLs and bad XML and bad UTF-8") {
  // Without this, a checker that found nothing would pass every site.
  TempDir t("hostile-control");
  const std::string out = t.path() + "/out";
  write(out + "/a.html", "<!doctype html><p>x</p><script>alert(1)</script>");
  write(out + "/b.html", "<!doctype html><img src=x onerror=alert(1)>");
  write(out + "/c.html", "<!doctype html><a href=\"java\tscript:alert(1)\">x</a>");
  write(out + "/d.xml", "<rss>\x01</rss>");
  write(out + "/e.html", "<!doctype html><p>\xff</p>");
  write(out + "/f.html", "<!doctype html><script src=\"https://evil.example/x.js\"></script>");
  fs::create_symlink("/etc/passwd", out + "/g.txt");
  const std::string log = t.path() + "/check.log";
  CHECK(run("/usr/bin/python3 '" + kChecker + "' '" + out + "' " + kBase, log) == 1);
  std::string report = read_text(log);
  for (const char* file : {"a.html", "b.html", "c.html", "d.xml", "e.html", "f.html", "g.txt"})
    CHECK_MESSAGE(report.find(std::string(file) + ":") != std::string::npos, file, "\n", report);
}

TEST_CASE("hostile: the fixture builds and its whole output is inert and inside and valid XML and UTF-8") {
  TempDir t("hostile");
  const std::string site = t.path() + "/site", out = t.path() + "/out";
  fs::copy(kSites + "/hostile", site, fs::copy_options::recursive);
  // A 1 MB line, made here rather than committed: one paragraph of markup.
  std::string line;
  while (line.size() < (1 << 20)) line += "chữ <script>alert(1)</script> [x](javascript:alert(1)) ]]> ";
  write(site + "/content/articles/dong-dai.md",
        "---\ntitle: Một dòng dài\ndate: 2026-03-04T08:00:00+07:00\ncolumns: [tin-tuc]\n---\n" + line + "\n");

  const std::string log = t.path() + "/build.log";
  int rc = build(site, out, log);
  REQUIRE_MESSAGE(rc == 0, read_text(log));
  // The content was read: its pages exist (the checks below are not vacuous).
  CHECK(fs::exists(out + "/bai-viet/dong-dai/index.html"));
  CHECK(fs::exists(out + "/bai-viet/script-moi-noi/index.html"));
  CHECK(fs::exists(out + "/bai-viet/ky-tu-cam/index.html"));
  CHECK(read_text(out + "/bai-viet/script-moi-noi/index.html").find("&lt;script&gt;alert(") != std::string::npos);

  const std::string check_log = t.path() + "/check.log";
  CHECK_MESSAGE(run("/usr/bin/python3 '" + kChecker + "' '" + out + "' " + kBase, check_log) == 0,
                read_text(check_log));
  // Nothing was written beside the output: no staging folder left behind.
  std::set<std::string> names;
  for (auto& e : fs::directory_iterator(t.path())) names.insert(e.path().filename().string());
  CHECK(names == std::set<std::string>{"site", "out", "build.log", "check.log"});

  SUBCASE("what must be refused fails the build cleanly and keeps the last good output") {
    auto before = snapshot(out);
    write(site + "/content/articles/ma-sai.md",
          "---\ntitle: Mã sai\ndate: 2026-03-05T08:00:00+07:00\ncolumns: [tin-tuc]\n---\nDòng một.\n\nDòng \xff\xfe hỏng.\n");
    write(site + "/content/articles/passwd.md",
          "---\ntitle: Mật khẩu\ndate: 2026-03-05T08:00:00+07:00\ncolumns: [tin-tuc]\n---\n"
          "Xem [tệp](../../../../etc/passwd) và ![ảnh](../../../../etc/passwd).\n");
    write(t.path() + "/ngoai.md", "---\ntitle: Ngoài\ndate: 2026-03-05T08:00:00+07:00\ncolumns: [tin-tuc]\n---\nx\n");
    fs::create_symlink(t.path() + "/ngoai.md", site + "/content/articles/lien-ket.md");
    fs::create_symlink("/etc", site + "/content/articles/thu-muc");

    const std::string bad_log = t.path() + "/bad.log";
    CHECK(build(site, out, bad_log) == 1);
    std::string report = read_text(bad_log);
    CHECK_MESSAGE(report.find("content/articles/ma-sai.md:8:") != std::string::npos, report);
    CHECK_MESSAGE(report.find("content/articles/passwd.md:6:") != std::string::npos, report);
    CHECK_MESSAGE(report.find("content/articles/lien-ket.md") != std::string::npos, report);
    CHECK_MESSAGE(report.find("content/articles/thu-muc") != std::string::npos, report);
    CHECK(report.find("root:") == std::string::npos);  // /etc/passwd was not read into the report
    CHECK(snapshot(out) == before);
    for (auto& e : fs::directory_iterator(t.path()))
      CHECK_MESSAGE(e.path().filename().string().find("staging") == std::string::npos, e.path());
  }
}
