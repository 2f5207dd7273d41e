// What the fuzzers of tests/fuzz found, kept fixed in the normal suite.
#include <doctest/doctest.h>

#include "config/config.h"

TEST_CASE("fuzz findings: a number too large for a double in site-config.json is an error at its line") {
  // nlohmann::json throws out_of_range (not parse_error) for 1e999: it used
  // to escape the loader and abort the build.
  bangtin::SiteConfig config;
  bangtin::Diagnostics diags;
  CHECK_FALSE(bangtin::parse_config("{\n  \"title\": \"x\",\n  \"pagination\": 6666633e633\n}\n", config, diags));
  REQUIRE(diags.has_errors());
  auto all = diags.sorted();
  REQUIRE(all.size() == 1);
  CHECK(all[0].headline() == "site-config.json:3: số quá lớn: 6666633e633");
}
