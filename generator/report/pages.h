// The report section of the built portal, under /bao-cao/: an index with the
// year so far and one page per quarter of the current year that has
// products, each with its chart, tables, quota shortfalls and the same
// numbers as CSV and JSON files beside it. It is for the office and its
// superiors, not for the public: noindex, outside the sitemap, not in the
// menu, and only in the default language, the language of the forms.
#pragma once
#include <vector>

#include "core/output.h"
#include "outputs/pages.h"

namespace bangtin::report {

inline constexpr const char* kReportSegment = "bao-cao";

struct ReportSection {
  std::vector<PlannedPage> pages;
  std::vector<OutputFile> files;  // the CSV and JSON of each page
};

ReportSection plan_report_section(const SiteContext& ctx);

// "/bao-cao/quy-2-2026/"
std::string quarter_url(int year, int q);

}  // namespace bangtin::report
