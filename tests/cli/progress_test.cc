#include "cli/progress.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <string>

using namespace bangtin;

TEST_CASE("progress: done, total, share and the time left in words") {
  CHECK(progress_line("Ảnh", 0, 500, 0) == "Ảnh: 0/500 (0%)");
  CHECK(progress_line("Ảnh", 120, 500, 30) == "Ảnh: 120/500 (24%) · còn khoảng 1 phút 35 giây");
  CHECK(progress_line("Ảnh", 500, 500, 125) == "Ảnh: 500/500 (100%) · xong trong 2 phút 5 giây");
  CHECK(spoken_duration(0.2) == "1 giây");
  CHECK(spoken_duration(60) == "1 phút");
  CHECK(spoken_duration(3 * 3600 + 7 * 60 + 5) == "3 giờ 7 phút");
}

TEST_CASE("progress: plain lines at each tenth when not on a terminal, nothing for a handful") {
  char* buf = nullptr;
  size_t size = 0;
  FILE* out = open_memstream(&buf, &size);
  {
    Progress p("Ảnh", out, false);
    for (size_t i = 1; i <= 3; ++i) p.update(i, 3);  // too few to bother anyone
    for (size_t i = 1; i <= 20; ++i) p.update(i, 20);
    p.finish();
  }
  std::fclose(out);
  std::string text(buf, size);
  std::free(buf);
  size_t lines = 0;
  for (char c : text) lines += c == '\n';
  CHECK(lines == 10);
  CHECK(text.find("Ảnh: 2/20 (10%) · còn khoảng ") == 0);
  CHECK(text.find("\nẢnh: 20/20 (100%) · xong trong ") != std::string::npos);
  CHECK(text.find('\r') == std::string::npos);
}
