#include "content/front_matter.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <regex>
#include <sstream>
#include <set>

#include "core/paths.h"
#include "core/text.h"

namespace bangtin {

namespace {

const std::set<std::string>& common_keys() {
  static const std::set<std::string> k{"title",     "date",     "updated", "summary", "columns",
                                       "tags",      "unit",     "author",  "cover",   "cover_alt",
                                       "featured",  "weight",   "draft",   "expires", "aliases",
                                       "slug",      "focal_point"};
  return k;
}

std::set<std::string> kind_keys(Kind kind) {
  switch (kind) {
    case Kind::Article: return {};
    case Kind::Infographic: return {"image", "alt"};
    case Kind::Video: return {"video", "poster", "duration", "captions"};
    case Kind::Audio: return {"audio", "duration"};
    case Kind::Document: return {"number", "doc_type", "issuer", "issued", "effective", "file"};
    case Kind::Banner: return {"image", "alt", "link", "start", "end", "placement"};
    case Kind::Page: return {"menu"};
  }
  return {};
}

const char* yaml_type(const YAML::Node& n) {
  switch (n.Type()) {
    case YAML::NodeType::Sequence: return "danh sách";
    case YAML::NodeType::Map: return "nhóm khóa";
    case YAML::NodeType::Null: return "giá trị trống";
    default: return "chữ";
  }
}

// Reads the front matter of one item; holds what every field reader needs.
class FieldReader {
 public:
  FieldReader(Item& item, const SiteConfig& config, const std::string& site_root, Diagnostics& diags, int line_base)
      : item_(item), config_(config), root_(site_root), diags_(diags), base_(line_base) {}

  int line(const YAML::Node& n) const { return n.Mark().line >= 0 ? n.Mark().line + base_ : 1; }
  void error(const YAML::Node& n, const std::string& msg, const std::string& hint = {}) {
    diags_.error(item_.source, line(n), msg, hint);
  }

  std::optional<std::string> text(const YAML::Node& n, const std::string& key) {
    if (!n.IsScalar()) {
      error(n, "\"" + key + "\" phải là chữ, không phải " + yaml_type(n));
      return std::nullopt;
    }
    // An empty optional value ("", or a key left blank from an archetype)
    // is the same as no value; required keys are checked by required_text().
    // The file was cleaned when read; what is left to clean here is what a
    // YAML escape makes ("\x1f" in double quotes).
    std::string s = n.Scalar();
    clean_read_text(s, item_.source, line(n), diags_);
    s = squash_spaces(to_nfc(s));
    if (s.empty()) return std::nullopt;
    return s;
  }

  std::optional<bool> boolean(const YAML::Node& n, const std::string& key) {
    bool b;
    if (n.IsScalar() && YAML::convert<bool>::decode(n, b)) return b;
    error(n, "\"" + key + "\" phải là true hoặc false");
    return std::nullopt;
  }

  std::optional<int> integer(const YAML::Node& n, const std::string& key) {
    if (n.IsScalar()) {
      const std::string& s = n.Scalar();
      static const std::regex re("-?[0-9]{1,9}");
      if (std::regex_match(s, re)) return std::stoi(s);
    }
    error(n, "\"" + key + "\" phải là số nguyên");
    return std::nullopt;
  }

  std::optional<Timestamp> date(const YAML::Node& n, const std::string& key) {
    if (n.IsScalar()) {
      if (auto t = parse_iso_datetime(n.Scalar(), config_.utc_offset_minutes)) return t;
    }
    error(n, "\"" + key + "\" không phải ngày hợp lệ: \"" + (n.IsScalar() ? n.Scalar() : std::string("…")) + "\"",
          "viết theo dạng 2026-01-19 hoặc 2026-01-19T08:00:00+07:00");
    return std::nullopt;
  }

  // "30% 60%" (as CSS writes object-position), "30 60", "30%, 60%" or [30, 60].
  std::optional<FocalPoint> focal_point(const YAML::Node& n) {
    std::vector<std::string> parts;
    if (n.IsSequence()) {
      for (const auto& e : n) parts.push_back(e.IsScalar() ? e.Scalar() : "?");
    } else if (n.IsScalar()) {
      std::string s = n.Scalar();
      for (char& c : s)
        if (c == ',' || c == ';') c = ' ';
      std::istringstream words(s);
      for (std::string w; words >> w;) parts.push_back(w);
    }
    std::vector<double> v;
    for (std::string p : parts) {
      if (!p.empty() && p.back() == '%') p.pop_back();
      static const std::regex re("[0-9]{1,3}(\\.[0-9]+)?");
      if (!std::regex_match(p, re) || std::stod(p) > 100) break;
      v.push_back(std::stod(p));
    }
    if (v.size() == 2 && parts.size() == 2) return FocalPoint{v[0], v[1]};
    error(n, "\"focal_point\" phải là hai số phần trăm (ngang, dọc), ví dụ focal_point: 30% 60%",
          "0% 0% là góc trên bên trái, 50% 50% là giữa ảnh");
    return std::nullopt;
  }

