#include "outputs/atom.h"

#include "outputs/rss.h"

namespace bangtin {

namespace {

std::string link(const std::string& rel, const std::string& type, const std::string& href) {
  return "<link rel=\"" + rel + "\" type=\"" + xml_escape(type) + "\" href=\"" + xml_escape(href) + "\"/>";
}

}  // namespace

std::string atom_entry(const SiteContext& ctx, const FeedEntry& e) {
  const Item& item = *e.item;
  int off = ctx.config.utc_offset_minutes;
  std::string x = "<entry>\n";
  x += "  <id>" + xml_escape(e.url) + "</id>\n";
  x += "  <title type=\"text\">" + xml_escape(item.title) + "</title>\n";
  x += "  " + link("alternate", "text/html", e.url) + "\n";
  x += "  <published>" + format_iso(item.date, off) + "</published>\n";
  x += "  <updated>" + format_iso(e.updated, off) + "</updated>\n";
  if (!e.author.empty()) x += "  <author><name>" + xml_escape(e.author) + "</name></author>\n";
  for (size_t i = 0; i < e.categories.size() && i < item.columns.size(); ++i)
    x += "  <category term=\"" + xml_escape(item.columns[i]) + "\" label=\"" + xml_escape(e.categories[i]) + "\"/>\n";
  if (!e.summary.empty()) x += "  <summary type=\"text\">" + xml_escape(e.summary) + "</summary>\n";
  if (!e.content.empty()) x += "  <content type=\"html\">" + xml_escape(e.content) + "</content>\n";
  if (e.enclosure && e.enclosure->info.bytes > 0)
    x += "  <link rel=\"enclosure\" type=\"" + xml_escape(e.enclosure->info.type) + "\" length=\"" +
         std::to_string(e.enclosure->info.bytes) + "\" href=\"" + xml_escape(e.enclosure->url) + "\"/>\n";
  x += "</entry>\n";
  return x;
}

std::string atom_xml(const SiteContext& ctx, const Feed& feed, const std::vector<FeedEntry>& entries) {
  int off = ctx.config.utc_offset_minutes;
  std::string home = ctx.absolute(feed.page_url);
  std::string publisher = ctx.config.contact.agency.empty() ? ctx.config.title : ctx.config.contact.agency;
  std::string x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"" +
                  xml_escape(feed.lang) + "\">\n";
  x += "<id>" + xml_escape(home) + "</id>\n";
  x += "<title type=\"text\">" + xml_escape(feed.title) + "</title>\n";
  if (!feed.description.empty()) x += "<subtitle type=\"text\">" + xml_escape(feed.description) + "</subtitle>\n";
  x += "<updated>" + format_iso(feed_updated(ctx, feed, entries), off) + "</updated>\n";
  x += link("self", "application/atom+xml", ctx.absolute(feed_url(feed, "atom.xml"))) + "\n";
  x += link("alternate", "text/html", home) + "\n";
  // Entries without their own author take the publishing agency.
  x += "<author><name>" + xml_escape(publisher) + "</name></author>\n";
  if (std::string logo = logo_url(ctx); !logo.empty()) x += "<logo>" + xml_escape(logo) + "</logo>\n";
  x += "<generator>bangtin</generator>\n";
  for (size_t id : feed.items) x += entries[id].atom.empty() ? atom_entry(ctx, entries[id]) : entries[id].atom;
  x += "</feed>\n";
  return x;
}

}  // namespace bangtin
