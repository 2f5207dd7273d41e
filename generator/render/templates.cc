#include "render/templates.h"

#include <atomic>
#include <filesystem>
#include <memory>
#include <kainjow/mustache.hpp>

#include "core/disk.h"
#include "core/text.h"

namespace fs = std::filesystem;
namespace mstch = kainjow::mustache;

namespace bangtin {

namespace {

// A key no template can name (mustache names are printable): an object
// holding only it stands for a prepared part.
const char kPartKey[] = "\x01part";

// A part reference stays a one-key object here: PartContext puts the
// prepared part in its place when a section enters it.
mstch::data to_data(const nlohmann::json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::object: {
      // Moved in: set() would copy the whole subtree once more per level.
      mstch::data d{mstch::data::type::object};
      for (auto it = j.begin(); it != j.end(); ++it) d[it.key()] = to_data(it.value());
      return d;
    }
    case nlohmann::json::value_t::array: {
      // kainjow's list API copies every element, and a card list is most of
      // a page's data. The list it owns is an ordinary vector reached through
      // a const accessor: fill it in place by moving.
      mstch::data d{mstch::data::type::list};
      auto& l = const_cast<mstch::list&>(d.list_value());
      l.reserve(j.size());
      for (const auto& e : j) l.push_back(to_data(e));
      return d;
    }
    case nlohmann::json::value_t::string: return mstch::data{j.get_ref<const std::string&>()};
    case nlohmann::json::value_t::boolean: return mstch::data{j.get<bool>()};
    case nlohmann::json::value_t::null: return mstch::data{false};
    default: return mstch::data{j.dump()};
  }
}

// kainjow's context (a stack of data, names looked up from the innermost
// out, "a.b" walked key by key), but where a section enters a part
// reference it enters the prepared part itself. Lists of cards then cost a
// one-key object per card instead of a deep copy of each card's data
// (kainjow's data has no shared or borrowed form).
class PartContext : public mstch::basic_context<std::string> {
 public:
  explicit PartContext(const std::vector<PreparedView>* parts) : parts_(parts) {}

  void push(const mstch::data* data) override { stack_.push_back(resolve(data)); }
  void pop() override { stack_.pop_back(); }

  const mstch::data* get(const std::string& name) const override {
    if (name == ".") return stack_.back();
    size_t dot = name.find('.');
    if (dot == std::string::npos) return get_partial(name);
    const std::string first = name.substr(0, dot);
    for (auto it = stack_.rbegin(); it != stack_.rend(); ++it) {
      const mstch::data* var = (*it)->get(first);
      for (size_t from = dot; var && from != std::string::npos;) {
        size_t next = name.find('.', from + 1);
        var = resolve(var)->get(name.substr(from + 1, next == std::string::npos ? std::string::npos : next - from - 1));
        from = next;
      }
      if (var) return var;
    }
    return nullptr;
  }
  // A partial is looked up like a plain name.
  const mstch::data* get_partial(const std::string& name) const override {
    for (auto it = stack_.rbegin(); it != stack_.rend(); ++it)
      if (const mstch::data* var = (*it)->get(name)) return var;
    return nullptr;
  }

 private:
  const mstch::data* resolve(const mstch::data* data) const {
    if (!parts_ || !data->is_object()) return data;
    const mstch::data* ref = data->get(kPartKey);
    if (!ref || !ref->is_string()) return data;
    size_t n = std::stoul(ref->string_value());
    return n < parts_->size() && !(*parts_)[n].empty() ? (*parts_)[n].data() : data;
  }

  const std::vector<PreparedView>* parts_;
  std::vector<const mstch::data*> stack_;
};

// kainjow's own html_escape, byte for byte (&apos; included), but copying
// the runs between special characters instead of appending one character at
// a time: escaping was 3% of a build.
std::string escape_like_kainjow(const std::string& s) {
  auto special = [](char c) { return c == '&' || c == '<' || c == '>' || c == '"' || c == '\''; };
  size_t i = 0;
  while (i < s.size() && !special(s[i])) ++i;
  if (i == s.size()) return s;
  std::string out;
  out.reserve(s.size() + s.size() / 8 + 16);
  size_t from = 0;
  for (; i < s.size(); ++i) {
    if (!special(s[i])) continue;
    out.append(s, from, i - from);
    switch (s[i]) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += "&apos;"; break;
    }
    from = i + 1;
  }
  out.append(s, from);
  return out;
}

