#include "outputs/pages.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "core/parallel.h"
#include "core/text.h"
#include "outputs/share.h"

namespace bangtin {

namespace {

Json cards(const SiteContext& ctx, const std::vector<size_t>& ids, size_t from = 0, size_t count = SIZE_MAX) {
  Json out = Json::array();
  for (size_t i = from; i < ids.size() && i - from < count; ++i)
    out.push_back(ctx.card_parts ? Templates::part_ref(ids[i]) : item_card(ctx, ctx.lib.items[ids[i]]));
  return out;
}

std::string kind_title(const SiteContext& ctx, Kind k, const std::string& lang) {
  return ctx.templates.strings(lang).value(std::string("kinds_") + kind_name(k), kind_folder(k));
}

}  // namespace

// Listing every page number on every page grows with the square of the list
// (500 × 500 links for a 10,000-item column). Show the neighbours, the ends,
// every stride-th page (stride ≈ √pages) and, inside the current stride, every
// sub-stride-th page: a few dozen links, and any page within four clicks.
bool shown_page_number(size_t k, size_t current, size_t pages) {
  if (pages <= 15) return true;
  size_t stride = 10, sub = 3;
  while (stride * stride < pages) ++stride;
  while (sub * sub < stride) ++sub;
  return k == 1 || k == pages || (k + 2 >= current && k <= current + 2) || k % stride == 0 ||
         (k / stride == current / stride && k % sub == 0);
}

namespace {

// Plans a list split into pages of config.pagination: /x/, /x/trang/2/, …
void plan_list(const SiteContext& ctx, std::vector<PlannedPage>& plan, const PageInfo& base,
               std::vector<size_t> ids, Json extra = Json::object()) {
  // Other languages get a list only where they have something to list.
  if (ids.empty() && base.lang != ctx.config.default_language) return;
  size_t per = static_cast<size_t>(ctx.config.pagination);
  size_t pages = std::max<size_t>(1, (ids.size() + per - 1) / per);
  auto shared_ids = std::make_shared<std::vector<size_t>>(std::move(ids));
  for (size_t n = 1; n <= pages; ++n) {
    PlannedPage p;
    p.info = base;
    p.info.url = paged_url(base.url, n);
    p.info.template_name = "list";
    if (n > 1) {
      p.info.title = base.title + " – " + ctx.templates.strings(base.lang).value("page", "Trang") + " " + std::to_string(n);
      p.info.breadcrumbs.push_back({base.title, base.url});
    }
    std::string base_url = base.url;
    p.view = [shared_ids, n, pages, per, base_url, extra, title = base.title, desc = base.description](const SiteContext& c) {
      Json v = extra;
      v["card_level"] = 2;  // the cards' titles come right under the list's h1
      v["list"] = {{"title", title}};
      if (!desc.empty()) v["list"]["description"] = desc;
      v["list"]["items"] = cards(c, *shared_ids, (n - 1) * per, per);
      v["list"]["empty"] = shared_ids->empty();
      v["list"]["first_page"] = n == 1;
      Json pag = {{"current", n}, {"total", pages}, {"needed", pages > 1}};
      if (n > 1) pag["prev"] = c.href(paged_url(base_url, n - 1));
      if (n < pages) pag["next"] = c.href(paged_url(base_url, n + 1));
      Json nums = Json::array();
      bool gap = false;
      for (size_t k = 1; k <= pages; ++k) {
        if (!shown_page_number(k, n, pages)) {
          if (!gap) nums.push_back({{"gap", true}});
          gap = true;
          continue;
        }
        gap = false;
        nums.push_back({{"n", std::to_string(k)}, {"url", c.href(paged_url(base_url, k))}, {"current", k == n}});
      }
      pag["pages"] = nums;
      v["list"]["pagination"] = pag;
      return v;
    };
    plan.push_back(std::move(p));
  }
}

std::vector<std::pair<std::string, std::string>> all_languages(const SiteContext& ctx, const std::string& url_tail) {
  std::vector<std::pair<std::string, std::string>> alts;
  for (const auto& l : ctx.config.languages) alts.push_back({l.code, language_prefix(ctx.config, l.code) + url_tail});
  return alts;
}

std::vector<size_t> related(const SiteContext& ctx, const Item& item, const Edition& ed) {
  std::vector<size_t> out;
  for (size_t id : ed.latest) {
    if (out.size() >= 5) break;
    const Item& other = ctx.lib.items[id];
    if (id == item.id) continue;
    bool shares = std::any_of(other.columns.begin(), other.columns.end(), [&](const std::string& c) {
      return std::find(item.columns.begin(), item.columns.end(), c) != item.columns.end();
    });
    if (shares) out.push_back(id);
  }
  return out;
}

// The media library (thư viện đa phương tiện): infographics, videos, radio
// bulletins and running banners together, newest first, at /thu-vien/, with static facet pages by
// column, year and producing unit; the kind facet points at the kind lists
// (/infographic/, /video/, /phat-thanh/) that already exist.
void plan_media_library(const SiteContext& ctx, const Edition& ed, std::vector<PlannedPage>& plan) {
  const std::string& lang = ed.lang;
  const std::string p = ed.prefix;
  Json t = ctx.templates.strings(lang);
  const std::string base = p + "/thu-vien/";
  std::vector<size_t> all;
  for (Kind k : {Kind::Infographic, Kind::Video, Kind::Audio})
    if (auto it = ed.by_kind.find(k); it != ed.by_kind.end()) all.insert(all.end(), it->second.begin(), it->second.end());
  // Running campaign banners are media products too, and this is where a
  // reader finds their own pages (the banner image itself links to the campaign).
  all.insert(all.end(), ed.banners.begin(), ed.banners.end());
  // Newest first; the source path breaks ties so the order never depends on the kind order above.
  std::sort(all.begin(), all.end(), [&](size_t a, size_t b) {
    const Item& x = ctx.lib.items[a];
    const Item& y = ctx.lib.items[b];
    return x.date != y.date ? x.date > y.date : x.source < y.source;
  });
  if (all.empty() && lang != ctx.config.default_language) return;

  struct Facet { std::string title, seg; std::vector<Group> groups; };
  std::vector<Facet> facets;
  std::map<std::string, std::vector<size_t>> by_column, by_year, by_unit;
  for (size_t id : all) {
    const Item& item = ctx.lib.items[id];
    for (const auto& c : item.columns) by_column[c].push_back(id);
    by_year[std::to_string(to_civil(item.date, ctx.config.utc_offset_minutes).year)].push_back(id);
    by_unit[item.unit].push_back(id);
  }
  Facet cols{t.value("columns", "Chuyên mục"), "chuyen-muc", {}};
  for (const auto& col : ctx.config.columns)  // config order, like the menu
    if (auto it = by_column.find(col.key); it != by_column.end())
      cols.groups.push_back({SiteConfig::title_in(col.title, col.translations, lang), col.key, it->second});
  Facet years{t.value("year", "Năm"), "nam", {}};
  for (auto it = by_year.rbegin(); it != by_year.rend(); ++it) years.groups.push_back({it->first, it->first, it->second});
  Facet units{t.value("units", "Đơn vị"), "don-vi", {}};
  for (const auto& u : ctx.config.units)
    if (auto it = by_unit.find(u.key); it != by_unit.end())
      units.groups.push_back({SiteConfig::title_in(u.title, u.translations, lang), u.key, it->second});
  facets = {cols, years, units};

  Json kinds = Json::array();
  for (Kind k : {Kind::Infographic, Kind::Video, Kind::Audio}) {
    auto it = ed.by_kind.find(k);
    if (it == ed.by_kind.end() || it->second.empty()) continue;
    kinds.push_back({{"name", kind_title(ctx, k, lang)}, {"url", ctx.href(p + "/" + kind_url_segment(k) + "/")},
                     {"count", std::to_string(it->second.size())}});
  }
  Json groups = Json::array({{{"title", t.value("kind", "Loại")}, {"items", kinds}}});
  for (const auto& f : facets) {
    Json items = Json::array();
    for (const auto& g : f.groups)
      items.push_back({{"name", g.name}, {"url", ctx.href(base + f.seg + "/" + g.slug + "/")},
                       {"count", std::to_string(g.items.size())}});
    if (!items.empty()) groups.push_back({{"title", f.title}, {"items", items}});
  }
  Json extra = {{"facets", {{"label", t.value("browse_media", "Tra cứu thư viện")}, {"groups", groups}}}};

  std::string title = t.value("media_library", "Thư viện đa phương tiện");
  PageInfo info{lang, title, "", base, "list"};
  info.alternates = all_languages(ctx, "/thu-vien/");
  plan_list(ctx, plan, info, all, extra);
  for (const auto& f : facets) {
    for (const auto& g : f.groups) {
      PageInfo gi{lang, title + ": " + g.name, "", base + f.seg + "/" + g.slug + "/", "list"};
      gi.breadcrumbs.push_back({title, base});
      gi.alternates = {{lang, gi.url}};
      plan_list(ctx, plan, gi, g.items, extra);
    }
  }
}

// How many items the home page's "Tin mới nhất" box lists.
constexpr size_t kHomeLatest = 8;

// The lead of "Tin nổi bật" when no item is featured. Not the newest: that
// one already heads "Tin mới nhất" beside it. The next newest with a
// picture among those the box lists (the lead is shown large, with its
// picture), else the next newest; none when there is only one item.
std::optional<size_t> unfeatured_lead(const SiteContext& ctx, const Edition& ed, size_t latest_shown) {
  if (ed.latest.size() < 2) return std::nullopt;
  auto has_picture = [&](size_t id) {
    const Item& item = ctx.lib.items[id];
    return !item.cover.empty() || item.infographic || (item.video && !item.video->poster.empty());
  };
  size_t end = std::min(ed.latest.size(), latest_shown);
  for (size_t i = 1; i < end; ++i)
    if (has_picture(ed.latest[i])) return ed.latest[i];
  return ed.latest[1];
}

void plan_edition(const SiteContext& ctx, const Edition& ed, std::vector<PlannedPage>& plan) {
  const SiteConfig& cfg = ctx.config;
  const std::string& lang = ed.lang;
  Json t = ctx.templates.strings(lang);
  std::string p = ed.prefix;

  {  // Home
    PlannedPage home;
    home.info = {lang, t.value("home", "Trang chủ"), "", p + "/", "home"};
    home.info.alternates = all_languages(ctx, "/");
    home.view = [&ed, lang](const SiteContext& c) {
      Json v;
      std::vector<size_t> featured(ed.featured.begin(), ed.featured.begin() + std::min<size_t>(ed.featured.size(), 5));
      if (featured.empty())
        if (auto lead = unfeatured_lead(c, ed, kHomeLatest)) featured.push_back(*lead);
      v["featured"] = cards(c, featured);
      v["has_featured"] = !featured.empty();
      v["latest"] = cards(c, ed.latest, 0, kHomeLatest);
      Json cols = Json::array();
      for (const auto& col : c.config.columns) {
        auto it = ed.by_column.find(col.key);
        if (it == ed.by_column.end() || it->second.empty()) continue;
        cols.push_back({{"title", SiteConfig::title_in(col.title, col.translations, lang)},
                        {"url", c.href(column_url(c, lang, col.key))},
                        {"items", cards(c, it->second, 0, 4)}});
      }
      v["columns"] = cols;
      auto strip = [&](Kind k, const char* key, size_t n) {
        auto it = ed.by_kind.find(k);
        std::vector<size_t> none;
        const auto& ids = it == ed.by_kind.end() ? none : it->second;
        // Each shelf has its h3 under the strip's h2: its cards' titles are h4.
        v[key] = {{"items", cards(c, ids, 0, n)}, {"any", !ids.empty()}, {"card_level", 4},
                  {"url", c.href(language_prefix(c.config, lang) + "/" + kind_url_segment(k) + "/")}};
      };
      strip(Kind::Infographic, "infographics", 4);
      strip(Kind::Video, "videos", 3);
      strip(Kind::Audio, "radio", 3);
      strip(Kind::Document, "documents", 5);
      // A site without infographics, videos or radio gets no empty shelf.
      v["has_media"] = v["infographics"]["any"].get<bool>() || v["videos"]["any"].get<bool>() || v["radio"]["any"].get<bool>();
      return v;
    };
    plan.push_back(std::move(home));
  }

  // Columns
  {
    PageInfo all{lang, t.value("columns", "Chuyên mục"), "", p + "/chuyen-muc/", "terms"};
    all.alternates = all_languages(ctx, "/chuyen-muc/");
    PlannedPage pp{all, [&ed, lang](const SiteContext& c) {
                     Json terms = Json::array();
                     for (const auto& col : c.config.columns) {
                       auto it = ed.by_column.find(col.key);
                       terms.push_back({{"name", SiteConfig::title_in(col.title, col.translations, lang)},
                                        {"url", c.href(column_url(c, lang, col.key))},
                                        {"count", std::to_string(it == ed.by_column.end() ? 0 : it->second.size())}});
                     }
                     return Json{{"terms", terms}};
                   }};
    plan.push_back(std::move(pp));
  }
  for (const auto& col : cfg.columns) {
    PageInfo info{lang, SiteConfig::title_in(col.title, col.translations, lang), "", column_url(ctx, lang, col.key), "list"};
    auto tr = col.translations.find(lang);
    info.description = tr != col.translations.end() && !tr->second.description.empty() ? tr->second.description : col.description;
    info.active_column = col.key;
    info.alternates = all_languages(ctx, "/chuyen-muc/" + col.key + "/");
    info.breadcrumbs.push_back({t.value("columns", "Chuyên mục"), p + "/chuyen-muc/"});
    auto it = ed.by_column.find(col.key);
    plan_list(ctx, plan, info, it == ed.by_column.end() ? std::vector<size_t>{} : it->second);
  }

  // Kinds
  for (Kind k : {Kind::Article, Kind::Infographic, Kind::Video, Kind::Audio}) {
    PageInfo info{lang, kind_title(ctx, k, lang), "", p + "/" + kind_url_segment(k) + "/", "list"};
    info.alternates = all_languages(ctx, std::string("/") + kind_url_segment(k) + "/");
    auto it = ed.by_kind.find(k);
    plan_list(ctx, plan, info, it == ed.by_kind.end() ? std::vector<size_t>{} : it->second);
  }

  // Document library: every document, with facets by type, issuer and year.
  {
    auto facet = [&](const std::vector<Group>& groups, const std::string& seg) {
      Json out = Json::array();
      for (const auto& g : groups)
        out.push_back({{"name", g.name}, {"url", ctx.href(p + "/van-ban/" + seg + "/" + g.slug + "/")},
                       {"count", std::to_string(g.items.size())}});
      return out;
    };
    // One generic shape for every library's side panel (list.mustache "facets").
    Json facets = {{"facets",
                    {{"label", t.value("browse_documents", "Tra cứu văn bản")},
                     {"groups", Json::array({{{"title", t.value("doc_type", "Loại văn bản")}, {"items", facet(ed.doc_types, "loai")}},
                                             {{"title", t.value("issuer", "Cơ quan ban hành")}, {"items", facet(ed.issuers, "co-quan")}},
                                             {{"title", t.value("year", "Năm")}, {"items", facet(ed.years, "nam")}}})}}}};
    std::string lib_title = kind_title(ctx, Kind::Document, lang);
    PageInfo info{lang, lib_title, "", p + "/van-ban/", "list"};
    info.alternates = all_languages(ctx, "/van-ban/");
    auto it = ed.by_kind.find(Kind::Document);
    plan_list(ctx, plan, info, it == ed.by_kind.end() ? std::vector<size_t>{} : it->second, facets);
    auto groups = [&](const std::vector<Group>& gs, const std::string& seg, const std::string& label) {
      for (const auto& g : gs) {
        PageInfo gi{lang, label + ": " + g.name, "", p + "/van-ban/" + seg + "/" + g.slug + "/", "list"};
        gi.breadcrumbs.push_back({lib_title, p + "/van-ban/"});
        gi.alternates = {{lang, gi.url}};
        plan_list(ctx, plan, gi, g.items, facets);
      }
    };
    groups(ed.doc_types, "loai", t.value("doc_type", "Loại văn bản"));
    groups(ed.issuers, "co-quan", t.value("issuer", "Cơ quan ban hành"));
    groups(ed.years, "nam", t.value("year", "Năm"));
  }

  plan_media_library(ctx, ed, plan);

  // Tags
  {
    PageInfo all{lang, t.value("tags", "Chủ đề"), "", p + "/the/", "terms"};
    all.alternates = all_languages(ctx, "/the/");
    plan.push_back({all, [&ed, p](const SiteContext& c) {
                      Json terms = Json::array();
                      for (const auto& tag : ed.tags)
                        terms.push_back({{"name", tag.name}, {"url", c.href(p + "/the/" + tag.slug + "/")},
                                         {"count", std::to_string(tag.items.size())}});
                      return Json{{"terms", terms}};
                    }});
    for (const auto& tag : ed.tags) {
      PageInfo info{lang, tag.name, "", p + "/the/" + tag.slug + "/", "list"};
      info.breadcrumbs.push_back({t.value("tags", "Chủ đề"), p + "/the/"});
      info.alternates = {{lang, info.url}};
      plan_list(ctx, plan, info, tag.items);
    }
  }

  // Units
  {
    PageInfo all{lang, t.value("units", "Đơn vị"), "", p + "/don-vi/", "terms"};
    all.alternates = all_languages(ctx, "/don-vi/");
    plan.push_back({all, [&ed, lang](const SiteContext& c) {
                      std::vector<const Unit*> units;
                      for (const auto& u : c.config.units) units.push_back(&u);
                      std::stable_sort(units.begin(), units.end(), [&](const Unit* a, const Unit* b) {
                        if ((a->kind == "department") != (b->kind == "department")) return a->kind == "department";
                        return collate_less(SiteConfig::title_in(a->title, a->translations, lang),
                                            SiteConfig::title_in(b->title, b->translations, lang));
                      });
                      Json terms = Json::array();
                      for (const Unit* u : units) {
                        auto it = ed.by_unit.find(u->key);
                        terms.push_back({{"name", SiteConfig::title_in(u->title, u->translations, lang)},
                                         {"url", c.href(unit_url(c, lang, u->key))},
                                         {"count", std::to_string(it == ed.by_unit.end() ? 0 : it->second.size())}});
                      }
                      return Json{{"terms", terms}};
                    }});
    for (const auto& u : cfg.units) {
      PageInfo info{lang, SiteConfig::title_in(u.title, u.translations, lang), "", unit_url(ctx, lang, u.key), "list"};
      info.breadcrumbs.push_back({t.value("units", "Đơn vị"), p + "/don-vi/"});
      info.alternates = all_languages(ctx, "/don-vi/" + u.key + "/");
      auto it = ed.by_unit.find(u.key);
      plan_list(ctx, plan, info, it == ed.by_unit.end() ? std::vector<size_t>{} : it->second);
    }
  }
}

}  // namespace

std::vector<PlannedPage> plan_pages(const SiteContext& ctx) {
  std::vector<PlannedPage> plan;
  for (const auto& ed : ctx.lib.editions) plan_edition(ctx, ed, plan);
  for (const Item& item : ctx.lib.items) {
    if (!ctx.lib.has_page(item)) continue;
    const Edition* ed = ctx.lib.edition(item.lang);
    if (!ed) continue;
    PlannedPage p;
    p.info = {item.lang, item.title, item.summary, item.url, kind_name(item.kind)};
    p.info.noindex = item.publication == Publication::Expired;
    p.info.item = &item;
    p.in_sitemap = item.listed();
    p.lastmod = item.updated ? item.updated : std::optional<Timestamp>(item.date);
    p.info.alternates.push_back({item.lang, item.url});
    for (size_t id : item.translations) p.info.alternates.push_back({ctx.lib.items[id].lang, ctx.lib.items[id].url});
    std::sort(p.info.alternates.begin(), p.info.alternates.end(), [&](const auto& a, const auto& b) {
      auto rank = [&](const std::string& l) {
        for (size_t i = 0; i < ctx.config.languages.size(); ++i)
          if (ctx.config.languages[i].code == l) return i;
        return ctx.config.languages.size();
      };
      return rank(a.first) < rank(b.first);
    });
    if (!item.columns.empty()) {
      p.info.active_column = item.columns.front();
      if (const Column* c = ctx.config.find_column(item.columns.front()))
        p.info.breadcrumbs.push_back({SiteConfig::title_in(c->title, c->translations, item.lang),
                                      column_url(ctx, item.lang, c->key)});
    } else if (item.kind != Kind::Page && item.kind != Kind::Banner) {
      p.info.breadcrumbs.push_back({kind_title(ctx, item.kind, item.lang),
                                    language_prefix(ctx.config, item.lang) + "/" + kind_url_segment(item.kind) + "/"});
    }
    p.info.breadcrumbs.push_back({item.title, item.url});
    if (!item.cover.empty()) p.info.image = image_fallback_url(ctx, item, item.cover);
    else if (item.infographic) p.info.image = resource_url(item, item.infographic->image);
    p.view = [&item, ed](const SiteContext& c) {
      Json v;
      v["item"] = item_view(c, item);
      v["related"] = cards(c, related(c, item, *ed));
      v["has_related"] = !v["related"].empty();
      return v;
    };
    plan.push_back(std::move(p));
  }
  // A language switcher offers only the languages a page really exists in.
  std::set<std::string> planned;
  for (const auto& p : plan) planned.insert(p.info.url);
  for (auto& p : plan)
    std::erase_if(p.info.alternates, [&](const auto& alt) { return !planned.count(alt.second); });
  return plan;
}

namespace {

// A page over the frame its language and active column share with others.
OutputFile render_over(const SiteContext& ctx, const PlannedPage& p, const PreparedView& shared, Diagnostics& diags) {
  Json page = page_frame(ctx, p.info);
  Json own = p.view(ctx);
  return {url_to_output_path(p.info.url),
          ctx.templates.render(p.info.template_name, own, page, shared, diags, ctx.card_parts), ""};
}

}  // namespace

OutputFile render_page(const SiteContext& ctx, const PlannedPage& p, Diagnostics& diags) {
  return render_over(ctx, p, ctx.templates.prepare(shared_frame(ctx, p.info.lang, p.info.active_column)), diags);
}

void render_pages(const SiteContext& site, const std::vector<PlannedPage>& plan, int jobs, Diagnostics& diags,
                  const std::function<void(size_t index, OutputFile&& page)>& put) {
  // Made once, shared by every page: each item's card, the logo, and the
  // frame of each language and active column (menu, strings, assets, banners).
  std::vector<Json> card_cache(site.lib.items.size());
  parallel_for(card_cache.size(), jobs, [&](size_t i) { card_cache[i] = item_card(site, site.lib.items[i]); });
  std::vector<PreparedView> card_parts(card_cache.size());
  parallel_for(card_parts.size(), jobs, [&](size_t i) { card_parts[i] = site.templates.prepare_part(card_cache[i]); });
  SiteContext ctx = site;
  ctx.cards = &card_cache;
  ctx.card_parts = &card_parts;
  MediaRef logo = logo_ref(site);  // every page's share card may name it
  ctx.logo = &logo;
  std::map<std::pair<std::string, std::string>, PreparedView> frames;
  for (const auto& p : plan) {
    auto key = std::make_pair(p.info.lang, p.info.active_column);
    if (!frames.count(key)) frames[key] = ctx.templates.prepare(shared_frame(ctx, key.first, key.second));
  }
  parallel_for(plan.size(), jobs, [&](size_t i) {
    put(i, render_over(ctx, plan[i], frames.at({plan[i].info.lang, plan[i].info.active_column}), diags));
  });
}

std::vector<OutputFile> render_pages(const SiteContext& ctx, const std::vector<PlannedPage>& plan, int jobs,
                                     Diagnostics& diags) {
  std::vector<OutputFile> out(plan.size());
  render_pages(ctx, plan, jobs, diags, [&out](size_t i, OutputFile&& page) { out[i] = std::move(page); });
  return out;
}

OutputFile not_found_page(const SiteContext& ctx, Diagnostics& diags) {
  const std::string& lang = ctx.config.default_language;
  PageInfo nf{lang, ctx.templates.strings(lang).value("not_found", "Không tìm thấy trang"), "", "/404.html", "404"};
  nf.noindex = true;
  Json v = common_view(ctx, nf);
  return {"404.html", ctx.templates.render("404", v, diags), ""};
}

std::vector<OutputFile> special_pages(const SiteContext& ctx, Diagnostics& diags) {
  std::vector<OutputFile> out;
  out.push_back(not_found_page(ctx, diags));
  for (const auto& [alias, id] : ctx.lib.aliases) {
    const Item& item = ctx.lib.items[id];
    PageInfo info{item.lang, item.title, "", item.url, "alias"};
    Json a = common_view(ctx, info);
    a["target"] = {{"url", ctx.href(item.url)}, {"absolute", ctx.absolute(item.url)}, {"title", item.title}};
    out.push_back({url_to_output_path(alias), ctx.templates.render("alias", a, diags), ""});
  }
  return out;
}

}  // namespace bangtin
