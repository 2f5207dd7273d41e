// `bangtin new KIND "Tiêu đề"`: starts an item from its archetype
// (templates/archetypes/KIND.md.mustache, which a site may override), as a
// draft dated now, so an editor never has to remember the front matter.
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "config/config.h"
#include "content/item.h"
#include "core/disk.h"
#include "core/text.h"
#include "core/time.h"
#include "render/templates.h"

namespace fs = std::filesystem;

namespace bangtin {

namespace {

const char* kNewUsage =
    "usage: bangtin new KIND \"Tiêu đề\" [--source DIR] [--column KEY] [--unit KEY] [--date TIME]\n"
    "KIND: article, infographic, video, audio, document, banner, page\n";

std::optional<Kind> kind_from_word(const std::string& w) {
  for (Kind k : kAllKinds)
    if (w == kind_name(k) || w == kind_folder(k)) return k;
  return std::nullopt;
}

// A YAML double-quoted scalar: safe whatever the title holds (": ", "#", quotes).
std::string yaml_quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) < 0x20) continue;
    out += c;
  }
  return out + "\"";
}

bool single_file(Kind k) { return k == Kind::Article || k == Kind::Page; }

}  // namespace

int run_new(const std::vector<std::string>& args) {
  std::string source = ".", column, unit, date;
  std::vector<std::string> words;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string& out) {
      if (i + 1 >= args.size()) return false;
      out = args[++i];
      return true;
    };
    bool ok = true;
    if (a == "--source" || a == "-s") ok = value(source);
    else if (a == "--column") ok = value(column);
    else if (a == "--unit") ok = value(unit);
    else if (a == "--date") ok = value(date);
    else if (a == "--help" || a == "-h") {
      std::cout << kNewUsage;
      return 0;
    } else if (!a.empty() && a[0] == '-') ok = false;
    else words.push_back(a);
    if (!ok) {
      std::cerr << "bangtin: tùy chọn không hợp lệ: " << a << "\n" << kNewUsage;
      return 2;
    }
  }
  if (words.size() != 2) {
    std::cerr << kNewUsage;
    return 2;
  }
  auto kind = kind_from_word(words[0]);
  if (!kind) {
    std::cerr << "bangtin: không có loại nội dung \"" << words[0] << "\"\n" << kNewUsage;
    return 2;
  }
  std::string title = squash_spaces(to_nfc(words[1]));
  std::string slug = slugify(title);
  if (find_invalid_utf8(words[1]) != std::string::npos || slug.empty()) {
    std::cerr << "bangtin: tiêu đề cần có chữ hoặc số\n";
    return 2;
  }

  Diagnostics diags;
  SiteConfig config;
  if (!load_config(source, config, diags)) {
    std::cerr << format_report(diags.sorted(), source);
    return 1;
  }
  if (!column.empty() && !config.find_column(column)) {
    std::cerr << "bangtin: chuyên mục \"" << column << "\" không có trong site-config.json\n";
    return 2;
  }
  if (!unit.empty() && !config.find_unit(unit)) {
    std::cerr << "bangtin: đơn vị \"" << unit << "\" không có trong site-config.json\n";
    return 2;
  }
  Timestamp now{clock_now().seconds / 60 * 60};
  if (!date.empty()) {
    auto t = parse_iso_datetime(date, config.utc_offset_minutes);
    if (!t) {
      std::cerr << "bangtin: --date \"" << date << "\" không phải ngày giờ hợp lệ\n";
      return 2;
    }
    now = *t;
  }

  std::string folder = "content/" + std::string(kind_folder(*kind));
  std::string rel = single_file(*kind) ? folder + "/" + slug + ".md" : folder + "/" + slug + "/index.md";
  for (const std::string& taken : {folder + "/" + slug + ".md", folder + "/" + slug}) {
    if (fs::exists(fs::path(source) / taken)) {
      std::cerr << "bangtin: " << taken << " đã có; không ghi đè.\n"
                << "    → đổi tiêu đề, hoặc sửa trực tiếp tệp đã có\n";
      return 1;
    }
  }

  Templates templates = Templates::load(source, diags);
  nlohmann::json view = {
      {"title", yaml_quoted(title)},
      {"date", format_iso(now, config.utc_offset_minutes)},
      {"day", format_ymd(now, config.utc_offset_minutes)},
      {"column", !column.empty() ? column : config.columns.empty() ? "" : config.columns.front().key},
      {"unit", !unit.empty() ? unit : config.default_unit},
  };
  std::string text = templates.render("archetypes/" + std::string(kind_name(*kind)) + ".md", view, diags);
  if (diags.has_errors()) {
    std::cerr << format_report(diags.sorted(), source);
    return 1;
  }
  RealDisk disk;
  Status s = disk.write_file(source + "/" + rel, text);
  if (!s.is_ok()) {
    std::cerr << "bangtin: " << s.message() << "\n";
    return 1;
  }
  std::cout << "bangtin: đã tạo " << rel << " (bản nháp; xóa dòng draft: true khi sẵn sàng đăng)\n";
  return 0;
}

}  // namespace bangtin
