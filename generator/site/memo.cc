#include "site/memo.h"

#include "core/hash.h"

namespace bangtin {

namespace {

void mix(uint64_t& h, std::string_view part) {
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
  Parsed p{stamp, item, diags, std::move(lookups)};
  std::lock_guard<std::mutex> lock(mu_);
  parsed_[source.path] = std::move(p);
  ++parsed_fresh_;
}

void BuildMemo::begin_markdown(const Library& lib) {
  uint64_t h = 14695981039346656037ull;
  for (const Item& item : lib.items) {
    mix(h, item.source);
    mix(h, item.url);
    mix(h, item.lang);
    mix(h, lib.has_page(item) ? "1" : "0");
  }
  std::lock_guard<std::mutex> lock(mu_);
  if (h != links_key_) bodies_.clear();
  links_key_ = h;
}

uint64_t BuildMemo::body_key(const Item& item) {
  uint64_t h = 14695981039346656037ull;
  for (const std::string* part : {&item.source, &item.body, &item.url, &item.lang, &item.dir}) mix(h, *part);
  mix(h, std::to_string(item.body_line));
  return h;
}

bool BuildMemo::find_body(const std::string& site_root, const Item& item, RenderedBody& body, Diagnostics& diags) {
  uint64_t key = body_key(item);
  std::unique_lock<std::mutex> lock(mu_);
  auto it = bodies_.find(item.source);
  if (it == bodies_.end() || it->second.key != key) return false;
  const Body& b = it->second;
  lock.unlock();
  if (!lookups_unchanged(site_root, b.lookups)) return false;
  body = b.body;
  diags.merge(b.diags);
  return true;
}

void BuildMemo::keep_body(const Item& item, const RenderedBody& body, const Diagnostics& diags,
                          FileLookups lookups) {
  Body b{body_key(item), body, diags, std::move(lookups)};
  std::lock_guard<std::mutex> lock(mu_);
  bodies_[item.source] = std::move(b);
  ++bodies_fresh_;
}

}  // namespace bangtin
