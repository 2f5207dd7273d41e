#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "cli/progress.h"
#include "core/paths.h"
#include "core/text.h"
#include <nlohmann/json.hpp>
#include "site/build.h"
#include "site/up_to_date.h"

namespace bangtin {

namespace {

const char* kBuildUsage =
    "usage: bangtin build [--source DIR] [--output DIR] [--now TIME] [--base-url URL] [--jobs N] [--timings] [--no-precompress]\n"
    "                    [--image-cache DIR] [--force]\n";
const char* kCheckUsage = "usage: bangtin check [--source DIR] [--now TIME] [--format text|json] [--image-cache DIR]\n";

// Returns false (after printing why) when the flags are wrong.
bool parse_flags(const std::vector<std::string>& args, BuildOptions& o, bool& timings, std::string& format, bool check,
                 const char* usage) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string& out) {
      if (i + 1 >= args.size()) {
        std::cerr << "bangtin: " << a << " cần một giá trị\n" << usage;
        return false;
      }
      out = args[++i];
      return true;
    };
    if (a == "--source" || a == "-s") { if (!value(o.source)) return false; }
    else if (a == "--now") { if (!value(o.now)) return false; }
    else if (!check && (a == "--output" || a == "-o")) { if (!value(o.output)) return false; }
    else if (!check && a == "--base-url") { if (!value(o.base_url)) return false; }
    else if (!check && a == "--timings") timings = true;
    else if (!check && a == "--no-precompress") o.precompress = false;
    else if (!check && a == "--force") o.force = true;
    else if (a == "--image-cache") {
      if (!value(o.image_cache)) return false;
      o.image_cache = std::filesystem::absolute(o.image_cache).lexically_normal().string();
    }
    else if (check && a == "--format") {
      if (!value(format)) return false;
      if (format != "text" && format != "json") {
        std::cerr << "bangtin: --format là text hoặc json\n" << usage;
        return false;
      }
    }
    else if (a == "--jobs" || a == "-j" || a == "--threads") {
      std::string n;
      if (!value(n)) return false;
      try { o.jobs = std::stoi(n); } catch (...) { o.jobs = -1; }
      if (o.jobs < 1 || o.jobs > 256) {
        std::cerr << "bangtin: --jobs nhận một số từ 1 đến 256\n";
        return false;
      }
    } else if (a == "--help" || a == "-h") {
      std::cout << usage;
      std::exit(0);
    } else {
      std::cerr << "bangtin: không có tùy chọn " << a << "\n" << usage;
      return false;
    }
  }
  return true;
}

// The file is named here only: rebuild.json is public and gives the time
// alone, since the file may be a story under embargo.
void print_next_change(const std::string& when, const std::string& source) {
  std::cout << "bangtin: lần thay đổi theo lịch tiếp theo: " << when << " (" << source
            << "); rebuild.json chỉ ghi thời điểm, không ghi tên tệp\n";
}

int report(const BuildResult& r, const BuildOptions& o, bool timings, bool check) {
  auto diags = r.diags.sorted();
  std::cerr << format_report(diags, o.source);
  if (!r.write_status.is_ok()) std::cerr << "bangtin: " << r.write_status.message() << "\n";
  if (timings)
    for (const auto& t : r.timings)
      std::fprintf(stderr, "  %-10s %8.1f ms  %7.0f MiB  cpu %7.1f ms\n", t.stage.c_str(), t.ms, t.peak_mib, t.cpu_ms);
  if (!r.ok()) {
    std::cerr << (check ? "bangtin: nội dung có lỗi, cần sửa trước khi đăng\n"
                        : "bangtin: dựng trang không thành công; bản đang chạy được giữ nguyên\n");
    return 1;
  }
  if (check) {
    std::cout << "bangtin: " << r.items << " mục đã kiểm tra, không có lỗi\n";
  } else {
    std::cout << "bangtin: " << r.items << " mục, " << r.pages << " trang, " << r.file_count << " tệp → "
              << (o.output.empty() ? o.source + "/public" : o.output) << "\n";
  }
  if (r.images_encoded > 0 || r.images_pruned > 0)
    std::cout << "bangtin: ảnh: " << r.images_encoded << " bản mới, " << r.images_reused << " lấy từ bộ nhớ đệm"
              << (r.images_pruned ? ", đã dọn " + std::to_string(r.images_pruned) + " bản cũ không còn dùng" : "")
              << "\n";
  if (r.next_change) print_next_change(r.next_change_iso, r.next_change_source);
  return 0;
}

