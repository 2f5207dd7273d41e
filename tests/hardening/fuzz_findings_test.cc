// What the fuzzers of tests/fuzz found, kept fixed in the normal suite.
#include <doctest/doctest.h>

#include <filesystem>

#include "config/config.h"
#include "core/text.h"
#include "markdown/markdown.h"
#include "site/test_support.h"

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
  // Footnote syntax is off (cmark-gfm's is what broke), so it stays text; code is untouched.
  CHECK(bangtin::markdown_to_html("`[^a\nb]` và ``x`[^c]``") == "<p><code>[^a b]</code> và <code>x`[^c]</code></p>\n");
  CHECK(bangtin::markdown_to_html("Câu[^1].\n\n[^1]: Chú thích.\n") == "<p>Câu[^1].</p>\n<p>[^1]: Chú thích.</p>\n");
  CHECK(bangtin::markdown_to_html("```\n[^\nx]\n```\n") == "<pre><code>[^\nx]\n</code></pre>\n");
}

TEST_CASE("fuzz findings: every saved markdown input renders to valid UTF-8") {
  // The inputs fuzz_markdown once crashed on: first byte = raw HTML allowed.
  for (const auto& entry : std::filesystem::directory_iterator(kSourceDir + "/tests/fuzz/corpus/markdown")) {
    std::string data = bangtin::testing::read_text(entry.path().string());
    if (data.empty()) continue;
    std::string text = data.substr(1);
    if (bangtin::find_invalid_utf8(text) != std::string::npos) continue;
    std::string html = bangtin::markdown_to_html(text, data[0] & 1);
    std::string name = entry.path().filename().string();
    CAPTURE(name);
    size_t bad = bangtin::find_invalid_utf8(html);
    CAPTURE(bad);
    std::string around = bad == std::string::npos ? "" : html.substr(bad > 60 ? bad - 60 : 0, 100);
    CAPTURE(around);
    CHECK(bad == std::string::npos);
  }
}
