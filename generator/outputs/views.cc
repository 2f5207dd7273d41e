#include "outputs/views.h"

#include <filesystem>

#include "core/paths.h"
#include "core/text.h"
#include "outputs/media_info.h"
#include "outputs/share.h"

namespace bangtin {

std::string SiteContext::absolute(const std::string& site_url) const {
  std::string base = config.base_url;
  if (ends_with(base, "/")) base.pop_back();
  // base_url already carries base_path.
  return base + site_url;
}

std::string SiteContext::date_display(Timestamp t, const std::string& lang) const {
  if (lang == "vi") return format_vietnamese(t, config.utc_offset_minutes);
  if (lang == "en") return format_english_date(t, config.utc_offset_minutes);
  return format_local_date(t, config.utc_offset_minutes, lang);
}

std::string SiteContext::day_display(Timestamp t, const std::string& lang) const {
  if (lang == "vi") return format_vietnamese_date(t, config.utc_offset_minutes);
  if (lang == "en") return format_english_date(t, config.utc_offset_minutes);
  return format_local_date(t, config.utc_offset_minutes, lang);
}

std::string column_url(const SiteContext& ctx, const std::string& lang, const std::string& key) {
  return language_prefix(ctx.config, lang) + "/chuyen-muc/" + key + "/";
}

std::string unit_url(const SiteContext& ctx, const std::string& lang, const std::string& key) {
  return language_prefix(ctx.config, lang) + "/don-vi/" + key + "/";
}

static std::string asset_key(const std::string& path) {
  std::string k;
  for (char c : path) k += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return k;
}

// RFC 3986 query-value encoding: a page address placed inside another
// address (Facebook's sharer ?u=) must not end that address's query early.
static std::string percent_encode(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') out += static_cast<char>(c);
    else out += {'%', hex[c >> 4], hex[c & 15]};
  }
  return out;
}

std::string site_meta_description(const SiteContext& ctx, const std::string& lang_code) {
  const SiteConfig& c = ctx.config;
  const Language* lang = c.find_language(lang_code);
  const std::string& given = lang ? lang->description : c.description;
  if (!given.empty()) return given;
  const Json& t = ctx.templates.strings(lang_code);
  std::string units;
  for (const auto& u : c.units) {
    if (!units.empty()) units += ", ";
    units += SiteConfig::title_in(u.title, u.translations, lang_code);
  }
  std::string text = t.value(units.empty() ? "description_generated_no_units" : "description_generated",
                             std::string("{title}"));
  auto fill = [&](const std::string& name, const std::string& value) {
    if (size_t at = text.find(name); at != std::string::npos) text.replace(at, name.size(), value);
  };
  fill("{title}", lang ? lang->title : c.title);
  fill("{units}", units);
  // What search engines show of a description; a long list of units is cut,
  // not the sentence's start, and not after the comma between two units.
  text = cut_at_word(text, kDescriptionLength);
  if (ends_with(text, ",…")) text.replace(text.size() - std::string_view(",…").size(), 1, "");
  return text;
}

// Only what the config gives: an empty "Điện thoại: " or <a href="mailto:"></a>
// is worse than no line (axe: link-name). Absent fields are false, not
// missing, so a section never finds a same-named key further out.
static Json contact_view(const Contact& contact) {
  Json v = Json::object();
  bool any = false;
  for (const auto& [key, value] : {std::pair<const char*, const std::string&>{"agency", contact.agency},
                                   {"responsible", contact.responsible},
                                   {"address", contact.address},
                                   {"phone", contact.phone},
                                   {"email", contact.email}}) {
    bool given = !squash_spaces(value).empty();
    v[key] = given ? Json(value) : Json(false);
    any = any || given;
  }
  return any ? v : Json(false);
}

