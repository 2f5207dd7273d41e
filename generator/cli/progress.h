// The progress of a long stage (encoding images) for the person waiting: one
// line redrawn in place on a terminal, plain lines at every tenth in a log.
#pragma once
#include <chrono>
#include <cstdio>
#include <mutex>
#include <string>

namespace bangtin {

// "Ảnh: 120/500 (24%) · còn khoảng 1 phút 20 giây"; no estimate before the
// first is done.
std::string progress_line(const std::string& label, size_t done, size_t total, double elapsed_seconds);
// "45 giây", "1 phút 20 giây", "2 giờ 5 phút".
std::string spoken_duration(double seconds);

class Progress {
 public:
  // `tty`: redraw one line (stderr is a terminal); otherwise print lines.
  Progress(std::string label, FILE* out, bool tty);
  // Safe to call from worker threads.
  void update(size_t done, size_t total);
  // Ends the redrawn line, if one was drawn.
  void finish();

 private:
  std::string label_;
  FILE* out_;
  bool tty_;
  std::mutex mu_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now(), last_draw_{};
  size_t last_tenth_ = 0;
  bool drawn_ = false;
};

}  // namespace bangtin
