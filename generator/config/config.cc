#include "config/config.h"

#include <algorithm>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>

#include "config/json_lines.h"
#include "core/disk.h"
#include "core/text.h"
#include "core/time.h"

namespace bangtin {

using nlohmann::json;

std::string SiteConfig::base_path() const {
  auto scheme = base_url.find("://");
  auto slash = base_url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  std::string path = slash == std::string::npos ? "" : base_url.substr(slash);
  while (!path.empty() && path.back() == '/') path.pop_back();
  return path;
}

const Column* SiteConfig::find_column(const std::string& key) const {
  for (const auto& c : columns)
    if (c.key == key) return &c;
  return nullptr;
}

const Unit* SiteConfig::find_unit(const std::string& key) const {
  for (const auto& u : units)
    if (u.key == key) return &u;
  return nullptr;
}

const Language* SiteConfig::find_language(const std::string& code) const {
  for (const auto& l : languages)
    if (l.code == code) return &l;
  return nullptr;
}

std::string SiteConfig::title_in(const std::string& base, const std::map<std::string, Localized>& tr,
                                 const std::string& lang) {
  auto it = tr.find(lang);
  return it != tr.end() && !it->second.title.empty() ? it->second.title : base;
}

namespace {

const char* type_name(const json& v) {
  switch (v.type()) {
    case json::value_t::object: return "một nhóm { … }";
    case json::value_t::array: return "một danh sách [ … ]";
    case json::value_t::string: return "chữ";
    case json::value_t::boolean: return "true/false";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned: return "số nguyên";
    case json::value_t::number_float: return "số thập phân";
    case json::value_t::null: return "null";
    default: return "một giá trị";
  }
}

// Reads one JSON object with a fixed set of keys, Zola's deny_unknown_fields:
// every key must be asked for, or it is reported as unknown.
class ObjectReader {
 public:
  ObjectReader(const json& obj, std::string pointer, const JsonLines& lines, Diagnostics& diags)
      : obj_(obj), pointer_(std::move(pointer)), lines_(lines), diags_(diags) {}

  ~ObjectReader() {
    if (!obj_.is_object()) return;
    for (auto it = obj_.begin(); it != obj_.end(); ++it) {
      if (seen_.count(it.key())) continue;
      std::string p = json_pointer_append(pointer_, it.key());
      std::vector<std::string> known(seen_.begin(), seen_.end());
      diags_.error(kConfigFile, lines_.line_of(p), "khóa \"" + it.key() + "\" không có trong cấu hình" + where(),
                   "các khóa dùng được ở đây: " + join(known));
    }
  }

  const json* get(const std::string& key, bool required) {
    seen_.insert(key);
    if (!obj_.is_object()) return nullptr;
    auto it = obj_.find(key);
    if (it == obj_.end()) {
      if (required)
        diags_.error(kConfigFile, lines_.line_of(pointer_), "thiếu khóa bắt buộc \"" + key + "\"" + where());
      return nullptr;
    }
    return &*it;
  }

  bool text(const std::string& key, std::string& out, bool required = false) {
    const json* v = get(key, required);
    if (!v) return false;
    if (!v->is_string()) return type_error(key, *v, "chữ");
    // JSON allows no raw C0 control in a string, but any as an escape
    // ("\u001f"), and DEL, C1 controls and noncharacters raw.
    out = v->get<std::string>();
    clean_read_text(out, kConfigFile, line(key), diags_);
    out = to_nfc(out);
    if (required && squash_spaces(out).empty()) {
      diags_.error(kConfigFile, line(key), "\"" + key + "\" không được để trống" + where());
      return false;
    }
    return true;
  }

  bool integer(const std::string& key, int& out, int min, int max, bool required = false) {
    const json* v = get(key, required);
    if (!v) return false;
    if (!v->is_number_integer()) return type_error(key, *v, "số nguyên");
    long long n = v->get<long long>();
    if (n < min || n > max) {
      diags_.error(kConfigFile, line(key),
                   "\"" + key + "\" là " + std::to_string(n) + ", phải từ " +
                       std::to_string(min) + " đến " + std::to_string(max) + where());
      return false;
    }
    out = static_cast<int>(n);
    return true;
  }

  bool boolean(const std::string& key, bool& out) {
    const json* v = get(key, false);
    if (!v) return false;
    if (!v->is_boolean()) return type_error(key, *v, "true hoặc false");
    out = v->get<bool>();
    return true;
  }

  const json* object(const std::string& key, bool required = false) {
    const json* v = get(key, required);
    if (v && !v->is_object()) {
      type_error(key, *v, "một nhóm { … }");
      return nullptr;
    }
    return v;
  }