Json shared_frame(const SiteContext& ctx, const std::string& lang_code, const std::string& active_column) {
  const SiteConfig& c = ctx.config;
  const Language* lang = c.find_language(lang_code);
  std::string prefix = language_prefix(c, lang_code);
  Json v;
  v["lang"] = lang_code;
  v["t"] = ctx.templates.strings(lang_code);
  // The level of a card's title (partials/card): one below the section that
  // holds the cards, which is an h2 unless a page's view says otherwise.
  v["card_level"] = 3;
  v["site"] = {{"title", lang ? lang->title : c.title},
               {"description", site_meta_description(ctx, lang_code)},
               {"home_url", ctx.href(prefix + "/")},
               {"base_url", c.base_url},
               {"search_url", ctx.href(prefix + "/tim-kiem/")},
               {"contact", contact_view(c.contact)},
               {"year", std::to_string(to_civil(ctx.lib.now, c.utc_offset_minutes).year)}};

  Json columns = Json::array();
  for (const auto& col : c.columns)
    columns.push_back({{"title", SiteConfig::title_in(col.title, col.translations, lang_code)},
                       {"url", ctx.href(column_url(ctx, lang_code, col.key))},
                       {"active", col.key == active_column}});
  Json pages = Json::array();
  if (const Edition* ed = ctx.lib.edition(lang_code))
    for (size_t id : ed->menu) pages.push_back({{"title", ctx.lib.items[id].title}, {"url", ctx.href(ctx.lib.items[id].url)}});
  v["menu"] = {{"columns", columns}, {"pages", pages}};

  Json assets = Json::object();
  for (const auto& [path, url] : ctx.assets) assets[asset_key(path)] = ctx.href(url);
  v["assets"] = assets;

  Json banners = {{"top", Json::array()}, {"home", Json::array()}, {"sidebar", Json::array()}};
  if (const Edition* ed = ctx.lib.edition(lang_code)) {
    for (size_t id : ed->banners) {
      const Item& b = ctx.lib.items[id];
      if (!b.columns.empty() && std::find(b.columns.begin(), b.columns.end(), active_column) == b.columns.end())
        continue;
      const std::string& placement = b.banner->placement;
      Json card = item_card(ctx, b);
      // Cropped to the placement's box: what the editor sees is the slot's shape.
      static const std::map<std::string, std::string> sizes{
          {"top", "(min-width: 75em) 1168px, calc(100vw - 32px)"},
          {"home", "(min-width: 75em) 1168px, calc(100vw - 32px)"},
          {"sidebar", "(min-width: 48em) 380px, calc(100vw - 32px)"}};
      card["image"] = image_view(ctx, b, b.banner->image, b.banner->alt, sizes.at(placement), placement);
      card["image"]["lazy"] = placement == "sidebar";  // the others are a campaign meant to be seen at once
      banners[placement].push_back(std::move(card));
    }
  }
  v["banners"] = banners;
  return v;
}

Json page_frame(const SiteContext& ctx, const PageInfo& page) {
  const SiteConfig& c = ctx.config;
  const Language* lang = c.find_language(page.lang);
  std::string prefix = language_prefix(c, page.lang);
  const std::string& site_title = lang ? lang->title : c.title;
  Json p;
  p["title"] = page.title;
  p["full_title"] = page.url == prefix + "/" ? site_title : page.title + " | " + site_title;
  p["description"] = page.description.empty() ? site_meta_description(ctx, page.lang) : page.description;
  p["url"] = ctx.href(page.url);
  p["canonical"] = ctx.absolute(page.url);
  p["share_url"] = percent_encode(ctx.absolute(page.url));  // for share links' ?u=
  p["noindex"] = page.noindex;
  if (!page.image.empty()) p["image"] = ctx.absolute(page.image);
  Json crumbs = Json::array();
  crumbs.push_back({{"title", ctx.templates.strings(page.lang).value("home", "Trang chủ")}, {"url", ctx.href(prefix + "/")}});
  for (const auto& [t, u] : page.breadcrumbs) crumbs.push_back({{"title", t}, {"url", ctx.href(u)}});
  p["breadcrumbs"] = crumbs;
  p["has_breadcrumbs"] = !page.breadcrumbs.empty();
  Json alts = Json::array();
  for (const auto& [l, u] : page.alternates) {
    const Language* al = c.find_language(l);
    alts.push_back({{"lang", l}, {"url", ctx.href(u)}, {"absolute", ctx.absolute(u)},
                    {"name", ctx.templates.strings(l).value("language_name", l)},
                    {"current", l == page.lang}, {"title", al ? al->title : ""}});
  }
  p["alternates"] = alts;
  p["has_alternates"] = alts.size() > 1;
  Json v;
  v["page"] = std::move(p);
  v["share"] = share_view(ctx, page);
  return v;
}

Json common_view(const SiteContext& ctx, const PageInfo& page) {
  Json v = shared_frame(ctx, page.lang, page.active_column);
  Json own = page_frame(ctx, page);
  for (auto it = own.begin(); it != own.end(); ++it) v[it.key()] = std::move(it.value());
  return v;
}

std::string image_fallback_url(const SiteContext& ctx, const Item& item, const std::string& rel) {
  std::string url = resource_url(item, rel);
  const images::Derivative* d = ctx.images ? ctx.images->fallback(url) : nullptr;
  return d ? d->url : url;
}

