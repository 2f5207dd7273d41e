// `bangtin serve`: preview with live reload while writing.
#include <csignal>
#include <iostream>

#include "cli/commands.h"
#include "serve/preview.h"
#include "serve/watcher.h"

namespace bangtin {

namespace {

const char* kServeUsage = "usage: bangtin serve [--source DIR] [--port N] [--jobs N] [--timings]\n";
volatile std::sig_atomic_t g_stop = 0;
void on_signal(int) { g_stop = 1; }

}  // namespace

int run_serve(const std::vector<std::string>& args) {
  PreviewOptions o;
  int port = 1313;
  bool timings = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    bool has_value = i + 1 < args.size();
    try {
      if ((a == "--source" || a == "-s") && has_value) o.source = args[++i];
      else if ((a == "--port" || a == "-p") && has_value) port = std::stoi(args[++i]);
      else if ((a == "--jobs" || a == "-j") && has_value) o.jobs = std::stoi(args[++i]);
      else if (a == "--timings") timings = true;
      else if (a == "--help" || a == "-h") {
        std::cout << kServeUsage;
        return 0;
      } else throw std::invalid_argument(a);
    } catch (const std::exception&) {
      std::cerr << "bangtin: tùy chọn không hợp lệ: " << a << "\n" << kServeUsage;
      return 2;
    }
  }
  if (port < 0 || port > 65535) {
    std::cerr << "bangtin: --port phải từ 0 đến 65535\n";
    return 2;
  }
  Watcher watcher(o.source);
  if (!watcher.ok()) std::cerr << "bangtin: không theo dõi được thay đổi tệp (inotify); hãy tải lại trang bằng tay\n";
  Preview preview(o);
  int bound = preview.start(port);
  if (bound < 0) {
    std::cerr << "bangtin: không mở được cổng " << port << " (đang có chương trình khác dùng?); thử --port 0\n";
    return 1;
  }
  if (!preview.problems().empty()) std::cerr << preview.problems();
  std::cout << "bangtin: xem trước tại http://127.0.0.1:" << bound << "/ (bản nháp và bài hẹn giờ được hiện kèm nhãn)\n"
            << "bangtin: tự dựng lại khi lưu tệp; Ctrl+C để dừng\n"
            << std::flush;
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
  while (!g_stop) {
    std::string changed = watcher.wait_for_change(250);
    if (changed.empty()) continue;
    bool ok = preview.rebuild();
    std::cout << "bangtin: " << changed << " đổi → dựng lại " << static_cast<int>(preview.last_build_ms()) << " ms ("
              << preview.last_parsed() << " tệp đọc lại, " << preview.last_rendered() << " bài dựng lại Markdown)"
              << (ok ? "" : ", có lỗi:") << "\n";
    if (timings) std::cout << "bangtin: " << preview.last_timings() << "\n";
    std::cout << std::flush;
    if (!ok) std::cerr << preview.problems();
  }
  preview.stop();
  std::cout << "bangtin: đã dừng\n";
  return 0;
}

}  // namespace bangtin