void add_file(std::map<std::string, std::string>& templates, std::map<std::string, std::string>& origin,
              std::map<std::string, nlohmann::json>& strings, const std::string& rel, const std::string& text,
              Diagnostics& diags) {
  // rel: "templates/home.mustache" or "templates/i18n/vi.json"
  std::string name = rel.substr(10);
  if (ends_with(name, ".mustache")) {
    name.resize(name.size() - 9);
    templates[name] = to_nfc(text);
    origin[name] = rel;
  } else if (starts_with(name, "i18n/") && ends_with(name, ".json")) {
    std::string lang = name.substr(5, name.size() - 10);
    try {
      nlohmann::json j = nlohmann::json::parse(text);
      if (!j.is_object()) throw std::runtime_error("not an object");
      for (auto it = j.begin(); it != j.end(); ++it) strings[lang][it.key()] = it.value();
    } catch (const std::exception& e) {
      diags.error(rel, 0, std::string("tệp chữ giao diện không phải nhóm JSON hợp lệ: ") + e.what());
    }
  }
}

}  // namespace

Templates Templates::load(const std::string& site_root, Diagnostics& diags) {
  Templates t;
  for (const auto& [path, bytes] : builtin_theme())
    if (starts_with(path, "templates/")) add_file(t.templates_, t.origin_, t.strings_, path, bytes, diags);
  fs::path dir = fs::path(site_root) / "templates";
  std::error_code ec;
  if (fs::is_directory(dir, ec)) {
    std::vector<std::string> files;
    for (auto& e : fs::recursive_directory_iterator(dir, ec))
      if (e.is_regular_file()) files.push_back(e.path().lexically_relative(site_root).generic_string());
    std::sort(files.begin(), files.end());
    for (const auto& rel : files) {
      std::string text;
      if (!read_file(site_root + "/" + rel, text)) {
        diags.error(rel, 0, "không đọc được mẫu trang");
        continue;
      }
      if (find_invalid_utf8(text) != std::string::npos) {
        diags.error(rel, 0, "mẫu trang không đúng mã UTF-8");
        continue;
      }
      add_file(t.templates_, t.origin_, t.strings_, rel, text, diags);
    }
  }
  t.finish();
  return t;
}

Templates Templates::from(std::map<std::string, std::string> templates, std::map<std::string, nlohmann::json> strings) {
  Templates t;
  for (auto& [name, text] : templates) t.origin_[name] = "templates/" + name + ".mustache";
  t.templates_ = std::move(templates);
  t.strings_ = std::move(strings);
  t.finish();
  return t;
}

void Templates::finish() {
  static std::atomic<uint64_t> generations{0};
  generation_ = ++generations;
  nlohmann::json base = nlohmann::json::object();
  if (auto it = strings_.find("vi"); it != strings_.end()) base = it->second;
  merged_["vi"] = base;
  for (const auto& [lang, own] : strings_) {
    nlohmann::json m = base;
    for (auto s = own.begin(); s != own.end(); ++s) m[s.key()] = s.value();
    merged_[lang] = std::move(m);
  }
}

const nlohmann::json& Templates::strings(const std::string& lang) const {
  auto it = merged_.find(lang);
  if (it == merged_.end()) it = merged_.find("vi");
  static const nlohmann::json empty = nlohmann::json::object();
  return it == merged_.end() ? empty : it->second;
}

