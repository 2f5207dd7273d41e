#include "core/time.h"

#include <unicode/datefmt.h>
#include <unicode/simpletz.h>

#include <chrono>
#include <cstdio>
#include <memory>

namespace bangtin {

// Howard Hinnant's civil-from-days algorithms: exact for the proleptic
// Gregorian calendar, no time-zone database needed.
static int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

static void civil_from_days(int64_t z, int& y, int& m, int& d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t yy = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = static_cast<int>(yy + (m <= 2));
}

static int days_in_month(int y, int m) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : days[m - 1];
}

static bool read_digits(std::string_view s, size_t& pos, size_t count, int& out) {
  if (pos + count > s.size()) return false;
  int v = 0;
  for (size_t i = 0; i < count; ++i) {
    char c = s[pos + i];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  pos += count;
  out = v;
  return true;
}

std::optional<int> parse_utc_offset(std::string_view s) {
  if (s == "Z" || s == "z") return 0;
  if (s.size() != 6 && s.size() != 5) return std::nullopt;
  if (s[0] != '+' && s[0] != '-') return std::nullopt;
  size_t pos = 1;
  int h, m;
  if (!read_digits(s, pos, 2, h)) return std::nullopt;
  if (s.size() == 6 && s[pos++] != ':') return std::nullopt;
  if (!read_digits(s, pos, 2, m) || pos != s.size()) return std::nullopt;
  if (h > 14 || m > 59) return std::nullopt;
  int total = h * 60 + m;
  return s[0] == '-' ? -total : total;
}

std::string format_utc_offset(int minutes, bool colon) {
  char buf[16];
  int a = minutes < 0 ? -minutes : minutes;
  std::snprintf(buf, sizeof buf, colon ? "%c%02d:%02d" : "%c%02d%02d", minutes < 0 ? '-' : '+',
                a / 60, a % 60);
  return buf;
}

Timestamp clock_now() {
  return Timestamp{static_cast<int64_t>(
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count())};
}

std::optional<Timestamp> parse_iso_datetime(std::string_view s, int default_offset_minutes) {
  size_t pos = 0;
  int y, mo, d, h = 0, mi = 0, se = 0;
  if (!read_digits(s, pos, 4, y) || pos >= s.size() || s[pos++] != '-') return std::nullopt;
  if (!read_digits(s, pos, 2, mo) || pos >= s.size() || s[pos++] != '-') return std::nullopt;
  if (!read_digits(s, pos, 2, d)) return std::nullopt;
  if (mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo)) return std::nullopt;
  int offset = default_offset_minutes;
  if (pos < s.size()) {
    if (s[pos] != 'T' && s[pos] != 't' && s[pos] != ' ') return std::nullopt;
    ++pos;
    if (!read_digits(s, pos, 2, h) || pos >= s.size() || s[pos++] != ':') return std::nullopt;
    if (!read_digits(s, pos, 2, mi)) return std::nullopt;
    if (pos < s.size() && s[pos] == ':') {
      ++pos;
      if (!read_digits(s, pos, 2, se)) return std::nullopt;
      if (pos < s.size() && s[pos] == '.') {  // fractional seconds are accepted and dropped
        ++pos;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
      }
    }
    if (h > 23 || mi > 59 || se > 60) return std::nullopt;
    if (pos < s.size()) {
      std::string_view rest = s.substr(pos);
      if (!rest.empty() && rest[0] == ' ') rest.remove_prefix(1);
      auto off = parse_utc_offset(rest);
      if (!off) return std::nullopt;
      offset = *off;
    }
  }
  int64_t days = days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
  int64_t local = days * 86400 + h * 3600 + mi * 60 + se;
  return Timestamp{local - static_cast<int64_t>(offset) * 60};
}

