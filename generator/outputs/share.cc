#include "outputs/share.h"

#include <algorithm>
#include <filesystem>

#include "core/disk.h"
#include "core/text.h"
#include "outputs/feeds.h"
#include "outputs/json_text.h"
#include "outputs/media_info.h"

namespace bangtin {

namespace {

// Facebook's locale names for the portal's languages.
std::string og_locale(const std::string& lang) {
  if (lang == "vi") return "vi_VN";
  if (lang == "en") return "en_US";
  if (lang == "fr") return "fr_FR";
  if (lang == "zh") return "zh_CN";
  return lang;
}

}  // namespace

// The logo stands in for pages without a picture of their own; its size is
// read from the bytes that are published (the site's file or the built-in).
MediaRef logo_ref(const SiteContext& ctx) {
  if (ctx.logo) return *ctx.logo;
  MediaRef m;
  m.url = logo_url(ctx);
  std::string site_file = ctx.site_root + "/assets/images/logo.png";
  if (std::filesystem::is_regular_file(site_file)) {
    m.info = media_info(site_file);
  } else {
    auto it = builtin_theme().find("assets/images/logo.png");
    if (it != builtin_theme().end()) m.info = media_info_of_bytes("logo.png", it->second);
  }
  return m;
}

namespace {

Json image_json(const MediaRef& m, const std::string& alt) {
  Json j = {{"url", m.url}, {"alt", alt}};
  if (m.info.width > 0) j["width"] = m.info.width, j["height"] = m.info.height;
  if (!m.info.type.empty()) j["type"] = m.info.type;
  return j;
}

bool is_news(Kind k) { return k == Kind::Article || k == Kind::Infographic || k == Kind::Video || k == Kind::Audio; }

}  // namespace

std::string script_json(const Json& value) { return json_text(value, JsonStyle{.escape = JsonEscape::Script}); }

Json news_article(const SiteContext& ctx, const Item& item) {
  int off = ctx.config.utc_offset_minutes;
  std::string agency = ctx.config.contact.agency.empty() ? ctx.config.title : ctx.config.contact.agency;
  Json a;
  a["@context"] = "https://schema.org";
  a["@type"] = "NewsArticle";
  a["headline"] = cut_at_word(item.title, 110);  // Google shows at most 110 characters
  if (!item.summary.empty()) a["description"] = item.summary;
  a["datePublished"] = format_iso(item.date, off);
  a["dateModified"] = format_iso(item.updated ? *item.updated : item.date, off);
  a["inLanguage"] = item.lang;
  a["mainEntityOfPage"] = ctx.absolute(item.url);
  Json authors = Json::array();
  if (!item.author.empty()) authors.push_back({{"@type", "Person"}, {"name", item.author}});
  else if (const Unit* u = ctx.config.find_unit(item.unit))
    authors.push_back({{"@type", "GovernmentOrganization"}, {"name", SiteConfig::title_in(u->title, u->translations, item.lang)},
                       {"url", ctx.absolute(unit_url(ctx, item.lang, u->key))}});
  else authors.push_back({{"@type", "GovernmentOrganization"}, {"name", agency}});
  a["author"] = authors;
  MediaRef logo = logo_ref(ctx);
  Json publisher = {{"@type", "GovernmentOrganization"}, {"name", agency}, {"url", ctx.absolute("/")}};
  if (!logo.url.empty()) {
    publisher["logo"] = {{"@type", "ImageObject"}, {"url", logo.url}};
    if (logo.info.width > 0) publisher["logo"]["width"] = logo.info.width, publisher["logo"]["height"] = logo.info.height;
  }
  a["publisher"] = publisher;
  // Search engines choose among shapes: the share crop and the whole picture.
  Json images = Json::array();
  for (const auto& m : {share_image(ctx, item), item_image(ctx, item)})
    if (m && std::find(images.begin(), images.end(), Json(m->url)) == images.end()) images.push_back(m->url);
  if (images.empty()) images.push_back(logo.url);
  a["image"] = images;
  return a;
}

Json share_view(const SiteContext& ctx, const PageInfo& page) {
  int off = ctx.config.utc_offset_minutes;
  Json s;
  s["feeds"] = feed_links(ctx, page.lang, page.url);
  s["locale"] = og_locale(page.lang);
  s["embed_url"] = ctx.href("/nhung-tin/");
  s["rss_url"] = ctx.href(language_prefix(ctx.config, page.lang) + "/rss.xml");
  const Item* item = page.item;
  std::optional<MediaRef> image = item ? share_image(ctx, *item) : std::nullopt;
  if (!image && !page.image.empty()) image = MediaRef{"", ctx.absolute(page.image), MediaInfo{}};
  std::string alt = page.title;
  if (item && !item->cover.empty() && !item->cover_alt.empty()) alt = item->cover_alt;
  else if (item && item->infographic) alt = item->infographic->alt;
  if (!image) image = logo_ref(ctx);
  if (!image->url.empty()) s["image"] = image_json(*image, alt);
  // A large card only when the picture is big enough to fill one.
  s["twitter_card"] = image->info.width >= 300 ? "summary_large_image" : "summary";
  if (item && is_news(item->kind)) {
    s["og_type"] = "article";
    s["article"] = {{"published_time", format_iso(item->date, off)},
                    {"modified_time", format_iso(item->updated ? *item->updated : item->date, off)}};
    Json sections = Json::array();
    for (const auto& key : item->columns)
      if (const Column* c = ctx.config.find_column(key)) sections.push_back(SiteConfig::title_in(c->title, c->translations, item->lang));
    if (!sections.empty()) s["article"]["section"] = sections.front();
    s["jsonld"] = script_json(news_article(ctx, *item));
  } else {
    s["og_type"] = "website";
  }
  return s;
}

}  // namespace bangtin
