// Markdown rendered on many threads gives the bytes of a one-thread render.
// cmark-gfm 0.29 keeps its table of inline special characters in a global
// and every parse used to add its extensions' characters ('~', ':', 'w') to
// it and take them out again when done, so a parse that ended cleared them
// under another one still running: that body's ~~gạch~~ and bare links came
// out as plain text (github/cmark-gfm pull request #176). These bodies use
// exactly what depends on that table: strikethrough, autolinks (https:// and
// www.) inside table cells and task lists.
#include "markdown/markdown.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/parallel.h"

using namespace bangtin;

namespace {

std::string body(int i) {
  std::string n = std::to_string(i);
  return "# Bảng số " + n + "\n\n"
         "| Việc | Trạng thái |\n|---|---|\n"
         "| Kế hoạch " + n + " | ~~gạch~~ xong |\n"
         "| Địa chỉ | https://example.vn/" + n + " |\n"
         "| Trang | www.hanoi.gov.vn/tin-" + n + " |\n\n"
         "- [x] Đã gửi ~~bản cũ~~ bản mới\n"
         "- [ ] Chờ duyệt, xem https://dichvucong.gov.vn/?id=" + n + "\n\n"
         "Đoạn cuối: ~~" + n + "~~ và www.example.vn.\n";
}

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("Markdown on many threads gives the same bytes as on one") {
  constexpr int kBodies = 400;
  std::vector<std::string> bodies, expected;
  for (int i = 0; i < kBodies; ++i) bodies.push_back(body(i));
  for (const auto& b : bodies) expected.push_back(markdown_to_html(b));

  // The one-thread render really has what the race took away.
  const std::string& first = expected[7];
  REQUIRE(has(first, "<del>gạch</del>"));
  REQUIRE(has(first, "<a href=\"https://example.vn/7\">"));
  REQUIRE(has(first, "<a href=\"http://www.hanoi.gov.vn/tin-7\">"));
  REQUIRE(has(first, "<input type=\"checkbox\" checked=\"\" disabled=\"\" /> Đã gửi <del>bản cũ</del>"));

  // More threads than cores makes parses overlap at every point of another.
  const int jobs = std::max(8, 2 * default_jobs());
  int differing = 0;
  for (int round = 0; round < 25; ++round) {
    std::vector<std::string> got(bodies.size());
    parallel_for(bodies.size(), jobs, [&](size_t i) { got[i] = markdown_to_html(bodies[i]); });
    for (size_t i = 0; i < got.size(); ++i) differing += got[i] != expected[i];
  }
  CHECK(differing == 0);
}
