#include "outputs/embeds.h"

#include "core/disk.h"
#include "core/paths.h"
#include "core/text.h"
#include "outputs/feeds.h"
#include "outputs/json_text.h"
#include "render/templates.h"

namespace bangtin {

namespace {

struct EmbedSource {
  std::string title;
  std::string list_url;  // the portal page the embed follows
  std::string dir;       // "/nhung/chuyen-muc/KEY/"
  std::vector<size_t> items;
};

std::string asset(const SiteContext& ctx, const std::string& name) {
  auto it = ctx.assets.find(name);
  return it == ctx.assets.end() ? "" : ctx.absolute(it->second);
}

// Absolute everywhere: the page and the JSON are read from other sites.
Json embed_item(const SiteContext& ctx, const Item& item) {
  Json j = {{"title", item.title},
            {"url", ctx.absolute(item.url)},
            {"date", format_iso(item.date, ctx.config.utc_offset_minutes)},
            {"day", ctx.day_display(item.date, item.lang)}};
  if (auto image = item_image(ctx, item)) j["image"] = {{"src", image->url}, {"alt", ""}};
  return j;
}

Json banner_item(const SiteContext& ctx, const Item& b) {
  int off = ctx.config.utc_offset_minutes;
  auto image = item_image(ctx, b);
  std::string link = b.banner->link.empty() ? b.url : b.banner->link;
  if (starts_with(link, "/")) link = ctx.absolute(link);
  return {{"title", b.title},
          {"image", image ? image->url : ""},
          {"alt", b.banner->alt},
          {"link", link},
          {"start", b.banner->start ? format_iso(*b.banner->start, off) : ""},
          {"end", b.banner->end ? format_iso(*b.banner->end, off) : ""}};
}

Json frame(const SiteContext& ctx, const std::string& lang, const std::string& title, const std::string& page_url) {
  const Language* l = ctx.config.find_language(lang);
  return {{"title", title},
          {"page_url", ctx.absolute(page_url)},
          {"portal_url", ctx.absolute(language_prefix(ctx.config, lang) + "/")},
          {"portal_title", l && !l->title.empty() ? l->title : ctx.config.title},
          {"css", asset(ctx, "css/embed.css")},
          {"script", asset(ctx, "js/embed-page.js")}};
}

}  // namespace

std::vector<OutputFile> embed_files(const SiteContext& ctx, Diagnostics& diags) {
  std::vector<OutputFile> out;
  // Ward sites are Vietnamese: embeds follow the default language.
  const std::string& lang = ctx.config.default_language;
  const Edition* ed = ctx.lib.edition(lang);
  if (!ed) return out;
  Json t = ctx.templates.strings(lang);

  std::vector<EmbedSource> sources;
  for (const Column& c : ctx.config.columns) {
    auto it = ed->by_column.find(c.key);
    sources.push_back({SiteConfig::title_in(c.title, c.translations, lang), column_url(ctx, lang, c.key),
                       "/nhung/chuyen-muc/" + c.key + "/", it == ed->by_column.end() ? std::vector<size_t>{} : it->second});
  }
  size_t column_count = sources.size();
  for (const Unit& u : ctx.config.units) {
    auto it = ed->by_unit.find(u.key);
    sources.push_back({SiteConfig::title_in(u.title, u.translations, lang), unit_url(ctx, lang, u.key),
                       "/nhung/don-vi/" + u.key + "/", it == ed->by_unit.end() ? std::vector<size_t>{} : it->second});
  }

  Json builder_columns = Json::array(), builder_units = Json::array();
  for (size_t s = 0; s < sources.size(); ++s) {
    const EmbedSource& src = sources[s];
    Json items = Json::array();
    for (size_t i = 0; i < src.items.size() && i < kEmbedItems; ++i) items.push_back(embed_item(ctx, ctx.lib.items[src.items[i]]));
    std::string json_url = src.dir.substr(0, src.dir.size() - 1) + ".json";
    Json view = common_view(ctx, PageInfo{lang, src.title, "", src.dir, "embed"});
    view["embed"] = frame(ctx, lang, src.title, src.list_url);
    view["embed"]["items"] = items;
    view["embed"]["empty"] = items.empty();
    out.push_back({url_to_output_path(src.dir), ctx.templates.render("embed", view, diags), ""});
    Json data = {{"title", src.title}, {"url", ctx.absolute(src.list_url)}, {"items", items}};
    out.push_back({url_to_output_path(json_url), json_text(data, 1) + "\n", ""});
    Json option = {{"title", src.title}, {"page", ctx.absolute(src.dir)}, {"json", ctx.absolute(json_url)}};
    (s < column_count ? builder_columns : builder_units).push_back(option);
  }

  {  // The campaign banner: what runs now at the top of the portal, then on its home page.
    Json banners = Json::array();
    for (const char* placement : {"top", "home"})
      for (size_t id : ed->banners)
        if (ctx.lib.items[id].banner->placement == placement && ctx.lib.items[id].columns.empty())
          banners.push_back(banner_item(ctx, ctx.lib.items[id]));
    std::string title = t.value("embed_banner", "Banner tuyên truyền");
    Json view = common_view(ctx, PageInfo{lang, title, "", "/nhung/banner/", "embed"});
    view["embed"] = frame(ctx, lang, title, "/");
    view["embed"]["banner"] = true;
    view["embed"]["items"] = banners;
    out.push_back({"nhung/banner/index.html", ctx.templates.render("embed", view, diags), ""});
    out.push_back({"nhung/banner.json", json_text(Json{{"banners", banners}}, 1) + "\n", ""});
  }

  // widget.js under a name that never changes, for snippets pasted once; a
  // site's own assets/js/widget.js replaces the built-in one, as for any asset.
  std::string widget;
  if (!read_file(ctx.site_root + "/assets/js/widget.js", widget)) {
    auto it = builtin_theme().find("assets/js/widget.js");
    if (it != builtin_theme().end()) widget = it->second;
  }
  if (!widget.empty()) out.push_back({"nhung/widget.js", widget, ""});

  PageInfo info{lang, t.value("embed_news", "Nhúng tin"), t.value("embed_intro", ""), "/nhung-tin/", "embed-builder"};
  info.alternates = {{lang, info.url}};
  Json view = common_view(ctx, info);
  view["embed"] = {{"columns", builder_columns},
                   {"units", builder_units},
                   {"banner", {{"page", ctx.absolute("/nhung/banner/")}, {"json", ctx.absolute("/nhung/banner.json")}}},
                   {"widget", ctx.absolute("/nhung/widget.js")},
                   {"first", builder_columns.empty() ? "" : builder_columns[0]["page"].get<std::string>() + "?n=5"},
                   {"max", std::to_string(kEmbedItems)},
                   {"docs", ctx.href("/rss.xml")}};
  out.push_back({"nhung-tin/index.html", ctx.templates.render("embed-builder", view, diags), ""});
  return out;
}

}  // namespace bangtin
