#include "outputs/views.h"

#include <filesystem>

#include "core/paths.h"
#include "core/text.h"
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
  return format_english_date(t, config.utc_offset_minutes);
}

std::string SiteContext::day_display(Timestamp t, const std::string& lang) const {
  if (lang == "vi") return format_vietnamese_date(t, config.utc_offset_minutes);
  return format_english_date(t, config.utc_offset_minutes);
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

Json common_view(const SiteContext& ctx, const PageInfo& page) {
  const SiteConfig& c = ctx.config;
  const Language* lang = c.find_language(page.lang);
  std::string prefix = language_prefix(c, page.lang);
  Json v;
  v["lang"] = page.lang;
  v["t"] = ctx.templates.strings(page.lang);
  v["site"] = {{"title", lang ? lang->title : c.title},
               {"description", lang ? lang->description : c.description},
               {"home_url", ctx.href(prefix + "/")},
               {"base_url", c.base_url},
               {"search_url", ctx.href(prefix + "/tim-kiem/")},
               {"contact", {{"agency", c.contact.agency}, {"address", c.contact.address}, {"phone", c.contact.phone},
                            {"email", c.contact.email}, {"responsible", c.contact.responsible}}},
               {"year", std::to_string(to_civil(ctx.lib.now, c.utc_offset_minutes).year)}};
  Json p;
  p["title"] = page.title;
  p["full_title"] = page.url == prefix + "/" ? v["site"]["title"].get<std::string>()
                                             : page.title + " | " + v["site"]["title"].get<std::string>();
  p["description"] = page.description.empty() ? v["site"]["description"] : Json(page.description);
  p["url"] = ctx.href(page.url);
  p["canonical"] = ctx.absolute(page.url);
  p["share_url"] = percent_encode(ctx.absolute(page.url));  // for share links' ?u=
  p["noindex"] = page.noindex;
  if (!page.image.empty()) p["image"] = ctx.absolute(page.image);
  Json crumbs = Json::array();
  crumbs.push_back({{"title", v["t"].value("home", "Trang chủ")}, {"url", ctx.href(prefix + "/")}});
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
  v["page"] = p;

  Json columns = Json::array();
  for (const auto& col : c.columns)
    columns.push_back({{"title", SiteConfig::title_in(col.title, col.translations, page.lang)},
                       {"url", ctx.href(column_url(ctx, page.lang, col.key))},
                       {"active", col.key == page.active_column}});
  Json pages = Json::array();
  if (const Edition* ed = ctx.lib.edition(page.lang))
    for (size_t id : ed->menu) pages.push_back({{"title", ctx.lib.items[id].title}, {"url", ctx.href(ctx.lib.items[id].url)}});
  v["menu"] = {{"columns", columns}, {"pages", pages}};

  Json assets = Json::object();
  for (const auto& [path, url] : ctx.assets) assets[asset_key(path)] = ctx.href(url);
  v["assets"] = assets;

  Json banners = {{"top", Json::array()}, {"home", Json::array()}, {"sidebar", Json::array()}};
  if (const Edition* ed = ctx.lib.edition(page.lang)) {
    for (size_t id : ed->banners) {
      const Item& b = ctx.lib.items[id];
      if (!b.columns.empty() && std::find(b.columns.begin(), b.columns.end(), page.active_column) == b.columns.end())
        continue;
      banners[b.banner->placement].push_back(item_card(ctx, b));
    }
  }
  v["banners"] = banners;
  v["share"] = share_view(ctx, page);
  return v;
}

std::string image_fallback_url(const SiteContext& ctx, const Item& item, const std::string& rel) {
  std::string url = resource_url(item, rel);
  const images::Derivative* d = ctx.images ? ctx.images->fallback(url) : nullptr;
  return d ? d->url : url;
}

Json image_view(const SiteContext& ctx, const Item& item, const std::string& rel, const std::string& alt,
                const std::string& sizes) {
  Json v = {{"src", ctx.href(image_fallback_url(ctx, item, rel))}, {"alt", alt}};
  const images::ImageUse* use = ctx.images ? ctx.images->find(resource_url(item, rel)) : nullptr;
  if (!use) return v;
  std::string jpeg, webp;
  const images::Derivative* widest = nullptr;
  for (const auto& d : use->derivatives) {
    std::string& list = d.format == "webp" ? webp : jpeg;
    if (d.format != "webp" && d.format != "jpeg") continue;
    // srcset splits on spaces and commas: a file named "ảnh 1.jpg" must not.
    std::string url;
    for (char c : ctx.href(d.url)) url += c == ' ' ? "%20" : c == ',' ? "%2C" : std::string(1, c);
    list += (list.empty() ? "" : ", ") + url + " " + std::to_string(d.width) + "w";
    if (!widest || d.width > widest->width) widest = &d;
  }
  if (!widest) return v;
  // The widest copy's box: the browser scales it down, keeping the ratio, so
  // the layout never jumps while the picture loads.
  v["width"] = widest->width;
  v["height"] = widest->height;
  v["sizes"] = sizes;
  if (!jpeg.empty()) v["srcset"] = jpeg;
  if (!webp.empty()) v["srcset_webp"] = webp;
  return v;
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
  if (!image.empty()) card["image"] = image_view(ctx, item, image, alt, "(min-width: 48em) 33vw, 100vw");
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
  if (!item.cover.empty()) v["image"] = image_view(ctx, item, item.cover, item.cover_alt, "(min-width: 60em) 50em, 100vw");
  v["body"] = item.body_html;
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
  auto file_view = [&](const std::string& rel) -> Json {
    return {{"url", ctx.href(resource_url(item, rel))}, {"name", file_name(rel)},
            {"ext", ascii_lower(extension_lower(rel).substr(1))}};
  };
  if (item.infographic) v["infographic"] = {{"image", file_view(item.infographic->image)}, {"alt", item.infographic->alt}};
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
  if (item.audio) {
    Json a = file_view(item.audio->file);
    std::string ext = a["ext"];
    a["type"] = ext == "mp3" ? "audio/mpeg" : ext == "m4a" ? "audio/mp4" : ext == "opus" ? "audio/ogg" : "audio/" + ext;
    if (ext == "oga") a["type"] = "audio/ogg";
    v["audio"] = a;
  }
  if (item.document) {
    const DocumentFields& d = *item.document;
    Json doc = {{"number", d.number}, {"doc_type", d.doc_type}, {"issuer", d.issuer}};
    if (d.issued) doc["issued"] = ctx.day_display(*d.issued, item.lang);
    if (d.effective) doc["effective"] = ctx.day_display(*d.effective, item.lang);
    if (!d.file.empty()) {
      doc["file"] = file_view(d.file);
      doc["file"]["size"] = file_size(ctx.site_root + "/" + d.file);
    }
    v["document"] = doc;
  }
  if (item.banner) v["banner"] = {{"image", file_view(item.banner->image)}, {"alt", item.banner->alt}};
  if (item.banner) v["banner"]["image"]["url"] = ctx.href(image_fallback_url(ctx, item, item.banner->image));
  return v;
}

}  // namespace bangtin
