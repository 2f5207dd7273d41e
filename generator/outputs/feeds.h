// Syndication: which feeds the portal offers and what each item says in them.
// Every list a ward may want to follow (the site, a column, a tag, a unit, a
// language) gets an RSS 2.0 feed next to its page ("/chuyen-muc/x/rss.xml");
// the site and each column also get Atom ("atom.xml") and JSON Feed
// ("feed.json"); radio bulletins get podcast feeds ("podcast.xml"). Formats
// live in rss.cc, atom.cc, json_feed.cc and podcast.cc; they share the
// entries made here once per item, so an item reads the same everywhere.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/output.h"
#include "outputs/media_info.h"
#include "outputs/views.h"

namespace bangtin {

enum class FeedScope { Site, Column, Tag, Unit, Radio };

struct Feed {
  FeedScope scope = FeedScope::Site;
  std::string lang;
  std::string title;        // "Chuyên mục Đại hội XIV — Cổng thông tin …"
  std::string description;
  std::string page_url;     // site-relative list page the feed follows: "/chuyen-muc/x/"
  std::vector<size_t> items;  // newest first, at most config.feeds.items
  bool podcast = false;       // radio bulletins with the itunes namespace
  bool all_formats = false;   // Atom and JSON Feed beside RSS (site and columns)
};

// A file an entry points to, ready for a feed: absolute URL plus what the
// file itself says (type, byte length, pixel size).
struct MediaRef {
  std::string source;  // site-relative path of the file
  std::string url;     // absolute
  MediaInfo info;
};

// One item as every feed format shows it, computed once per build.
struct FeedEntry {
  const Item* item = nullptr;
  std::string url;        // absolute permalink, also the guid
  std::string summary;
  std::string content;    // body HTML with every link and picture made absolute
  std::vector<std::string> categories;  // column titles in the item's language
  std::string author;
  std::optional<MediaRef> image;      // cover or the kind's own picture
  std::optional<MediaRef> enclosure;  // audio, video file or attached document
  Timestamp updated;
  // The entry as each format writes it (rss_item, atom_entry,
  // json_feed_item), made once where feeds share it; empty: made per feed.
  std::string rss, atom, json;
};

// The picture that stands for an item (cover, infographic, poster, banner)
// and its published URL. The one place that chooses it, for feeds, share
// cards, embeds and Zalo alike.
std::optional<MediaRef> item_image(const SiteContext& ctx, const Item& item);
// The picture for link previews (og:image, Zalo shares): the item's picture
// cropped to 1200×630 where the plan made that copy, else item_image().
std::optional<MediaRef> share_image(const SiteContext& ctx, const Item& item);
// A file of the item as a feed names it: the widest JPEG copy of a picture
// whose original is not published, else the file itself.
std::optional<MediaRef> media_ref(const SiteContext& ctx, const Item& item, const std::string& rel);
// The body as feeds and Zalo carry it: absolute links, no heading anchors,
// each picture one sized JPEG.
std::string feed_body(const SiteContext& ctx, const Item& item);
// The file a podcast app or a ward's radio downloads with the item.
std::optional<MediaRef> item_enclosure(const SiteContext& ctx, const Item& item);
// Rewrites href="/…", src="/…" and poster="/…" to absolute URLs.
std::string absolute_links(const SiteContext& ctx, const std::string& html);
// Drops the "#" links beside headings: useful on the page, noise elsewhere.
std::string without_heading_anchors(const std::string& html);

std::vector<Feed> plan_feeds(const SiteContext& ctx);
FeedEntry make_entry(const SiteContext& ctx, const Item& item);

// "rss.xml", "atom.xml", "feed.json", "podcast.xml" beside the feed's page.
std::string feed_url(const Feed& feed, const std::string& file);

// Every feed file of the portal.
std::vector<OutputFile> feed_files(const SiteContext& ctx, int jobs);

// The <link rel="alternate"> tags a page announces: type, title, href (absolute).
Json feed_links(const SiteContext& ctx, const std::string& lang, const std::string& page_url);

// XML 1.0 text and attribute values: escape_xml() plus the non-characters
// U+FFFE and U+FFFF, which no XML parser accepts either.
std::string xml_escape(std::string_view s);
// A CDATA section that survives "]]>" and forbidden characters in the body.
std::string xml_cdata(std::string_view s);
// The portal's logo (assets/images/logo.png, a site may replace it), absolute.
std::string logo_url(const SiteContext& ctx);

// RFC 822 with a numeric zone, as RSS readers expect: "Mon, 02 Mar 2026 08:00:00 +0700".
std::string rfc822(Timestamp t, int offset_minutes);

}  // namespace bangtin
