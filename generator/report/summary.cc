#include "report/summary.h"

#include <algorithm>

#include "core/text.h"
#include "report/quota.h"

namespace bangtin::report {

namespace {

// Code points: Vietnamese letters take 2–3 bytes but one column on screen.
size_t width(const std::string& s) { return code_points(s); }

std::string pad_right(const std::string& s, size_t w) { return s + std::string(w - std::min(w, width(s)), ' '); }
std::string pad_left(const std::string& s, size_t w) { return std::string(w - std::min(w, width(s)), ' ') + s; }

// A table: a first column of labels, then numbers under headings.
class Table {
 public:
  explicit Table(std::vector<std::string> header) : rows_{std::move(header)} {}
  void add(const std::string& label, const Counts& c) {
    std::vector<std::string> row{label};
    for (int n : c.by_kind) row.push_back(std::to_string(n));
    row.push_back(std::to_string(c.total()));
    rows_.push_back(std::move(row));
  }
  std::string text() const {
    std::vector<size_t> w(rows_[0].size(), 0);
    for (const auto& row : rows_)
      for (size_t i = 0; i < row.size(); ++i) w[i] = std::max(w[i], width(row[i]));
    std::string out;
    for (const auto& row : rows_) {
      std::string line = "  " + pad_right(row[0], w[0]);
      for (size_t i = 1; i < row.size(); ++i) line += "  " + pad_left(row[i], w[i]);
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out += line + "\n";
    }
    return out;
  }

 private:
  std::vector<std::vector<std::string>> rows_;
};

std::vector<std::string> header(const std::string& first) {
  std::vector<std::string> h{first};
  for (Kind k : kReportKinds) h.push_back(kind_label(k));
  h.push_back("Tổng");
  return h;
}

}  // namespace

std::string summary_text(const Report& r, const SiteConfig& config) {
  std::string out = "Báo cáo sản phẩm truyền thông – " + r.site_title + "\n";
  out += "Kỳ báo cáo: " + r.period.label() + " (số liệu lúc " + format_vietnamese(r.now, r.offset_minutes) + ")\n\n";

  Table months(header("Tháng"));
  for (size_t m = 0; m < r.months.size(); ++m)
    months.add(r.months[m].month.label() + (r.months[m].complete ? "" : " (chưa trọn tháng)"), r.portal.months[m]);
  months.add("Cả kỳ", r.portal.period);
  out += months.text();

  Table units(header("Đơn vị"));
  std::vector<std::string> idle;
  for (const Row& row : r.units) {
    if (row.period.total() > 0) units.add(row.title, row.period);
    else idle.push_back(row.title);
  }
  out += "\nTheo đơn vị:\n";
  if (idle.size() < r.units.size()) out += units.text();
  if (!idle.empty()) {
    out += "  Chưa có sản phẩm trong kỳ (" + std::to_string(idle.size()) + " đơn vị): ";
    for (size_t i = 0; i < idle.size(); ++i) out += (i ? ", " : "") + idle[i];
    out += "\n";
  }

  Table columns(header("Chuyên mục"));
  for (const Row& row : r.columns) columns.add(row.title, row.period);
  out += "\nTheo chuyên mục (một mục thuộc nhiều chuyên mục được tính ở mỗi chuyên mục):\n" + columns.text();

  out += "\nChỉ tiêu:\n";
  if (config.quotas.empty()) out += "  site-config.json chưa đặt chỉ tiêu nào (\"quotas\").\n";
  for (const Quota& q : config.quotas) {
    const Column* col = config.find_column(q.column);
    out += "  " + (col ? col->title : q.column) + ": ít nhất " + std::to_string(q.min_per_month) + " mục mỗi tháng\n";
  }
  if (!config.quotas.empty()) {
    if (r.shortfalls.empty()) out += "  Mọi tháng trong kỳ đều đạt chỉ tiêu.\n";
    else out += "  Chưa đạt (" + std::to_string(r.shortfalls.size()) + "):\n";
    for (const Shortfall& s : r.shortfalls) out += "    - " + describe(s) + "\n";
  }
  return out;
}

}  // namespace bangtin::report
