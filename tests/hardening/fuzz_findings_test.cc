// What the fuzzers of tests/fuzz found, kept fixed in the normal suite.
#include <doctest/doctest.h>

#include "config/config.h"
#include "markdown/markdown.h"

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

TEST_CASE("fuzz findings: a line break inside [^…] loses no text and cuts no letter") {
  // cmark-gfm took it for a footnote reference and wrote the bracket back
  // short: "[^ab\ncdefgh]" lost "defgh", "[^\nẨnh]" ended inside the Ẩ.
  CHECK(bangtin::markdown_to_html("[^\nẨnh]") == "<p>[^\nẨnh]</p>\n");
  CHECK(bangtin::markdown_to_html("[^ab\ncdefgh]") == "<p>[^ab\ncdefgh]</p>\n");
  CHECK(bangtin::markdown_to_html("Xem [^\nđường] ở cuối.") == "<p>Xem [^\nđường] ở cuối.</p>\n");
  CHECK(bangtin::markdown_to_html("[^a&amp;b\ncdefgh]") == "<p>[^a&amp;b\ncdefgh]</p>\n");
  CHECK(bangtin::markdown_to_html("[&#94;ab cdefgh]") == "<p>[^ab cdefgh]</p>\n");
  CHECK(bangtin::markdown_to_html("[\\^ab cdefgh]") == "<p>[^ab cdefgh]</p>\n");
  CHECK(bangtin::markdown_to_html("![^ab\ncd]") == "<p>![^ab\ncd]</p>\n");
  // Real footnotes, and code, are untouched.
  CHECK(bangtin::markdown_to_html("`[^a\nb]` và ``x`[^c]``") == "<p><code>[^a b]</code> và <code>x`[^c]</code></p>\n");
  CHECK(bangtin::markdown_to_html("Câu[^1].\n\n[^1]: Chú thích.\n").find("footnote") != std::string::npos);
  CHECK(bangtin::markdown_to_html("```\n[^\nx]\n```\n") == "<pre><code>[^\nx]\n</code></pre>\n");
}
