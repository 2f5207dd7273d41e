// What a report counts: media products published in a period, per month, per
// kind, per unit and per column (seed 000: results per unit, monthly; seed
// 003 appendix 02: counts of news, infographics, videos, radio bulletins).
//
// One product is one translation group: an article and its English version
// are one news item on the forms, counted once, by the default language's
// version when it has a page. Banners and fixed pages are not products.
// Drafts and scheduled items were not published, so they are not counted;
// expired items were, so they are.
#pragma once
#include <array>
#include <string>
#include <vector>

#include "assemble/library.h"
#include "config/config.h"
#include "report/period.h"

namespace bangtin::report {

// The kinds on the forms, in the forms' order.
inline constexpr std::array<Kind, 5> kReportKinds = {Kind::Article, Kind::Infographic, Kind::Video, Kind::Audio,
                                                     Kind::Document};
// "Tin, bài", "Infographic", "Video", "Bài phát thanh", "Văn bản".
const char* kind_label(Kind k);

struct Counts {
  std::array<int, kReportKinds.size()> by_kind{};  // in kReportKinds order
  void add(Kind k);
  int of(Kind k) const;
  int total() const;
};

// One line of a report: the whole portal, a unit or a column.
struct Row {
  std::string key;    // unit or column key; "" for the portal and for items in no column
  std::string title;
  std::vector<Counts> months;  // parallel to Report::months
  Counts period;
};

// One counted product.
struct Entry {
  size_t item = 0;     // id in the Library
  size_t month = 0;    // index into Report::months
  Kind kind = Kind::Article;
  std::string unit;
  std::vector<std::string> columns;
};

struct MonthState {
  Month month;
  bool begun = false;     // its first day in the period has come by `now`
  bool complete = false;  // the period holds the whole month and it is over
};

struct Shortfall {
  std::string column, column_title;
  std::string unit, unit_title;  // "" for the whole portal
  Month month;
  int count = 0, required = 0;
  bool month_complete = false;  // false: the month is still running or only partly in the period
  int missing() const { return required - count; }
};

struct Report {
  std::string site_title;
  Period period;
  int offset_minutes = 0;
  Timestamp now;
  // The last day the counts cover: `to`, or today when `to` is still ahead.
  // Files and pages show this, not the clock, so a finished quarter's report
  // stays byte-identical from one build to the next.
  Day as_of;
  std::vector<MonthState> months;
  std::vector<Entry> entries;  // by date, then source path
  Row portal;
  std::vector<Row> units;    // every configured unit, as listed, zeros included
  std::vector<Row> columns;  // every configured column by order; then items in no column, if any
  std::vector<Quota> quotas;          // what was checked, from the config; filled by check_quotas()
  std::vector<Shortfall> shortfalls;  // filled by check_quotas()
};

// Counts the products of `lib` published in `period`; quotas not yet checked.
Report tally(const Library& lib, const SiteConfig& config, const Period& period);

}  // namespace bangtin::report
