// The search page in headless Chromium: tests/browser/search.mjs builds the
// sample portal and the search fixture with this build's bangtin, then runs
// every query of tests/search/queries.json and ranking.json through the real
// assets/js/search.js. Needs node, chromium and `npm ci` in tests/browser/
// (bash .ci/setup does all three).
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "../site/test_support.h"

using namespace bangtin::testing;

TEST_SUITE("search") {

TEST_CASE("queries with and without marks find their items in headless Chromium") {
  std::string modules = kSourceDir + "/tests/browser/node_modules/playwright-core";
  if (!std::filesystem::exists(modules) || !std::filesystem::exists("/usr/bin/chromium")) {
    MESSAGE("skipped: run `bash .ci/setup --deps-only` for node, chromium and tests/browser/node_modules");
    return;
  }
  // Bounded: two small builds, about 80 page loads and the split-list check.
  std::string cmd = "timeout 180 node '" + kSourceDir + "/tests/browser/search.mjs' --bangtin '" +
                    std::string(BANGTIN_BINARY) + "' 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p != nullptr);
  std::string out;
  char buf[4096];
  while (size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  int status = pclose(p);
  INFO(out);
  CHECK(status == 0);
  CHECK(out.find("all search checks passed") != std::string::npos);
}

}  // TEST_SUITE
