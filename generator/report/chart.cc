#include "report/chart.h"

#include <algorithm>
#include <cstdio>

#include "core/text.h"

namespace bangtin::report {

namespace {

constexpr double kWidth = 640, kHeight = 320;
constexpr double kLeft = 44, kRight = 12, kTop = 48, kBottom = 40;

// Fixed, colour-blind-distinguishable colours, one per kind in kReportKinds
// order; a site can restyle them through the k-KIND classes.
constexpr const char* kColors[] = {"#1f5fa8", "#e08a1e", "#b03a2e", "#2e8b57", "#6c5b7b"};

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

// Code points, for the width of a label: Vietnamese letters take 2–3 bytes.
size_t letters(const std::string& s) { return code_points(s); }

// The smallest step of 1, 2 or 5 × 10^k that draws the axis in at most 5 steps.
int axis_step(int max) {
  for (int scale = 1;; scale *= 10)
    for (int m : {1, 2, 5})
      if (static_cast<long>(m) * scale * 5 >= max) return m * scale;
}

}  // namespace

std::string month_kind_chart(const Report& r, const std::string& id) {
  const double plot_w = kWidth - kLeft - kRight, plot_h = kHeight - kTop - kBottom;
  std::string title = "Số sản phẩm theo tháng và loại, " + r.period.label();
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"report-chart\" viewBox=\"0 0 " + num(kWidth) +
                    " " + num(kHeight) + "\" role=\"img\" aria-labelledby=\"" + escape_xml(id) +
                    "\" font-family=\"sans-serif\" font-size=\"12\">\n<title id=\"" + escape_xml(id) + "\">" +
                    escape_xml(title) + "</title>\n";

  // Legend across the top, one swatch per kind.
  double x = kLeft;
  for (size_t k = 0; k < kReportKinds.size(); ++k) {
    std::string label = kind_label(kReportKinds[k]);
    svg += "<g class=\"legend k-" + std::string(kind_name(kReportKinds[k])) + "\"><rect x=\"" + num(x) +
           "\" y=\"10\" width=\"12\" height=\"12\" fill=\"" + kColors[k] + "\"/><text x=\"" + num(x + 16) +
           "\" y=\"20\">" + escape_xml(label) + "</text></g>\n";
    x += 16 + 6.5 * static_cast<double>(letters(label)) + 18;
  }

  int max = 0;
  for (size_t m = 0; m < r.months.size(); ++m) max = std::max(max, r.portal.months[m].total());
  int step = axis_step(std::max(max, 1));
  int top = std::max(step, (max + step - 1) / step * step);
  auto y_of = [&](double v) { return kTop + plot_h - plot_h * v / top; };

  for (int v = 0; v <= top; v += step) {
    std::string y = num(y_of(v));
    svg += "<line x1=\"" + num(kLeft) + "\" y1=\"" + y + "\" x2=\"" + num(kWidth - kRight) + "\" y2=\"" + y +
           "\" stroke=\"#ccc\" stroke-width=\"1\"/><text x=\"" + num(kLeft - 6) + "\" y=\"" + num(y_of(v) + 4) +
           "\" text-anchor=\"end\">" + std::to_string(v) + "</text>\n";
  }

  size_t n = std::max<size_t>(r.months.size(), 1);
  double slot = plot_w / static_cast<double>(n);
  double bar = std::min(56.0, slot * 0.6);
  for (size_t m = 0; m < r.months.size(); ++m) {
    const Counts& c = r.portal.months[m];
    std::string month = r.months[m].month.label();
    double bx = kLeft + slot * static_cast<double>(m) + (slot - bar) / 2;
    double base = 0;
    svg += "<g class=\"month\">";
    for (size_t k = 0; k < kReportKinds.size(); ++k) {
      int v = c.by_kind[k];
      if (v == 0) continue;
      svg += "<rect class=\"k-" + std::string(kind_name(kReportKinds[k])) + "\" x=\"" + num(bx) + "\" y=\"" +
             num(y_of(base + v)) + "\" width=\"" + num(bar) + "\" height=\"" + num(y_of(base) - y_of(base + v)) +
             "\" fill=\"" + kColors[k] + "\"><title>" +
             escape_xml("Tháng " + month + " – " + kind_label(kReportKinds[k]) + ": " + std::to_string(v)) +
             "</title></rect>";
      base += v;
    }
    double cx = bx + bar / 2;
    svg += "<text x=\"" + num(cx) + "\" y=\"" + num(y_of(base) - 4) + "\" text-anchor=\"middle\" font-weight=\"bold\">" +
           std::to_string(c.total()) + "</text><text x=\"" + num(cx) + "\" y=\"" + num(kTop + plot_h + 18) +
           "\" text-anchor=\"middle\">" + escape_xml(month) + "</text></g>\n";
  }
  svg += "<line x1=\"" + num(kLeft) + "\" y1=\"" + num(kTop + plot_h) + "\" x2=\"" + num(kWidth - kRight) + "\" y2=\"" +
         num(kTop + plot_h) + "\" stroke=\"#333\" stroke-width=\"1\"/>\n</svg>";
  return svg;
}

}  // namespace bangtin::report
