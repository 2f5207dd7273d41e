// `bangtin check` warns about what a build would publish but an editor should fix.
#include <doctest/doctest.h>

#include <sys/wait.h>

#include <nlohmann/json.hpp>

#include "core/disk.h"
#include "site/test_support.h"

using namespace bangtin;
using namespace bangtin::testing;

namespace {
const std::string kNow = "2026-01-25T00:00:00+07:00";

BuildResult build(bool lint) {
  BuildOptions o;
  o.source = kSites + "/check-warnings";
  o.now = kNow;
  o.write = false;
  o.lint = lint;
  MemoryDisk disk;
  return build_site(o, disk);
}
}  // namespace

TEST_CASE("check: anchors, images without alt, small covers, long titles and summaries, missing unit or column") {
  BuildResult r = build(true);
  CHECK(r.ok());  // warnings only
  CHECK(headlines(r) == read_text(kSites + "/check-warnings/expected-check.txt"));
}

TEST_CASE("check: a build does not nag with check-only warnings") {
  CHECK(headlines(build(false)) == "");
}

TEST_CASE("check --format json gives one object per problem, and exit statuses hold") {
  TempDir tmp("check-json");
  std::string out = tmp.path() + "/out.json";
  std::string cmd = std::string(BANGTIN_BINARY) + " check --format json --now " + kNow + " --source " + kSites +
                    "/check-warnings > " + out;
  CHECK(WEXITSTATUS(std::system(cmd.c_str())) == 0);
  auto json = nlohmann::json::parse(read_text(out));
  REQUIRE(json.size() == 10);  // 8 about items, 2 about site-config.json (contact, description)
  CHECK(json[0] == nlohmann::json{{"severity", "warning"}, {"path", "content/articles/hai.md"}, {"line", 1},
                                  {"message", "mục chưa có đơn vị đăng"},
                                  {"hint", "thêm unit: với khóa đơn vị trong site-config.json"}});
  cmd = std::string(BANGTIN_BINARY) + " check --format json --source " + kSites + "/invalid-paths > " + out;
  CHECK(WEXITSTATUS(std::system(cmd.c_str())) == 1);
  json = nlohmann::json::parse(read_text(out));
  CHECK(json[0]["severity"] == "error");
  CHECK(json[0]["path"] == "content/articles/bia-ngoai.md");
  CHECK(WEXITSTATUS(std::system((std::string(BANGTIN_BINARY) + " check --format xml > " + out + " 2>&1").c_str())) == 2);
}
