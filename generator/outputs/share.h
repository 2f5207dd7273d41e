// How a page looks when shared on Facebook and Zalo, and what search engines
// read about an article: Open Graph and Twitter card values, JSON-LD
// NewsArticle, and the feeds a page announces. All of it lands in the static
// <head> (templates/partials/head.mustache) through the view key "share".
#pragma once
#include <string>

#include "outputs/feeds.h"
#include "outputs/views.h"

namespace bangtin {

// The "share" part of a page's view.
Json share_view(const SiteContext& ctx, const PageInfo& page);

// JSON made safe inside <script>: no "</script>", "<!--" or "&" can appear.
// The portal's logo as share cards and JSON-LD name it (ctx.logo when made).
MediaRef logo_ref(const SiteContext& ctx);

std::string script_json(const Json& value);

// schema.org NewsArticle for an item page.
Json news_article(const SiteContext& ctx, const Item& item);

}  // namespace bangtin
