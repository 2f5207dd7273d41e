#include "site/memo.h"

#include "core/hash.h"

namespace bangtin {

namespace {

void mix(uint64_t& h, std::string_view part) {  // one field of a key
  h = fnv1a64(part, h);
  h = fnv1a64(std::string_view("\x1f", 1), h);  // so "ab"+"c" and "a"+"bc" differ
}

}  // namespace

void BuildMemo::begin(uint64_t config_key) {
  std::lock_guard<std::mutex> lock(mu_);
  if (config_key != config_key_) {
    parsed_.clear();
    bodies_.clear();
    config_key_ = config_key;
  }
  parsed_fresh_ = bodies_fresh_ = 0;
}

bool BuildMemo::find_parsed(const std::string& site_root, const SourceFile& source, const FileStamp& stamp,
                            std::optional<Item>& item, Diagnostics& diags) {
  std::unique_lock<std::mutex> lock(mu_);
  auto it = parsed_.find(source.path);
  if (it == parsed_.end() || !(it->second.stamp == stamp)) return false;
  const Parsed& p = it->second;
  lock.unlock();  // entries are only replaced by keep_parsed for the same path, on this same thread
  if (!lookups_unchanged(site_root, p.lookups)) return false;
  item = p.item;
  diags.merge(p.diags);
  return true;
}

void BuildMemo::keep_parsed(const SourceFile& source, const FileStamp& stamp, const std::optional<Item>& item,
                            const Diagnostics& diags, FileLookups lookups) {
  Parsed p{stamp, 0, item, diags, std::move(lookups)};
  std::lock_guard<std::mutex> lock(mu_);
  p.epoch = ++epochs_;
  parsed_[source.path] = std::move(p);
  ++parsed_fresh_;
}

std::string BuildMemo::links_of(const Library& lib, const Item& item, const std::vector<std::string>& sources) {
  std::string out;
  for (const std::string& source : sources) {
    auto it = lib.by_source.find(source);
    if (it == lib.by_source.end()) out += "-";
    else if (!lib.has_page(lib.items[it->second])) out += "0";
    else out += in_language(lib, lib.items[it->second], item.lang).url;
    out += '\n';
  }
  return out;
}

// The text, its folder and its first line come from the parse; the address
// from assemble.
uint64_t BuildMemo::body_key_locked(const Item& item) const {
  auto parsed = parsed_.find(item.source);
  uint64_t h = 14695981039346656037ull;
  mix(h, std::to_string(parsed == parsed_.end() ? 0 : parsed->second.epoch));
  for (const std::string* part : {&item.url, &item.lang}) mix(h, *part);
  return h;
}

bool BuildMemo::find_body(const std::string& site_root, const Library& lib, const Item& item, RenderedBody& body,
                          Diagnostics& diags) {
  std::unique_lock<std::mutex> lock(mu_);
  auto it = bodies_.find(item.source);
  if (it == bodies_.end() || it->second.key != body_key_locked(item)) return false;
  const Body& b = it->second;
  lock.unlock();
  if (links_of(lib, item, b.body.linked_sources) != b.links || !lookups_unchanged(site_root, b.lookups)) return false;
  std::vector<size_t> targets;
  for (const std::string& source : b.anchor_sources) {
    auto t = lib.by_source.find(source);
    if (t == lib.by_source.end()) return false;
    targets.push_back(t->second);
  }
  body = b.body;
  for (size_t i = 0; i < targets.size(); ++i) body.anchor_links[i].target = targets[i];
  diags.merge(b.diags);
  return true;
}

void BuildMemo::keep_body(const Library& lib, const Item& item, const RenderedBody& body, const Diagnostics& diags,
                          FileLookups lookups) {
  std::vector<std::string> anchor_sources;
  for (const AnchorLink& a : body.anchor_links) anchor_sources.push_back(lib.items[a.target].source);
  Body b{0, body, std::move(anchor_sources), links_of(lib, item, body.linked_sources), diags, std::move(lookups)};
  std::lock_guard<std::mutex> lock(mu_);
  b.key = body_key_locked(item);
  bodies_[item.source] = std::move(b);
  ++bodies_fresh_;
}

}  // namespace bangtin
