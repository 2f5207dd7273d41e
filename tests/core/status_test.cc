// Unit tests for core/status.h: the report an editor reads (the source line
// shown under a message) and the cleaning of text as it is read.
#include "core/status.h"

#include <doctest/doctest.h>

#include <fstream>
#include <string>
#include <vector>

#include "core/text.h"
#include "site/test_support.h"

using namespace bangtin;
using bangtin::testing::TempDir;

namespace {

const std::string kAcute = "\xCC\x81";  // U+0301, spelled out so NFC cannot hide it

// The report for one error at `line` of a file holding `text`.
std::string report_for(const std::string& text, int line) {
  TempDir root("status");
  std::ofstream(root.path() + "/bai.md", std::ios::binary) << text;
  Diagnostic d{Severity::Error, "bai.md", line, "lỗi thử", ""};
  return format_report({d}, root.path());
}

// The source line of a report: the one after the headline, without its indent.
std::string shown_line(const std::string& report) {
  size_t start = report.find('\n') + 1 + 4;
  return report.substr(start, report.find('\n', start) - start);
}

}  // namespace

TEST_CASE("a long source line is shown cut between letters, as valid UTF-8, with the ellipsis") {
  // Cut by bytes, 200 of them fell inside "ế" (3 bytes) or between "a" and its mark.
  std::string precomposed = "x";
  for (int i = 0; i < 300; ++i) precomposed += "ế";
  std::string shown = shown_line(report_for("---\n" + precomposed + "\n", 2));
  CHECK(find_invalid_utf8(shown) == std::string::npos);
  std::string expected = "x";
  for (int i = 0; i < 159; ++i) expected += "ế";
  CHECK(shown == expected + "…");

  std::string decomposed;
  for (int i = 0; i < 300; ++i) decomposed += "a" + kAcute;
  shown = shown_line(report_for(decomposed + "\r\n", 1));
  CHECK(find_invalid_utf8(shown) == std::string::npos);
  expected.clear();
  for (int i = 0; i < 160; ++i) expected += "a" + kAcute;
  CHECK(shown == expected + "…");

  // A short line is shown whole.
  CHECK(shown_line(report_for("title: Hội nghị\n", 1)) == "title: Hội nghị");
}

TEST_CASE("the shown source line makes controls visible and repairs invalid UTF-8") {
  // A terminal would act on ESC and hide U+001F; the editor must see where they are.
  CHECK(shown_source_line("Tiêu\x1F" "đề\x1B[31m") == "Tiêu␟đề␛[31m");
  CHECK(shown_source_line("a\x7F" "b\xC2\x85" "c\xEF\xBF\xBF") == "a␡b�c�");
  CHECK(shown_source_line("cột\tmột") == "cột\tmột");
  CHECK(shown_source_line("cách c\xE1\xBA" "đầu") == "cách c\xEF\xBF\xBD" "đầu");
}

TEST_CASE("clean_read_text drops forbidden code points with one warning per line that held one") {
  Diagnostics diags;
  std::string text = "title: Tiêu\x1F" "đề\ndate: 2026-01-19\nChữ\xEF\xBF\xBF" "hai\x1F" "ba\x1F\n";
  clean_read_text(text, "content/articles/x.md", 1, diags);
  CHECK(text == "title: Tiêuđề\ndate: 2026-01-19\nChữhaiba\n");
  auto d = diags.sorted();
  REQUIRE(d.size() == 2);
  CHECK(d[0].severity == Severity::Warning);
  CHECK(d[0].headline() == bangtin::testing::dropped_warning("content/articles/x.md:1", "U+001F"));
  CHECK(d[1].headline() == bangtin::testing::dropped_warning("content/articles/x.md:3", "U+FFFF, U+001F"));
  CHECK_FALSE(d[1].hint.empty());

  // Counted from the line the text starts on (a value read at line 7).
  Diagnostics later;
  std::string value = "a\x01";
  clean_read_text(value, "site-config.json", 7, later);
  CHECK(value == "a");
  REQUIRE(later.sorted().size() == 1);
  CHECK(later.sorted()[0].line == 7);

  Diagnostics none;
  std::string clean = "Hội nghị\ttổng kết\r\n";
  clean_read_text(clean, "x.md", 1, none);
  CHECK(clean == "Hội nghị\ttổng kết\r\n");
  CHECK(none.sorted().empty());
}

TEST_CASE("a message or hint quoting a control character or a bad file name is printed visibly, as UTF-8") {
  // A YAML escape can put ESC in a value a message quotes; a file name on
  // disk need not be UTF-8.
  Diagnostic d{Severity::Error, "content/articles/t\xE1\xBA.md", 0, "\"date\" không phải ngày hợp lệ: \"2026\x1B[2J\"",
               "viết\x07 theo dạng 2026-01-19"};
  std::string report = format_report({d}, "/nonexistent");
  CHECK(find_invalid_utf8(report) == std::string::npos);
  CHECK(report ==
        "content/articles/t\xEF\xBF\xBD.md: \"date\" không phải ngày hợp lệ: \"2026␛[2J\"\n"
        "    → viết␇ theo dạng 2026-01-19\n"
        "1 lỗi, 0 cảnh báo\n");
}
