#include "report/quota.h"

namespace bangtin::report {

namespace {

// Counts of `column`'s products per month: of `unit`, or of the whole portal when it is null.
std::vector<int> column_months(const Report& r, const std::string& column, const std::string* unit) {
  std::vector<int> n(r.months.size(), 0);
  for (const Entry& e : r.entries) {
    if (unit && e.unit != *unit) continue;
    for (const std::string& c : e.columns)
      if (c == column) ++n[e.month];
  }
  return n;
}

void add_shortfalls(Report& r, const Quota& q, const std::string& column_title, const std::string& unit,
                    const std::string& unit_title, const std::vector<int>& counts, const std::vector<int>* portal) {
  for (size_t m = 0; m < r.months.size(); ++m) {
    // A month that has not begun cannot be short yet.
    if (!r.months[m].begun || counts[m] >= q.min_per_month) continue;
    if (portal && (*portal)[m] == counts[m]) continue;
    r.shortfalls.push_back(
        {q.column, column_title, unit, unit_title, r.months[m].month, counts[m], q.min_per_month, r.months[m].complete});
  }
}

}  // namespace

void check_quotas(Report& r, const SiteConfig& config) {
  r.quotas = config.quotas;
  r.shortfalls.clear();
  const Unit* office = config.find_unit(config.default_unit);
  for (const Quota& q : config.quotas) {
    const Column* col = config.find_column(q.column);
    std::string title = col ? col->title : q.column;
    std::vector<int> portal = column_months(r, q.column, nullptr);
    add_shortfalls(r, q, title, "", "", portal, nullptr);
    if (office) add_shortfalls(r, q, title, office->key, office->title, column_months(r, q.column, &office->key), &portal);
  }
}

Report make_report(const Library& lib, const SiteConfig& config, const Period& period) {
  Report r = tally(lib, config, period);
  check_quotas(r, config);
  return r;
}

std::string describe(const Shortfall& s) {
  std::string who = s.unit.empty() ? "toàn cổng" : s.unit_title;
  std::string text = s.column_title + " – " + s.month.label() + ": " + who + " " + std::to_string(s.count) + "/" +
                     std::to_string(s.required) + ", thiếu " + std::to_string(s.missing());
  if (!s.month_complete) text += " (chưa trọn tháng)";
  return text;
}

}  // namespace bangtin::report
