// View models: what templates see. Built as JSON (so a site's template author
// can dump and read them), turned into Mustache data only in render/.
#pragma once
#include <nlohmann/json.hpp>
#include <string>

#include "assemble/library.h"
#include "config/config.h"
#include "images/plan.h"
#include "render/templates.h"

namespace bangtin {

using Json = nlohmann::json;
struct MediaRef;  // outputs/feeds.h

// Everything a page-making function needs, read-only.
struct SiteContext {
  const SiteConfig& config;
  const Library& lib;
  const Templates& templates;
  const std::map<std::string, std::string>& assets;  // "css/site.css" → "/assets/css/site.1a2b3c.css"
  std::string site_root;
  std::string base_path;  // path part of base_url without the trailing '/': "" or "/portal"
  const images::ImagePlan* images = nullptr;  // resized copies of images, when planned
  // Every item's card, made once before rendering (by item id; null: not made):
  // an item is listed on up to a dozen pages.
  const std::vector<Json>* cards = nullptr;
  // The same cards prepared for the templates (by item id): lists then hold
  // Templates::part_ref(id) instead of a copy of the card.
  const std::vector<PreparedView>* card_parts = nullptr;
  const MediaRef* logo = nullptr;  // share.h logo_ref(), read once before rendering

  std::string href(const std::string& site_url) const { return base_path + site_url; }
  std::string absolute(const std::string& site_url) const;
  std::string date_display(Timestamp t, const std::string& lang) const;
  std::string day_display(Timestamp t, const std::string& lang) const;
};

// A page under construction: its own fields plus the common frame.
struct PageInfo {
  std::string lang;
  std::string title;
  std::string description;
  std::string url;  // site-relative
  std::string template_name;
  std::vector<std::pair<std::string, std::string>> breadcrumbs;  // title, url
  std::vector<std::pair<std::string, std::string>> alternates;   // lang, url
  std::string active_column;
  bool noindex = false;
  std::string image;  // site-relative, for og:image
  const Item* item = nullptr;  // the item an item page shows: share cards, JSON-LD
};

// The frame every page template sees: shared_frame (lang, t, site, menu,
// assets, banners: the same for every page of a language and active column)
// and page_frame (page, share); common_view is both in one object.
Json shared_frame(const SiteContext& ctx, const std::string& lang, const std::string& active_column);
// What search engines show of a meta description, in code points.
inline constexpr size_t kDescriptionLength = 160;
// The site's description in `lang`, else one made from its title and units
// (templates/i18n "description_generated"), at most kDescriptionLength long:
// every page has a meta description even when site-config.json gives none.
std::string site_meta_description(const SiteContext& ctx, const std::string& lang);
Json page_frame(const SiteContext& ctx, const PageInfo& page);
Json common_view(const SiteContext& ctx, const PageInfo& page);
Json item_card(const SiteContext& ctx, const Item& item);
// An image as templates use it: {src, alt, width, height, srcset, sizes,
// sources: [{type, srcset}], srcset_webp}; all but src and alt only when the
// image has resized copies. `frame` asks for the copies cropped to a banner
// placement ("top") or the share shape, where the plan made them.
Json image_view(const SiteContext& ctx, const Item& item, const std::string& rel, const std::string& alt,
                const std::string& sizes, const std::string& frame = "");
// The <picture> element for an image_view(), as the theme's templates write it.
std::string picture_html(const Json& image, bool lazy);

// An item's body with its pictures as pages want them (<picture> with every
// copy) or as feeds and Zalo want them (one <img>: the widest JPEG, sized).
enum class BodyImages { Pictures, SingleFile };
std::string body_with_images(const SiteContext& ctx, const Item& item, BodyImages mode);

// The value of attribute `name` in a tag as this generator writes it, and
// the five entities undone.
std::string html_attribute(const std::string& tag, const std::string& name);
std::string unescape_html(std::string s);
// The site URL to name an image by where one file must do (og:image, feeds).
std::string image_fallback_url(const SiteContext& ctx, const Item& item, const std::string& rel);
Json item_view(const SiteContext& ctx, const Item& item);
std::string column_url(const SiteContext& ctx, const std::string& lang, const std::string& key);
std::string unit_url(const SiteContext& ctx, const std::string& lang, const std::string& key);

}  // namespace bangtin
