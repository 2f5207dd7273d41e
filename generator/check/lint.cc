#include "check/lint.h"

#include <algorithm>
#include <map>

#include "core/text.h"
#include "outputs/views.h"
#include "outputs/zalo.h"

namespace bangtin {

namespace {

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : ", ") + p;
  return out;
}

bool has_heading(const Item& item, const std::string& id) {
  return std::any_of(item.headings.begin(), item.headings.end(), [&](const Heading& h) { return h.id == id; });
}

void lengths(const Item& item, Diagnostics& diags) {
  size_t title = code_points(item.title);
  if (title > kSearchTitle && title <= kZaloTitle)
    diags.warning(item.source, item.line_of("title"),
                  "tiêu đề dài " + std::to_string(title) + " ký tự; máy tìm kiếm chỉ hiện khoảng " +
                      std::to_string(kSearchTitle),
                  "đưa ý chính lên đầu tiêu đề");
  if (!item.key_lines.count("summary")) return;  // a default summary is cut to size already
  size_t summary = code_points(item.summary);
  if (summary > kSearchSummary && summary <= kZaloDescription)
    diags.warning(item.source, item.line_of("summary"),
                  "sapo dài " + std::to_string(summary) + " ký tự; máy tìm kiếm chỉ hiện khoảng " +
                      std::to_string(kSearchSummary),
                  "rút gọn sapo còn 1–2 câu");
}

}  // namespace

void lint(const Library& lib, Diagnostics& diags) {
  for (const Item& item : lib.items) {
    if (!lib.has_page(item)) continue;
    for (const AnchorLink& link : item.anchor_links) {
      const Item& target = lib.items[link.target];
      if (!has_heading(target, link.fragment))
        diags.warning(item.source, link.line,
                      "liên kết tới mục \"#" + link.fragment + "\" nhưng " +
                          (target.id == item.id ? std::string("bài này") : target.source) + " không có mục đó",
                      "kiểm tra tên mục: là tiêu đề viết thường, không dấu, nối bằng gạch ngang");
    }
    for (int line : item.images_without_alt)
      diags.warning(item.source, line, "ảnh trong bài chưa có mô tả",
                    "viết mô tả trong ngoặc vuông: ![Người dân nộp hồ sơ tại bộ phận một cửa](anh.jpg)");
    if (item.kind == Kind::Banner || item.kind == Kind::Page) continue;
    lengths(item, diags);
    if (item.unit.empty())
      diags.warning(item.source, 1, "mục chưa có đơn vị đăng", "thêm unit: với khóa đơn vị trong site-config.json");
    if (item.columns.empty())
      diags.warning(item.source, 1, "mục chưa thuộc chuyên mục nào, nên chỉ hiện trong danh sách theo loại",
                    "thêm columns: [khóa chuyên mục]");
  }
}

void lint_config(const SiteConfig& config, Diagnostics& diags) {
  std::vector<std::string> without;
  for (const Language& l : config.languages)
    if (l.description.empty()) without.push_back(l.code);
  if (!without.empty()) {
    bool default_only = without.size() == 1 && without.front() == config.default_language;
    diags.warning(kConfigFile, config.title_line,
                  "cổng chưa có mô tả" + (default_only ? std::string() : " (ngôn ngữ " + join(without) + ")") +
                      ": trang chủ và các trang không có mô tả riêng dùng mô tả tự tạo từ tên cổng và các đơn vị",
                  "thêm \"description\": \"…\" cạnh \"title\", một hai câu dưới " +
                      std::to_string(kDescriptionLength) +
                      " ký tự; cho ngôn ngữ khác: \"languages\": {\"en\": {\"description\": \"…\"}}");
  }

  const Contact& c = config.contact;
  const std::pair<const std::string*, const char*> asked[] = {{&c.agency, "agency"},
                                                              {&c.responsible, "responsible"},
                                                              {&c.address, "address"},
                                                              {&c.phone, "phone"},
                                                              {&c.email, "email"}};
  static const std::map<std::string, std::string> named{{"agency", "cơ quan chủ quản"},
                                                        {"responsible", "người chịu trách nhiệm"},
                                                        {"address", "địa chỉ"},
                                                        {"phone", "điện thoại"},
                                                        {"email", "thư điện tử"}};
  std::vector<std::string> missing, keys;
  for (const auto& [value, key] : asked)
    if (squash_spaces(*value).empty()) {
      missing.push_back(named.at(key) + " (" + key + ")");
      keys.push_back(std::string("\"") + key + "\": \"…\"");
    }
  if (missing.empty()) return;
  diags.warning(kConfigFile, c.line ? c.line : 1,
                "Nghị định 42/2022/NĐ-CP yêu cầu cổng thông tin ghi cơ quan chủ quản, người chịu trách nhiệm, "
                "địa chỉ, điện thoại và thư điện tử; còn thiếu: " + join(missing),
                c.line ? "thêm vào \"contact\": " + join(keys)
                       : "thêm \"contact\": {" + join(keys) + "}; chân mỗi trang hiện những gì có");
}

void lint_covers(const Library& lib, const SiteConfig& config, const images::ImagePlan& plan, Diagnostics& diags) {
  if (config.images.widths.empty()) return;
  int widest = config.images.widths.back();
  for (const Item& item : lib.items) {
    if (!lib.has_page(item) || item.cover.empty()) continue;
    auto it = plan.sources.find(item.cover);
    if (it == plan.sources.end() || it->second.width >= widest) continue;
    diags.warning(item.source, item.line_of("cover"),
                  "ảnh bìa chỉ rộng " + std::to_string(it->second.width) + " điểm ảnh, nhỏ hơn cỡ lớn nhất " +
                      std::to_string(widest) + " trong images.widths",
                  "dùng ảnh gốc rộng ít nhất " + std::to_string(widest) + " điểm ảnh");
  }
}

}  // namespace bangtin
