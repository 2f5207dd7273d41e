// bangtin serve end to end, on a loopback port, bounded in time.
#include <doctest/doctest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <future>
#include <httplib.h>

#include "site/test_support.h"
#include "serve/preview.h"
#include "serve/watcher.h"

namespace fs = std::filesystem;
using namespace bangtin;
using namespace bangtin::testing;

namespace {


// Reads the event stream until `event` arrives (returns its data) or 10 s pass.
std::future<std::string> next_event(int port, const std::string& event) {
  return std::async(std::launch::async, [port, event] {
    httplib::Client c("127.0.0.1", port);
    c.set_read_timeout(10, 0);
    std::string seen, found;
    c.Get("/__bangtin/events", [&](const char* data, size_t n) {
      seen.append(data, n);
      auto at = seen.find("event: " + event + "\ndata: ");
      if (at == std::string::npos) return true;
      auto end = seen.find("\n\n", at);
      if (end == std::string::npos) return true;
      found = seen.substr(at, end - at);
      return false;
    });
    return found;
  });
}

}  // namespace

TEST_CASE("serve: pages with live reload, drafts marked, reload on change, problems shown over the last good page") {
  TempDir tmp("serve");
  std::string site = tmp.path() + "/site";
  fs::copy(kSites + "/valid-minimal", site, fs::copy_options::recursive);
  std::ofstream(site + "/content/articles/tuong-lai.md") << "---\ntitle: Bài hẹn năm 2099\ndate: 2099-01-01\ncolumns: [tin-tuc]\n---\n";
  Preview preview({site, 2});
  int port = preview.start(0);
  REQUIRE(port > 0);
  httplib::Client c("127.0.0.1", port);
  c.set_read_timeout(10, 0);

  auto page = c.Get("/bai-viet/mot/");
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK(contains(page->body, "<script src=\"/__bangtin/livereload.js\"></script></body>"));
  auto draft = c.Get("/bai-viet/nhap/");
  REQUIRE(draft);
  CHECK(draft->status == 200);
  CHECK(contains(draft->body, "<p class=\"badge-preview\">BẢN NHÁP</p>"));
  auto scheduled = c.Get("/bai-viet/tuong-lai/");
  REQUIRE(scheduled);
  CHECK(contains(scheduled->body, "HẸN GIỜ"));
  auto missing = c.Get("/khong-co/");
  REQUIRE(missing);
  CHECK(missing->status == 404);
  auto escape = c.Get("/../../etc/passwd");
  REQUIRE(escape);
  CHECK(escape->status != 200);

  auto reload = next_event(port, "reload");
  std::this_thread::sleep_for(std::chrono::milliseconds(200));  // the stream is open
  std::ofstream(site + "/content/articles/mot.md", std::ios::app) << "\nCâu vừa thêm khi xem trước.\n";
  CHECK(preview.rebuild());
  CHECK(contains(reload.get(), "event: reload"));
  auto fresh = c.Get("/bai-viet/mot/");
  REQUIRE(fresh);
  CHECK(contains(fresh->body, "Câu vừa thêm khi xem trước."));

  auto problems = next_event(port, "problems");
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  std::ofstream(site + "/content/articles/hong.md") << "---\ntitle: Hỏng\ndate: ngày mai\ncolumns: [tin-tuc]\n---\n";
  CHECK_FALSE(preview.rebuild());
  std::string event = problems.get();
  CHECK(contains(event, "content/articles/hong.md:3: \\\"date\\\" không phải ngày hợp lệ"));
  auto still = c.Get("/bai-viet/mot/");
  REQUIRE(still);
  CHECK(still->status == 200);
  CHECK(contains(still->body, "Câu vừa thêm khi xem trước."));
  preview.stop();
}

TEST_CASE("serve: the watcher reports a saved file and ignores editors' swap files") {
  TempDir tmp("watch");
  fs::copy(kSites + "/valid-minimal", tmp.path(), fs::copy_options::recursive);
  Watcher w(tmp.path());
  REQUIRE(w.ok());
  std::ofstream(tmp.path() + "/content/articles/.mot.md.swp") << "x";
  CHECK(w.wait_for_change(300) == "");
  std::ofstream(tmp.path() + "/content/articles/mot.md", std::ios::app) << "\nthêm\n";
  CHECK(w.wait_for_change(3000) == "content/articles/mot.md");
  fs::create_directories(tmp.path() + "/content/articles/goi-moi");
  CHECK(w.wait_for_change(3000) == "content/articles/goi-moi");
  std::ofstream(tmp.path() + "/content/articles/goi-moi/index.md") << "---\n";
  CHECK(w.wait_for_change(3000) == "content/articles/goi-moi/index.md");
}