// The browser picks the first <source> whose type it knows, so the smallest
// encodings come first; the <img> carries the format every browser reads.
static int format_rank(const std::string& f) { return f == "avif" ? 0 : f == "webp" ? 1 : f == "png" ? 2 : 3; }

Json image_view(const SiteContext& ctx, const Item& item, const std::string& rel, const std::string& alt,
                const std::string& sizes, const std::string& frame) {
  std::string url = resource_url(item, rel);
  Json v = {{"src", ctx.href(image_fallback_url(ctx, item, rel))}, {"alt", alt}};
  const std::vector<images::Derivative>* copies = nullptr;
  if (ctx.images) {
    if (!frame.empty()) copies = ctx.images->framed(url, frame);
    if (!copies)
      if (const images::ImageUse* use = ctx.images->find(url)) copies = &use->derivatives;
  }
  if (!copies || copies->empty()) return v;
  // The <img>'s own format: JPEG where configured, else the most widely read one.
  std::string base = copies->front().format;
  for (const auto& d : *copies)
    if (format_rank(d.format) > format_rank(base)) base = d.format;
  std::map<std::string, std::string> lists;  // format → srcset
  const images::Derivative* widest = nullptr;
  for (const auto& d : *copies) {
    std::string& list = lists[d.format];
    // srcset splits on spaces and commas: a file named "ảnh 1.jpg" must not.
    std::string href;
    for (char c : ctx.href(d.url)) href += c == ' ' ? "%20" : c == ',' ? "%2C" : std::string(1, c);
    list += (list.empty() ? "" : ", ") + href + " " + std::to_string(d.width) + "w";
    if (d.format == base && (!widest || d.width > widest->width)) widest = &d;
  }
  // The widest copy's box: the browser scales it down, keeping the ratio, so
  // the layout never jumps while the picture loads.
  v["src"] = ctx.href(widest->url);
  v["width"] = widest->width;
  v["height"] = widest->height;
  v["sizes"] = sizes;
  v["srcset"] = lists[base];
  Json sources = Json::array();
  std::vector<std::string> formats;
  for (const auto& [format, list] : lists)
    if (format != base) formats.push_back(format);
  std::sort(formats.begin(), formats.end(), [](const auto& a, const auto& b) { return format_rank(a) < format_rank(b); });
  for (const auto& f : formats) sources.push_back({{"type", "image/" + f}, {"srcset", lists[f]}});
  v["sources"] = sources;
  if (lists.count("webp") && base != "webp") v["srcset_webp"] = lists["webp"];
  return v;
}

std::string picture_html(const Json& image, bool lazy) {
  auto attr = [&](const char* key) { return escape_html(image.value(key, std::string())); };
  std::string out = "<picture>";
  for (const auto& s : image.value("sources", Json::array()))
    out += "<source type=\"" + escape_html(s["type"].get<std::string>()) + "\" srcset=\"" +
           escape_html(s["srcset"].get<std::string>()) + "\" sizes=\"" + attr("sizes") + "\">";
  out += "<img src=\"" + attr("src") + "\"";
  if (image.contains("srcset")) out += " srcset=\"" + attr("srcset") + "\" sizes=\"" + attr("sizes") + "\"";
  if (image.contains("width"))
    out += " width=\"" + std::to_string(image["width"].get<int>()) + "\" height=\"" +
           std::to_string(image["height"].get<int>()) + "\"";
  out += " alt=\"" + attr("alt") + "\"";
  if (image.contains("title")) out += " title=\"" + attr("title") + "\"";
  out += std::string(lazy ? " loading=\"lazy\"" : "") + " decoding=\"async\"></picture>";
  return out;
}

std::string html_attribute(const std::string& tag, const std::string& name) {
  std::string key = " " + name + "=\"";
  size_t at = tag.find(key);
  if (at == std::string::npos) return "";
  at += key.size();
  return tag.substr(at, tag.find('"', at) - at);
}

std::string unescape_html(std::string s) {
  static const std::pair<const char*, const char*> entities[] = {
      {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&#x27;", "'"}, {"&amp;", "&"}};
  for (const auto& [from, to] : entities)
    for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + 1))
      s.replace(at, std::char_traits<char>::length(from), to);
  return s;
}

// cmark writes a body picture as <img src="…" alt="…" /> with its URL
// percent-encoded; the plan knows it by the plain site URL.
static std::string site_url_of(const SiteContext& ctx, const std::string& src) {
  std::string plain = percent_decode(unescape_html(src));
  if (!ctx.base_path.empty() && starts_with(plain, ctx.base_path + "/")) plain.erase(0, ctx.base_path.size());
  return plain;
}

