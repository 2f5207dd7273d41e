// The time a report covers: whole days [from, to] in the site's UTC offset,
// and the calendar months and quarters those days fall in. Offices report by
// month (seed 000: the last day of each month) and by quarter (seed 003), so
// those are the only units of time a report knows.
#pragma once
#include <compare>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"

namespace bangtin::report {

struct Day {
  int year = 0, month = 0, day = 0;
  auto operator<=>(const Day&) const = default;
};

// Exactly "YYYY-MM-DD", a real date; anything else is nullopt.
std::optional<Day> parse_day(std::string_view s);
std::string format_day(const Day& d);     // "2026-04-01"
std::string format_day_vi(const Day& d);  // "01/04/2026"
Day day_of(Timestamp t, int offset_minutes);
int days_in_month(int year, int month);

struct Month {
  int year = 0, month = 0;
  auto operator<=>(const Month&) const = default;
  std::string key() const;    // "2026-04": sorts, and is what JSON readers parse
  std::string label() const;  // "04/2026": what Vietnamese forms print
  Day first() const { return {year, month, 1}; }
  Day last() const { return {year, month, days_in_month(year, month)}; }
};

struct Period {
  Day from, to;  // both included

  // The first second of `from` and the first second after `to`.
  Timestamp begin(int offset_minutes) const;
  Timestamp end(int offset_minutes) const;
  bool contains(Timestamp t, int offset_minutes) const {
    return t >= begin(offset_minutes) && t < end(offset_minutes);
  }
  // Every month the period touches, oldest first.
  std::vector<Month> months() const;
  // "bao-cao-2026-04-01_2026-06-30": the name of the files a report writes.
  std::string file_stem() const;
  // "01/04/2026 – 30/06/2026"
  std::string label() const;
};

int quarter_of(const Day& d);  // 1..4
// The whole quarter `q` of `year`.
Period quarter(int year, int q);
// From the first day of `today`'s quarter to `today`: what an office is asked
// for when nobody names dates.
Period quarter_to_date(const Day& today);

}  // namespace bangtin::report