BuildResult build_with_progress(BuildOptions& o, Disk& disk) {
  Progress progress("bangtin: ảnh", stderr, isatty(STDERR_FILENO));
  o.image_progress = [&](size_t done, size_t total) { progress.update(done, total); };
  BuildResult r = build_site(o, disk);
  progress.finish();
  return r;
}

}  // namespace

int run_build(const std::vector<std::string>& args) {
  BuildOptions o;
  bool timings = false;
  std::string format;
  if (!parse_flags(args, o, timings, format, false, kBuildUsage)) return 2;
  auto start = std::chrono::steady_clock::now();
  std::string record_file = record_path(o);
  std::optional<BuildRecord> last = read_record(record_file);
  std::vector<std::string> site_files_before = last ? last->site_files : std::vector<std::string>{};
  std::string walked = fingerprint_inputs(o);
  std::string inputs = walked + "+" + fingerprint_site_files(o, site_files_before);
  if (last && !o.force) {
    std::optional<Timestamp> now = build_clock(o, *last);
    if (now && output_is_current(*last, inputs, *now, output_folder(o, o.source))) {
      double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
      if (timings) std::fprintf(stderr, "  %-10s %8.1f ms\n", "up-to-date", ms);
      std::cout << "bangtin: không có gì thay đổi từ lần dựng trước (" << format_iso(last->built_at, last->utc_offset_minutes)
                << "): " << last->items << " mục, " << last->pages << " trang, " << last->files
                << " tệp giữ nguyên → " << output_folder(o, o.source) << " (dựng lại toàn bộ: --force)\n";
      if (last->next_change)
        print_next_change(format_iso(*last->next_change, last->utc_offset_minutes), last->next_change_source);
      return 0;
    }
  }
  RealDisk disk;
  SiteFileLog looked_up;
  BuildResult r = build_with_progress(o, disk);
  std::vector<std::string> site_files = outside_walked_folders(looked_up.paths());
  if (site_files != site_files_before) {
    // The fingerprint must stamp the files this build looked up, known only
    // now: taken again, unless something under the walked folders changed
    // while the build ran (then no record: the next build builds).
    inputs = fingerprint_inputs(o) == walked ? walked + "+" + fingerprint_site_files(o, site_files) : std::string();
  }
  // A record that cannot be written only costs the next build its shortcut.
  std::optional<BuildRecord> record = inputs.empty() ? std::nullopt : record_of(r, o, std::move(inputs));
  if (record) {
    record->site_files = std::move(site_files);
    write_record(record_file, *record);
  }
  return report(r, o, timings, false);
}

int run_check(const std::vector<std::string>& args) {
  BuildOptions o;
  bool timings = false;
  std::string format = "text";
  if (!parse_flags(args, o, timings, format, true, kCheckUsage)) return 2;
  o.write = false;
  o.lint = true;
  RealDisk disk;
  BuildResult r = format == "json" ? build_site(o, disk) : build_with_progress(o, disk);
  if (format == "json") {
    // For an editor's tool or CI annotations: one object per problem.
    nlohmann::json out = nlohmann::json::array();
    for (const auto& d : r.diags.sorted())
      out.push_back({{"severity", d.severity == Severity::Error ? "error" : "warning"},
                     {"path", d.path}, {"line", d.line}, {"message", d.message}, {"hint", d.hint}});
    std::cout << out.dump(2) << "\n";
    return r.ok() ? 0 : 1;
  }
  return report(r, o, timings, true);
}

}  // namespace bangtin