std::string body_with_images(const SiteContext& ctx, const Item& item, BodyImages mode) {
  const std::string& html = item.body_html;
  if (!ctx.images || html.find("<img ") == std::string::npos) return html;
  std::string out;
  size_t from = 0, at;
  while ((at = html.find("<img src=\"", from)) != std::string::npos) {
    size_t end = html.find('>', at);
    if (end == std::string::npos) break;
    std::string tag = html.substr(at, end + 1 - at);
    std::string url = site_url_of(ctx, html_attribute(tag, "src"));
    const images::ImageUse* use = ctx.images->find(url);
    out.append(html, from, at - from);
    from = end + 1;
    if (!use) {
      out += tag;
      continue;
    }
    std::string alt = unescape_html(html_attribute(tag, "alt")), title = unescape_html(html_attribute(tag, "title"));
    if (mode == BodyImages::Pictures) {
      Json image = image_view(ctx, item, use->source, alt, "(min-width: 60em) 50em, 100vw");
      if (!title.empty()) image["title"] = title;
      out += picture_html(image, true);
    } else if (const images::Derivative* d = ctx.images->fallback(url)) {
      // Feed readers and Zalo take one file: the widest JPEG, with its size.
      out += "<img src=\"" + escape_html(ctx.href(d->url)) + "\" width=\"" + std::to_string(d->width) +
             "\" height=\"" + std::to_string(d->height) + "\" alt=\"" + escape_html(alt) + "\"" +
             (title.empty() ? "" : " title=\"" + escape_html(title) + "\"") + " />";
    } else {
      out += tag;
    }
  }
  out.append(html, from);
  return out;
}

static std::string file_size(const std::string& rel) {
  std::error_code ec;
  auto bytes = std::filesystem::file_size(rel, ec);
  if (ec) return "";
  char buf[32];
  if (bytes >= 1024 * 1024) std::snprintf(buf, sizeof buf, "%.1f MB", bytes / 1048576.0);
  else std::snprintf(buf, sizeof buf, "%llu KB", static_cast<unsigned long long>((bytes + 1023) / 1024));
  return buf;
}

Json item_card(const SiteContext& ctx, const Item& item) {
  if (ctx.cards && item.id < ctx.cards->size() && !(*ctx.cards)[item.id].is_null()) return (*ctx.cards)[item.id];
  const Json& t = ctx.templates.strings(item.lang);
  Json card;
  card["title"] = item.title;
  card["url"] = ctx.href(item.url);
  if (!item.summary.empty()) card["summary"] = item.summary;
  card["kind"] = kind_name(item.kind);
  card["kind_label"] = t.value(std::string("kind_") + kind_name(item.kind), kind_name(item.kind));
  card["is_" + std::string(kind_name(item.kind))] = true;
  card["date_iso"] = format_iso(item.date, ctx.config.utc_offset_minutes);
  card["date"] = ctx.date_display(item.date, item.lang);
  card["day"] = ctx.day_display(item.date, item.lang);
  card["featured"] = item.featured;
  if (item.preview)  // only `bangtin serve` shows these, and says so on every card and page
    card["badge"] = item.publication == Publication::Draft ? t.value("badge_draft", "BẢN NHÁP")
                                                           : t.value("badge_scheduled", "HẸN GIỜ");
  std::string image = !item.cover.empty() ? item.cover
                      : item.infographic  ? item.infographic->image
                      : item.banner       ? item.banner->image
                      : item.video        ? item.video->poster
                                          : "";
  std::string alt = !item.cover.empty() ? item.cover_alt
                    : item.infographic  ? item.infographic->alt
                    : item.banner       ? item.banner->alt
                                        : item.title;
  if (!image.empty()) {
    card["image"] = image_view(ctx, item, image, alt, "(min-width: 48em) 33vw, 100vw");
    card["image"]["lazy"] = true;
  }
  if (const Unit* u = ctx.config.find_unit(item.unit))
    card["unit"] = {{"title", SiteConfig::title_in(u->title, u->translations, item.lang)},
                    {"url", ctx.href(unit_url(ctx, item.lang, u->key))}};
  Json cols = Json::array();
  for (const auto& key : item.columns)
    if (const Column* c = ctx.config.find_column(key))
      cols.push_back({{"title", SiteConfig::title_in(c->title, c->translations, item.lang)},
                      {"url", ctx.href(column_url(ctx, item.lang, key))}});
  card["columns"] = cols;
  if (item.banner) {
    std::string link = item.banner->link;
    if (starts_with(link, "/")) link = ctx.href(link);
    card["link"] = link.empty() ? card["url"] : Json(link);
    card["external"] = starts_with(link, "http");
  }
  std::optional<int64_t> duration = item.video ? item.video->duration : item.audio ? item.audio->duration : std::nullopt;
  if (duration) card["duration"] = format_duration(*duration);
  if (item.document) {
    card["number"] = item.document->number;
    card["doc_type"] = item.document->doc_type;
    card["issuer"] = item.document->issuer;
    if (item.document->issued) card["issued"] = ctx.day_display(*item.document->issued, item.lang);
  }
  return card;
}

