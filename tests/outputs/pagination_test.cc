// Page numbers of long lists: few links per page, every page a few clicks away.
#include <doctest/doctest.h>

#include <deque>
#include <map>

#include "outputs/pages.h"

using bangtin::shown_page_number;

namespace {

// Clicks from page 1 to the farthest page, following page-number links only.
size_t deepest(size_t pages) {
  std::map<size_t, size_t> depth{{1, 0}};
  std::deque<size_t> queue{1};
  while (!queue.empty()) {
    size_t at = queue.front();
    queue.pop_front();
    for (size_t k = 1; k <= pages; ++k)
      if (shown_page_number(k, at, pages) && !depth.count(k)) {
        depth[k] = depth[at] + 1;
        queue.push_back(k);
      }
  }
  REQUIRE(depth.size() == pages);  // every page reachable
  size_t worst = 0;
  for (const auto& [k, d] : depth) worst = std::max(worst, d);
  return worst;
}

size_t links_on(size_t current, size_t pages) {
  size_t n = 0;
  for (size_t k = 1; k <= pages; ++k) n += shown_page_number(k, current, pages);
  return n;
}

}  // namespace

TEST_CASE("pagination: short lists show every page number") {
  for (size_t k = 1; k <= 15; ++k) CHECK(shown_page_number(k, 7, 15));
}

TEST_CASE("pagination: long lists link a few dozen pages, each within four clicks") {
  CHECK(deepest(100) <= 4);
  CHECK(deepest(500) <= 4);
  CHECK(deepest(5000) <= 4);
  for (size_t current : {1, 250, 499, 500}) CHECK(links_on(current, 500) <= 40);
  CHECK(links_on(2500, 5000) <= 90);
  // The ends and the neighbours are always there.
  CHECK(shown_page_number(1, 250, 500));
  CHECK(shown_page_number(500, 250, 500));
  CHECK(shown_page_number(248, 250, 500));
  CHECK(shown_page_number(252, 250, 500));
  CHECK_FALSE(shown_page_number(260, 250, 500));
}
