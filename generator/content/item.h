// One plain Item struct for every kind of content, with a Kind tag and one
// optional struct per kind for what only that kind has (no hierarchy).
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/time.h"

namespace bangtin {

enum class Kind { Article, Infographic, Video, Audio, Document, Banner, Page };
inline constexpr Kind kAllKinds[] = {Kind::Article, Kind::Infographic, Kind::Video, Kind::Audio,
                                     Kind::Document, Kind::Banner, Kind::Page};

// The folder under content/ ("articles"), the English name used in templates
// ("article"), and the URL segment items of this kind live under ("bai-viet").
const char* kind_folder(Kind k);
const char* kind_name(Kind k);
const char* kind_url_segment(Kind k);
std::optional<Kind> kind_from_folder(const std::string& folder);

struct InfographicFields { std::string image, alt; };
struct VideoFields {
  std::string file, youtube, url, poster, captions;
  std::optional<int64_t> duration;
};
struct AudioFields {
  std::string file;
  std::optional<int64_t> duration;
};
struct DocumentFields {
  std::string number, doc_type, issuer, file;
  std::optional<Timestamp> issued, effective;
};
struct BannerFields {
  std::string image, alt, link, placement;
  std::optional<Timestamp> start, end;
};
struct PageFields { std::optional<int> menu; };

// Where the subject of the item's picture is, in percent from the left and
// the top: crops (banner slots, share images) keep it in the frame.
struct FocalPoint {
  double x = 50, y = 50;
};

enum class Publication { Published, Draft, Scheduled, Expired };

struct Heading {
  int level;
  std::string id, text;
};

// A link in a body to an anchor ("#muc-2", or another item's "…/x.md#muc-2"),
// kept so `bangtin check` can tell whether the anchor exists.
struct AnchorLink {
  int line;
  size_t target;  // item id
  std::string fragment;
};

struct Item {
  size_t id = 0;
  Kind kind = Kind::Article;
  std::string source;      // "content/articles/x.md", relative to the site root
  std::string dir;         // folder that relative paths start from ("content/articles" or the bundle)
  bool bundle = false;
  std::string name;        // file or bundle name without language suffix and .md
  std::string lang;        // language code
  std::string translation_key;  // "articles/x": shared by all translations
  std::map<std::string, int> key_lines;  // front-matter key → line in the source
  int body_line = 1;

  // Front matter (text already NFC).
  std::string title, summary, author, unit, cover, cover_alt, slug;
  Timestamp date;
  std::optional<Timestamp> updated, expires;
  std::vector<std::string> columns, tags, aliases;
  bool featured = false, draft = false;
  bool summary_written = false;  // by the editor; else the build makes one from the first paragraph
  int weight = 0;
  std::optional<FocalPoint> focal_point;

  std::optional<InfographicFields> infographic;
  std::optional<VideoFields> video;
  std::optional<AudioFields> audio;
  std::optional<DocumentFields> document;
  std::optional<BannerFields> banner;
  std::optional<PageFields> page;

  std::string body;  // Markdown

  // Filled by assemble.
  Publication publication = Publication::Published;
  bool preview = false;  // a draft or scheduled item shown by `bangtin serve`, never by a build
  std::string url;          // "/bai-viet/slug/" (site-relative)
  std::string output_path;  // "bai-viet/slug/index.html"
  std::vector<size_t> translations;  // ids of the other languages' versions

  // Filled by markdown.
  std::string body_html;
  std::vector<Heading> headings;
  std::vector<std::string> resources;  // site-relative files the body links to
  std::vector<AnchorLink> anchor_links;
  std::vector<int> images_without_alt;  // lines

  int line_of(const std::string& key) const {
    auto it = key_lines.find(key);
    return it == key_lines.end() ? 1 : it->second;
  }
  bool listed() const { return publication == Publication::Published || preview; }
};

}  // namespace bangtin
