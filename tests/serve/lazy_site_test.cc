// bangtin serve's in-memory builds: pages rendered on request are the pages a
// whole build makes, and a save redoes only what it touched.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "serve/lazy_site.h"
#include "site/memo.h"
#include "site/test_support.h"

namespace fs = std::filesystem;
using namespace bangtin;
using namespace bangtin::testing;

namespace {

BuildOptions preview_options(const std::string& site) {
  BuildOptions o;
  o.source = site;
  o.now = "2026-06-01T08:00:00+07:00";
  o.jobs = 2;
  o.preview = true;
  o.write = false;
  o.image_cache = site + "/.cache";
  return o;
}

// A copy of the valid-minimal fixture inside `tmp`, to edit freely.
std::string minimal_site(const TempDir& tmp) {
  std::string site = tmp.path() + "/site";
  fs::copy(kSites + "/valid-minimal", site, fs::copy_options::recursive);
  return site;
}

std::string page(LazySite& site, const std::string& rel) {
  Diagnostics diags;
  auto file = site.find(rel, diags);
  CHECK_FALSE(diags.has_errors());
  return file ? file->bytes : "";
}

}  // namespace

TEST_CASE("serve: every file of a preview build, made on request, is the file a whole build makes") {
  TempDir tmp("lazy");
  std::string site = minimal_site(tmp);
  BuildOptions o = preview_options(site);
  RealDisk disk;
  BuildResult whole = build_site(o, disk);
  REQUIRE(whole.ok());

  BuildResult prepared;
  auto state = prepare_site(o, prepared);
  REQUIRE(state);
  LazySite lazy(state, 2);
  std::vector<std::string> differ, missing;
  for (const auto& f : whole.files) {
    Diagnostics diags;
    auto got = lazy.find(f.path, diags);
    CHECK_FALSE(diags.has_errors());
    if (!got) missing.push_back(f.path);
    else if (got->bytes != f.bytes || got->source_path(site) != f.source_path(site)) differ.push_back(f.path);
  }
  // The lists of what changed since the last output: serve has no output.
  CHECK(join_lines(missing) == join_lines({"manifest.json", "changes.json", "zalo/index.json"}));
  CHECK(join_lines(differ) == "");
  CHECK(whole.files.size() > 40);
  CHECK(contains(page(lazy, "bai-viet/mot"), "Bài một"));  // a folder's address
  CHECK(contains(page(lazy, ""), "<html"));
  Diagnostics diags;
  CHECK_FALSE(lazy.find("khong-co", diags));
  CHECK_FALSE(lazy.find("favicon.ico", diags));
  CHECK(contains(lazy.not_found(diags), "404"));
}

TEST_CASE("serve: a save re-reads and re-renders only the files it touched") {
  TempDir tmp("memo");
  std::string site = minimal_site(tmp);
  BuildOptions o = preview_options(site);
  BuildMemo memo;
  auto build = [&](BuildResult& r) { return prepare_site(o, r, &memo); };

  BuildResult first;
  REQUIRE(build(first));
  size_t sources = memo.parsed_fresh();
  CHECK(sources >= 8);
  CHECK(memo.bodies_fresh() >= 6);

  BuildResult again;
  REQUIRE(build(again));
  CHECK(memo.parsed_fresh() == 0);
  CHECK(memo.bodies_fresh() == 0);

  std::ofstream(site + "/content/articles/mot.md", std::ios::app) << "\nCâu mới thêm.\n";
  BuildResult edited;
  auto state = build(edited);
  REQUIRE(state);
  CHECK(memo.parsed_fresh() == 1);
  CHECK(memo.bodies_fresh() == 1);
  LazySite lazy(state, 2);
  CHECK(contains(page(lazy, "bai-viet/mot/index.html"), "Câu mới thêm."));

  SUBCASE("a photo added after the article that shows it clears the error") {
    std::ofstream(site + "/content/articles/mot.md", std::ios::app) << "\n![Ảnh mới](anh-bai/moi.png)\n";
    BuildResult broken;
    CHECK_FALSE(build(broken));
    CHECK(contains(headlines(broken), "content/articles/mot.md:15: không có tệp \"anh-bai/moi.png\""));
    fs::copy_file(site + "/content/articles/anh-bai/bia.png", site + "/content/articles/anh-bai/moi.png");
    BuildResult fixed;
    CHECK(build(fixed));
    CHECK(memo.parsed_fresh() == 0);
    CHECK(memo.bodies_fresh() == 1);
  }
  SUBCASE("a new article: its body, and the bodies whose links name it") {
    std::ofstream(site + "/content/articles/ba.md", std::ios::app) << "\nXem [bài mới](moi.md).\n";
    BuildResult dangling;
    CHECK_FALSE(build(dangling));
    std::ofstream(site + "/content/articles/moi.md") << "---\ntitle: Bài mới\ndate: 2026-02-01\ncolumns: [tin-tuc]\n---\nNội dung.\n";
    BuildResult added;
    auto with_new = build(added);
    REQUIRE(with_new);
    CHECK(memo.parsed_fresh() == 1);
    CHECK(memo.bodies_fresh() == 2);  // moi.md, and ba.md whose link now resolves
    LazySite lazy_new(with_new, 2);
    CHECK(contains(page(lazy_new, "bai-viet/ba/index.html"), "href=\"/bai-viet/moi/\""));
  }
  SUBCASE("a linked document made a draft: a preview still shows it, so the links to it stand") {
    std::string text;
    read_file(site + "/content/documents/kh-1/index.md", text);
    text.replace(text.find("---\n"), 4, "---\ndraft: true\n");
    std::ofstream(site + "/content/documents/kh-1/index.md") << text;
    BuildResult drafted;
    CHECK(build(drafted));  // a preview shows drafts: the link still has a page
    CHECK(memo.bodies_fresh() == 1);
  }
  SUBCASE("a changed config: everything again") {
    std::string config;
    read_file(site + "/site-config.json", config);
    config.replace(config.find("\"pagination\": 2"), 15, "\"pagination\": 3");
    std::ofstream(site + "/site-config.json") << config;
    BuildResult reconfigured;
    CHECK(build(reconfigured));
    CHECK(memo.parsed_fresh() == sources);
  }
}