  const json* list(const std::string& key, bool required = false) {
    const json* v = get(key, required);
    if (v && !v->is_array()) {
      type_error(key, *v, "một danh sách [ … ]");
      return nullptr;
    }
    return v;
  }

  std::string child(const std::string& key) const { return json_pointer_append(pointer_, key); }
  int line(const std::string& key) const { return lines_.line_of(child(key)); }

 private:
  bool type_error(const std::string& key, const json& v, const std::string& want) {
    diags_.error(kConfigFile, line(key),
                 "\"" + key + "\" phải là " + want + ", không phải " + type_name(v) + where());
    return false;
  }
  std::string where() const { return pointer_.empty() ? "" : " (tại " + pointer_ + ")"; }
  static std::string join(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
    return out;
  }

  const json& obj_;
  std::string pointer_;
  const JsonLines& lines_;
  Diagnostics& diags_;
  std::set<std::string> seen_;
};

void read_translations(ObjectReader& r, std::map<std::string, Localized>& out, const JsonLines& lines,
                       Diagnostics& diags) {
  const json* tr = r.object("translations");
  if (!tr) return;
  for (auto it = tr->begin(); it != tr->end(); ++it) {
    std::string p = json_pointer_append(r.child("translations"), it.key());
    if (!it->is_object()) {
      diags.error(kConfigFile, lines.line_of(p), "bản dịch \"" + it.key() + "\" phải là một nhóm { \"title\": … }");
      continue;
    }
    ObjectReader t(*it, p, lines, diags);
    Localized l;
    t.text("title", l.title, true);
    t.text("description", l.description);
    out[it.key()] = l;
  }
}

bool valid_key(const std::string& key) { return !key.empty() && slugify(key) == key; }

}  // namespace

bool parse_config(const std::string& raw, SiteConfig& config, Diagnostics& diags) {
  size_t bad = find_invalid_utf8(raw);
  if (bad != std::string::npos) {
    int line = 1 + static_cast<int>(std::count(raw.begin(), raw.begin() + static_cast<long>(bad), '\n'));
    diags.error(kConfigFile, line, "chữ không đúng mã UTF-8", "lưu lại tệp bằng UTF-8");
    return false;
  }
  json root;
  try {
    root = json::parse(raw);
  } catch (const json::parse_error& e) {
    size_t pos = std::min(e.byte, raw.size());
    int line = 1 + static_cast<int>(std::count(raw.begin(), raw.begin() + static_cast<long>(pos ? pos - 1 : 0), '\n'));
    std::string what = e.what();
    auto cut = what.find("syntax error while parsing value - ");
    if (cut != std::string::npos) what = what.substr(cut + 35);
    diags.error(kConfigFile, line, "không đúng cú pháp JSON: " + what,
                "kiểm tra dấu phẩy, dấu ngoặc kép bị thiếu hoặc dấu phẩy thừa ở dòng này hoặc dòng trước");
    return false;
  } catch (const json::out_of_range& e) {
    // A number past what a double holds (1e999): nlohmann names the number
    // but not its place, so find it to give the line (found by fuzz_config).
    std::string what = e.what();
    size_t open = what.find('\''), close = what.rfind('\'');
    std::string number = open != std::string::npos && close > open ? what.substr(open + 1, close - open - 1) : "";
    size_t at = number.empty() ? std::string::npos : raw.find(number);
    int line = at == std::string::npos
                   ? 1
                   : 1 + static_cast<int>(std::count(raw.begin(), raw.begin() + static_cast<long>(at), '\n'));
    diags.error(kConfigFile, line, "số quá lớn: " + (number.empty() ? what : number), "viết một số nhỏ hơn");
    return false;
  }
  JsonLines lines(raw);
  size_t errors_before = diags.error_count();
  if (!root.is_object()) {
    diags.error(kConfigFile, 1, "tệp phải chứa một nhóm JSON { … }");
    return false;
  }
  {
    ObjectReader r(root, "", lines, diags);
    r.text("title", config.title, true);
    config.title_line = r.line("title");
    r.text("description", config.description);
    if (r.text("base_url", config.base_url, true)) {
      if (!starts_with(config.base_url, "https://") && !starts_with(config.base_url, "http://"))
        diags.error(kConfigFile, r.line("base_url"), "\"base_url\" phải bắt đầu bằng https:// hoặc http://");
      if (!ends_with(config.base_url, "/")) config.base_url += "/";
    }
    r.text("language", config.default_language);
    std::string offset = "+07:00";
    if (r.text("utc_offset", offset)) {
      auto m = parse_utc_offset(offset);
      if (!m) diags.error(kConfigFile, r.line("utc_offset"), "\"utc_offset\" phải viết dạng +07:00");
      else config.utc_offset_minutes = *m;
    }
    if (const json* langs = r.object("languages")) {
      for (auto it = langs->begin(); it != langs->end(); ++it) {
        std::string p = r.child("languages");
        p = json_pointer_append(p, it.key());
        if (!it->is_object()) {
          diags.error(kConfigFile, lines.line_of(p), "ngôn ngữ \"" + it.key() + "\" phải là một nhóm { \"title\": … }");
          continue;
        }
        if (it.key().size() < 2 || it.key().size() > 8 || slugify(it.key()) != it.key()) {
          diags.error(kConfigFile, lines.line_of(p), "mã ngôn ngữ \"" + it.key() + "\" phải là mã chữ thường như vi, en, zh");
          continue;
        }
        ObjectReader l(*it, p, lines, diags);
        Language lang{it.key(), "", ""};
        l.text("title", lang.title);
        l.text("description", lang.description);
        config.languages.push_back(lang);
      }
    }
    if (!config.find_language(config.default_language))
      config.languages.push_back({config.default_language, "", ""});
    for (auto& l : config.languages) {
      if (l.title.empty()) l.title = config.title;
      if (l.description.empty() && l.code == config.default_language) l.description = config.description;
    }
    std::stable_sort(config.languages.begin(), config.languages.end(), [&](const Language& a, const Language& b) {
      if ((a.code == config.default_language) != (b.code == config.default_language))
        return a.code == config.default_language;
      return a.code < b.code;
    });
    if (const json* contact = r.object("contact")) {
      ObjectReader c(*contact, r.child("contact"), lines, diags);
      config.contact.line = r.line("contact");
      c.text("agency", config.contact.agency);
      c.text("address", config.contact.address);
      c.text("phone", config.contact.phone);
      c.text("email", config.contact.email);
      c.text("responsible", config.contact.responsible);
    }
    r.text("default_unit", config.default_unit);
    if (const json* cols = r.list("columns", true)) {
      std::set<std::string> keys;
      for (size_t i = 0; i < cols->size(); ++i) {
        std::string p = json_pointer_append(r.child("columns"), i);
        ObjectReader c((*cols)[i], p, lines, diags);
        Column col;
        col.line = lines.line_of(p);
        if ((*cols)[i].is_object()) {
          c.text("key", col.key, true);
          c.text("title", col.title, true);
          c.text("description", col.description);
          col.order = static_cast<int>(i) + 1;
          c.integer("order", col.order, -100000, 100000);
          read_translations(c, col.translations, lines, diags);
        } else {
          diags.error(kConfigFile, col.line, "mỗi chuyên mục phải là một nhóm { \"key\": …, \"title\": … }");
          continue;
        }
        if (!col.key.empty() && !valid_key(col.key))
          diags.error(kConfigFile, c.line("key"), "khóa chuyên mục \"" + col.key + "\" phải viết thường, không dấu, nối bằng gạch ngang, ví dụ \"" + slugify(col.key) + "\"");
        if (!keys.insert(col.key).second)
          diags.error(kConfigFile, c.line("key"), "khóa chuyên mục \"" + col.key + "\" bị khai hai lần");
        config.columns.push_back(col);
      }
      std::stable_sort(config.columns.begin(), config.columns.end(),
                       [](const Column& a, const Column& b) { return a.order < b.order; });
    }
    if (const json* units = r.list("units")) {
      std::set<std::string> keys;
      for (size_t i = 0; i < units->size(); ++i) {
        std::string p = json_pointer_append(r.child("units"), i);
        if (!(*units)[i].is_object()) {
          diags.error(kConfigFile, lines.line_of(p), "mỗi đơn vị phải là một nhóm { \"key\": …, \"title\": … }");
          continue;
        }
        ObjectReader u((*units)[i], p, lines, diags);
        Unit unit;
        unit.line = lines.line_of(p);
        u.text("key", unit.key, true);
        u.text("title", unit.title, true);
        unit.kind = "department";
        if (u.text("kind", unit.kind) && unit.kind != "department" && unit.kind != "ward" && unit.kind != "commune")
          diags.error(kConfigFile, u.line("kind"), "loại đơn vị \"" + unit.kind + "\" phải là department, ward hoặc commune");
        read_translations(u, unit.translations, lines, diags);
        if (!unit.key.empty() && !valid_key(unit.key))
          diags.error(kConfigFile, u.line("key"), "khóa đơn vị \"" + unit.key + "\" phải viết thường, không dấu, nối bằng gạch ngang, ví dụ \"" + slugify(unit.key) + "\"");
        if (!keys.insert(unit.key).second)
          diags.error(kConfigFile, u.line("key"), "khóa đơn vị \"" + unit.key + "\" bị khai hai lần");
        config.units.push_back(unit);
      }
    }
    if (!config.default_unit.empty() && !config.find_unit(config.default_unit))
      diags.error(kConfigFile, r.line("default_unit"), "\"default_unit\" là \"" + config.default_unit + "\", không có trong \"units\"");
    if (const json* images = r.object("images")) {
      ObjectReader im(*images, r.child("images"), lines, diags);
      if (const json* widths = im.list("widths")) {
        config.images.widths.clear();
        for (size_t i = 0; i < widths->size(); ++i) {
          const json& w = (*widths)[i];
          if (!w.is_number_integer() || w.get<long long>() < 16 || w.get<long long>() > 8192) {
            diags.error(kConfigFile, lines.line_of(json_pointer_append(im.child("widths"), i)),
                        "độ rộng ảnh phải là số điểm ảnh nguyên, từ 16 đến 8192");
            continue;
          }
          config.images.widths.push_back(w.get<int>());
        }
        std::sort(config.images.widths.begin(), config.images.widths.end());
      }
      if (const json* formats = im.list("formats")) {
        config.images.formats.clear();
        for (size_t i = 0; i < formats->size(); ++i) {
          const json& f = (*formats)[i];
          static const std::set<std::string> known{"webp", "jpeg", "png", "avif"};
          if (!f.is_string() || !known.count(f.get<std::string>())) {
            diags.error(kConfigFile, lines.line_of(json_pointer_append(im.child("formats"), i)),
                        "định dạng ảnh chỉ có thể là \"webp\", \"jpeg\", \"png\" hoặc \"avif\"");
            continue;
          }
          config.images.formats.push_back(f.get<std::string>());
        }
      }
      im.integer("quality", config.images.quality, 1, 100);
      im.integer("max_megapixels", config.images.max_megapixels, 1, 2000);
      if (const json* placements = im.object("placements")) {
        ObjectReader pl(*placements, im.child("placements"), lines, diags);
        for (auto& [name, box] : config.images.placements) {
          if (const json* b = pl.object(name)) {
            ObjectReader br(*b, pl.child(name), lines, diags);
            br.integer("width", box.width, 16, 8192);
            br.integer("height", box.height, 16, 8192);
          }
        }
      }
    }
    if (const json* feeds = r.object("feeds")) {
      ObjectReader f(*feeds, r.child("feeds"), lines, diags);
      f.integer("items", config.feeds.items, 1, 10000);
      f.boolean("full_content", config.feeds.full_content);
    }
    r.integer("pagination", config.pagination, 1, 1000);
    if (const json* md = r.object("markdown")) {
      ObjectReader m(*md, r.child("markdown"), lines, diags);
      m.boolean("raw_html", config.raw_html);
    }
    if (const json* quotas = r.list("quotas")) {
      for (size_t i = 0; i < quotas->size(); ++i) {
        std::string p = json_pointer_append(r.child("quotas"), i);
        if (!(*quotas)[i].is_object()) {
          diags.error(kConfigFile, lines.line_of(p), "mỗi chỉ tiêu phải là một nhóm { \"column\": …, \"min_per_month\": … }");
          continue;
        }
        ObjectReader q((*quotas)[i], p, lines, diags);
        Quota quota;
        q.text("column", quota.column, true);
        q.integer("min_per_month", quota.min_per_month, 0, 100000, true);
        if (!quota.column.empty() && !config.find_column(quota.column))
          diags.error(kConfigFile, q.line("column"), "chỉ tiêu ghi chuyên mục \"" + quota.column + "\", không có trong \"columns\"");
        config.quotas.push_back(quota);
      }
    }
  }
  return diags.error_count() == errors_before;
}

bool load_config(const std::string& site_root, SiteConfig& config, Diagnostics& diags) {
  std::string raw;
  if (!read_file(site_root + "/" + kConfigFile, raw)) {
    diags.error(kConfigFile, 0, "không đọc được tệp cấu hình",
                "bangtin tìm site-config.json trong thư mục --source (mặc định: thư mục hiện tại)");
    return false;
  }
  return parse_config(raw, config, diags);
}

}  // namespace bangtin