Json item_view(const SiteContext& ctx, const Item& item) {
  Json v = item_card(ctx, item);
  // A lead (sapo) only when the editor wrote one: the summary a build makes
  // from the first paragraph still serves cards, feeds and the meta
  // description, but above the body it would print that paragraph twice.
  v["lead"] = item.summary_written ? Json(item.summary) : Json(false);
  if (!item.cover.empty()) v["image"] = image_view(ctx, item, item.cover, item.cover_alt, "(min-width: 60em) 50em, 100vw");
  v["body"] = body_with_images(ctx, item, BodyImages::Pictures);
  if (!item.author.empty()) v["author"] = item.author;
  v["expired"] = item.publication == Publication::Expired;
  if (item.updated) v["updated"] = ctx.date_display(*item.updated, item.lang);
  Json tags = Json::array();
  if (const Edition* ed = ctx.lib.edition(item.lang)) {
    for (const auto& name : item.tags) {
      std::string key = label_key(name);
      for (const auto& tag : ed->tags)
        if (tag.key == key) tags.push_back({{"name", tag.name}, {"url", ctx.href(ed->prefix + "/the/" + tag.slug + "/")}});
    }
  }
  v["tags"] = tags;
  v["has_tags"] = !tags.empty();
  Json toc = Json::array();
  for (const auto& h : item.headings)
    if (h.level == 2) toc.push_back({{"id", h.id}, {"text", h.text}});
  v["toc"] = toc;
  v["has_toc"] = toc.size() >= 3;
  // Readers on a metered phone plan decide from the size whether to download.
  auto file_view = [&](const std::string& rel) -> Json {
    Json f = {{"url", ctx.href(resource_url(item, rel))}, {"name", file_name(rel)},
              {"ext", ascii_lower(extension_lower(rel).substr(1))}, {"type", media_type(rel)}};
    std::string size = file_size(ctx.site_root + "/" + rel);
    if (!size.empty()) f["size"] = size;
    return f;
  };
  if (item.infographic) {
    // Shown from its resized copies; the original is offered for download and zoom.
    v["infographic"] = {{"image", file_view(item.infographic->image)}, {"alt", item.infographic->alt}};
    v["infographic"]["shown"]["image"] =
        image_view(ctx, item, item.infographic->image, item.infographic->alt, "(min-width: 60em) 50em, 100vw");
    v["infographic"]["shown"]["image"]["lazy"] = false;  // the page's subject, at the top: never deferred
  }
  if (item.video) {
    const VideoFields& f = *item.video;
    Json vid;
    if (!f.youtube.empty()) vid["youtube_embed"] = "https://www.youtube-nocookie.com/embed/" + f.youtube;
    if (!f.youtube.empty()) vid["youtube_url"] = "https://www.youtube.com/watch?v=" + f.youtube;
    if (!f.file.empty()) vid["file"] = file_view(f.file);
    if (!f.url.empty()) vid["url"] = f.url;
    if (!f.poster.empty()) vid["poster"] = file_view(f.poster);
    if (!f.poster.empty()) vid["poster"]["url"] = ctx.href(image_fallback_url(ctx, item, f.poster));
    if (!f.captions.empty()) vid["captions"] = file_view(f.captions);
    v["video"] = vid;
  }
  if (item.audio) v["audio"] = file_view(item.audio->file);
  if (item.document) {
    const DocumentFields& d = *item.document;
    Json doc = {{"number", d.number}, {"doc_type", d.doc_type}, {"issuer", d.issuer}};
    if (d.issued) doc["issued"] = ctx.day_display(*d.issued, item.lang);
    if (d.effective) doc["effective"] = ctx.day_display(*d.effective, item.lang);
    if (!d.file.empty()) doc["file"] = file_view(d.file);
    v["document"] = doc;
  }
  if (item.banner) v["banner"] = {{"image", file_view(item.banner->image)}, {"alt", item.banner->alt}};
  if (item.banner) v["banner"]["image"]["url"] = ctx.href(image_fallback_url(ctx, item, item.banner->image));
  return v;
}

}  // namespace bangtin
