// Counts and quota shortfalls on tests/sites/valid-report, whose numbers are
// known: see the item list in the comments below.
//
// Q2 2026 (now = 10/07/2026, so April–June are complete):
//   04: t4-cchc-1 (article, so, CCHC, at 00:00 on 1 April), t4-cchc-2 (article,
//       phuong-a, CCHC + tin-tuc), t4-info (infographic, so, van-hoa), t4-dich
//       (article, xa-b, tin-tuc; its English version is the same product)
//   05: t5-cchc (article, so, CCHC), t5-video (video, xa-b, van-hoa), t5-audio
//       (audio, phuong-a, tin-tuc), t5-het-han (article, so, tin-tuc, expired
//       since 01/06 but published in May); t5-nhap is a draft
//   06: t6-tin (article, so, tin-tuc), t6-van-ban (document, so, CCHC, 23:59 on 30 June)
// Q3: t7-cchc at 00:30 on 1 July (+07:00), i.e. 30 June in UTC; t7-hen-gio is scheduled.
#include <doctest/doctest.h>

#include "report/quota.h"
#include "../site/test_support.h"

using namespace bangtin;
using namespace bangtin::report;
using namespace bangtin::testing;

namespace {

const std::string kNow = "2026-07-10T12:00:00+07:00";
#define kReportSite (kSites + "/valid-report")

struct Fixture {
  BuildResult built;
  SiteConfig config;
  explicit Fixture(const std::string& now = kNow) : built(build_in_memory(kReportSite, now)) {
    Diagnostics d;
    REQUIRE(built.ok());
    REQUIRE(load_config(kReportSite, config, d));
  }
  Report make(Day from, Day to) const { return make_report(*built.library, config, Period{from, to}); }
};

const Row& row(const std::vector<Row>& rows, const std::string& key) {
  for (const Row& r : rows)
    if (r.key == key) return r;
  FAIL("no row " << key);
  return rows.front();
}

}  // namespace

TEST_CASE("Q2 counts per month and kind; drafts, scheduled items, pages and translations do not add") {
  Fixture f;
  Report r = f.make({2026, 4, 1}, {2026, 6, 30});
  REQUIRE(r.months.size() == 3);
  CHECK(r.entries.size() == 10);
  CHECK(r.portal.period.total() == 10);
  CHECK(r.portal.period.of(Kind::Article) == 6);
  CHECK(r.portal.period.of(Kind::Infographic) == 1);
  CHECK(r.portal.period.of(Kind::Video) == 1);
  CHECK(r.portal.period.of(Kind::Audio) == 1);
  CHECK(r.portal.period.of(Kind::Document) == 1);
  CHECK(r.portal.months[0].total() == 4);
  CHECK(r.portal.months[0].of(Kind::Article) == 3);
  CHECK(r.portal.months[1].total() == 4);
  CHECK(r.portal.months[1].of(Kind::Article) == 2);  // the expired notice counts, the draft does not
  CHECK(r.portal.months[2].total() == 2);
  CHECK(r.portal.months[2].of(Kind::Document) == 1);  // 23:59 on 30 June stays in June
  for (const MonthState& m : r.months) CHECK(m.complete);
}

TEST_CASE("Q2 counts per unit and per column") {
  Fixture f;
  Report r = f.make({2026, 4, 1}, {2026, 6, 30});
  REQUIRE(r.units.size() == 4);  // every configured unit, in config order, zeros included
  CHECK(r.units[0].key == "so");
  CHECK(row(r.units, "so").period.total() == 6);
  CHECK(row(r.units, "so").period.of(Kind::Article) == 4);
  CHECK(row(r.units, "phuong-a").period.total() == 2);
  CHECK(row(r.units, "phuong-a").months[1].of(Kind::Audio) == 1);
  CHECK(row(r.units, "xa-b").period.total() == 2);
  CHECK(row(r.units, "phuong-c").period.total() == 0);
  REQUIRE(r.columns.size() == 3);  // every item has a column: no "no column" row
  CHECK(row(r.columns, "tin-tuc").period.total() == 5);
  CHECK(row(r.columns, "cai-cach-hanh-chinh").period.total() == 4);
  CHECK(row(r.columns, "cai-cach-hanh-chinh").months[0].total() == 2);
  CHECK(row(r.columns, "van-hoa").period.total() == 2);
}

TEST_CASE("Q2 quota shortfalls: the portal's months, then the owning office's where they differ") {
  Fixture f;
  Report r = f.make({2026, 4, 1}, {2026, 6, 30});
  std::vector<std::string> got;
  for (const Shortfall& s : r.shortfalls) got.push_back(describe(s));
  std::vector<std::string> want{
      "Cải cách hành chính – 05/2026: toàn cổng 1/2, thiếu 1",
      "Cải cách hành chính – 06/2026: toàn cổng 1/2, thiếu 1",
      // The portal met April only thanks to Phường A; in May and June the
      // office's count equals the portal's, so no second line repeats it.
      "Cải cách hành chính – 04/2026: Sở Văn hóa và Thể thao 1/2, thiếu 1",
  };
  CHECK(got == want);
  CHECK(r.shortfalls[2].unit == "so");
  CHECK(r.shortfalls[2].missing() == 1);
  CHECK(r.shortfalls[0].unit.empty());
  CHECK(r.shortfalls[0].month_complete);
}

TEST_CASE("the running quarter: months not begun are not short, the running one is flagged") {
  Fixture f;
  Report r = f.make({2026, 7, 1}, {2026, 9, 30});
  REQUIRE(r.months.size() == 3);
  CHECK(r.months[0].begun);
  CHECK_FALSE(r.months[0].complete);
  CHECK_FALSE(r.months[1].begun);
  // 00:30 on 1 July in Hà Nội is 30 June in UTC: it counts in July.
  CHECK(r.portal.months[0].total() == 1);
  CHECK(r.portal.period.total() == 1);  // the scheduled item of 20 July is not published yet
  REQUIRE(r.shortfalls.size() == 1);  // the office's July is the portal's July: one line
  CHECK(describe(r.shortfalls[0]) == "Cải cách hành chính – 07/2026: toàn cổng 1/2, thiếu 1 (chưa trọn tháng)");
  CHECK_FALSE(r.shortfalls[0].month_complete);
}

TEST_CASE("a scheduled item counts once it is published, in the month of its date") {
  Fixture f("2026-08-01T00:00:00+07:00");
  Report r = f.make({2026, 7, 1}, {2026, 7, 31});
  CHECK(r.portal.period.total() == 2);
  CHECK(row(r.columns, "cai-cach-hanh-chinh").months[0].total() == 2);
  CHECK(r.shortfalls.empty());
}

TEST_CASE("Q1: every begun month is checked, an empty one is short by the whole quota") {
  Fixture f;
  Report r = f.make({2026, 1, 1}, {2026, 3, 31});
  CHECK(r.portal.period.total() == 2);
  REQUIRE(r.shortfalls.size() == 3);
  CHECK(describe(r.shortfalls[0]) == "Cải cách hành chính – 01/2026: toàn cổng 0/2, thiếu 2");
  CHECK(describe(r.shortfalls[2]) == "Cải cách hành chính – 03/2026: toàn cổng 1/2, thiếu 1");
}

TEST_CASE("a period that cuts a month marks it partial") {
  Fixture f;
  Report r = f.make({2026, 4, 10}, {2026, 5, 31});
  REQUIRE(r.months.size() == 2);
  CHECK_FALSE(r.months[0].complete);
  CHECK(r.months[1].complete);
  CHECK(r.portal.months[0].total() == 3);  // t4-cchc-1 on 1 April is outside
}
