// The report section of the built portal and `bangtin report` end to end.
#include <doctest/doctest.h>

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>

#include "../site/test_support.h"

namespace fs = std::filesystem;
using namespace bangtin;
using namespace bangtin::testing;

namespace {

#define kReportSite (kSites + "/valid-report")
const std::string kNow = "2026-07-10T12:00:00+07:00";

bool has(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

int run(const std::string& args, const std::string& log) {
  int status = std::system((std::string(BANGTIN_BINARY) + " report " + args + " > " + log + " 2>&1").c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

TEST_CASE("the build makes /bao-cao/ and one page per quarter of the year with products, hidden from crawlers") {
  auto r = build_in_memory(kReportSite, kNow);
  REQUIRE(r.ok());
  auto files = files_of(r);
  REQUIRE(files.count("bao-cao/index.html"));
  REQUIRE(files.count("bao-cao/quy-1-2026/index.html"));
  REQUIRE(files.count("bao-cao/quy-2-2026/index.html"));
  REQUIRE(files.count("bao-cao/quy-3-2026/index.html"));
  CHECK_FALSE(files.count("bao-cao/quy-4-2026/index.html"));  // not begun
  CHECK(files.count("bao-cao/quy-2-2026/bao-cao-2026-04-01_2026-06-30.csv"));
  CHECK(files.count("bao-cao/quy-2-2026/bao-cao-2026-04-01_2026-06-30.json"));
  CHECK(files.count("bao-cao/quy-3-2026/bao-cao-2026-07-01_2026-07-10.csv"));  // the running quarter: up to today
  CHECK(files.count("bao-cao/bao-cao-2026-01-01_2026-07-10.csv"));

  const std::string& q2 = files["bao-cao/quy-2-2026/index.html"];
  CHECK(has(q2, "<meta name=\"robots\" content=\"noindex\">"));
  CHECK(has(q2, "<h1>Báo cáo quý II/2026</h1>"));
  CHECK(has(q2, "Kỳ báo cáo: 01/04/2026 – 30/06/2026. Số liệu tính đến ngày 30/06/2026."));
  CHECK(has(q2, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"report-chart\""));
  CHECK(has(q2, "<tfoot><tr><th scope=\"row\">Cả kỳ</th><td>6</td><td>1</td><td>1</td><td>1</td><td>1</td><td>10</td></tr></tfoot>"));
  CHECK(has(q2, "<li>Cải cách hành chính – 04/2026: Sở Văn hóa và Thể thao 1/2, thiếu 1</li>"));
  CHECK(has(q2, "<th scope=\"row\">Phường &quot;Kiểu mẫu&quot; C</th>"));
  CHECK(has(q2, "href=\"/bao-cao/quy-2-2026/bao-cao-2026-04-01_2026-06-30.csv\""));

  const std::string& index = files["bao-cao/index.html"];
  CHECK(has(index, "<h1>Báo cáo sản phẩm truyền thông năm 2026</h1>"));
  CHECK(has(index, "<a href=\"/bao-cao/quy-2-2026/\">Báo cáo quý II/2026</a>"));
  CHECK(has(index, "<td>01/07/2026 – 10/07/2026</td><td>1</td>"));

  // For the office only: not in the sitemap, not linked from public pages.
  CHECK_FALSE(has(files["sitemap.xml"], "bao-cao"));
  CHECK_FALSE(has(files["index.html"], "/bao-cao/"));
  CHECK_FALSE(has(files["bai-viet/t6-tin/index.html"], "/bao-cao/"));
}

TEST_CASE("report pages are byte-identical across thread counts, and a past quarter's across days") {
  auto a = files_of(build_in_memory(kReportSite, kNow, 1));
  auto b = files_of(build_in_memory(kReportSite, kNow, 4));
  auto later = files_of(build_in_memory(kReportSite, "2026-07-11T08:00:00+07:00", 2));
  CHECK(a.at("bao-cao/quy-2-2026/index.html") == later.at("bao-cao/quy-2-2026/index.html"));
  CHECK(a.at("bao-cao/quy-2-2026/bao-cao-2026-04-01_2026-06-30.json") ==
        later.at("bao-cao/quy-2-2026/bao-cao-2026-04-01_2026-06-30.json"));
  for (const char* path : {"bao-cao/index.html", "bao-cao/quy-2-2026/index.html",
                           "bao-cao/quy-2-2026/bao-cao-2026-04-01_2026-06-30.csv",
                           "bao-cao/quy-2-2026/bao-cao-2026-04-01_2026-06-30.json"}) {
    INFO(path);
    CHECK(a.at(path) == b.at(path));
  }
}

TEST_CASE("bangtin report writes the CSV and JSON of the period and prints a summary") {
  TempDir out("report-out");
  std::string log = out.path() + "/log.txt";
  int code = run("--source " + kReportSite + " --from 2026-04-01 --to 2026-06-30 --out " + out.path() + " --now " + kNow, log);
  std::string printed = read_text(log);
  INFO(printed);
  REQUIRE(code == 0);
  std::string csv = read_text(out.path() + "/bao-cao-2026-04-01_2026-06-30.csv");
  CHECK(csv.rfind("\xEF\xBB\xBFNhóm,Mã,Tên,Tháng,\"Tin, bài\",Infographic,Video,Bài phát thanh,Văn bản,Tổng cộng\r\n", 0) == 0);
  CHECK(fs::exists(out.path() + "/bao-cao-2026-04-01_2026-06-30.json"));
  CHECK(has(printed, "Kỳ báo cáo: 01/04/2026 – 30/06/2026"));
  CHECK(has(printed, "  Cả kỳ           6            1      1               1        1    10\n"));
  CHECK(has(printed, "Chưa có sản phẩm trong kỳ (1 đơn vị): Phường \"Kiểu mẫu\" C"));
  CHECK(has(printed, "Chưa đạt (3):"));
  CHECK(has(printed, "    - Cải cách hành chính – 06/2026: toàn cổng 1/2, thiếu 1\n"));
}

TEST_CASE("bangtin report without dates covers the current quarter up to today") {
  TempDir out("report-default");
  std::string log = out.path() + "/log.txt";
  REQUIRE(run("--source " + kReportSite + " --out " + out.path() + " --now 2026-05-15T09:00:00+07:00", log) == 0);
  CHECK(fs::exists(out.path() + "/bao-cao-2026-04-01_2026-05-15.csv"));
  CHECK(has(read_text(log), "05/2026 (chưa trọn tháng)"));
}

TEST_CASE("bangtin report refuses wrong flags with status 2") {
  TempDir out("report-bad");
  std::string log = out.path() + "/log.txt";
  CHECK(run("--source " + kReportSite + " --from 2026-02-30 --out " + out.path(), log) == 2);
  CHECK(has(read_text(log), "\"2026-02-30\" không phải ngày hợp lệ"));
  CHECK(run("--source " + kReportSite + " --from 2026-06-30 --to 2026-04-01 --out " + out.path() + " --now " + kNow, log) == 2);
  CHECK(has(read_text(log), "ngày bắt đầu 30/06/2026 sau ngày kết thúc 01/04/2026"));
  CHECK(run("--frobnicate", log) == 2);
  CHECK(run("--to", log) == 2);
  CHECK(fs::directory_iterator(out.path())->path().filename() == "log.txt");  // nothing else written
}
