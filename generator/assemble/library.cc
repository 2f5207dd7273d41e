#include "assemble/library.h"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "core/paths.h"
#include "core/text.h"

namespace bangtin {

const Edition* Library::edition(const std::string& lang) const {
  for (const auto& e : editions)
    if (e.lang == lang) return &e;
  return nullptr;
}

std::string language_prefix(const SiteConfig& config, const std::string& lang) {
  return lang == config.default_language ? "" : "/" + lang;
}

std::string paged_url(const std::string& base, size_t page) {
  return page <= 1 ? base : base + "trang/" + std::to_string(page) + "/";
}

namespace {


void set_publication(Item& item, Library& lib) {
  Timestamp now = lib.now;
  auto consider = [&](Timestamp t) {
    if (t > now && (!lib.next_change || t < *lib.next_change ||
                    (t == *lib.next_change && item.source < lib.next_change_reason))) {
      lib.next_change = t;
      lib.next_change_reason = item.source;
    }
  };
  if (item.draft) {
    item.publication = Publication::Draft;
    return;
  }
  Timestamp start = item.date;
  std::optional<Timestamp> end = item.expires;
  if (item.banner) {
    if (item.banner->start && *item.banner->start > start) start = *item.banner->start;
    if (item.banner->end && (!end || *item.banner->end < *end)) end = item.banner->end;
  }
  consider(start);
  if (end) consider(*end);
  if (start > now) item.publication = Publication::Scheduled;
  else if (end && *end <= now) item.publication = Publication::Expired;
  else item.publication = Publication::Published;
}

// Newest first; equal dates fall back to the source path so order never
// depends on discovery or thread timing.
bool newer(const Item& a, const Item& b) {
  if (a.date != b.date) return a.date > b.date;
  return a.source < b.source;
}

bool pinned_first(const Item& a, const Item& b) {
  if (a.featured != b.featured) return a.featured;
  if (a.featured && a.weight != b.weight) return a.weight < b.weight;
  return newer(a, b);
}

void sort_ids(std::vector<size_t>& ids, const std::vector<Item>& items, bool (*less)(const Item&, const Item&)) {
  std::sort(ids.begin(), ids.end(), [&](size_t a, size_t b) { return less(items[a], items[b]); });
}

std::vector<Group> make_groups(const std::map<std::string, std::vector<size_t>>& m, const std::vector<Item>& items) {
  std::vector<Group> out;
  std::set<std::string> slugs;
  for (const auto& [name, ids] : m) {
    Group g{name, slugify(name), ids};
    if (g.slug.empty()) g.slug = "khac";
    std::string base = g.slug;
    for (int n = 2; !slugs.insert(g.slug).second; ++n) g.slug = base + "-" + std::to_string(n);
    sort_ids(g.items, items, newer);
    out.push_back(std::move(g));
  }
  std::sort(out.begin(), out.end(), [](const Group& a, const Group& b) { return collate_less(a.name, b.name); });
  return out;
}

std::vector<Tag> make_tags(const std::vector<size_t>& ids, const std::vector<Item>& items) {
  std::map<std::string, std::map<std::string, int>> spellings;  // key → spelling → count
  std::map<std::string, std::vector<size_t>> members;
  // A few dozen spellings recur on thousands of items: fold each once (slugify is ICU work).
  std::unordered_map<std::string, std::string> keys;
  for (size_t id : ids) {
    std::set<std::string> seen;
    for (const auto& t : items[id].tags) {
      auto known = keys.find(t);
      if (known == keys.end()) known = keys.emplace(t, label_key(t)).first;
      const std::string& key = known->second;
      if (!seen.insert(key).second) continue;
      spellings[key][t]++;
      members[key].push_back(id);
    }
  }
  std::vector<Tag> tags;
  for (auto& [key, counts] : spellings) {
    // The spelling most editors used; on a tie the one with more capitals
    // ("Đại hội XIV" over "đại hội xiv"), then the one sorting first.
    auto capitals = [](const std::string& s) { return count_uppercase(s); };
    std::string best;
    int best_n = 0;
    for (const auto& [s, n] : counts)
      if (n > best_n || (n == best_n && (capitals(s) > capitals(best) ||
                                          (capitals(s) == capitals(best) && collate_less(s, best)))))
        best = s, best_n = n;
    Tag tag{key, best, slugify(best), members[key]};
    sort_ids(tag.items, items, newer);
    tags.push_back(std::move(tag));
  }
  std::sort(tags.begin(), tags.end(), [](const Tag& a, const Tag& b) { return collate_less(a.name, b.name); });
  // Distinct tags can fold to one slug ("đường" and "dương"): number the later ones.
  std::set<std::string> used;
  for (auto& t : tags) {
    if (t.slug.empty()) t.slug = "the";
    std::string base = t.slug;
    for (int n = 2; !used.insert(t.slug).second; ++n) t.slug = base + "-" + std::to_string(n);
  }
  return tags;
}

}  // namespace

Library assemble(std::vector<Item> items, const SiteConfig& config, Timestamp now, Diagnostics& diags,
                 bool preview) {
  Library lib;
  lib.now = now;
  lib.items = std::move(items);
  std::sort(lib.items.begin(), lib.items.end(), [](const Item& a, const Item& b) { return a.source < b.source; });
  for (size_t i = 0; i < lib.items.size(); ++i) {
    lib.items[i].id = i;
    lib.by_source[lib.items[i].source] = i;
  }

  // URLs that lists own; an item or alias may not take them.
  std::map<std::string, std::string> taken;  // url → who
  for (const auto& lang : config.languages) {
    std::string p = language_prefix(config, lang.code);
    for (const char* seg : {"chuyen-muc", "the", "don-vi", "trang", "tim-kiem", "assets", "404", "tep", "thu-vien", "bao-cao"})
      taken[p + "/" + seg + "/"] = "trang của cổng";
    for (Kind k : kAllKinds) {
      if (*kind_url_segment(k) == 0) continue;
      taken[p + "/" + kind_url_segment(k) + "/"] = "danh sách " + std::string(kind_folder(k));
      taken[p + "/" + kind_url_segment(k) + "/trang/"] = "danh sách " + std::string(kind_folder(k));
    }
    for (const char* seg : {"loai", "co-quan", "nam"}) taken[p + "/van-ban/" + seg + "/"] = "thư viện văn bản";
    if (!p.empty()) taken[p + "/"] = "trang chủ tiếng " + lang.code;
  }
  for (const auto& lang : config.languages)
    if (lang.code != config.default_language) taken["/" + lang.code + "/"] = "trang chủ tiếng " + lang.code;

  // Slugs: a translation without its own slug shares its original's.
  std::map<std::string, std::string> key_slug;
  for (auto& item : lib.items) {
    if (item.slug.empty() && item.lang == config.default_language) item.slug = slugify(item.name);
    if (item.lang == config.default_language) key_slug[item.translation_key] = item.slug;
  }
  for (auto& item : lib.items) {
    if (item.slug.empty()) {
      auto it = key_slug.find(item.translation_key);
      item.slug = it != key_slug.end() ? it->second : slugify(item.name);
    }
    if (item.slug.empty()) {
      diags.error(item.source, 0, "tên tệp không có chữ hoặc số để làm địa chỉ trang",
                  "đổi tên tệp, hoặc khai slug: trong front matter");
      continue;
    }
    set_publication(item, lib);
    item.preview = preview && (item.publication == Publication::Draft || item.publication == Publication::Scheduled);
    std::string seg = kind_url_segment(item.kind);
    item.url = language_prefix(config, item.lang) + "/" + (seg.empty() ? "" : seg + "/") + item.slug + "/";
    item.output_path = item.url.substr(1) + "index.html";
    if (!lib.has_page(item)) continue;
    auto [it, fresh] = taken.emplace(item.url, item.source);
    if (!fresh)
      diags.error(item.source, item.key_lines.count("slug") ? item.line_of("slug") : 0,
                  "địa chỉ " + item.url + " đã được dùng cho " + it->second,
                  "đổi tên một trong hai tệp, hoặc khai slug: khác");
  }
  for (auto& item : lib.items) {
    if (!lib.has_page(item)) continue;
    for (const auto& alias : item.aliases) {
      std::string a = alias;
      if (ends_with(a, "/index.html")) a.resize(a.size() - 10);
      if (auto [it, fresh] = taken.emplace(a, item.source); !fresh)
        diags.error(item.source, item.line_of("aliases"), "alias " + alias + " đã được dùng cho " + it->second);
      else
        lib.aliases[alias] = item.id;
    }
  }

  // Translations: every item of one key links the others that have a page.
  std::map<std::string, std::vector<size_t>> groups;
  for (const auto& item : lib.items)
    if (lib.has_page(item)) groups[item.translation_key].push_back(item.id);
  for (auto& [key, ids] : groups)
    for (size_t id : ids)
      for (size_t other : ids)
        if (other != id) lib.items[id].translations.push_back(other);

  // Banner links to content files become that item's URL.
  for (auto& item : lib.items) {
    if (!item.banner || item.banner->link.empty() || !ends_with(ascii_lower(item.banner->link), ".md")) continue;
    auto rel = resolve_site_path(item.dir, item.banner->link);
    auto it = rel ? lib.by_source.find(*rel) : lib.by_source.end();
    if (it == lib.by_source.end() || !lib.has_page(lib.items[it->second]))
      diags.error(item.source, item.line_of("link"), "\"link\" trỏ tới " + item.banner->link + ", không phải một mục đã đăng");
    else
      item.banner->link = lib.items[it->second].url;
  }

  for (const auto& lang : config.languages) {
    Edition ed;
    ed.lang = lang.code;
    ed.prefix = language_prefix(config, lang.code);
    std::map<std::string, std::vector<size_t>> types, issuers, years;
    std::vector<size_t> listed;
    for (const auto& item : lib.items) {
      if (item.lang != lang.code || !item.listed()) continue;
      if (item.kind == Kind::Banner) {
        ed.banners.push_back(item.id);
        continue;
      }
      if (item.kind == Kind::Page) {
        if (item.page && item.page->menu) ed.menu.push_back(item.id);
        continue;
      }
      listed.push_back(item.id);
      ed.by_kind[item.kind].push_back(item.id);
      if (item.featured) ed.featured.push_back(item.id);
      for (const auto& c : item.columns) ed.by_column[c].push_back(item.id);
      if (!item.unit.empty()) ed.by_unit[item.unit].push_back(item.id);
      if (item.document) {
        types[item.document->doc_type].push_back(item.id);
        issuers[item.document->issuer].push_back(item.id);
        if (item.document->issued)
          years[std::to_string(to_civil(*item.document->issued, config.utc_offset_minutes).year)].push_back(item.id);
      }
    }
    ed.latest = listed;
    sort_ids(ed.latest, lib.items, newer);
    sort_ids(ed.featured, lib.items, pinned_first);
    for (auto& [k, ids] : ed.by_column) sort_ids(ids, lib.items, pinned_first);
    for (auto& [k, ids] : ed.by_unit) sort_ids(ids, lib.items, newer);
    for (auto& [k, ids] : ed.by_kind) sort_ids(ids, lib.items, newer);
    ed.tags = make_tags(ed.latest, lib.items);
    ed.doc_types = make_groups(types, lib.items);
    ed.issuers = make_groups(issuers, lib.items);
    ed.years = make_groups(years, lib.items);
    std::reverse(ed.years.begin(), ed.years.end());
    std::sort(ed.banners.begin(), ed.banners.end(), [&](size_t a, size_t b) {
      const Item &x = lib.items[a], &y = lib.items[b];
      if (x.banner->placement != y.banner->placement) return x.banner->placement < y.banner->placement;
      if (x.weight != y.weight) return x.weight < y.weight;
      return newer(x, y);
    });
    std::sort(ed.menu.begin(), ed.menu.end(), [&](size_t a, size_t b) {
      const Item &x = lib.items[a], &y = lib.items[b];
      if (*x.page->menu != *y.page->menu) return *x.page->menu < *y.page->menu;
      return x.source < y.source;
    });
    lib.editions.push_back(std::move(ed));
  }
  return lib;
}

}  // namespace bangtin

namespace bangtin {

std::string resource_url(const Item& item, const std::string& rel) {
  if (item.bundle && starts_with(rel, item.dir + "/")) return item.url + rel.substr(item.dir.size() + 1);
  std::string r = starts_with(rel, "content/") ? rel.substr(8) : rel;
  return "/tep/" + r;
}

std::string url_to_output_path(const std::string& url) {
  std::string p = starts_with(url, "/") ? url.substr(1) : url;
  if (p.empty() || ends_with(p, "/")) return p + "index.html";
  // "/tin-tuc/cu" has no extension: publish it as a folder so servers send HTML.
  if (file_name(p).find('.') == std::string::npos) p += "/index.html";
  return p;
}

const Item& in_language(const Library& lib, const Item& target, const std::string& lang) {
  if (target.lang == lang) return target;
  for (size_t id : target.translations)
    if (lib.items[id].lang == lang) return lib.items[id];
  return target;
}

}  // namespace bangtin
