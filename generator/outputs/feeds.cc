#include "outputs/feeds.h"

#include <algorithm>
#include <set>

#include "core/parallel.h"
#include "core/paths.h"
#include "core/text.h"
#include "outputs/atom.h"
#include "outputs/json_feed.h"
#include "outputs/podcast.h"
#include "outputs/rss.h"

namespace bangtin {

namespace {

// U+FFFE and U+FFFF are valid UTF-8 but not XML characters.
// Copies runs between the rare bytes to drop: a feed carries whole bodies.
std::string drop_nonchars(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t from = 0;
  for (size_t at = s.find('\xEF'); at != std::string_view::npos; at = s.find('\xEF', at + 1)) {
    if (at + 2 < s.size() && static_cast<unsigned char>(s[at + 1]) == 0xBF &&
        (static_cast<unsigned char>(s[at + 2]) == 0xBE || static_cast<unsigned char>(s[at + 2]) == 0xBF)) {
      out.append(s, from, at - from);
      from = at + 3;
      at += 2;
    }
  }
  out.append(s, from);
  return out;
}

std::string site_title(const SiteContext& ctx, const std::string& lang) {
  const Language* l = ctx.config.find_language(lang);
  return l && !l->title.empty() ? l->title : ctx.config.title;
}

std::string site_description(const SiteContext& ctx, const std::string& lang) {
  const Language* l = ctx.config.find_language(lang);
  return l && !l->description.empty() ? l->description : ctx.config.description;
}

std::vector<size_t> capped(const SiteContext& ctx, const std::vector<size_t>& ids) {
  size_t n = std::min(ids.size(), static_cast<size_t>(std::max(0, ctx.config.feeds.items)));
  return {ids.begin(), ids.begin() + static_cast<long>(n)};
}

std::vector<size_t> audio_only(const SiteContext& ctx, const std::vector<size_t>& ids) {
  std::vector<size_t> out;
  for (size_t id : ids)
    if (ctx.lib.items[id].kind == Kind::Audio) out.push_back(id);
  return out;
}

const std::vector<size_t>& ids_in(const std::map<std::string, std::vector<size_t>>& m, const std::string& key) {
  static const std::vector<size_t> none;
  auto it = m.find(key);
  return it == m.end() ? none : it->second;
}

// The same rule as list pages: the default language lists everything, even
// when empty, so a ward can subscribe before the first item; other languages
// only where they have something.
bool offered(const SiteContext& ctx, const std::string& lang, const std::vector<size_t>& ids) {
  return lang == ctx.config.default_language || !ids.empty();
}

}  // namespace

std::optional<MediaRef> media_ref(const SiteContext& ctx, const Item& item, const std::string& rel) {
  if (rel.empty()) return std::nullopt;
  MediaRef m;
  m.source = rel;
  // An image whose original is not published is named by its widest JPEG copy.
  const images::Derivative* d = ctx.images ? ctx.images->fallback(resource_url(item, rel)) : nullptr;
  m.url = ctx.absolute(d ? d->url : resource_url(item, rel));
  m.info = media_info(d ? d->cache_file : ctx.site_root + "/" + rel);
  return m;
}

std::string without_heading_anchors(const std::string& html) {
  static const std::string open = " <a class=\"anchor\" href=\"#";
  std::string out;
  size_t i = 0, at;
  while ((at = html.find(open, i)) != std::string::npos) {
    size_t end = html.find("</a>", at);
    if (end == std::string::npos) break;
    out.append(html, i, at - i);
    i = end + 4;
  }
  out.append(html, i);
  return out;
}

std::string xml_escape(std::string_view s) { return escape_xml(drop_nonchars(s)); }

std::string xml_cdata(std::string_view s) {
  std::string clean = drop_nonchars(s);
  // Control characters other than tab and line breaks are not XML: dropped.
  auto control = [](char c) { return static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r'; };
  clean.erase(std::remove_if(clean.begin(), clean.end(), control), clean.end());
  std::string out = "<![CDATA[";
  out.reserve(clean.size() + 32);
  size_t from = 0, at;
  while ((at = clean.find("]]>", from)) != std::string::npos) {
    out.append(clean, from, at + 2 - from);
    out += "]]><![CDATA[";
    from = at + 2;
  }
  out.append(clean, from);
  out += "]]>";
  return out;
}

std::string logo_url(const SiteContext& ctx) {
  auto it = ctx.assets.find("images/logo.png");
  return it == ctx.assets.end() ? "" : ctx.absolute(it->second);
}

std::string rfc822(Timestamp t, int offset_minutes) {
  static const char* days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  CivilTime c = to_civil(t, offset_minutes);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d %s", days[c.weekday], c.day, months[c.month - 1],
                c.year, c.hour, c.minute, c.second, format_utc_offset(offset_minutes, false).c_str());
  return buf;
}

std::string absolute_links(const SiteContext& ctx, const std::string& html) {
  std::string origin = ctx.absolute("/");  // "https://host/base/" → "https://host"
  origin.resize(origin.size() - ctx.base_path.size() - 1);
  std::string out;
  out.reserve(html.size() + html.size() / 16);
  // Found by their rare `="/` (searching for " href" stops at every space),
  // then checked for the attribute name before it.
  auto next_link = [&html](size_t from, size_t& len) {
    for (size_t at = html.find("=\"/", from); at != std::string::npos; at = html.find("=\"/", at + 1))
      for (std::string_view attr : {" href", " src", " poster"})
        if (at >= from + attr.size() && html.compare(at - attr.size(), attr.size(), attr) == 0) {
          len = attr.size() + 3;
          return at - attr.size();
        }
    return std::string::npos;
  };
  size_t i = 0;
  while (i < html.size()) {
    size_t len = 0, best = next_link(i, len);
    if (best == std::string::npos) break;
    size_t url_start = best + len - 1;  // at the '/'
    out.append(html, i, url_start - i);
    if (html.compare(url_start, 2, "//") == 0) {  // protocol-relative: already leaves the site
      i = url_start;
      out += '/';
      ++i;
      continue;
    }
    size_t end = html.find('"', url_start);
    if (end == std::string::npos) end = html.size();
    // Bodies carry root-relative URLs that already hold the base path.
    out += origin + html.substr(url_start, end - url_start);
    i = end;
  }
  out.append(html, i);
  return out;
}

static const std::string& picture_of(const Item& item) {
  return !item.cover.empty()                         ? item.cover
         : item.infographic                          ? item.infographic->image
         : item.video && !item.video->poster.empty() ? item.video->poster
         : item.banner                               ? item.banner->image
                                                     : item.cover;
}

std::optional<MediaRef> item_image(const SiteContext& ctx, const Item& item) {
  return media_ref(ctx, item, picture_of(item));
}

std::optional<MediaRef> share_image(const SiteContext& ctx, const Item& item) {
  const std::string& rel = picture_of(item);
  const images::Derivative* d = ctx.images && !rel.empty() ? ctx.images->share(resource_url(item, rel)) : nullptr;
  if (!d) return item_image(ctx, item);
  return MediaRef{rel, ctx.absolute(d->url), media_info(d->cache_file)};
}

std::string feed_body(const SiteContext& ctx, const Item& item) {
  return absolute_links(ctx, without_heading_anchors(body_with_images(ctx, item, BodyImages::SingleFile)));
}

std::optional<MediaRef> item_enclosure(const SiteContext& ctx, const Item& item) {
  if (item.audio) return media_ref(ctx, item, item.audio->file);
  if (item.video && !item.video->file.empty()) return media_ref(ctx, item, item.video->file);
  if (item.document && !item.document->file.empty()) return media_ref(ctx, item, item.document->file);
  return std::nullopt;
}

FeedEntry make_entry(const SiteContext& ctx, const Item& item) {
  FeedEntry e;
  e.item = &item;
  e.url = ctx.absolute(item.url);
  e.summary = item.summary;
  if (ctx.config.feeds.full_content) e.content = feed_body(ctx, item);
  for (const auto& key : item.columns)
    if (const Column* c = ctx.config.find_column(key)) e.categories.push_back(SiteConfig::title_in(c->title, c->translations, item.lang));
  e.author = item.author;
  e.image = item_image(ctx, item);
  e.enclosure = item_enclosure(ctx, item);
  e.updated = item.updated ? *item.updated : item.date;
  return e;
}

std::string feed_url(const Feed& feed, const std::string& file) { return feed.page_url + file; }

std::vector<Feed> plan_feeds(const SiteContext& ctx) {
  std::vector<Feed> feeds;
  for (const Edition& ed : ctx.lib.editions) {
    const std::string& lang = ed.lang;
    Json t = ctx.templates.strings(lang);
    std::string site = site_title(ctx, lang);
    feeds.push_back({FeedScope::Site, lang, site, site_description(ctx, lang), ed.prefix + "/", capped(ctx, ed.latest),
                     false, true});
    for (const Column& col : ctx.config.columns) {
      const auto& ids = ids_in(ed.by_column, col.key);
      if (!offered(ctx, lang, ids)) continue;
      auto tr = col.translations.find(lang);
      std::string desc = tr != col.translations.end() && !tr->second.description.empty() ? tr->second.description
                                                                                         : col.description;
      feeds.push_back({FeedScope::Column, lang, SiteConfig::title_in(col.title, col.translations, lang) + " – " + site,
                       desc, column_url(ctx, lang, col.key), capped(ctx, ids), false, true});
    }
    for (const Tag& tag : ed.tags)
      feeds.push_back({FeedScope::Tag, lang, t.value("tags", "Chủ đề") + ": " + tag.name + " – " + site, "",
                       ed.prefix + "/the/" + tag.slug + "/", capped(ctx, tag.items)});
    for (const Unit& u : ctx.config.units) {
      const auto& ids = ids_in(ed.by_unit, u.key);
      if (!offered(ctx, lang, ids)) continue;
      std::string title = SiteConfig::title_in(u.title, u.translations, lang);
      feeds.push_back({FeedScope::Unit, lang, title + " – " + site, "", unit_url(ctx, lang, u.key), capped(ctx, ids)});
      std::vector<size_t> radio = audio_only(ctx, ids);
      if (offered(ctx, lang, radio))
        feeds.push_back({FeedScope::Radio, lang, t.value("kinds_audio", "Bài phát thanh") + " – " + title,
                         t.value("podcast_description", "Bài phát thanh cho đài truyền thanh cơ sở."),
                         unit_url(ctx, lang, u.key), capped(ctx, radio), true});
    }
    auto radio_it = ed.by_kind.find(Kind::Audio);
    std::vector<size_t> radio = radio_it == ed.by_kind.end() ? std::vector<size_t>{} : radio_it->second;
    if (offered(ctx, lang, radio))
      feeds.push_back({FeedScope::Radio, lang, t.value("kinds_audio", "Bài phát thanh") + " – " + site,
                       t.value("podcast_description", "Bài phát thanh cho đài truyền thanh cơ sở."),
                       ed.prefix + "/" + kind_url_segment(Kind::Audio) + "/", capped(ctx, radio), true});
  }
  return feeds;
}

std::vector<OutputFile> feed_files(const SiteContext& ctx, int jobs) {
  std::vector<Feed> feeds = plan_feeds(ctx);
  // Bit 1: in some feed; 2: in an RSS feed; 4: in an Atom and JSON feed.
  std::vector<char> wanted(ctx.lib.items.size(), 0);
  for (const Feed& f : feeds)
    for (size_t id : f.items) wanted[id] |= 1 | (f.podcast ? 0 : 2) | (f.all_formats ? 4 : 0);
  // Each item is prepared once, however many feeds carry it (the site's,
  // its columns', tags' and unit's): its entry and its text in each format.
  std::vector<FeedEntry> entries(ctx.lib.items.size());
  parallel_for(entries.size(), jobs, [&](size_t id) {
    if (!wanted[id]) return;
    FeedEntry& e = entries[id];
    e = make_entry(ctx, ctx.lib.items[id]);
    if (wanted[id] & 2) e.rss = rss_item(ctx, e);
    if (wanted[id] & 4) e.atom = atom_entry(ctx, e), e.json = json_feed_item(ctx, e);
  });
  std::vector<std::vector<OutputFile>> per_feed(feeds.size());
  parallel_for(feeds.size(), jobs, [&](size_t i) {
    const Feed& f = feeds[i];
    auto out = [&](const std::string& file, std::string bytes) {
      per_feed[i].push_back({url_to_output_path(feed_url(f, file)), std::move(bytes), ""});
    };
    if (f.podcast) {
      out("podcast.xml", podcast_xml(ctx, f, entries));
      return;
    }
    out("rss.xml", rss_xml(ctx, f, entries));
    if (f.all_formats) {
      out("atom.xml", atom_xml(ctx, f, entries));
      out("feed.json", json_feed(ctx, f, entries));
    }
  });
  std::vector<OutputFile> files;
  for (auto& v : per_feed)
    for (auto& f : v) files.push_back(std::move(f));
  return files;
}

Json feed_links(const SiteContext& ctx, const std::string& lang, const std::string& page_url) {
  const Edition* ed = ctx.lib.edition(lang);
  Json links = Json::array();
  if (!ed) return links;
  std::string url = page_url;
  // Later pages of a list announce the list's feeds too.
  if (auto at = url.rfind("/trang/"); at != std::string::npos && ends_with(url, "/") &&
      url.find_first_not_of("0123456789", at + 7) == url.size() - 1 && url.size() > at + 8)
    url = url.substr(0, at + 1);
  std::string rest = starts_with(url, ed->prefix + "/") ? url.substr(ed->prefix.size()) : "";
  auto add = [&](const char* type, const std::string& title, const std::string& file) {
    links.push_back({{"type", type}, {"title", title}, {"href", ctx.absolute(url + file)}});
  };
  auto segment = [&](const std::string& head) -> std::string {  // "/chuyen-muc/KEY/" → KEY
    if (!starts_with(rest, head) || !ends_with(rest, "/")) return "";
    std::string key = rest.substr(head.size(), rest.size() - head.size() - 1);
    return key.find('/') == std::string::npos ? key : "";
  };
  std::string site = site_title(ctx, lang);
  if (rest == "/") {
    add("application/rss+xml", site + " (RSS)", "rss.xml");
    add("application/atom+xml", site + " (Atom)", "atom.xml");
    add("application/feed+json", site + " (JSON Feed)", "feed.json");
  } else if (std::string key = segment("/chuyen-muc/"); !key.empty()) {
    const Column* c = ctx.config.find_column(key);
    if (!c || !offered(ctx, lang, ids_in(ed->by_column, key))) return links;
    std::string title = SiteConfig::title_in(c->title, c->translations, lang);
    add("application/rss+xml", title + " (RSS)", "rss.xml");
    add("application/atom+xml", title + " (Atom)", "atom.xml");
    add("application/feed+json", title + " (JSON Feed)", "feed.json");
  } else if (std::string slug = segment("/the/"); !slug.empty()) {
    for (const Tag& tag : ed->tags)
      if (tag.slug == slug) add("application/rss+xml", tag.name + " (RSS)", "rss.xml");
  } else if (std::string key = segment("/don-vi/"); !key.empty()) {
    const Unit* u = ctx.config.find_unit(key);
    if (!u || !offered(ctx, lang, ids_in(ed->by_unit, key))) return links;
    std::string title = SiteConfig::title_in(u->title, u->translations, lang);
    add("application/rss+xml", title + " (RSS)", "rss.xml");
    if (offered(ctx, lang, audio_only(ctx, ids_in(ed->by_unit, key))))
      add("application/rss+xml", title + " – podcast", "podcast.xml");
  } else if (rest == std::string("/") + kind_url_segment(Kind::Audio) + "/") {
    auto it = ed->by_kind.find(Kind::Audio);
    if (offered(ctx, lang, it == ed->by_kind.end() ? std::vector<size_t>{} : it->second))
      add("application/rss+xml", site + " – podcast", "podcast.xml");
  }
  return links;
}

}  // namespace bangtin
