// Unit tests for core/paths.h: joining editor paths, and checking that a file
// is inside the site once symlinks are followed.
#include "core/paths.h"

#include <doctest/doctest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

using namespace bangtin;
namespace fs = std::filesystem;

namespace {

// A fresh folder under the system temp folder, removed at the end of the test.
struct PathsTempDir {
  fs::path path;
  PathsTempDir() {
    std::string tmpl = (fs::temp_directory_path() / "bangtin-paths-XXXXXX").string();
    REQUIRE(mkdtemp(tmpl.data()) != nullptr);
    path = tmpl;
  }
  ~PathsTempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

void put(const fs::path& p, const std::string& text = "x") {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

using Opt = std::optional<std::string>;

}  // namespace

TEST_SUITE("paths") {

TEST_CASE("resolve_site_path joins relative references") {
  CHECK(resolve_site_path("content/articles", "anh.jpg") == Opt("content/articles/anh.jpg"));
  CHECK(resolve_site_path("content/articles", "./anh.jpg") == Opt("content/articles/anh.jpg"));
  CHECK(resolve_site_path("content/articles", "../documents/ke-hoach.pdf") == Opt("content/documents/ke-hoach.pdf"));
  CHECK(resolve_site_path("content/articles/2026/hoi-nghi", "../../../pages/gioi-thieu.md") ==
        Opt("content/pages/gioi-thieu.md"));
  CHECK(resolve_site_path("content/articles", "a/./b/../c.jpg") == Opt("content/articles/a/c.jpg"));
  CHECK(resolve_site_path("content/articles", "a//b.jpg") == Opt("content/articles/a/b.jpg"));
  CHECK(resolve_site_path("", "x.md") == Opt("x.md"));
}

TEST_CASE("resolve_site_path may climb to the root but not past it") {
  CHECK(resolve_site_path("content/articles", "../../site-config.json") == Opt("site-config.json"));
  CHECK(resolve_site_path("content/articles", "../..") == Opt(""));
  CHECK(resolve_site_path("content/articles", "../../../etc/passwd") == std::nullopt);
  CHECK(resolve_site_path("content/articles", "../../..") == std::nullopt);
  CHECK(resolve_site_path("content/articles", "a/../../../../x") == std::nullopt);
  CHECK(resolve_site_path("", "..") == std::nullopt);
  CHECK(resolve_site_path("", "../x") == std::nullopt);
  // Climbing out and back in is still leaving: the walk stops at the root.
  CHECK(resolve_site_path("content", "../../content/x.md") == std::nullopt);
}

TEST_CASE("resolve_site_path: a leading '/' starts at the site root") {
  CHECK(resolve_site_path("content/articles", "/assets/logo.png") == Opt("assets/logo.png"));
  CHECK(resolve_site_path("content/articles", "/content/pages/lien-he.md") == Opt("content/pages/lien-he.md"));
  CHECK(resolve_site_path("content/articles", "/") == Opt(""));
  CHECK(resolve_site_path("content/articles", "/../etc/passwd") == std::nullopt);
  CHECK(resolve_site_path("content/articles", "/a/../../x") == std::nullopt);
}

TEST_CASE("parent_dir, file_name, extension_lower") {
  CHECK(parent_dir("content/articles/x.md") == "content/articles");
  CHECK(parent_dir("x.md") == "");
  CHECK(file_name("content/articles/x.md") == "x.md");
  CHECK(file_name("x.md") == "x.md");
  CHECK(extension_lower("content/articles/Anh Bia.JPG") == ".jpg");
  CHECK(extension_lower("a.tar.GZ") == ".gz");
  CHECK(extension_lower("content/a.b/noext") == "");
  CHECK(extension_lower("") == "");
}

TEST_CASE("check_site_file") {
  PathsTempDir tmp;
  fs::path root = tmp.path / "site";
  put(root / "content/articles/anh.jpg");
  put(root / "content/articles/x.md");
  put(tmp.path / "outside/secret.txt");
  put(tmp.path / "site2/look-alike.jpg");  // "site2" starts with "site": not inside it
  fs::create_directories(root / "content/empty-folder");
  std::string r = root.string();

  CHECK(check_site_file(r, "content/articles/anh.jpg") == FileCheck::Ok);
  CHECK(check_site_file(r, "content/articles/khong-co.jpg") == FileCheck::Missing);
  CHECK(check_site_file(r, "content/empty-folder") == FileCheck::NotAFile);
  CHECK(check_site_file(r, "content") == FileCheck::NotAFile);
  CHECK(check_site_file(r, "../outside/secret.txt") == FileCheck::OutsideRoot);
  CHECK(check_site_file(r, "../site2/look-alike.jpg") == FileCheck::OutsideRoot);
  CHECK(check_site_file((tmp.path / "no-such-site").string(), "x.jpg") == FileCheck::Missing);

  SUBCASE("a symlink to a file outside the site") {
    fs::create_symlink(tmp.path / "outside/secret.txt", root / "content/articles/link.jpg");
    CHECK(check_site_file(r, "content/articles/link.jpg") == FileCheck::OutsideRoot);
  }
  SUBCASE("a symlinked folder that leads outside the site") {
    fs::create_directory_symlink(tmp.path / "outside", root / "content/articles/media");
    CHECK(check_site_file(r, "content/articles/media/secret.txt") == FileCheck::OutsideRoot);
  }
  SUBCASE("a symlink to a sibling folder with the site's name as prefix") {
    fs::create_symlink(tmp.path / "site2/look-alike.jpg", root / "content/articles/alike.jpg");
    CHECK(check_site_file(r, "content/articles/alike.jpg") == FileCheck::OutsideRoot);
  }
  SUBCASE("a relative symlink to a file inside the site") {
    fs::create_symlink("anh.jpg", root / "content/articles/anh-2.jpg");
    CHECK(check_site_file(r, "content/articles/anh-2.jpg") == FileCheck::Ok);
  }
  SUBCASE("a dangling symlink") {
    fs::create_symlink(tmp.path / "gone.jpg", root / "content/articles/gone.jpg");
    CHECK(check_site_file(r, "content/articles/gone.jpg") == FileCheck::Missing);
  }
  SUBCASE("the site root reached through a symlink") {
    fs::create_directory_symlink(root, tmp.path / "site-link");
    CHECK(check_site_file((tmp.path / "site-link").string(), "content/articles/anh.jpg") == FileCheck::Ok);
    CHECK(check_site_file((tmp.path / "site-link").string(), "../outside/secret.txt") == FileCheck::OutsideRoot);
  }
}

}  // TEST_SUITE
