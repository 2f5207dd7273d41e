// "What changed": each build lists added, changed and removed URLs against
// the output it replaces, and the Zalo payloads to post.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "core/disk.h"
#include "core/hash.h"
#include "outputs/changes.h"
#include "site/test_support.h"

namespace fs = std::filesystem;
using namespace bangtin;
using namespace bangtin::testing;

namespace {

const char* kNow = "2026-11-23T12:00:00+07:00";
const char* kBase = "https://hostile.example.gov.vn/cong";

bool has(const Json& list, const std::string& value) {
  for (const auto& v : list)
    if (v == value) return true;
  return false;
}

Json build_and_read(const std::string& site, const std::string& out, const char* file) {
  BuildOptions o;
  o.source = site;
  o.output = out;
  o.now = kNow;
  RealDisk disk;
  REQUIRE(build_site(o, disk).ok());
  return Json::parse(read_text(out + "/" + file));
}

}  // namespace

TEST_CASE("changes.json and zalo/index.json follow edits across builds") {
  TempDir tmp("changes");
  std::string site = tmp.path() + "/site", out = tmp.path() + "/public";
  fs::copy(kSites + "/valid-hostile-feeds", site, fs::copy_options::recursive);

  Json first = build_and_read(site, out, kChangesFile);
  CHECK(first["first_build"] == true);
  CHECK(has(first["added"], std::string(kBase) + "/bai-viet/bai-2/"));
  CHECK(first["changed"].empty());
  Json zalo = Json::parse(read_text(out + "/" + kZaloIndexFile));
  CHECK(zalo["post"].size() == zalo["payloads"].get<size_t>());

  Json same = build_and_read(site, out, kChangesFile);
  CHECK(same["first_build"] == false);
  CHECK(same["added"].empty());
  CHECK(same["changed"].empty());
  CHECK(same["removed"].empty());
  CHECK(Json::parse(read_text(out + "/" + kZaloIndexFile))["post"].empty());

  std::ofstream(site + "/content/articles/bai-2.md", std::ios::app) << "\nMột câu mới.\n";
  fs::remove(site + "/content/articles/bai-3.md");
  Json edited = build_and_read(site, out, kChangesFile);
  CHECK(has(edited["changed"], std::string(kBase) + "/bai-viet/bai-2/"));
  CHECK(has(edited["changed"], std::string(kBase) + "/don-vi/so/"));
  CHECK(has(edited["removed"], std::string(kBase) + "/bai-viet/bai-3/"));
  CHECK_FALSE(has(edited["changed"], std::string(kBase) + "/the/a-b/"));
  CHECK_FALSE(has(edited["changed"], std::string(kBase) + "/phat-thanh/podcast.xml"));
  Json post = Json::parse(read_text(out + "/" + kZaloIndexFile));
  REQUIRE(post["post"].size() == 1);
  CHECK(post["post"][0]["payload"] == std::string(kBase) + "/zalo/bai-viet/bai-2.json");
  CHECK(post["post"][0]["status"] == "changed");
  REQUIRE(post["removed"].size() == 1);
  CHECK(post["removed"][0]["payload"] == std::string(kBase) + "/zalo/bai-viet/bai-3.json");
}

TEST_CASE("an output whose manifest has older hashes: only real edits count as changes") {
  TempDir tmp("changes-upgrade");
  std::string site = tmp.path() + "/site", out = tmp.path() + "/public";
  fs::copy(kSites + "/valid-hostile-feeds", site, fs::copy_options::recursive);
  build_and_read(site, out, kChangesFile);
  // What a bangtin of November 2026 left: FNV-1a values and no "hash" key.
  Json manifest = Json::parse(read_text(out + "/" + kManifestFile));
  REQUIRE(manifest["hash"] == kContentHashName);
  manifest.erase("hash");
  for (auto& [path, hash] : manifest["files"].items()) hash = "0123456789abcdef";
  std::ofstream(out + "/" + kManifestFile, std::ios::trunc) << manifest.dump(1);

  std::ofstream(site + "/content/articles/bai-2.md", std::ios::app) << "\nMột câu mới.\n";
  Json upgraded = build_and_read(site, out, kChangesFile);
  CHECK(upgraded["first_build"] == false);
  CHECK(upgraded["added"].empty());
  CHECK(upgraded["removed"].empty());
  CHECK(has(upgraded["changed"], std::string(kBase) + "/bai-viet/bai-2/"));
  CHECK_FALSE(has(upgraded["changed"], std::string(kBase) + "/the/a-b/"));
  Json post = Json::parse(read_text(out + "/" + kZaloIndexFile));
  REQUIRE(post["post"].size() == 1);
  CHECK(post["post"][0]["payload"] == std::string(kBase) + "/zalo/bai-viet/bai-2.json");
  CHECK(Json::parse(read_text(out + "/" + kManifestFile))["hash"] == kContentHashName);
}

TEST_CASE("comparing manifests") {
  Manifest before = {{"a/index.html", "1"}, {"b.xml", "2"}, {"c.json", "3"}};
  Manifest after = {{"a/index.html", "1"}, {"b.xml", "9"}, {"d/index.html", "4"}};
  Changes c = compare(before, after);
  CHECK(c.added == std::vector<std::string>{"d/index.html"});
  CHECK(c.changed == std::vector<std::string>{"b.xml"});
  CHECK(c.removed == std::vector<std::string>{"c.json"});
  CHECK(path_to_url("index.html") == "/");
  CHECK(path_to_url("bai-viet/x/index.html") == "/bai-viet/x/");
  CHECK(path_to_url("rss.xml") == "/rss.xml");
}