  std::vector<std::pair<std::string, YAML::Node>> list(const YAML::Node& n, const std::string& key) {
    std::vector<std::pair<std::string, YAML::Node>> out;
    if (!n.IsSequence()) {
      error(n, "\"" + key + "\" phải là danh sách, ví dụ " + key + ": [a, b]");
      return out;
    }
    for (const auto& e : n)
      if (auto s = text(e, key)) out.emplace_back(*s, e);
    return out;
  }

  // A file the item refers to: resolved against the item's folder, inside the
  // site, existing, with an allowed extension.
  std::optional<std::string> file(const YAML::Node& n, const std::string& key,
                                  const std::set<std::string>& extensions, const std::string& what) {
    auto s = text(n, key);
    if (!s) return std::nullopt;
    auto rel = resolve_site_path(item_.dir, *s);
    if (!rel) {
      error(n, "đường dẫn \"" + key + "\" \"" + *s + "\" đi ra ngoài thư mục trang",
            "đặt tệp cạnh bài (trong thư mục gói của bài) và ghi tên tệp");
      return std::nullopt;
    }
    std::string ext = extension_lower(*rel);
    if (!extensions.count(ext)) {
      std::string list;
      for (const auto& e : extensions) list += (list.empty() ? "" : ", ") + e;
      error(n, "\"" + key + "\" phải là " + what + " (" + list + "), không phải \"" + file_name(*rel) + "\"");
      return std::nullopt;
    }
    switch (check_site_file(root_, *rel)) {
      case FileCheck::Ok: return rel;
      case FileCheck::OutsideRoot:
        error(n, "tệp \"" + key + "\" \"" + *s + "\" là liên kết trỏ ra ngoài thư mục trang",
              "chép tệp vào thư mục gói thay vì tạo liên kết");
        return std::nullopt;
      default:
        error(n, "không có tệp \"" + key + "\" \"" + *s + "\" (đã tìm " + *rel + ")",
              "kiểm tra lại tên tệp (cả chữ hoa, chữ thường), hoặc đặt tệp cạnh bài");
        return std::nullopt;
    }
  }

