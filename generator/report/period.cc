#include "report/period.h"

#include <cstdio>

namespace bangtin::report {

std::optional<Day> parse_day(std::string_view s) {
  // parse_iso_datetime also takes a time and an offset; a report day is a
  // date only, so the shape is checked here first.
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  Day d{std::stoi(std::string(s.substr(0, 4))), std::stoi(std::string(s.substr(5, 2))),
        std::stoi(std::string(s.substr(8, 2)))};
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > days_in_month(d.year, d.month)) return std::nullopt;
  return d;
}

std::string format_day(const Day& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

std::string format_day_vi(const Day& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", d.day, d.month, d.year);
  return buf;
}

Day day_of(Timestamp t, int offset_minutes) {
  CivilTime c = to_civil(t, offset_minutes);
  return {c.year, c.month, c.day};
}

int days_in_month(int year, int month) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : days[month - 1];
}

std::string Month::key() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  return buf;
}

std::string Month::label() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d/%04d", month, year);
  return buf;
}

Timestamp Period::begin(int offset_minutes) const {
  // A Day is always valid here, so parsing its own spelling cannot fail.
  return *parse_iso_datetime(format_day(from), offset_minutes);
}

Timestamp Period::end(int offset_minutes) const {
  // Site offsets are fixed (no daylight saving), so every day is 86400 s.
  return Timestamp{parse_iso_datetime(format_day(to), offset_minutes)->seconds + 86400};
}

std::vector<Month> Period::months() const {
  std::vector<Month> out;
  if (to < from) return out;
  Month m{from.year, from.month};
  Month last{to.year, to.month};
  while (m <= last) {
    out.push_back(m);
    if (++m.month > 12) m.month = 1, ++m.year;
  }
  return out;
}

std::string Period::file_stem() const { return "bao-cao-" + format_day(from) + "_" + format_day(to); }

std::string Period::label() const { return format_day_vi(from) + " – " + format_day_vi(to); }

int quarter_of(const Day& d) { return (d.month - 1) / 3 + 1; }

Period quarter(int year, int q) {
  int first = (q - 1) * 3 + 1, last = first + 2;
  return {{year, first, 1}, {year, last, days_in_month(year, last)}};
}

Period quarter_to_date(const Day& today) {
  return {quarter(today.year, quarter_of(today)).from, today};
}

}  // namespace bangtin::report
