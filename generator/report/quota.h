// Quotas from site-config.json ("quotas": [{ "column", "min_per_month" }]):
// seed 004 asks for at least 2 administrative-reform items a month.
//
// A quota binds the whole portal, every month of the period that has begun.
// On a Department portal, wards post too, and the plan (seed 004) is the
// Department's own: so the office that owns the portal (default_unit) is
// also held to it, and listed where its own count falls short and differs
// from the portal's (where they are equal the portal line already says it).
// Other units are not held to the portal's quota: a ward that sends one item
// a quarter is not failing at anything.
#pragma once
#include "report/tally.h"

namespace bangtin::report {

// Fills report.shortfalls: for each quota in order, the portal's months,
// then the owning office's.
void check_quotas(Report& report, const SiteConfig& config);

// The whole report: tally() then check_quotas().
Report make_report(const Library& lib, const SiteConfig& config, const Period& period);

// "Cải cách hành chính – 05/2026: toàn cổng 1/2, thiếu 1 (chưa trọn tháng)"
std::string describe(const Shortfall& s);

}  // namespace bangtin::report