 private:
  Item& item_;
  const SiteConfig& config_;
  const std::string& root_;
  Diagnostics& diags_;
  int base_;
};

const std::set<std::string> kImageExt{".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif"};

bool safe_link(const std::string& link) {
  std::string l = ascii_lower(link);
  if (starts_with(l, "https://") || starts_with(l, "http://") || starts_with(l, "mailto:") ||
      starts_with(l, "tel:"))
    return true;
  // A site path or a path to a content file; no scheme at all.
  auto colon = l.find(':'), slash = l.find('/');
  return colon == std::string::npos || (slash != std::string::npos && slash < colon);
}

}  // namespace

// Reads everything it can into `item`; false when anything was wrong.
static bool parse_fields(const SourceFile& file, const std::string& raw, const SiteConfig& config,
                         const std::string& site_root, Diagnostics& diags, Item& item) {
  item.kind = file.kind;
  item.source = file.path;
  item.dir = file.dir;
  item.bundle = file.bundle;
  item.name = file.name;
  item.lang = file.lang;
  item.translation_key = std::string(kind_folder(file.kind)) + "/" + file.name;

  size_t bad = find_invalid_utf8(raw);
  if (bad != std::string::npos) {
    int line = 1 + static_cast<int>(std::count(raw.begin(), raw.begin() + static_cast<long>(bad), '\n'));
    diags.error(file.path, line, "chữ không đúng mã UTF-8 (byte " + std::to_string(bad) + ")",
                "tệp được lưu bằng bảng mã khác; hãy lưu lại bằng UTF-8");
    return false;
  }
  // Cleaned before NFC: a control between a letter and its mark would keep
  // them from composing, and dropping it afterwards would leave NFD text.
  std::string text = raw;
  clean_read_text(text, file.path, 1, diags);
  text = to_nfc(text);
  if (starts_with(text, "\xEF\xBB\xBF")) text.erase(0, 3);
  // Line endings from Windows editors are fine.
  text.erase(std::remove(text.begin(), text.end(), '\r'), text.end());

  if (!starts_with(text, "---\n")) {
    diags.error(file.path, 1, "tệp phải bắt đầu bằng phần thông tin (front matter) nằm giữa hai dòng ---",
                "đầu tệp ghi ---, rồi title: và date:, rồi --- (xem docs/huong-dan-bien-tap.md)");
    return false;
  }
  size_t end = text.find("\n---\n", 3);
  size_t body_start;
  if (end == std::string::npos) {
    if (ends_with(text, "\n---")) {
      end = text.size() - 4;
      body_start = text.size();
    } else {
      diags.error(file.path, 1, "phần thông tin (front matter) chưa được đóng", "thêm một dòng --- sau khóa cuối cùng");
      return false;
    }
  } else {
    body_start = end + 5;
  }
  std::string yaml = text.substr(4, end - 3);
  item.body_line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(body_start), '\n'));
  item.body = text.substr(body_start);

  YAML::Node root;
  try {
    root = YAML::Load(yaml);
  } catch (const YAML::ParserException& e) {
    diags.error(file.path, e.mark.line + 2, "front matter không đúng cú pháp YAML: " + e.msg,
                "giá trị có dấu ': ' hoặc bắt đầu bằng dấu ngoặc phải đặt trong ngoặc kép \"…\"");
    return false;
  }
  if (!root.IsMap()) {
    diags.error(file.path, 2, "front matter phải gồm các dòng khóa: giá trị");
    return false;
  }

  size_t errors_before = diags.error_count();
  FieldReader r(item, config, site_root, diags, 2);
  std::set<std::string> allowed = common_keys(), extra = kind_keys(item.kind);
  allowed.insert(extra.begin(), extra.end());
  std::map<std::string, YAML::Node> fields;
  for (auto it = root.begin(); it != root.end(); ++it) {
    std::string key = it->first.Scalar();
    item.key_lines[key] = r.line(it->first);
    if (!allowed.count(key)) {
      std::string known;
      for (const auto& k : allowed) known += (known.empty() ? "" : ", ") + k;
      diags.error(file.path, r.line(it->first),
                  "khóa \"" + key + "\" không dùng được cho " + kind_folder(item.kind),
                  "các khóa dùng được: " + known);
      continue;
    }
    if (fields.count(key)) {
      diags.error(file.path, r.line(it->first), "\"" + key + "\" được khai hai lần");
      continue;
    }
    fields[key] = it->second;
  }
  auto field = [&](const std::string& key) -> const YAML::Node* {
    auto it = fields.find(key);
    return it == fields.end() ? nullptr : &it->second;
  };
  auto required = [&](const std::string& key) -> const YAML::Node* {
    const YAML::Node* n = field(key);
    if (!n) diags.error(file.path, 2, "thiếu khóa bắt buộc \"" + key + "\"",
                        "thêm dòng \"" + key + ": …\" vào front matter");
    return n;
  };
  auto required_text = [&](const std::string& key, std::string& out) {
    if (const YAML::Node* n = required(key)) {
      if (auto s = r.text(*n, key)) out = *s;
      else if (n->IsScalar()) r.error(*n, "\"" + key + "\" đang để trống", "điền nội dung cho \"" + key + "\"");
    }
  };

  required_text("title", item.title);
  if (auto n = required("date"))
    if (auto d = r.date(*n, "date")) item.date = *d;
  if (auto n = field("updated"))
    if (auto d = r.date(*n, "updated")) item.updated = d;
  if (auto n = field("expires"))
    if (auto d = r.date(*n, "expires")) item.expires = d;
  if (auto n = field("summary"))
    if (auto s = r.text(*n, "summary")) {
      item.summary = *s;
      item.summary_written = !s->empty();  // the archetype's blank `summary: ""` is none
    }
  if (auto n = field("author"))
    if (auto s = r.text(*n, "author")) item.author = *s;
  if (auto n = field("featured"))
    if (auto b = r.boolean(*n, "featured")) item.featured = *b;
  if (auto n = field("draft"))
    if (auto b = r.boolean(*n, "draft")) item.draft = *b;
  if (auto n = field("weight"))
    if (auto w = r.integer(*n, "weight")) item.weight = *w;
  if (auto n = field("slug")) {
    if (auto s = r.text(*n, "slug")) {
      item.slug = slugify(*s);
      if (item.slug.empty()) r.error(*n, "\"slug\" không có chữ hoặc số nào");
    }
  }
  const YAML::Node* columns = item.kind == Kind::Article ? required("columns") : field("columns");
  if (columns) {
    for (auto& [key, node] : r.list(*columns, "columns")) {
      if (!config.find_column(key)) {
        std::string known;
        for (const auto& c : config.columns) known += (known.empty() ? "" : ", ") + c.key;
        r.error(node, "chuyên mục \"" + key + "\" không có trong site-config.json", "các chuyên mục hiện có: " + known);
      } else if (std::find(item.columns.begin(), item.columns.end(), key) == item.columns.end()) {
        item.columns.push_back(key);
      }
    }
    if (item.kind == Kind::Article && columns->IsSequence() && columns->size() == 0)
      r.error(*columns, "tin, bài cần ít nhất một chuyên mục");
  }
  if (auto n = field("tags"))
    for (auto& [tag, node] : r.list(*n, "tags")) item.tags.push_back(tag);
  if (auto n = field("aliases")) {
    for (auto& [alias, node] : r.list(*n, "aliases")) {
      auto p = resolve_site_path("", alias);
      if (!p || p->empty()) r.error(node, "alias \"" + alias + "\" không phải một đường dẫn trên trang");
      else {
        // "/tin-cu/bai" and "/tin-cu/bai/" are one address: a folder.
        std::string a = "/" + *p;
        if (file_name(a).find('.') == std::string::npos) a += "/";
        item.aliases.push_back(a);
      }
    }
  }
  item.unit = config.default_unit;
  if (auto n = field("unit")) {
    if (auto s = r.text(*n, "unit")) {
      if (!config.find_unit(*s)) r.error(*n, "đơn vị \"" + *s + "\" không có trong site-config.json",
                                         "dùng khóa đơn vị có trong \"units\", hoặc thêm đơn vị vào đó");
      else item.unit = *s;
    }
  }
  if (auto n = field("cover"))
    if (auto p = r.file(*n, "cover", kImageExt, "ảnh")) item.cover = *p;
  if (auto n = field("cover_alt"))
    if (auto s = r.text(*n, "cover_alt")) item.cover_alt = *s;
  if (auto n = field("focal_point")) item.focal_point = r.focal_point(*n);
  if (!item.cover.empty() && item.cover_alt.empty())
    diags.warning(file.path, item.line_of("cover"), "ảnh bìa chưa có mô tả (cover_alt)",
                  "thêm cover_alt: một câu mô tả nội dung ảnh, cho người đọc không xem được ảnh");

  switch (item.kind) {
    case Kind::Article: break;
    case Kind::Infographic: {
      InfographicFields f;
      if (auto n = required("image")) {
        if (auto p = r.file(*n, "image", kImageExt, "ảnh")) f.image = *p;
        else if (n->IsScalar() && squash_spaces(n->Scalar()).empty()) r.error(*n, "\"image\" đang để trống");
      }
      required_text("alt", f.alt);
      item.infographic = f;
      break;
    }
    case Kind::Video: {
      VideoFields f;
      auto read_extra = [&](const YAML::Node& n, const std::string& key) {
        if (key == "poster") {
          if (auto p = r.file(n, key, kImageExt, "ảnh")) f.poster = *p;
        } else if (key == "captions") {
          if (auto p = r.file(n, key, {".vtt"}, "phụ đề WebVTT")) f.captions = *p;
        } else if (key == "duration") {
          if (n.IsScalar() && parse_duration(n.Scalar())) f.duration = parse_duration(n.Scalar());
          else r.error(n, "\"duration\" phải viết dạng HH:MM:SS hoặc số giây");
        }
      };
      if (auto v = required("video")) {
        if (!v->IsMap()) {
          r.error(*v, "\"video\" phải có một trong các khóa file:, youtube: hoặc url:");
        } else {
          int sources = 0;
          for (auto it = v->begin(); it != v->end(); ++it) {
            std::string key = it->first.Scalar();
            const YAML::Node n = it->second;  // a copy: it-> yields a temporary (ASan: use after scope)
            if (key == "file") {
              ++sources;
              if (auto p = r.file(n, "video.file", {".mp4", ".webm"}, "tệp video")) f.file = *p;
            } else if (key == "youtube") {
              ++sources;
              static const std::regex id("[A-Za-z0-9_-]{11}");
              if (auto s = r.text(n, "video.youtube")) {
                if (std::regex_match(*s, id)) f.youtube = *s;
                else r.error(n, "\"youtube\" phải là mã video 11 ký tự, ví dụ dQw4w9WgXcQ",
                             "lấy mã từ địa chỉ youtube.com/watch?v=MÃ");
              }
            } else if (key == "url") {
              ++sources;
              if (auto s = r.text(n, "video.url")) {
                if (starts_with(ascii_lower(*s), "https://") || starts_with(ascii_lower(*s), "http://")) f.url = *s;
                else r.error(n, "\"url\" phải bắt đầu bằng https://");
              }
            } else if (key == "poster" || key == "captions" || key == "duration") {
              read_extra(n, key);
            } else {
              r.error(it->first, "khóa \"" + key + "\" không dùng được trong video", "video có các khóa file, youtube, url, poster, captions, duration");
            }
          }
          if (sources != 1) r.error(*v, "\"video\" phải có đúng một trong file:, youtube: hoặc url:");
          else if (f.file.empty() && f.youtube.empty() && f.url.empty() && diags.error_count() == errors_before)
            r.error(*v, "\"video\" chưa có nguồn", "điền mã YouTube, tên tệp video hoặc địa chỉ url");
        }
      }
      for (const char* key : {"poster", "captions", "duration"})
        if (auto n = field(key)) read_extra(*n, key);
      item.video = f;
      break;
    }
    case Kind::Audio: {
      AudioFields f;
      if (auto n = required("audio")) {
        if (auto p = r.file(*n, "audio", {".mp3", ".m4a", ".ogg", ".oga", ".opus"}, "tệp âm thanh")) f.file = *p;
        else if (n->IsScalar() && squash_spaces(n->Scalar()).empty()) r.error(*n, "\"audio\" đang để trống");
      }
      if (auto n = field("duration")) {
        if (n->IsScalar() && parse_duration(n->Scalar())) f.duration = parse_duration(n->Scalar());
        else r.error(*n, "\"duration\" phải viết dạng HH:MM:SS hoặc số giây");
      }
      item.audio = f;
      break;
    }
    case Kind::Document: {
      DocumentFields f;
      required_text("number", f.number);
      required_text("doc_type", f.doc_type);
      required_text("issuer", f.issuer);
      if (auto n = required("issued")) f.issued = r.date(*n, "issued");
      if (auto n = field("effective")) f.effective = r.date(*n, "effective");
      if (auto n = field("file"))
        if (auto p = r.file(*n, "file", {".pdf", ".docx", ".doc", ".odt", ".xlsx", ".ods"}, "tệp văn bản")) f.file = *p;
      item.document = f;
      break;
    }
    case Kind::Banner: {
      BannerFields f;
      if (auto n = required("image")) {
        if (auto p = r.file(*n, "image", kImageExt, "ảnh")) f.image = *p;
        else if (n->IsScalar() && squash_spaces(n->Scalar()).empty()) r.error(*n, "\"image\" đang để trống");
      }
      required_text("alt", f.alt);
      if (auto n = field("link")) {
        if (auto s = r.text(*n, "link")) {
          if (safe_link(*s)) f.link = *s;
          else r.error(*n, "\"link\" phải là địa chỉ web (https://…) hoặc đường dẫn trên trang");
        }
      }
      if (auto n = field("start")) f.start = r.date(*n, "start");
      if (auto n = field("end")) f.end = r.date(*n, "end");
      if (f.start && f.end && *f.end < *f.start) r.error(*field("end"), "\"end\" sớm hơn \"start\"");
      f.placement = "home";
      if (auto n = field("placement")) {
        if (auto s = r.text(*n, "placement")) {
          if (*s == "top" || *s == "home" || *s == "sidebar") f.placement = *s;
          else r.error(*n, "\"placement\" phải là top, home hoặc sidebar");
        }
      }
      item.banner = f;
      break;
    }
    case Kind::Page: {
      PageFields f;
      if (auto n = field("menu")) f.menu = r.integer(*n, "menu");
      item.page = f;
      break;
    }
  }
  if (item.expires && *item.expires <= item.date)
    diags.error(file.path, item.line_of("expires"), "\"expires\" phải sau \"date\"");
  return diags.error_count() == errors_before;
}

std::optional<Item> parse_item(const SourceFile& file, const std::string& raw, const SiteConfig& config,
                               const std::string& site_root, Diagnostics& diags) {
  Diagnostics local;
  Item item;
  bool ok = parse_fields(file, raw, config, site_root, local, item);
  if (!item.draft) {
    diags.merge(local);
    if (!ok) return std::nullopt;
    return item;
  }
  // A draft is never published, so a half-written one must not stop a
  // deadline build: its problems are warnings until draft: true is removed.
  for (Diagnostic d : local.sorted()) {
    if (d.severity == Severity::Error) {
      d.severity = Severity::Warning;
      d.message = "(bản nháp) " + d.message;
    }
    diags.add(d);
  }
  return item;
}

}  // namespace bangtin
