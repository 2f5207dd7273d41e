#include "outputs/podcast.h"

#include "outputs/rss.h"

namespace bangtin {

namespace {

std::string episode(const SiteContext& ctx, const FeedEntry& e) {
  const Item& item = *e.item;
  std::string x = rss_item_head(ctx, e);
  x += "  " + xml_tag("description", e.summary) + "\n";
  x += "  " + xml_tag("itunes:summary", e.summary) + "\n";
  // The script read on air, for stations that read it rather than play it.
  if (!e.content.empty()) x += "  <content:encoded>" + xml_cdata(e.content) + "</content:encoded>\n";
  if (e.enclosure && e.enclosure->info.bytes > 0) x += "  " + enclosure_tag(*e.enclosure) + "\n";
  if (item.audio && item.audio->duration) x += "  " + xml_tag("itunes:duration", std::to_string(*item.audio->duration)) + "\n";
  if (e.image && e.image->info.bytes > 0) x += "  <itunes:image href=\"" + xml_escape(e.image->url) + "\"/>\n";
  x += "  <itunes:explicit>false</itunes:explicit>\n";
  x += "  <itunes:episodeType>full</itunes:episodeType>\n";
  x += "</item>\n";
  return x;
}

}  // namespace

std::string podcast_xml(const SiteContext& ctx, const Feed& feed, const std::vector<FeedEntry>& entries) {
  const SiteConfig& c = ctx.config;
  std::string owner = c.contact.agency.empty() ? c.title : c.contact.agency;
  std::string x =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\" "
      "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
      "xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\">\n<channel>\n";
  x += rss_channel_head(ctx, feed, entries, "podcast.xml");
  x += xml_tag("itunes:author", owner) + "\n";
  x += "<itunes:owner>\n  " + xml_tag("itunes:name", owner) + "\n";
  if (!c.contact.email.empty()) x += "  " + xml_tag("itunes:email", c.contact.email) + "\n";
  x += "</itunes:owner>\n";
  if (std::string logo = logo_url(ctx); !logo.empty()) x += "<itunes:image href=\"" + xml_escape(logo) + "\"/>\n";
  x += "<itunes:category text=\"Government\"/>\n";
  x += "<itunes:explicit>false</itunes:explicit>\n";
  x += "<itunes:type>episodic</itunes:type>\n";
  for (size_t id : feed.items) x += episode(ctx, entries[id]);
  x += "</channel>\n</rss>\n";
  return x;
}

}  // namespace bangtin
