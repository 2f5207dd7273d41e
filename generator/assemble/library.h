// The assemble stage: slugs, URLs and their collisions, publication rules,
// translations, columns, tags, units, ordering. After assemble() the Library
// is read-only and every later stage may read it from many threads.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "config/config.h"
#include "content/item.h"
#include "core/status.h"
#include "core/time.h"

namespace bangtin {

struct Tag {
  std::string key;   // label_key(): identity across case and composition
  std::string name;  // the spelling shown
  std::string slug;
  std::vector<size_t> items;  // listed items, newest first
};

struct Group {  // a document type, issuer or year in the document library
  std::string name;
  std::string slug;
  std::vector<size_t> items;
};

// Everything listed in one language.
struct Edition {
  std::string lang;
  std::string prefix;  // "" for the default language, "/en" otherwise
  std::vector<size_t> latest;      // listed items of listable kinds, newest first
  std::vector<size_t> featured;    // pinned, by weight then date
  std::map<std::string, std::vector<size_t>> by_column;  // column key → pinned first, then newest
  std::map<std::string, std::vector<size_t>> by_unit;
  std::map<Kind, std::vector<size_t>> by_kind;
  std::vector<Tag> tags;           // Vietnamese collation
  std::vector<Group> doc_types, issuers, years;  // years newest first
  std::vector<size_t> banners;     // running now, by placement then weight
  std::vector<size_t> menu;        // pages with a menu position
};

struct Library {
  std::vector<Item> items;  // every parsed item, id == index; drafts included
  std::vector<Edition> editions;  // one per configured language, default first
  std::map<std::string, size_t> by_source;  // "content/articles/x.md" → id
  std::map<std::string, size_t> aliases;    // "/old/path" → id
  Timestamp now;
  std::optional<Timestamp> next_change;  // next publish, expiry, banner start or end
  std::string next_change_reason;        // the source path that changes then

  const Edition* edition(const std::string& lang) const;
  // Items that get a page: everything but drafts and scheduled items.
  bool has_page(const Item& item) const {
    return item.publication == Publication::Published || item.publication == Publication::Expired || item.preview;
  }
};

// The URL prefix of a language ("" for the default language).
std::string language_prefix(const SiteConfig& config, const std::string& lang);
// "/chuyen-muc/dai-hoi-xiv/" and its page n ("/chuyen-muc/dai-hoi-xiv/trang/2/").
std::string paged_url(const std::string& base, size_t page);

// `preview` (serve mode) also lists drafts and scheduled items, marked as such.
Library assemble(std::vector<Item> items, const SiteConfig& config, Timestamp now, Diagnostics& diags,
                 bool preview = false);

}  // namespace bangtin

namespace bangtin {
// Where a file an item refers to is published: inside the item's own folder
// for files in its bundle ("/bai-viet/x/anh-1.jpg"), else under /tep/.
std::string resource_url(const Item& item, const std::string& rel);
// Output path (no leading '/') of a resource URL.
std::string url_to_output_path(const std::string& url);
// The version of `target` in `lang`, when it has one with a page.
const Item& in_language(const Library& lib, const Item& target, const std::string& lang);
}  // namespace bangtin