CivilTime to_civil(Timestamp t, int offset_minutes) {
  int64_t local = t.seconds + static_cast<int64_t>(offset_minutes) * 60;
  int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
  int64_t secs = local - days * 86400;
  CivilTime c{};
  civil_from_days(days, c.year, c.month, c.day);
  c.hour = static_cast<int>(secs / 3600);
  c.minute = static_cast<int>(secs % 3600 / 60);
  c.second = static_cast<int>(secs % 60);
  c.weekday = static_cast<int>(((days % 7) + 11) % 7);  // 1970-01-01 was a Thursday
  return c;
}

std::string format_iso(Timestamp t, int offset_minutes) {
  CivilTime c = to_civil(t, offset_minutes);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", c.year, c.month, c.day, c.hour,
                c.minute, c.second);
  return buf + format_utc_offset(offset_minutes);
}

std::string format_vietnamese(Timestamp t, int offset_minutes) {
  static const char* const weekdays[] = {"Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư",
                                         "Thứ Năm",  "Thứ Sáu", "Thứ Bảy"};
  CivilTime c = to_civil(t, offset_minutes);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s, %02d/%02d/%04d %02d:%02d", weekdays[c.weekday], c.day, c.month,
                c.year, c.hour, c.minute);
  return buf;
}

std::string format_vietnamese_date(Timestamp t, int offset_minutes) {
  CivilTime c = to_civil(t, offset_minutes);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", c.day, c.month, c.year);
  return buf;
}

std::string format_english_date(Timestamp t, int offset_minutes) {
  static const char* const months[] = {"January", "February", "March",     "April",
                                       "May",     "June",     "July",      "August",
                                       "September", "October", "November", "December"};
  CivilTime c = to_civil(t, offset_minutes);
  return std::string(months[c.month - 1]) + " " + std::to_string(c.day) + ", " +
         std::to_string(c.year);
}

std::string format_local_date(Timestamp t, int offset_minutes, const std::string& lang) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::DateFormat> f(icu::DateFormat::createDateInstance(icu::DateFormat::kLong, icu::Locale(lang.c_str())));
  if (!f) return format_english_date(t, offset_minutes);
  f->adoptTimeZone(new icu::SimpleTimeZone(offset_minutes * 60 * 1000, "site"));
  icu::UnicodeString out;
  f->format(static_cast<UDate>(t.seconds) * 1000.0, out);
  std::string s;
  out.toUTF8String(s);
  return U_SUCCESS(status) && !s.empty() ? s : format_english_date(t, offset_minutes);
}

std::string format_ymd(Timestamp t, int offset_minutes) {
  CivilTime c = to_civil(t, offset_minutes);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.year, c.month, c.day);
  return buf;
}

std::optional<int64_t> parse_duration(std::string_view s) {
  int64_t parts[3] = {0, 0, 0};
  int n = 0;
  int64_t cur = 0;
  bool digit = false;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      cur = cur * 10 + (c - '0');
      digit = true;
      if (cur > 100000000) return std::nullopt;
    } else if (c == ':') {
      if (!digit || n >= 2) return std::nullopt;
      parts[n++] = cur;
      cur = 0;
      digit = false;
    } else {
      return std::nullopt;
    }
  }
  if (!digit) return std::nullopt;
  parts[n++] = cur;
  if (n == 1) return parts[0];
  if (n == 2) return parts[1] < 60 ? std::optional<int64_t>(parts[0] * 60 + parts[1]) : std::nullopt;
  if (parts[1] >= 60 || parts[2] >= 60) return std::nullopt;
  return parts[0] * 3600 + parts[1] * 60 + parts[2];
}

std::string format_duration(int64_t s) {
  char buf[32];
  if (s >= 3600)
    std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", static_cast<long long>(s / 3600),
                  static_cast<long long>(s % 3600 / 60), static_cast<long long>(s % 60));
  else
    std::snprintf(buf, sizeof buf, "%02lld:%02lld", static_cast<long long>(s / 60),
                  static_cast<long long>(s % 60));
  return buf;
}

}  // namespace bangtin
