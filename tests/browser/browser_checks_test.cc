// The built sample portal in a real browser and a real validator: axe-core in
// Debian's headless Chromium (a11y.mjs) and the Nu HTML Checker (vnu.sh), over
// the pages of tests/browser/pages.txt, and over those of pages-smallest.txt
// in tests/sites/valid-smallest (a config with nothing optional). Both tools are installed by
// `bash .ci/setup` (npm ci in tests/browser); without them these tests fail
// and say so, rather than pass without checking anything.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sys/wait.h>

#include "../site/test_support.h"

using namespace bangtin;
using namespace bangtin::testing;
namespace fs = std::filesystem;

namespace {

const std::string kNow = "2026-11-23T12:00:00+07:00";

void build_site_at(const std::string& source, const std::string& out) {
  BuildOptions o;
  o.source = source;
  o.output = out;
  o.now = kNow;
  o.precompress = false;  // the checks read HTML only
  RealDisk disk;
  BuildResult r = build_site(o, disk);
  for (const auto& d : r.diags.sorted()) CHECK_MESSAGE(d.severity == Severity::Warning, d.headline());
  REQUIRE(r.ok());
}

void build_sample(const std::string& out) { build_site_at(kSourceDir, out); }

// Runs `command` (bounded by `timeout`), returns its exit status and output.
int run(const std::string& command, const std::string& log, std::string& output) {
  int raw = std::system(("timeout 600 " + command + " > '" + log + "' 2>&1").c_str());
  output = read_text(log);
  return WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
}

void require_tools() {
  std::string nm = kSourceDir + "/tests/browser/node_modules/";
  REQUIRE_MESSAGE(fs::exists(nm + "axe-core/axe.min.js"), "run bash .ci/setup (npm ci in tests/browser)");
  REQUIRE_MESSAGE(fs::exists(nm + "vnu-jar/build/dist/vnu.jar"), "run bash .ci/setup (npm ci in tests/browser)");
  REQUIRE_MESSAGE(fs::exists(nm + "playwright-core/package.json"), "run bash .ci/setup (npm ci in tests/browser)");
}

}  // namespace

TEST_CASE("axe-core finds no WCAG 2.1 A/AA violation on the portal's pages at 360 and 1280 px") {
  require_tools();
  TempDir tmp("axe");
  std::string site = tmp.path() + "/public";
  build_sample(site);
  std::string output;
  int status = run("node '" + kSourceDir + "/tests/browser/a11y.mjs' '" + site + "'", tmp.path() + "/axe.log", output);
  INFO(output);
  CHECK(status == 0);
  // The run really opened every page at both widths.
  CHECK(output.find("axe-core: 0 violations on 13 pages") != std::string::npos);
  CHECK(output.find("checked /404.html @360px") != std::string::npos);
  CHECK(output.find("checked /video/phong-su-dai-truyen-thanh-co-so/ @1280px") != std::string::npos);
}

TEST_CASE("the Nu HTML Checker finds no error on the portal's pages") {
  require_tools();
  TempDir tmp("vnu");
  std::string site = tmp.path() + "/public";
  build_sample(site);
  std::string output;
  int status = run("bash '" + kSourceDir + "/tests/browser/vnu.sh' '" + site + "'", tmp.path() + "/vnu.log", output);
  INFO(output);
  CHECK(status == 0);
  CHECK(output.find("vnu: 13 pages checked, exit status 0") != std::string::npos);
  CHECK(output.find("error") == std::string::npos);
}

TEST_CASE("the Nu HTML Checker run does report a broken page") {
  // Guards the check above: a page with mis-nested tags must fail vnu.sh.
  require_tools();
  TempDir tmp("vnu-broken");
  std::string site = tmp.path() + "/public";
  build_sample(site);
  std::string page = site + "/bai-viet/khai-mac-dai-hoi-xiv/index.html";
  std::string html = read_text(page);
  REQUIRE(html.find("</main>") != std::string::npos);
  html.replace(html.find("</main>"), 7, "<p><div></p></main>");
  std::ofstream(page, std::ios::trunc) << html;
  std::string output;
  int status = run("bash '" + kSourceDir + "/tests/browser/vnu.sh' '" + site + "'", tmp.path() + "/vnu.log", output);
  INFO(output);
  CHECK(status != 0);
  CHECK(output.find("/bai-viet/khai-mac-dai-hoi-xiv/index.html") != std::string::npos);
}

// A config with nothing optional (no contact, description, units or
// languages) must not leave empty labels, links or descriptions behind.
TEST_CASE("axe-core and the Nu HTML Checker find nothing on the smallest site's pages") {
  require_tools();
  TempDir tmp("smallest");
  std::string site = tmp.path() + "/public";
  build_site_at(kSites + "/valid-smallest", site);
  std::string pages = kSourceDir + "/tests/browser/pages-smallest.txt";
  std::string output;
  int status = run("node '" + kSourceDir + "/tests/browser/a11y.mjs' '" + site + "' '" + pages + "'",
                   tmp.path() + "/axe.log", output);
  INFO(output);
  CHECK(status == 0);
  CHECK(output.find("axe-core: 0 violations on 7 pages") != std::string::npos);
  status = run("bash '" + kSourceDir + "/tests/browser/vnu.sh' '" + site + "' '" + pages + "'", tmp.path() + "/vnu.log",
               output);
  CHECK(status == 0);
  CHECK(output.find("vnu: 7 pages checked, exit status 0") != std::string::npos);
  CHECK(output.find("error") == std::string::npos);
}