// Partials are inlined once, so kainjow does not parse them again at every
// use (a list page uses the card partial twenty times).
std::string Templates::expand(const std::string& name, int depth) const {
  auto it = templates_.find(name);
  if (it == templates_.end()) return {};
  const std::string& text = it->second;
  if (depth > 8) return text;  // a partial that includes itself stays a runtime partial
  std::string out;
  size_t pos = 0;
  for (;;) {
    size_t open = text.find("{{>", pos);
    if (open == std::string::npos) break;
    size_t close = text.find("}}", open);
    if (close == std::string::npos) break;
    std::string partial = squash_spaces(text.substr(open + 3, close - open - 3));
    out += text.substr(pos, open - pos);
    if (templates_.count(partial)) out += expand(partial, depth + 1);
    else out += text.substr(open, close + 2 - open);
    pos = close + 2;
  }
  return out + text.substr(pos);
}

kainjow::mustache::mustache* Templates::parsed(const std::string& name, Diagnostics& diags) const {
  if (!templates_.count(name)) {
    diags.error("templates/" + name + ".mustache", 0, "thiếu mẫu trang");
    return nullptr;
  }
  // Parsed once per thread and template set: kainjow's render is not const.
  thread_local uint64_t cached_generation = 0;
  thread_local std::map<std::string, std::unique_ptr<mstch::mustache>> cache;
  if (cached_generation != generation_) {
    cache.clear();
    cached_generation = generation_;
  }
  auto& tmpl = cache[name];
  if (!tmpl) {
    tmpl = std::make_unique<mstch::mustache>(expand(name, 0));
    tmpl->set_custom_escape(escape_like_kainjow);
  }
  if (!tmpl->is_valid()) {
    diags.error(origin_.at(name), 0, "lỗi mẫu trang: " + tmpl->error_message());
    tmpl.reset();
    return nullptr;
  }
  return tmpl.get();
}

// Partials left (a self-including one) are looked up under their own
// names, which, under templates/partials/, never shadow a key of the view.
void Templates::add_partials(mstch::data& data) const {
  for (const auto& [pname, ptext] : templates_) {
    if (!starts_with(pname, "partials/")) continue;
    const std::string* text = &ptext;
    data.set(pname, mstch::partial{[text] { return *text; }});
  }
}

std::string Templates::render(const std::string& name, const nlohmann::json& view, Diagnostics& diags) const {
  mstch::mustache* tmpl = parsed(name, diags);
  if (!tmpl) return {};
  mstch::data data = to_data(view);
  add_partials(data);
  std::string out = tmpl->render(data);
  if (!tmpl->is_valid()) {
    diags.error(origin_.at(name), 0, "lỗi mẫu trang: " + tmpl->error_message());
    return {};
  }
  return out;
}

PreparedView Templates::prepare(const nlohmann::json& shared) const {
  auto data = std::make_shared<mstch::data>(to_data(shared));
  add_partials(*data);
  PreparedView v;
  v.data_ = std::move(data);
  return v;
}

PreparedView Templates::prepare_part(const nlohmann::json& part) const {
  PreparedView v;
  v.data_ = std::make_shared<mstch::data>(to_data(part));
  return v;
}

nlohmann::json Templates::part_ref(size_t n) { return {{kPartKey, n}}; }

std::string Templates::render(const std::string& name, const nlohmann::json& own, const nlohmann::json& page,
                              const PreparedView& shared, Diagnostics& diags,
                              const std::vector<PreparedView>* parts) const {
  mstch::mustache* tmpl = parsed(name, diags);
  if (!tmpl) return {};
  // kainjow looks a name up from the innermost context out, as in one
  // object where the inner layer's keys replace the outer ones'; no page
  // view repeats a top-level key of its frame (page, share, lang, t, site,
  // menu, assets, banners), so dotted names resolve alike too.
  mstch::data own_data = to_data(own), page_data = to_data(page);
  PartContext ctx{parts};
  ctx.push(shared.data_.get());
  ctx.push(&page_data);
  ctx.push(&own_data);
  std::string out = tmpl->render(ctx);
  if (!tmpl->is_valid()) {
    diags.error(origin_.at(name), 0, "lỗi mẫu trang: " + tmpl->error_message());
    return {};
  }
  return out;
}

}  // namespace bangtin
