#include "report/json.h"

namespace bangtin::report {

namespace {

using ojson = nlohmann::ordered_json;

ojson counts_json(const Counts& c) {
  ojson o = ojson::object();
  for (Kind k : kReportKinds) o[kind_name(k)] = c.of(k);
  o["total"] = c.total();
  return o;
}

ojson row_json(const Report& r, const Row& row) {
  ojson o = ojson::object();
  o["key"] = row.key;
  o["title"] = row.title;
  o["total"] = counts_json(row.period);
  ojson months = ojson::array();
  for (size_t m = 0; m < r.months.size(); ++m)
    months.push_back({{"month", r.months[m].month.key()}, {"counts", counts_json(row.months[m])}});
  o["months"] = months;
  return o;
}

}  // namespace

ojson report_json(const Report& r) {
  ojson o = ojson::object();
  o["site"] = r.site_title;
  o["from"] = format_day(r.period.from);
  o["to"] = format_day(r.period.to);
  o["utc_offset"] = format_utc_offset(r.offset_minutes);
  o["as_of"] = format_day(r.as_of);
  ojson kinds = ojson::array();
  for (Kind k : kReportKinds) kinds.push_back({{"key", kind_name(k)}, {"label", kind_label(k)}});
  o["kinds"] = kinds;
  ojson months = ojson::array();
  for (const MonthState& m : r.months)
    months.push_back({{"month", m.month.key()}, {"begun", m.begun}, {"complete", m.complete}});
  o["months"] = months;
  o["portal"] = row_json(r, r.portal);
  ojson units = ojson::array(), columns = ojson::array();
  for (const Row& row : r.units) units.push_back(row_json(r, row));
  for (const Row& row : r.columns) columns.push_back(row_json(r, row));
  o["units"] = units;
  o["columns"] = columns;
  // The quotas themselves, so "no shortfalls" and "no quotas" read differently.
  ojson quotas = ojson::array();
  for (const Quota& q : r.quotas) quotas.push_back({{"column", q.column}, {"min_per_month", q.min_per_month}});
  ojson shortfalls = ojson::array();
  for (const Shortfall& s : r.shortfalls) {
    ojson f = ojson::object();
    f["column"] = s.column;
    f["column_title"] = s.column_title;
    f["unit"] = s.unit.empty() ? ojson(nullptr) : ojson(s.unit);
    f["unit_title"] = s.unit.empty() ? ojson(nullptr) : ojson(s.unit_title);
    f["month"] = s.month.key();
    f["count"] = s.count;
    f["required"] = s.required;
    f["missing"] = s.missing();
    f["month_complete"] = s.month_complete;
    shortfalls.push_back(f);
  }
  o["quotas"] = quotas;
  o["quota_shortfalls"] = shortfalls;
  return o;
}

std::string report_json_text(const Report& r) {
  // Titles come from validated UTF-8, but a report must never throw halfway.
  return report_json(r).dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace bangtin::report
