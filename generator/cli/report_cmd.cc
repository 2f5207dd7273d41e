// `bangtin report`: the monthly and quarterly counts offices send upward
// (seed 000, seed 003 appendix 02, seed 004), from the same Library a build
// makes, so the report and the portal never disagree.
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "config/config.h"
#include "core/disk.h"
#include "report/csv.h"
#include "report/json.h"
#include "report/quota.h"
#include "report/summary.h"
#include "site/build.h"

namespace bangtin {

namespace {

const char* kReportUsage =
    "cách dùng: bangtin report [--source DIR] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--out DIR] [--now TIME]\n"
    "  mặc định: từ đầu quý hiện tại đến hôm nay; tệp CSV và JSON ghi vào thư mục hiện tại\n";

struct ReportFlags {
  std::string source = ".", from, to, out = ".", now;
};

// False (after saying why) when the command line is wrong.
bool parse_report_flags(const std::vector<std::string>& args, ReportFlags& f) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string& out) {
      if (i + 1 >= args.size() || args[i + 1].empty()) {
        std::cerr << "bangtin: " << a << " cần một giá trị\n" << kReportUsage;
        return false;
      }
      out = args[++i];
      return true;
    };
    if (a == "--source" || a == "-s") { if (!value(f.source)) return false; }
    else if (a == "--from") { if (!value(f.from)) return false; }
    else if (a == "--to") { if (!value(f.to)) return false; }
    else if (a == "--out" || a == "-o") { if (!value(f.out)) return false; }
    else if (a == "--now") { if (!value(f.now)) return false; }
    else if (a == "--help" || a == "-h") {
      std::cout << kReportUsage;
      std::exit(0);
    } else {
      std::cerr << "bangtin: không có tùy chọn " << a << "\n" << kReportUsage;
      return false;
    }
  }
  for (const std::string* d : {&f.from, &f.to})
    if (!d->empty() && !report::parse_day(*d)) {
      std::cerr << "bangtin: \"" << *d << "\" không phải ngày hợp lệ; viết theo dạng 2026-04-01\n";
      return false;
    }
  // The site's offset is not known yet; any offset tells a valid time from a wrong one.
  if (!f.now.empty() && !parse_iso_datetime(f.now, 0)) {
    std::cerr << "bangtin: --now \"" << f.now << "\" không phải ngày giờ hợp lệ; viết theo dạng 2026-01-19T08:00:00+07:00\n";
    return false;
  }
  return true;
}

}  // namespace

int run_report(const std::vector<std::string>& args) {
  ReportFlags f;
  if (!parse_report_flags(args, f)) return 2;

  BuildOptions o;
  o.source = f.source;
  o.now = f.now;
  o.write = false;
  RealDisk disk;
  BuildResult built = build_site(o, disk);
  SiteConfig config;
  Diagnostics config_diags;
  if (!built.ok() || !built.library || !load_config(f.source, config, config_diags)) {
    std::cerr << format_report(built.diags.sorted(), f.source);
    std::cerr << "bangtin: nội dung có lỗi, chưa lập được báo cáo; hãy sửa rồi chạy lại\n";
    return 1;
  }
  const Library& lib = *built.library;

  report::Day today = report::day_of(lib.now, config.utc_offset_minutes);
  // --from alone runs to today; --to alone starts at the beginning of its quarter.
  report::Period period = report::quarter_to_date(today);
  if (!f.to.empty()) period = report::quarter_to_date(*report::parse_day(f.to));
  if (!f.from.empty()) period.from = *report::parse_day(f.from);
  if (period.to < period.from) {
    std::cerr << "bangtin: ngày bắt đầu " << report::format_day_vi(period.from) << " sau ngày kết thúc "
              << report::format_day_vi(period.to) << "\n" << kReportUsage;
    return 2;
  }

  report::Report r = report::make_report(lib, config, period);
  std::string stem = (std::filesystem::path(f.out) / period.file_stem()).string();
  for (const auto& [path, bytes] : {std::pair{stem + ".csv", report::report_csv(r)},
                                    std::pair{stem + ".json", report::report_json_text(r)}}) {
    Status s = disk.write_file(path, bytes);
    if (!s.is_ok()) {
      std::cerr << "bangtin: không ghi được " << path << ": " << s.message() << "\n";
      return 1;
    }
  }
  std::cout << report::summary_text(r, config) << "\nĐã ghi:\n  " << stem << ".csv\n  " << stem << ".json\n";
  return 0;
}

}  // namespace bangtin
