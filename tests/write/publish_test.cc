#include <doctest/doctest.h>
#include <sys/stat.h>

#include <filesystem>
#include <string>

#include "../site/test_support.h"
#include "core/disk.h"
#include "write/precompress.h"
#include "write/publish.h"

using namespace bangtin;
using bangtin::testing::TempDir;
using bangtin::testing::snapshot;
namespace fs = std::filesystem;

namespace {

struct stat stat_of(const std::string& path) {
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return st;
}

std::string big(const std::string& word) {
  std::string s;
  while (s.size() < 4000) s += "<p>" + word + " – thông tin cơ sở</p>\n";
  return s;
}

}  // namespace

TEST_CASE("A rebuild keeps every unchanged file as it was: same inode, same mtime, twins included") {
  TempDir tmp("publish-keep");
  std::string site = tmp.path() + "/site", out = tmp.path() + "/public";
  fs::create_directories(site + "/content/a");
  { RealDisk d; REQUIRE(d.write_file(site + "/content/a/cover.jpg", std::string(5000, 'j')).is_ok()); }
  std::vector<OutputFile> files{{"index.html", big("trang chủ"), ""},
                                {"bai-viet/a/index.html", big("bài a"), ""},
                                {"bai-viet/b/index.html", big("bài b"), ""},
                                {"robots.txt", "User-agent: *\n", ""},
                                {"bai-viet/a/cover.jpg", "", "content/a/cover.jpg"}};
  RealDisk disk;
  PublishStats first;
  REQUIRE(publish(disk, files, site, out, 2, true, &first).is_ok());
  CHECK(first.written == 5);
  CHECK(first.kept == 0);
  CHECK(first.twins == 6);  // three pages × .gz + .br; robots.txt is too small, the cover not text
  auto home = stat_of(out + "/index.html"), home_gz = stat_of(out + "/index.html.gz");
  auto a = stat_of(out + "/bai-viet/a/index.html"), b_br = stat_of(out + "/bai-viet/b/index.html.br");
  auto cover = stat_of(out + "/bai-viet/a/cover.jpg");
  auto before = snapshot(out);

  files[1].bytes = big("bài a, đã sửa");  // one page changes
  PublishStats second;
  REQUIRE(publish(disk, files, site, out, 2, true, &second).is_ok());
  CHECK(second.written == 1);
  CHECK(second.kept == 4 + 4);  // index, b, robots, cover + the twins of index and b
  CHECK(second.twins == 2);
  CHECK(stat_of(out + "/index.html").st_ino == home.st_ino);
  CHECK(stat_of(out + "/index.html.gz").st_ino == home_gz.st_ino);
  CHECK(stat_of(out + "/bai-viet/b/index.html.br").st_ino == b_br.st_ino);
  CHECK(stat_of(out + "/bai-viet/b/index.html.br").st_mtim.tv_nsec == b_br.st_mtim.tv_nsec);
  CHECK(stat_of(out + "/bai-viet/a/cover.jpg").st_ino == cover.st_ino);
  CHECK(stat_of(out + "/bai-viet/a/index.html").st_ino != a.st_ino);
  CHECK(stat_of(out + "/index.html").st_nlink == 1);  // the previous output is gone, not shared

  auto after = snapshot(out);
  CHECK(after.at("bai-viet/a/index.html") == files[1].bytes);
  CHECK(after.at("bai-viet/a/index.html.gz") == gzip_bytes(files[1].bytes));
  CHECK(after.at("bai-viet/a/index.html.br") == brotli_bytes(files[1].bytes));
  after.erase("bai-viet/a/index.html");
  after.erase("bai-viet/a/index.html.gz");
  after.erase("bai-viet/a/index.html.br");
  before.erase("bai-viet/a/index.html");
  before.erase("bai-viet/a/index.html.gz");
  before.erase("bai-viet/a/index.html.br");
  CHECK(after == before);
}

TEST_CASE("A cold build and a rebuild give the same bytes") {
  TempDir tmp("publish-same");
  std::vector<OutputFile> files{{"index.html", big("một"), ""}, {"sitemap.xml", big("<url/>"), ""}};
  RealDisk disk;
  REQUIRE(publish(disk, files, tmp.path(), tmp.path() + "/cold", 1).is_ok());
  REQUIRE(publish(disk, files, tmp.path(), tmp.path() + "/warm", 2).is_ok());
  REQUIRE(publish(disk, files, tmp.path(), tmp.path() + "/warm", 2).is_ok());
  CHECK(snapshot(tmp.path() + "/cold") == snapshot(tmp.path() + "/warm"));
  CHECK(snapshot(tmp.path() + "/cold").size() == 6);
}

TEST_CASE("A source that changed is copied again, even at the same size") {
  TempDir tmp("publish-copy");
  std::string site = tmp.path() + "/site", out = tmp.path() + "/public";
  RealDisk disk;
  REQUIRE(disk.write_file(site + "/content/x.pdf", "version 1").is_ok());
  std::vector<OutputFile> files{{"x.pdf", "", "content/x.pdf"}};
  REQUIRE(publish(disk, files, site, out, 1).is_ok());
  CHECK(stat_of(out + "/x.pdf").st_mtim.tv_sec == stat_of(site + "/content/x.pdf").st_mtim.tv_sec);
  REQUIRE(disk.write_file(site + "/content/x.pdf", "version 2").is_ok());
  PublishStats st;
  REQUIRE(publish(disk, files, site, out, 1, true, &st).is_ok());
  CHECK(st.written == 1);
  CHECK(bangtin::testing::read_text(out + "/x.pdf") == "version 2");
}

TEST_CASE("Without precompression no twins are written, and old twins go with the old output") {
  TempDir tmp("publish-plain");
  std::vector<OutputFile> files{{"index.html", big("hai"), ""}};
  RealDisk disk;
  REQUIRE(publish(disk, files, tmp.path(), tmp.path() + "/out", 1).is_ok());
  CHECK(fs::exists(tmp.path() + "/out/index.html.br"));
  REQUIRE(publish(disk, files, tmp.path(), tmp.path() + "/out", 1, false).is_ok());
  CHECK(snapshot(tmp.path() + "/out").size() == 1);
}

TEST_CASE("An output named like another's twin is refused before anything is written") {
  MemoryDisk disk;
  std::vector<OutputFile> files{{"index.html", big("ba"), ""}, {"index.html.gz", "not a twin", ""}};
  Status s = publish(disk, files, ".", "public", 1);
  CHECK_FALSE(s.is_ok());
  CHECK(s.message().find("index.html.gz") != std::string::npos);
  CHECK(disk.files().empty());
  CHECK(publish(disk, files, ".", "public", 1, false).is_ok());
}

TEST_CASE("MemoryDisk cannot link, so publish writes every file and its twins") {
  MemoryDisk disk;
  std::vector<OutputFile> files{{"index.html", big("bốn"), ""}};
  PublishStats st;
  REQUIRE(publish(disk, files, ".", "public", 1, true, &st).is_ok());
  REQUIRE(publish(disk, files, ".", "public", 1, true, &st).is_ok());
  CHECK(st.written == 1);
  CHECK(st.twins == 2);
  CHECK(disk.files().at("public/index.html.gz") == gzip_bytes(files[0].bytes));
}
