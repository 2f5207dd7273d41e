// Unit tests for core/disk.h (MemoryDisk and RealDisk), core/hash.h and
// core/parallel.h.
#include "core/disk.h"

#include <doctest/doctest.h>
#include <stdlib.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/hash.h"
#include "core/parallel.h"

using namespace bangtin;
namespace fs = std::filesystem;

namespace {

struct DiskTempDir {
  fs::path path;
  DiskTempDir() {
    std::string tmpl = (fs::temp_directory_path() / "bangtin-disk-XXXXXX").string();
    REQUIRE(mkdtemp(tmpl.data()) != nullptr);
    path = tmpl;
  }
  ~DiskTempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::string operator/(const std::string& rel) const { return (path / rel).string(); }
};

std::string slurp(const std::string& path) {
  std::string out;
  REQUIRE_MESSAGE(read_file(path, out), "cannot read ", path);
  return out;
}

// Every file (not folder) under `dir`, relative, '/'-separated.
std::vector<std::string> files_under(const fs::path& dir) {
  std::vector<std::string> out;
  for (auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) out.push_back(fs::relative(e.path(), dir).generic_string());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_SUITE("disk") {

TEST_CASE("MemoryDisk write_file, exists, copy_file") {
  MemoryDisk disk;
  CHECK(disk.write_file("public/index.html", "<h1>Trang chủ</h1>").is_ok());
  CHECK(disk.write_file("public/bai-viet/x/index.html", "x").is_ok());
  CHECK(disk.exists("public/index.html"));
  CHECK(disk.exists("public"));           // a folder exists when a file is under it
  CHECK(disk.exists("public/bai-viet"));
  CHECK_FALSE(disk.exists("publ"));       // a prefix of a name is not a folder
  CHECK_FALSE(disk.exists("public/bai"));
  CHECK_FALSE(disk.exists("other"));
  // Overwrite.
  CHECK(disk.write_file("public/index.html", "v2").is_ok());
  CHECK(disk.files().at("public/index.html") == "v2");
  // Copy within memory.
  CHECK(disk.copy_file("public/index.html", "public/copy.html").is_ok());
  CHECK(disk.files().at("public/copy.html") == "v2");
  // Copy of a file that is nowhere.
  Status s = disk.copy_file("/nonexistent/bangtin/none.txt", "public/none.txt");
  CHECK_FALSE(s.is_ok());
  CHECK(s.message() == "/nonexistent/bangtin/none.txt: cannot read");
  CHECK(disk.files().size() == 3);
}

TEST_CASE("MemoryDisk copy_file reads from the real disk when the file is not in memory") {
  DiskTempDir tmp;
  RealDisk real;
  REQUIRE(real.write_file(tmp / "logo.svg", "<svg/>").is_ok());
  MemoryDisk disk;
  CHECK(disk.copy_file(tmp / "logo.svg", "public/assets/logo.svg").is_ok());
  CHECK(disk.files() == std::map<std::string, std::string>{{"public/assets/logo.svg", "<svg/>"}});
}

TEST_CASE("MemoryDisk remove_all removes a file or a whole folder, nothing else") {
  MemoryDisk disk;
  disk.write_file("out/a.html", "a");
  disk.write_file("out/sub/b.html", "b");
  disk.write_file("out", "a file named like the folder");
  disk.write_file("outside.txt", "keep");
  disk.write_file("out2/c.html", "keep");
  CHECK(disk.remove_all("out").is_ok());
  CHECK(disk.files() == std::map<std::string, std::string>{{"out2/c.html", "keep"}, {"outside.txt", "keep"}});
  CHECK(disk.remove_all("out2/c.html").is_ok());
  CHECK(disk.files() == std::map<std::string, std::string>{{"outside.txt", "keep"}});
  CHECK(disk.remove_all("nothing-here").is_ok());
  CHECK(disk.files().size() == 1);
}

TEST_CASE("MemoryDisk swap_in replaces the target with the staging folder") {
  MemoryDisk disk;
  disk.write_file("public/index.html", "old home");
  disk.write_file("public/old-page/index.html", "old page");
  disk.write_file("public-2/keep.txt", "sibling with a common prefix");
  disk.write_file("notes.txt", "unrelated");
  disk.write_file(".staging/index.html", "new home");
  disk.write_file(".staging/bai-viet/x/index.html", "new article");
  CHECK(disk.swap_in(".staging", "public").is_ok());
  const std::map<std::string, std::string> expected{
      {"notes.txt", "unrelated"},
      {"public-2/keep.txt", "sibling with a common prefix"},
      {"public/bai-viet/x/index.html", "new article"},
      {"public/index.html", "new home"},
  };
  CHECK(disk.files() == expected);
  CHECK_FALSE(disk.exists(".staging"));
  CHECK_FALSE(disk.exists("public/old-page"));
}

TEST_CASE("MemoryDisk swap_in into a target that does not exist yet") {
  MemoryDisk disk;
  disk.write_file("stage/a.txt", "a");
  CHECK(disk.swap_in("stage", "out").is_ok());
  CHECK(disk.files() == std::map<std::string, std::string>{{"out/a.txt", "a"}});
}

TEST_CASE("RealDisk write_file creates folders and leaves no temporary files") {
  DiskTempDir tmp;
  RealDisk disk;
  CHECK(disk.write_file(tmp / "public/bai-viet/hoi-nghi/index.html", "Hội nghị").is_ok());
  CHECK(slurp(tmp / "public/bai-viet/hoi-nghi/index.html") == "Hội nghị");
  CHECK(disk.write_file(tmp / "public/bai-viet/hoi-nghi/index.html", "v2").is_ok());
  CHECK(slurp(tmp / "public/bai-viet/hoi-nghi/index.html") == "v2");
  std::string binary("a\0b\xFF", 4);
  CHECK(disk.write_file(tmp / "public/bin.dat", binary).is_ok());
  CHECK(slurp(tmp / "public/bin.dat") == binary);
  CHECK(disk.write_file(tmp / "public/empty.txt", "").is_ok());
  CHECK(slurp(tmp / "public/empty.txt") == "");
  CHECK(files_under(tmp.path) ==
        std::vector<std::string>{"public/bai-viet/hoi-nghi/index.html", "public/bin.dat", "public/empty.txt"});
  CHECK(disk.exists(tmp / "public/bai-viet"));
  CHECK_FALSE(disk.exists(tmp / "public/none"));
}

TEST_CASE("RealDisk write_file reports a path it cannot create") {
  DiskTempDir tmp;
  RealDisk disk;
  REQUIRE(disk.write_file(tmp / "blocker", "a file, not a folder").is_ok());
  Status s = disk.write_file(tmp / "blocker/x.html", "x");
  CHECK_FALSE(s.is_ok());
  CHECK(s.message().find(tmp / "blocker/x.html") == 0);
}

TEST_CASE("RealDisk swap_in replaces an existing folder") {
  DiskTempDir tmp;
  RealDisk disk;
  REQUIRE(disk.write_file(tmp / "public/index.html", "old home").is_ok());
  REQUIRE(disk.write_file(tmp / "public/old-page/index.html", "old page").is_ok());
  REQUIRE(disk.write_file(tmp / "staging/index.html", "new home").is_ok());
  REQUIRE(disk.write_file(tmp / "staging/bai-viet/x/index.html", "new article").is_ok());
  CHECK(disk.swap_in(tmp / "staging", tmp / "public").is_ok());
  CHECK(slurp(tmp / "public/index.html") == "new home");
  CHECK(slurp(tmp / "public/bai-viet/x/index.html") == "new article");
  CHECK_FALSE(fs::exists(tmp / "public/old-page"));
  CHECK_FALSE(fs::exists(tmp / "staging"));
  // Nothing else is left beside it (no ".old-" folder).
  CHECK(files_under(tmp.path) == std::vector<std::string>{"public/bai-viet/x/index.html", "public/index.html"});
}

TEST_CASE("RealDisk swap_in when the target does not exist") {
  DiskTempDir tmp;
  RealDisk disk;
  REQUIRE(disk.write_file(tmp / "staging/a.txt", "a").is_ok());
  CHECK(disk.swap_in(tmp / "staging", tmp / "public").is_ok());
  CHECK(slurp(tmp / "public/a.txt") == "a");
  CHECK_FALSE(fs::exists(tmp / "staging"));
}

TEST_CASE("RealDisk copy_file and remove_all") {
  DiskTempDir tmp;
  RealDisk disk;
  REQUIRE(disk.write_file(tmp / "src/logo.svg", "<svg/>").is_ok());
  CHECK(disk.copy_file(tmp / "src/logo.svg", tmp / "out/assets/logo.svg").is_ok());
  CHECK(slurp(tmp / "out/assets/logo.svg") == "<svg/>");
  Status missing = disk.copy_file(tmp / "src/none.svg", tmp / "out/none.svg");
  CHECK_FALSE(missing.is_ok());
  CHECK(missing.message() == tmp / "src/none.svg" + ": cannot read");
  CHECK(disk.remove_all(tmp / "out").is_ok());
  CHECK_FALSE(fs::exists(tmp / "out"));
  CHECK(fs::exists(tmp / "src/logo.svg"));
  CHECK(disk.remove_all(tmp / "never-existed").is_ok());
}

TEST_CASE("read_file") {
  std::string out = "unchanged";
  CHECK_FALSE(read_file("/nonexistent/bangtin/file.txt", out));
}

TEST_CASE("Status") {
  CHECK(Status::ok().is_ok());
  CHECK(Status::ok().message() == "");
  Status e = Status::error("disk full");
  CHECK_FALSE(e.is_ok());
  CHECK(e.message() == "disk full");
  // An error with no words is still an error.
  CHECK_FALSE(Status::error("").is_ok());
  CHECK(Status::error("").message() == "unknown error");
}

TEST_CASE("fnv1a64 and short_hash are stable") {
  // Reference values of 64-bit FNV-1a.
  CHECK(fnv1a64("") == 14695981039346656037ull);
  CHECK(fnv1a64("a") == 0xaf63dc4c8601ec8cull);
  CHECK(fnv1a64("foobar") == 0x85944171f73967e8ull);
  CHECK(short_hash("a") == "af63dc4c86");
  CHECK(short_hash("a", 4) == "af63");
  CHECK(short_hash("a", 40) == "af63dc4c8601ec8c");
  CHECK(short_hash("style.css") != short_hash("style.css "));
}

TEST_CASE("parallel_for visits every index once and rethrows") {
  for (int jobs : {0, 1, 2, 8}) {
    CAPTURE(jobs);
    std::vector<int> hits(1000, 0);
    parallel_for(hits.size(), jobs, [&](size_t i) { hits[i]++; });
    CHECK(std::count(hits.begin(), hits.end(), 1) == 1000);
  }
  parallel_for(0, 4, [](size_t) { FAIL("called for an empty range"); });
  CHECK_THROWS_WITH_AS(parallel_for(100, 4,
                                    [](size_t i) {
                                      if (i == 42) throw std::runtime_error("boom");
                                    }),
                       "boom", std::runtime_error);
  CHECK(default_jobs() >= 1);
}

}  // TEST_SUITE
