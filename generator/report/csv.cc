#include "report/csv.h"

namespace bangtin::report {

namespace {

std::vector<std::string> counts_fields(const Counts& c) {
  std::vector<std::string> out;
  for (int n : c.by_kind) out.push_back(std::to_string(n));
  out.push_back(std::to_string(c.total()));
  return out;
}

void add_rows(std::string& out, const Report& r, const std::string& group, const Row& row) {
  auto emit = [&](const std::string& when, const Counts& c) {
    // Counts are numbers, not text: they bypass csv_field's formula guard.
    std::string line = csv_field(group) + "," + csv_field(row.key) + "," + csv_field(row.title) + "," + csv_field(when);
    for (const std::string& n : counts_fields(c)) line += "," + n;
    out += line + "\r\n";
  };
  for (size_t m = 0; m < r.months.size(); ++m) emit("Tháng " + r.months[m].month.label(), row.months[m]);
  emit("Cả kỳ", row.period);
}

}  // namespace

std::string csv_field(std::string_view text) {
  std::string s(text);
  if (!s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@')) s.insert(0, "'");
  bool quote = s.find_first_of(",\"\r\n") != std::string::npos ||
               (!s.empty() && (s.front() == ' ' || s.back() == ' ' || s.front() == '\t'));
  if (!quote) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string csv_row(const std::vector<std::string>& fields) {
  std::string line;
  for (size_t i = 0; i < fields.size(); ++i) line += (i ? "," : "") + csv_field(fields[i]);
  return line + "\r\n";
}

std::string report_csv(const Report& r) {
  std::string out(kUtf8Bom);
  std::vector<std::string> header{"Nhóm", "Mã", "Tên", "Tháng"};
  for (Kind k : kReportKinds) header.push_back(kind_label(k));
  header.push_back("Tổng cộng");
  out += csv_row(header);
  add_rows(out, r, "Toàn cổng", r.portal);
  for (const Row& row : r.units) add_rows(out, r, "Đơn vị", row);
  for (const Row& row : r.columns) add_rows(out, r, "Chuyên mục", row);
  return out;
}

}  // namespace bangtin::report
