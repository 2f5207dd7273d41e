// What `bangtin report` prints: the report as plain-text tables an editor can
// read in a terminal or paste into an e-mail, in Vietnamese.
#pragma once
#include <string>

#include "config/config.h"
#include "report/tally.h"

namespace bangtin::report {

// Months × kinds, then the units that have products (and the names of those
// that have none), the columns, and the quotas with every month that falls
// short. Columns are aligned by letters, not bytes.
std::string summary_text(const Report& report, const SiteConfig& config);

}  // namespace bangtin::report
