// Unit tests for core/time.h: ISO 8601 parsing, Vietnamese formatting,
// offsets and durations.
#include "core/time.h"

#include <doctest/doctest.h>

#include <optional>
#include <string>

using namespace bangtin;

namespace {

constexpr int kVietnam = 7 * 60;
// 2026-01-19T00:00:00Z (checked with `date -u -d 2026-01-19 +%s`).
constexpr int64_t kJan19Utc = 1768780800;
// 2026-01-19T08:00:00+07:00 = 2026-01-19T01:00:00Z.
constexpr int64_t kJan19_0800_Vn = 1768784400;

int64_t secs(std::string_view s, int offset = kVietnam) {
  auto t = parse_iso_datetime(s, offset);
  REQUIRE_MESSAGE(t.has_value(), "did not parse: ", std::string(s));
  return t->seconds;
}

}  // namespace

TEST_SUITE("time") {

TEST_CASE("parse_iso_datetime accepts the documented forms") {
  CHECK(secs("2026-01-19", 0) == kJan19Utc);
  CHECK(secs("2026-01-19") == kJan19Utc - 7 * 3600);  // midnight in Vietnam
  CHECK(secs("2026-01-19 08:00") == kJan19_0800_Vn);
  CHECK(secs("2026-01-19T08:00") == kJan19_0800_Vn);
  CHECK(secs("2026-01-19t08:00") == kJan19_0800_Vn);
  CHECK(secs("2026-01-19T08:00:00") == kJan19_0800_Vn);
  CHECK(secs("2026-01-19T08:00:00+07:00") == kJan19_0800_Vn);
  CHECK(secs("2026-01-19T08:00:00+0700") == kJan19_0800_Vn);
  CHECK(secs("2026-01-19T08:00:00 +07:00") == kJan19_0800_Vn);
  CHECK(secs("2026-01-19T01:00:00Z") == kJan19_0800_Vn);
  CHECK(secs("2026-01-19T01:00:00z") == kJan19_0800_Vn);
  CHECK(secs("2026-01-19T01:00Z") == kJan19_0800_Vn);
  CHECK(secs("2026-01-18T20:00:00-05:00") == kJan19_0800_Vn);
  // Fractional seconds are accepted and dropped.
  CHECK(secs("2026-01-19T08:00:00.5+07:00") == kJan19_0800_Vn);
  CHECK(secs("2026-01-19T01:00:00.123456Z") == kJan19_0800_Vn);
  CHECK(secs("2026-01-19T08:00:59.999") == kJan19_0800_Vn + 59);
  // An explicit offset wins over the default.
  CHECK(secs("2026-01-19T01:00:00Z", -300) == kJan19_0800_Vn);
  CHECK(secs("2026-01-19T01:00:00+00:00", kVietnam) == kJan19_0800_Vn);
}

TEST_CASE("parse_iso_datetime: a date without an offset is in the default offset") {
  CHECK(secs("2026-01-19 08:00", kVietnam) == kJan19_0800_Vn);
  CHECK(secs("2026-01-19 08:00", 0) == kJan19_0800_Vn + 7 * 3600);
  CHECK(secs("2026-01-19 08:00", -330) == kJan19_0800_Vn + (7 * 60 + 330) * 60);
}

TEST_CASE("parse_iso_datetime handles the calendar") {
  CHECK(secs("1970-01-01", 0) == 0);
  CHECK(secs("1969-12-31T23:59:59Z") == -1);
  CHECK(secs("2024-02-29", 0) == secs("2024-03-01", 0) - 86400);  // leap year
  CHECK(secs("2000-02-29", 0) == secs("2000-03-01", 0) - 86400);  // divisible by 400
  CHECK(secs("2026-12-31T23:59:59Z") + 1 == secs("2027-01-01", 0));
  CHECK_FALSE(parse_iso_datetime("2026-02-29", kVietnam));
  CHECK_FALSE(parse_iso_datetime("1900-02-29", kVietnam));  // not a leap year
}

TEST_CASE("parse_iso_datetime rejects impossible and malformed dates") {
  for (const char* bad : {"2026-02-30", "2026-13-01", "2026-00-10", "2026-01-00", "2026-04-31",
                          "19/01/2026", "2026-1-19", "26-01-19", "2026/01/19", "2026-01-19T25:00",
                          "2026-01-19T24:00", "2026-01-19T08:60", "2026-01-19T08:00:61", "2026-01-19T8:00",
                          "2026-01-19T08", "2026-01-19X08:00", "2026-01-19T08:00+7", "2026-01-19T08:00+07:00:00",
                          "2026-01-19T08:00 GMT", "2026-01-19 ", "", "hôm nay", "2026-01-19T08:00:00+15:00"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_iso_datetime(bad, kVietnam).has_value());
  }
}

TEST_CASE("to_civil and the weekday") {
  CivilTime c = to_civil(Timestamp{kJan19_0800_Vn}, kVietnam);
  CHECK(c.year == 2026);
  CHECK(c.month == 1);
  CHECK(c.day == 19);
  CHECK(c.hour == 8);
  CHECK(c.minute == 0);
  CHECK(c.second == 0);
  CHECK(c.weekday == 1);  // Monday
  // The same instant is still Monday in UTC but 01:00.
  CivilTime u = to_civil(Timestamp{kJan19_0800_Vn}, 0);
  CHECK(u.day == 19);
  CHECK(u.hour == 1);
  // Just before midnight in Vietnam it is still the 18th, a Sunday.
  CivilTime s = to_civil(Timestamp{kJan19Utc - 7 * 3600 - 1}, kVietnam);
  CHECK(s.day == 18);
  CHECK(s.hour == 23);
  CHECK(s.minute == 59);
  CHECK(s.second == 59);
  CHECK(s.weekday == 0);
  // Before 1970.
  CivilTime old = to_civil(Timestamp{-1}, 0);
  CHECK(old.year == 1969);
  CHECK(old.month == 12);
  CHECK(old.day == 31);
  CHECK(old.hour == 23);
  CHECK(old.weekday == 3);  // 1969-12-31 was a Wednesday
  CHECK(to_civil(Timestamp{0}, 0).weekday == 4);  // 1970-01-01 was a Thursday
}

TEST_CASE("format_vietnamese names the weekday") {
  CHECK(format_vietnamese(Timestamp{kJan19_0800_Vn}, kVietnam) == "Thứ Hai, 19/01/2026 08:00");
  CHECK(format_vietnamese(Timestamp{secs("2026-01-18 09:30")}, kVietnam) == "Chủ nhật, 18/01/2026 09:30");
  CHECK(format_vietnamese(Timestamp{secs("2026-01-20 00:00")}, kVietnam) == "Thứ Ba, 20/01/2026 00:00");
  CHECK(format_vietnamese(Timestamp{secs("2026-01-21 12:00")}, kVietnam) == "Thứ Tư, 21/01/2026 12:00");
  CHECK(format_vietnamese(Timestamp{secs("2026-01-22 12:00")}, kVietnam) == "Thứ Năm, 22/01/2026 12:00");
  CHECK(format_vietnamese(Timestamp{secs("2026-01-23 12:00")}, kVietnam) == "Thứ Sáu, 23/01/2026 12:00");
  CHECK(format_vietnamese(Timestamp{secs("2026-01-24 23:59")}, kVietnam) == "Thứ Bảy, 24/01/2026 23:59");
  // 2026-01-18T20:00Z is already Monday morning in Vietnam.
  CHECK(format_vietnamese(Timestamp{secs("2026-01-18T20:00:00Z")}, kVietnam) == "Thứ Hai, 19/01/2026 03:00");
}

TEST_CASE("date formats") {
  Timestamp t{kJan19_0800_Vn};
  CHECK(format_vietnamese_date(t, kVietnam) == "19/01/2026");
  CHECK(format_english_date(t, kVietnam) == "January 19, 2026");
  CHECK(format_english_date(Timestamp{secs("2025-12-02")}, kVietnam) == "December 2, 2025");
  CHECK(format_ymd(t, kVietnam) == "2026-01-19");
  CHECK(format_ymd(Timestamp{secs("2026-01-19 03:00")}, 0) == "2026-01-18");
  // Chinese, Japanese and Korean readers write the year first; the day is the site's.
  CHECK(format_local_date(t, kVietnam, "zh") == "2026年1月19日");
  CHECK(format_local_date(t, kVietnam, "ja") == "2026年1月19日");
  CHECK(format_local_date(t, kVietnam, "ko") == "2026년 1월 19일");
  CHECK(format_local_date(Timestamp{secs("2026-01-18T20:00:00Z")}, kVietnam, "ja") == "2026年1月19日");
}

TEST_CASE("format_iso round trip") {
  Timestamp t{kJan19_0800_Vn};
  CHECK(format_iso(t, kVietnam) == "2026-01-19T08:00:00+07:00");
  CHECK(format_iso(t, 0) == "2026-01-19T01:00:00+00:00");
  CHECK(format_iso(t, -330) == "2026-01-18T19:30:00-05:30");
  for (const char* s : {"2026-01-19T08:00:00+07:00", "1999-12-31T23:59:59+07:00", "2024-02-29T12:34:56+07:00",
                        "1970-01-01T07:00:00+07:00", "1965-06-15T06:05:04+07:00"}) {
    CAPTURE(s);
    auto parsed = parse_iso_datetime(s, 0);
    REQUIRE(parsed);
    CHECK(format_iso(*parsed, kVietnam) == s);
  }
  for (int offset : {0, kVietnam, -300, 345}) {
    CAPTURE(offset);
    auto back = parse_iso_datetime(format_iso(t, offset), 0);
    REQUIRE(back);
    CHECK(back->seconds == t.seconds);
  }
}

TEST_CASE("parse_utc_offset and format_utc_offset") {
  CHECK(parse_utc_offset("+07:00") == std::optional<int>(420));
  CHECK(parse_utc_offset("+0700") == std::optional<int>(420));
  CHECK(parse_utc_offset("-05:30") == std::optional<int>(-330));
  CHECK(parse_utc_offset("+05:45") == std::optional<int>(345));
  CHECK(parse_utc_offset("+14:00") == std::optional<int>(840));
  CHECK(parse_utc_offset("Z") == std::optional<int>(0));
  CHECK(parse_utc_offset("z") == std::optional<int>(0));
  CHECK(parse_utc_offset("+00:00") == std::optional<int>(0));
  for (const char* bad : {"+7", "+07", "7:00", "07:00", "+7:00", "+07-00", "+15:00", "+07:60", "UTC+7", "",
                          "+07:00 ", "+07:0a"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_utc_offset(bad).has_value());
  }
  CHECK(format_utc_offset(420) == "+07:00");
  CHECK(format_utc_offset(420, false) == "+0700");
  CHECK(format_utc_offset(-330) == "-05:30");
  CHECK(format_utc_offset(0) == "+00:00");
}

TEST_CASE("parse_duration") {
  CHECK(parse_duration("01:02:03") == std::optional<int64_t>(3723));
  CHECK(parse_duration("1:02:03") == std::optional<int64_t>(3723));
  CHECK(parse_duration("90") == std::optional<int64_t>(90));
  CHECK(parse_duration("0") == std::optional<int64_t>(0));
  CHECK(parse_duration("5:30") == std::optional<int64_t>(330));
  CHECK(parse_duration("05:30") == std::optional<int64_t>(330));
  CHECK(parse_duration("120:00") == std::optional<int64_t>(7200));  // minutes may exceed 59
  CHECK(parse_duration("2:00:00") == std::optional<int64_t>(7200));
  for (const char* bad : {"1:75", "1:60", "1:60:00", "1:00:60", "abc", "", ":", "1:", ":30", "1::2",
                          "1:2:3:4", "-5", "1.5", " 90", "90s", "1 : 30"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_duration(bad).has_value());
  }
}

TEST_CASE("format_duration") {
  CHECK(format_duration(3723) == "1:02:03");
  CHECK(format_duration(330) == "05:30");
  CHECK(format_duration(59) == "00:59");
  CHECK(format_duration(3600) == "1:00:00");
  CHECK(format_duration(0) == "00:00");
  CHECK(parse_duration(format_duration(3723)) == std::optional<int64_t>(3723));
}

}  // TEST_SUITE
