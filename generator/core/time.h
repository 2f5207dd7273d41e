// Time as Vietnamese readers and feed readers need it. A Timestamp is seconds
// since the Unix epoch (UTC); every rendering takes the site's UTC offset.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace bangtin {

struct Timestamp {
  int64_t seconds = 0;  // UTC
  auto operator<=>(const Timestamp&) const = default;
};

// "+07:00", "-05:30", "Z" → minutes east of UTC.
std::optional<int> parse_utc_offset(std::string_view s);
std::string format_utc_offset(int minutes, bool colon = true);

// ISO 8601: "2026-01-19", "2026-01-19 08:00", "2026-01-19T08:00:00",
// optionally followed by "Z" or "+07:00". Without an offset the time is in
// `default_offset_minutes`. Rejects impossible dates (2026-02-30).
std::optional<Timestamp> parse_iso_datetime(std::string_view s, int default_offset_minutes);

// The real clock, to the second.
Timestamp clock_now();

struct CivilTime {
  int year, month, day, hour, minute, second;
  int weekday;  // 0 = Sunday
};
CivilTime to_civil(Timestamp t, int offset_minutes);

// "2026-01-19T08:00:00+07:00"
std::string format_iso(Timestamp t, int offset_minutes);
// "Thứ Hai, 19/01/2026 08:00"
std::string format_vietnamese(Timestamp t, int offset_minutes);
// "19/01/2026"
std::string format_vietnamese_date(Timestamp t, int offset_minutes);
// "January 19, 2026"
std::string format_english_date(Timestamp t, int offset_minutes);
// The date as readers of `lang` write it, from ICU's long date pattern:
// "2026年1月10日" (zh, ja), "2026년 1월 10일" (ko).
std::string format_local_date(Timestamp t, int offset_minutes, const std::string& lang);
// "2026-01-19"
std::string format_ymd(Timestamp t, int offset_minutes);

// Seconds in "HH:MM:SS", "MM:SS" or a plain number of seconds.
std::optional<int64_t> parse_duration(std::string_view s);
std::string format_duration(int64_t seconds);

}  // namespace bangtin
