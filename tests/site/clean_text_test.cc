// Text is cleaned once, when it is read (core/status.h clean_read_text): a
// title or a body holding a pasted control character or a noncharacter
// builds into pages, feeds and JSON that hold none, with a warning at its line.
#include <doctest/doctest.h>

#include <unicode/utf8.h>

#include <fstream>

#include "core/text.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace bangtin;
using namespace bangtin::testing;

namespace {

// The forbidden code points of a UTF-8 text file, as "U+001F" names.
std::vector<std::string> forbidden_in(const std::string& text) {
  std::vector<std::string> found;
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c >= 0 && is_forbidden_in_text(static_cast<char32_t>(c))) found.push_back(code_point_name(c));
  }
  return found;
}

bool is_text_output(const std::string& path) {
  for (const char* ext : {".html", ".xml", ".json", ".txt", ".js"})
    if (ends_with(path, ext)) return true;
  return false;
}

}  // namespace

TEST_CASE("a title and a body with U+001F and U+FFFF build into outputs with neither, and a warning at each line") {
  TempDir tmp("clean-text");
  const std::string site = tmp.path() + "/site";
  fs::copy(kSites + "/valid-minimal", site, fs::copy_options::recursive);
  std::ofstream(site + "/content/articles/dan-tu-word.md", std::ios::binary)
      << "---\n"
         "title: Thông báo\x1F lịch tiếp dân\xEF\xBF\xBF\n"
         "date: 2026-01-20 08:00\n"
         "columns: [tin-tuc]\n"
         "---\n"
         "Lịch tiếp công dân\x1F tháng 2.\n"
         "\n"
         "Địa điểm: trụ sở\xEF\xBF\xBF UBND.\n";
  BuildResult r = build_in_memory(site, "2026-01-25T00:00:00+07:00");
  REQUIRE(r.ok());

  const std::string path = "content/articles/dan-tu-word.md";
  const std::string all = headlines(r);
  CHECK(contains(all, dropped_warning(path + ":2", "U+001F, U+FFFF") + "\n"));
  CHECK(contains(all, dropped_warning(path + ":6", "U+001F") + "\n"));
  CHECK(contains(all, dropped_warning(path + ":8", "U+FFFF") + "\n"));

  auto files = files_of(r);
  const std::string& page = files["bai-viet/dan-tu-word/index.html"];
  CHECK(contains(page, "Thông báo lịch tiếp dân"));
  CHECK(contains(page, "Lịch tiếp công dân tháng 2."));
  CHECK(contains(page, "Địa điểm: trụ sở UBND."));
  CHECK(contains(files["rss.xml"], "Thông báo lịch tiếp dân"));
  size_t checked = 0;
  for (const auto& file : files) {  // not a structured binding: clang 14's CHECK_MESSAGE cannot capture one
    const std::string& out = file.first;
    if (!is_text_output(out)) continue;
    ++checked;
    CHECK_MESSAGE(forbidden_in(file.second).empty(), out);
  }
  CHECK(checked > 20);
}
