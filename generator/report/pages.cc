#include "report/pages.h"

#include <memory>

#include "report/chart.h"
#include "report/csv.h"
#include "report/json.h"
#include "report/quota.h"

namespace bangtin::report {

namespace {

const char* roman(int q) {
  static const char* const r[] = {"I", "II", "III", "IV"};
  return r[q - 1];
}

Json cells(const Counts& c) {
  Json out = Json::array();
  for (int n : c.by_kind) out.push_back({{"n", std::to_string(n)}});
  return out;
}

Json row_lines(const std::vector<Row>& rows) {
  Json out = Json::array();
  for (const Row& row : rows)
    out.push_back({{"title", row.title}, {"cells", cells(row.period)}, {"total", std::to_string(row.period.total())}});
  return out;
}

// What report.mustache shows; `files` are the CSV and JSON written beside the page.
Json report_view(const SiteContext& ctx, const Report& r, const std::string& page_url, const std::string& chart_id) {
  Json kinds = Json::array();
  for (Kind k : kReportKinds) kinds.push_back({{"label", kind_label(k)}});
  Json months = Json::array();
  for (size_t m = 0; m < r.months.size(); ++m)
    months.push_back({{"label", r.months[m].month.label()},
                      {"partial", !r.months[m].complete},
                      {"cells", cells(r.portal.months[m])},
                      {"total", std::to_string(r.portal.months[m].total())}});
  Json quotas = Json::array();
  for (const Quota& q : ctx.config.quotas) {
    const Column* col = ctx.config.find_column(q.column);
    quotas.push_back({{"text", (col ? col->title : q.column) + ": ít nhất " + std::to_string(q.min_per_month) +
                                   " mục mỗi tháng"}});
  }
  Json shortfalls = Json::array();
  for (const Shortfall& s : r.shortfalls) shortfalls.push_back({{"text", describe(s)}});
  std::string stem = r.period.file_stem();
  return {{"period", r.period.label()},
          {"as_of", format_day_vi(r.as_of)},
          {"chart", month_kind_chart(r, chart_id)},
          {"kinds", kinds},
          {"months", months},
          {"total", {{"cells", cells(r.portal.period)}, {"total", std::to_string(r.portal.period.total())}}},
          {"units", row_lines(r.units)},
          {"columns", row_lines(r.columns)},
          {"quotas", quotas},
          {"has_quotas", !quotas.empty()},
          {"shortfalls", shortfalls},
          {"has_shortfalls", !shortfalls.empty()},
          {"quotas_met", !quotas.empty() && shortfalls.empty()},
          {"csv", {{"url", ctx.href(page_url + stem + ".csv")}, {"name", stem + ".csv"}}},
          {"json", {{"url", ctx.href(page_url + stem + ".json")}, {"name", stem + ".json"}}}};
}

PlannedPage report_page(const SiteContext& ctx, const Report& r, const std::string& title, const std::string& url,
                        Json extra) {
  PlannedPage p;
  p.info.lang = ctx.config.default_language;
  p.info.title = title;
  p.info.description = "Số sản phẩm truyền thông đã đăng, " + r.period.label();
  p.info.url = url;
  p.info.template_name = "report";
  p.info.noindex = true;
  p.in_sitemap = false;
  // Made once here, not per render: the view only copies it.
  Json view = report_view(ctx, r, url, "report-chart-title");
  for (auto it = extra.begin(); it != extra.end(); ++it) view[it.key()] = it.value();
  auto shared = std::make_shared<const Json>(Json{{"report", std::move(view)}});
  p.view = [shared](const SiteContext&) { return *shared; };
  return p;
}

void add_files(ReportSection& s, const Report& r, const std::string& url) {
  std::string dir = url.substr(1);  // "bao-cao/quy-2-2026/"
  s.files.push_back({dir + r.period.file_stem() + ".csv", report_csv(r), ""});
  s.files.push_back({dir + r.period.file_stem() + ".json", report_json_text(r), ""});
}

}  // namespace

std::string quarter_url(int year, int q) {
  return "/" + std::string(kReportSegment) + "/quy-" + std::to_string(q) + "-" + std::to_string(year) + "/";
}

ReportSection plan_report_section(const SiteContext& ctx) {
  ReportSection s;
  Day today = day_of(ctx.lib.now, ctx.config.utc_offset_minutes);
  std::string index_url = "/" + std::string(kReportSegment) + "/";
  std::string index_title = "Báo cáo sản phẩm truyền thông năm " + std::to_string(today.year);

  Json quarters = Json::array();
  for (int q = 1; q <= quarter_of(today); ++q) {
    Period p = quarter(today.year, q);
    if (today < p.to) p.to = today;  // the running quarter: up to today, as `bangtin report` does
    Report r = make_report(ctx.lib, ctx.config, p);
    if (r.entries.empty()) continue;
    std::string url = quarter_url(today.year, q);
    std::string title = "Báo cáo quý " + std::string(roman(q)) + "/" + std::to_string(today.year);
    PlannedPage page = report_page(ctx, r, title, url, Json::object());
    page.info.breadcrumbs.push_back({index_title, index_url});
    s.pages.push_back(std::move(page));
    add_files(s, r, url);
    quarters.push_back({{"title", title},
                        {"url", ctx.href(url)},
                        {"period", r.period.label()},
                        {"total", std::to_string(r.portal.period.total())},
                        {"shortfalls", std::to_string(r.shortfalls.size())}});
  }

  Report year = make_report(ctx.lib, ctx.config, Period{{today.year, 1, 1}, today});
  Json extra = {{"quarters", quarters}, {"has_quarters", !quarters.empty()}, {"is_index", true}};
  // The index first, so the plan reads top-down.
  s.pages.insert(s.pages.begin(), report_page(ctx, year, index_title, index_url, extra));
  add_files(s, year, index_url);
  return s;
}

}  // namespace bangtin::report
