// Report periods: whole days in the site's offset, months and quarters.
#include <doctest/doctest.h>

#include "report/period.h"

using namespace bangtin;
using namespace bangtin::report;

TEST_CASE("report days are exactly YYYY-MM-DD and real dates") {
  CHECK(parse_day("2026-04-01") == Day{2026, 4, 1});
  CHECK(parse_day("2028-02-29") == Day{2028, 2, 29});
  CHECK_FALSE(parse_day("2026-02-29"));
  CHECK_FALSE(parse_day("2026-13-01"));
  CHECK_FALSE(parse_day("2026-4-1"));
  CHECK_FALSE(parse_day("2026-04-01T00:00"));
  CHECK_FALSE(parse_day("01/04/2026"));
  CHECK_FALSE(parse_day(""));
  CHECK(format_day({2026, 4, 1}) == "2026-04-01");
  CHECK(format_day_vi({2026, 4, 1}) == "01/04/2026");
}

TEST_CASE("a period runs from the first second of `from` to the last second of `to`, in the site's offset") {
  Period p{{2026, 4, 1}, {2026, 6, 30}};
  const int vn = 7 * 60;
  CHECK(p.begin(vn) == *parse_iso_datetime("2026-04-01T00:00:00+07:00", 0));
  CHECK(p.end(vn) == *parse_iso_datetime("2026-07-01T00:00:00+07:00", 0));
  CHECK(p.contains(*parse_iso_datetime("2026-04-01T00:00:00+07:00", 0), vn));
  CHECK(p.contains(*parse_iso_datetime("2026-06-30T23:59:59+07:00", 0), vn));
  CHECK_FALSE(p.contains(*parse_iso_datetime("2026-03-31T23:59:59+07:00", 0), vn));
  // 17:30 UTC on 30 June is already 1 July in Hà Nội.
  CHECK_FALSE(p.contains(*parse_iso_datetime("2026-06-30T17:30:00Z", 0), vn));
  CHECK(p.contains(*parse_iso_datetime("2026-06-30T17:30:00Z", 0), 0));
  CHECK(p.file_stem() == "bao-cao-2026-04-01_2026-06-30");
  CHECK(p.label() == "01/04/2026 – 30/06/2026");
}

TEST_CASE("months of a period, across a year end, and quarters") {
  Period p{{2025, 11, 15}, {2026, 2, 3}};
  auto months = p.months();
  REQUIRE(months.size() == 4);
  CHECK(months[0].key() == "2025-11");
  CHECK(months[1].key() == "2025-12");
  CHECK(months[2].key() == "2026-01");
  CHECK(months[3].label() == "02/2026");
  CHECK(months[3].last() == Day{2026, 2, 28});
  CHECK(Period{{2026, 5, 1}, {2026, 4, 1}}.months().empty());

  CHECK(quarter_of({2026, 1, 1}) == 1);
  CHECK(quarter_of({2026, 6, 30}) == 2);
  CHECK(quarter_of({2026, 10, 1}) == 4);
  Period q4 = quarter(2026, 4);
  CHECK(q4.from == Day{2026, 10, 1});
  CHECK(q4.to == Day{2026, 12, 31});
  Period so_far = quarter_to_date({2026, 11, 23});
  CHECK(so_far.from == Day{2026, 10, 1});
  CHECK(so_far.to == Day{2026, 11, 23});
}
