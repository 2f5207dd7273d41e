#include "outputs/rss.h"

#include "core/text.h"

namespace bangtin {

std::string xml_tag(const char* name, const std::string& text) {
  return std::string("<") + name + ">" + xml_escape(text) + "</" + name + ">";
}

std::string rss_item_head(const SiteContext& ctx, const FeedEntry& e) {
  std::string x = "<item>\n";
  x += "  " + xml_tag("title", e.item->title) + "\n";
  x += "  " + xml_tag("link", e.url) + "\n";
  // The permalink never changes once published, so it is the guid.
  x += "  <guid isPermaLink=\"true\">" + xml_escape(e.url) + "</guid>\n";
  x += "  " + xml_tag("pubDate", rfc822(e.item->date, ctx.config.utc_offset_minutes)) + "\n";
  return x;
}

std::string rss_item(const SiteContext& ctx, const FeedEntry& e) {
  const Item& item = *e.item;
  std::string x = rss_item_head(ctx, e);
  if (!e.author.empty()) x += "  " + xml_tag("dc:creator", e.author) + "\n";
  for (const auto& c : e.categories) x += "  " + xml_tag("category", c) + "\n";
  x += "  " + xml_tag("description", e.summary) + "\n";
  if (!e.content.empty()) x += "  <content:encoded>" + xml_cdata(e.content) + "</content:encoded>\n";
  if (e.enclosure && e.enclosure->info.bytes > 0) x += "  " + enclosure_tag(*e.enclosure) + "\n";
  if (e.image && e.image->info.bytes > 0) {
    const MediaRef& m = *e.image;
    std::string size;
    if (m.info.width > 0)
      size = " width=\"" + std::to_string(m.info.width) + "\" height=\"" + std::to_string(m.info.height) + "\"";
    x += "  <media:content url=\"" + xml_escape(m.url) + "\" type=\"" + xml_escape(m.info.type) +
         "\" medium=\"image\" fileSize=\"" + std::to_string(m.info.bytes) + "\"" + size + ">\n";
    std::string alt = !item.cover.empty() ? item.cover_alt : item.infographic ? item.infographic->alt : item.title;
    if (!alt.empty()) x += "    <media:description type=\"plain\">" + xml_escape(alt) + "</media:description>\n";
    x += "  </media:content>\n";
    x += "  <media:thumbnail url=\"" + xml_escape(m.url) + "\"" + size + "/>\n";
  }
  x += "</item>\n";
  return x;
}

std::string enclosure_tag(const MediaRef& m) {
  return "<enclosure url=\"" + xml_escape(m.url) + "\" length=\"" + std::to_string(m.info.bytes) + "\" type=\"" +
         xml_escape(m.info.type.empty() ? "application/octet-stream" : m.info.type) + "\"/>";
}

Timestamp feed_updated(const SiteContext& ctx, const Feed& feed, const std::vector<FeedEntry>& entries) {
  if (feed.items.empty()) return ctx.lib.now;
  Timestamp newest = entries[feed.items.front()].updated;
  for (size_t id : feed.items) newest = std::max(newest, entries[id].updated);
  return newest;
}

std::string rss_channel_head(const SiteContext& ctx, const Feed& feed, const std::vector<FeedEntry>& entries,
                             const std::string& self_file) {
  std::string link = ctx.absolute(feed.page_url);
  std::string desc = feed.description.empty() ? feed.title : feed.description;
  std::string x;
  x += xml_tag("title", feed.title) + "\n";
  x += xml_tag("link", link) + "\n";
  x += xml_tag("description", desc) + "\n";
  x += xml_tag("language", feed.lang) + "\n";
  x += xml_tag("lastBuildDate", rfc822(feed_updated(ctx, feed, entries), ctx.config.utc_offset_minutes)) + "\n";
  x += "<generator>bangtin</generator>\n";
  x += "<atom:link href=\"" + xml_escape(ctx.absolute(feed_url(feed, self_file))) +
       "\" rel=\"self\" type=\"application/rss+xml\"/>\n";
  if (std::string logo = logo_url(ctx); !logo.empty())
    x += "<image>\n  " + xml_tag("url", logo) + "\n  " + xml_tag("title", feed.title) + "\n  " + xml_tag("link", link) + "\n</image>\n";
  return x;
}

std::string rss_xml(const SiteContext& ctx, const Feed& feed, const std::vector<FeedEntry>& entries) {
  std::string x =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\" "
      "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
      "xmlns:media=\"http://search.yahoo.com/mrss/\">\n<channel>\n";
  x += rss_channel_head(ctx, feed, entries, "rss.xml");
  for (size_t id : feed.items) x += entries[id].rss.empty() ? rss_item(ctx, entries[id]) : entries[id].rss;
  x += "</channel>\n</rss>\n";
  return x;
}

}  // namespace bangtin
