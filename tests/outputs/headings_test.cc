// Screen-reader users move through a page by its headings: a level that is
// skipped (an h1 then an h3) reads as a missing section. Every built page of
// every kind, on sites small and large, goes down one level at a time.
#include <doctest/doctest.h>

#include <regex>
#include <set>

#include "core/text.h"
#include "../site/test_support.h"

using namespace bangtin;
using namespace bangtin::testing;

namespace {

// What each template that writes headings leaves in its pages.
const char* const kPageMarkers[] = {
    "class=\"card-title\"",    "class=\"media-strip\"", "class=\"list list-",  "class=\"list report\"",
    "class=\"terms\"",         "class=\"search-page\"", "class=\"not-found\"", "class=\"item item-article\"",
    "class=\"item item-video\"", "class=\"item item-document\"", "class=\"embed",  "class=\"embed-builder"};

// The heading levels of a page in document order, scripts and styles left out.
std::vector<int> heading_levels(const std::string& html) {
  static const std::regex tag("<(h[1-6]|script|style|template)[\\s>]", std::regex::icase);
  std::vector<int> levels;
  for (size_t at = 0;;) {
    std::smatch m;
    if (!std::regex_search(html.begin() + static_cast<long>(at), html.end(), m, tag)) break;
    size_t start = at + static_cast<size_t>(m.position(0));
    std::string name = ascii_lower(m[1].str());
    if (name[0] == 'h') {
      levels.push_back(name[1] - '0');
      at = start + 3;
    } else {
      size_t end = html.find("</" + name, start);
      at = end == std::string::npos ? html.size() : end;
    }
  }
  return levels;
}

// "" when the levels never skip one going down and start at h1; else what is wrong.
std::string skipped_level(const std::vector<int>& levels) {
  if (levels.empty()) return "";
  if (levels.front() != 1) return "the first heading is h" + std::to_string(levels.front());
  for (size_t i = 1; i < levels.size(); ++i)
    if (levels[i] > levels[i - 1] + 1)
      return "h" + std::to_string(levels[i - 1]) + " then h" + std::to_string(levels[i]) + " (heading " +
             std::to_string(i + 1) + ")";
  return "";
}

void check_site(const std::string& source, const std::string& now, std::set<std::string>& templates_seen) {
  BuildResult r = build_in_memory(source, now);
  REQUIRE(r.ok());
  int pages = 0;
  for (const auto& entry : files_of(r)) {
    const std::string& path = entry.first;
    const std::string& html = entry.second;
    if (!ends_with(path, ".html")) continue;
    CAPTURE(source);
    CAPTURE(path);
    ++pages;
    CHECK(skipped_level(heading_levels(html)) == "");
    for (const char* marker : kPageMarkers)
      if (contains(html, marker)) templates_seen.insert(marker);
  }
  CHECK(pages > 0);
}

}  // namespace

TEST_CASE("the heading check itself sees a skipped level") {
  CHECK(skipped_level(heading_levels("<h1>a</h1><h2>b</h2><h3>c</h3><h2>d</h2><h3>e</h3>")) == "");
  CHECK(skipped_level(heading_levels("<h1>a</h1><h3 class=\"card-title\">b</h3>")) == "h1 then h3 (heading 2)");
  CHECK(skipped_level(heading_levels("<h2>a</h2>")) == "the first heading is h2");
  // A heading written by a script's string is not one of the page's.
  CHECK(skipped_level(heading_levels("<h1>a</h1><script>x = '<h4>';</script><h2>b</h2>")) == "");
}

TEST_CASE("no page skips a heading level: home, lists, terms, search, items, embeds, 404, reports") {
  std::set<std::string> seen;
  check_site(kSourceDir, "2026-11-23T12:00:00+07:00", seen);
  check_site(kSites + "/valid-minimal", "2026-01-25T00:00:00+07:00", seen);
  check_site(kSites + "/valid-smallest", "2026-11-23T12:00:00+07:00", seen);
  check_site(kSites + "/valid-report", "2026-07-01T08:00:00+07:00", seen);
  // Every template that writes headings was among the pages walked.
  for (const char* marker : kPageMarkers) {
    CAPTURE(marker);
    CHECK(seen.count(marker) == 1);
  }
}
