// The report's files and chart: CSV as Excel opens it, JSON, inline SVG.
#include <doctest/doctest.h>

#include "../site/test_support.h"
#include "report/chart.h"
#include "report/csv.h"
#include "report/json.h"
#include "report/quota.h"

using namespace bangtin;
using namespace bangtin::report;
using namespace bangtin::testing;

namespace {

#define kReportSite (kSites + "/valid-report")

Report q2_report(BuildResult& built, SiteConfig& config) {
  built = build_in_memory(kReportSite, "2026-07-10T12:00:00+07:00");
  Diagnostics d;
  REQUIRE(built.ok());
  REQUIRE(load_config(kReportSite, config, d));
  return make_report(*built.library, config, Period{{2026, 4, 1}, {2026, 6, 30}});
}

std::vector<std::string> lines(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i; (i = s.find("\r\n", start)) != std::string::npos; start = i + 2) out.push_back(s.substr(start, i - start));
  CHECK(start == s.size());  // every row ends with CRLF
  return out;
}

}  // namespace

TEST_CASE("CSV fields are quoted as RFC 4180 says and guarded against formulas") {
  CHECK(csv_field("Phường A") == "Phường A");
  CHECK(csv_field("Tin, bài") == "\"Tin, bài\"");
  CHECK(csv_field("Phường \"Kiểu mẫu\" C") == "\"Phường \"\"Kiểu mẫu\"\" C\"");
  CHECK(csv_field("hai\ndòng") == "\"hai\ndòng\"");
  CHECK(csv_field(" lề") == "\" lề\"");
  CHECK(csv_field("=SUM(A1:A9)") == "'=SUM(A1:A9)");
  CHECK(csv_field("-1") == "'-1");
  CHECK(csv_field("") == "");
  CHECK(csv_row({"a", "b,c", ""}) == "a,\"b,c\",\r\n");
}

TEST_CASE("the report CSV starts with a UTF-8 BOM and the expected header, one row per line and month") {
  BuildResult built;
  SiteConfig config;
  Report r = q2_report(built, config);
  std::string csv = report_csv(r);
  REQUIRE(csv.substr(0, 3) == "\xEF\xBB\xBF");
  auto rows = lines(csv.substr(3));
  REQUIRE(rows.size() == 1 + 4 * (1 + 4 + 3));  // header; (3 months + period) × (portal, 4 units, 3 columns)
  CHECK(rows[0] == "Nhóm,Mã,Tên,Tháng,\"Tin, bài\",Infographic,Video,Bài phát thanh,Văn bản,Tổng cộng");
  CHECK(rows[1] == "Toàn cổng,,Cổng thử báo cáo,Tháng 04/2026,3,1,0,0,0,4");
  CHECK(rows[2] == "Toàn cổng,,Cổng thử báo cáo,Tháng 05/2026,2,0,1,1,0,4");
  CHECK(rows[3] == "Toàn cổng,,Cổng thử báo cáo,Tháng 06/2026,1,0,0,0,1,2");
  CHECK(rows[4] == "Toàn cổng,,Cổng thử báo cáo,Cả kỳ,6,1,1,1,1,10");
  CHECK(rows[8] == "Đơn vị,so,Sở Văn hóa và Thể thao,Cả kỳ,4,1,0,0,1,6");
  CHECK(rows[20] == "Đơn vị,phuong-c,\"Phường \"\"Kiểu mẫu\"\" C\",Cả kỳ,0,0,0,0,0,0");
  CHECK(rows[32] == "Chuyên mục,van-hoa,\"Văn hóa, thể thao\",Cả kỳ,0,1,1,0,0,2");
  CHECK(report_csv(r) == csv);  // byte-identical when made again
}

TEST_CASE("the report JSON holds the period, the counts and the shortfalls") {
  BuildResult built;
  SiteConfig config;
  Report r = q2_report(built, config);
  auto j = nlohmann::json::parse(report_json_text(r));
  CHECK(j["from"] == "2026-04-01");
  CHECK(j["to"] == "2026-06-30");
  CHECK(j["as_of"] == "2026-06-30");  // the quarter is over: its end, not the clock
  CHECK(j["portal"]["total"]["total"] == 10);
  CHECK(j["portal"]["total"]["audio"] == 1);
  CHECK(j["portal"]["months"][1]["month"] == "2026-05");
  CHECK(j["portal"]["months"][1]["counts"]["article"] == 2);
  CHECK(j["units"][3]["title"] == "Phường \"Kiểu mẫu\" C");
  CHECK(j["quotas"] == nlohmann::json::parse(R"([{"column": "cai-cach-hanh-chinh", "min_per_month": 2}])"));
  REQUIRE(j["quota_shortfalls"].size() == 3);
  CHECK(j["quota_shortfalls"][0]["unit"].is_null());
  CHECK(j["quota_shortfalls"][0]["month"] == "2026-05");
  CHECK(j["quota_shortfalls"][0]["missing"] == 1);
  CHECK(j["quota_shortfalls"][2]["unit"] == "so");
  CHECK(j["quota_shortfalls"][2]["unit_title"] == "Sở Văn hóa và Thể thao");
  CHECK(j["quota_shortfalls"][2]["month"] == "2026-04");
  CHECK(report_json_text(r).back() == '\n');
}

TEST_CASE("the chart has one stacked bar per month, a band per kind, and escaped labels") {
  BuildResult built;
  SiteConfig config;
  Report r = q2_report(built, config);
  std::string svg = month_kind_chart(r, "c<1>");
  CHECK(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0) == 0);
  CHECK(svg.find("aria-labelledby=\"c&lt;1&gt;\"") != std::string::npos);
  CHECK(svg.find("<title id=\"c&lt;1&gt;\">Số sản phẩm theo tháng và loại, 01/04/2026 – 30/06/2026</title>") !=
        std::string::npos);
  CHECK(svg.find("<title>Tháng 04/2026 – Tin, bài: 3</title>") != std::string::npos);
  CHECK(svg.find("<title>Tháng 06/2026 – Văn bản: 1</title>") != std::string::npos);
  size_t bands = 0;
  for (size_t at = 0; (at = svg.find("<rect class=\"k-", at)) != std::string::npos; ++at) ++bands;
  CHECK(bands == 7);  // April: 2 kinds, May: 3, June: 2
  CHECK(svg.find("<g class=\"month\">") != std::string::npos);
  CHECK(month_kind_chart(r, "c<1>") == svg);
}
