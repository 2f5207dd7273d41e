#include "outputs/json_feed.h"

#include "outputs/json_text.h"
#include "outputs/rss.h"

namespace bangtin {

std::string json_feed_item(const SiteContext& ctx, const FeedEntry& e) {
  int off = ctx.config.utc_offset_minutes;
  const Item& item = *e.item;
  Json it;
  it["id"] = e.url;
  it["url"] = e.url;
  it["title"] = item.title;
  // 1.1 needs content_html or content_text; without full content, the summary.
  if (!e.content.empty()) it["content_html"] = e.content;
  else it["content_text"] = e.summary;
  if (!e.summary.empty()) it["summary"] = e.summary;
  if (e.image) it["image"] = e.image->url;
  it["date_published"] = format_iso(item.date, off);
  it["date_modified"] = format_iso(e.updated, off);
  if (!e.author.empty()) it["authors"] = Json::array({{{"name", e.author}}});
  if (!e.categories.empty()) it["tags"] = e.categories;
  it["language"] = item.lang;
  if (e.enclosure && e.enclosure->info.bytes > 0) {
    Json a = {{"url", e.enclosure->url},
              {"mime_type", e.enclosure->info.type.empty() ? "application/octet-stream" : e.enclosure->info.type},
              {"size_in_bytes", e.enclosure->info.bytes}};
    std::optional<int64_t> d = item.audio ? item.audio->duration : item.video ? item.video->duration : std::nullopt;
    if (d) a["duration_in_seconds"] = *d;
    it["attachments"] = Json::array({a});
  }
  // Indented as an element of the feed's "items", two levels in.
  return json_text(it, JsonStyle{.indent = 2, .depth = 2});
}

std::string json_feed(const SiteContext& ctx, const Feed& feed, const std::vector<FeedEntry>& entries) {
  Json f;
  f["version"] = "https://jsonfeed.org/version/1.1";
  f["title"] = feed.title;
  f["home_page_url"] = ctx.absolute(feed.page_url);
  f["feed_url"] = ctx.absolute(feed_url(feed, "feed.json"));
  if (!feed.description.empty()) f["description"] = feed.description;
  if (std::string logo = logo_url(ctx); !logo.empty()) f["icon"] = logo;
  f["language"] = feed.lang;
  f["authors"] = Json::array({{{"name", ctx.config.contact.agency.empty() ? ctx.config.title : ctx.config.contact.agency},
                               {"url", ctx.absolute("/")}}});
  // The items are spliced into the dump as each entry's own text, made once
  // per build rather than once per feed that carries it.
  f["items"] = Json::array();
  std::string head = json_text(f, 2);
  static const std::string empty_items = "\"items\": []";
  size_t at = head.find(empty_items);
  if (feed.items.empty() || at == std::string::npos) return head + "\n";
  std::string out = head.substr(0, at) + "\"items\": [";
  const char* sep = "\n    ";
  for (size_t id : feed.items) {
    const FeedEntry& e = entries[id];
    out += sep;
    out += e.json.empty() ? json_feed_item(ctx, e) : e.json;
    sep = ",\n    ";
  }
  out += "\n  ]";
  out.append(head, at + empty_items.size());
  return out + "\n";
}

}  // namespace bangtin
