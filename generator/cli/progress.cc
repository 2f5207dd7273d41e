#include "cli/progress.h"

#include <cmath>

namespace bangtin {

// Below this many images the stage is over before a line would help.
constexpr size_t kWorthShowing = 5;

std::string spoken_duration(double seconds) {
  long s = std::lround(std::max(0.0, seconds));
  if (s < 60) return std::to_string(std::max(1L, s)) + " giây";
  if (s < 3600) return std::to_string(s / 60) + " phút" + (s % 60 ? " " + std::to_string(s % 60) + " giây" : "");
  return std::to_string(s / 3600) + " giờ" + (s % 3600 / 60 ? " " + std::to_string(s % 3600 / 60) + " phút" : "");
}

std::string progress_line(const std::string& label, size_t done, size_t total, double elapsed_seconds) {
  std::string line = label + ": " + std::to_string(done) + "/" + std::to_string(total);
  if (total > 0) line += " (" + std::to_string(done * 100 / total) + "%)";
  if (done > 0 && done < total)
    line += " · còn khoảng " + spoken_duration(elapsed_seconds / static_cast<double>(done) * static_cast<double>(total - done));
  if (done == total) line += " · xong trong " + spoken_duration(elapsed_seconds);
  return line;
}

Progress::Progress(std::string label, FILE* out, bool tty) : label_(std::move(label)), out_(out), tty_(tty) {}

void Progress::update(size_t done, size_t total) {
  if (total < kWorthShowing) return;
  std::lock_guard<std::mutex> lock(mu_);
  auto now = std::chrono::steady_clock::now();
  double elapsed = std::chrono::duration<double>(now - start_).count();
  if (tty_) {
    // A tenth of a second between redraws: faster only costs the terminal.
    if (done < total && now - last_draw_ < std::chrono::milliseconds(100)) return;
    last_draw_ = now;
    std::fprintf(out_, "\r\033[K%s", progress_line(label_, done, total, elapsed).c_str());
    drawn_ = true;
  } else {
    size_t tenth = done * 10 / total;
    if (tenth == last_tenth_) return;
    last_tenth_ = tenth;
    std::fprintf(out_, "%s\n", progress_line(label_, done, total, elapsed).c_str());
  }
  std::fflush(out_);
}

void Progress::finish() {
  std::lock_guard<std::mutex> lock(mu_);
  if (drawn_) std::fprintf(out_, "\n");
  drawn_ = false;
}

}  // namespace bangtin
