// The feed writers on a one-column site of two items whose feed title,
// column title, item titles, summary, author and Markdown body come from the
// input (fields split at NUL bytes: feed title, column title, item title,
// summary, author, agency, body; the first byte picks full content, raw
// HTML, the item kinds and a date). RSS, Atom and the podcast feed must be
// well-formed XML for expat (no control character, no U+FFFE, no stray "]]>"),
// JSON Feed must parse and give back the titles.
#include <expat.h>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "config/config.h"
#include "core/text.h"
#include "markdown/markdown.h"
#include "outputs/atom.h"
#include "outputs/json_feed.h"
#include "outputs/podcast.h"
#include "outputs/rss.h"
#include "render/templates.h"

namespace {

const bangtin::SiteConfig& base_config() {
  static bangtin::SiteConfig c = [] {
    bangtin::SiteConfig c;
    bangtin::Diagnostics d;
    if (!bangtin::parse_config(R"({"title": "Fuzz", "base_url": "https://fuzz.example.gov.vn/cong/", "language": "vi",
      "utc_offset": "+07:00", "columns": [ { "key": "tin-tuc", "title": "Tin tức" } ]})", c, d))
      abort();
    return c;
  }();
  return c;
}

bool well_formed(const std::string& xml) {
  XML_Parser p = XML_ParserCreate("UTF-8");
  bool ok = XML_Parse(p, xml.data(), static_cast<int>(xml.size()), 1) == XML_STATUS_OK;
  XML_ParserFree(p);
  return ok;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  uint8_t flags = data[0];
  std::string input(reinterpret_cast<const char*>(data) + 1, size - 1);
  // Every field reaches the writers as checked UTF-8 (the parse stage).
  if (bangtin::find_invalid_utf8(input) != std::string::npos) return 0;
  std::vector<std::string> f;
  for (size_t from = 0;;) {
    size_t at = input.find('\0', from);
    f.push_back(input.substr(from, at == std::string::npos ? std::string::npos : at - from));
    if (at == std::string::npos) break;
    from = at + 1;
  }
  f.resize(7);
  bangtin::SiteConfig config = base_config();
  config.feeds.full_content = flags & 1;
  config.columns[0].title = f[1];
  config.contact.agency = f[5];
  bangtin::Library lib;
  lib.now.seconds = 1790000000;
  for (size_t id = 0; id < 2; ++id) {
    bangtin::Item item;
    item.id = id;
    item.kind = flags & (4 << id) ? bangtin::Kind::Audio : bangtin::Kind::Article;
    if (item.kind == bangtin::Kind::Audio) item.audio = bangtin::AudioFields{"ban-tin.mp3", flags & 16 ? std::optional<int64_t>(65) : std::nullopt};
    item.lang = "vi";
    item.title = id == 0 ? f[2] : f[1];
    item.summary = f[3];
    item.author = f[4];
    item.cover = id == 0 ? "" : "bia.png";
    item.columns = {"tin-tuc"};
    item.url = "/bai-viet/bai-" + std::to_string(id) + "/";
    item.date.seconds = 1700000000 + static_cast<int64_t>(flags) * 86400 * 37 * (id + 1);
    item.body_html = bangtin::markdown_to_html(f[6], flags & 2);
    lib.items.push_back(std::move(item));
  }
  bangtin::Templates templates = bangtin::Templates::from({});
  std::map<std::string, std::string> assets = {{"images/logo.png", "/assets/images/logo.1a2b.png"}};
  bangtin::SiteContext ctx{config, lib, templates, assets, "/nonexistent-bangtin-fuzz-root", "/cong"};
  std::vector<bangtin::FeedEntry> entries;
  for (const auto& item : lib.items) entries.push_back(bangtin::make_entry(ctx, item));
  bangtin::Feed feed{bangtin::FeedScope::Site, "vi", f[0], f[5], "/", {1, 0}, false, true};

  if (!well_formed(bangtin::rss_xml(ctx, feed, entries))) abort();
  if (!well_formed(bangtin::atom_xml(ctx, feed, entries))) abort();
  if (!well_formed(bangtin::podcast_xml(ctx, feed, entries))) abort();
  auto json = nlohmann::json::parse(bangtin::json_feed(ctx, feed, entries));  // throws (a crash) if invalid
  if (json["title"] != feed.title || json["items"][1]["title"] != lib.items[0].title) abort();
  return 0;
}
