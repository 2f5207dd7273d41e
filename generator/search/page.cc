#include "search/page.h"

#include "search/records.h"

namespace bangtin::search {

namespace {

Json options(const std::vector<FilterValue>& values) {
  Json out = Json::array();
  for (const auto& v : values)
    out.push_back({{"value", v.value}, {"label", v.label}, {"count", std::to_string(v.count)}});
  return out;
}

}  // namespace

std::vector<PlannedPage> plan_search_pages(const SiteContext& ctx, const std::vector<SearchIndex>& indexes) {
  std::vector<PlannedPage> plan;
  std::vector<std::pair<std::string, std::string>> alternates;
  for (const auto& index : indexes) alternates.push_back({index.lang, search_page_url(ctx, index.lang)});
  for (const auto& index : indexes) {
    Json t = ctx.templates.strings(index.lang);
    PlannedPage p;
    p.info.lang = index.lang;
    p.info.title = t.value("search", "Tìm kiếm");
    p.info.url = search_page_url(ctx, index.lang);
    p.info.template_name = "search";
    p.info.alternates = alternates;
    // A results page is made in the browser; crawlers find items elsewhere.
    p.info.noindex = true;
    p.in_sitemap = false;
    std::string prefix = language_prefix(ctx.config, index.lang);
    Json view = {{"index", ctx.href(index.url)},
                 {"version", index.version},
                 {"shards", std::to_string(index.shards)},
                 {"docs", std::to_string(index.docs)},
                 {"group", std::to_string(kRecordsPerFile)},
                 {"kinds", options(index.kinds)},
                 {"columns", options(index.columns)},
                 {"years", options(index.years)},
                 {"sitemap_url", ctx.href("/sitemap.xml")},
                 {"columns_url", ctx.href(prefix + "/chuyen-muc/")},
                 {"documents_url", ctx.href(prefix + "/van-ban/")}};
    p.view = [view](const SiteContext&) { return Json{{"search", view}}; };
    plan.push_back(std::move(p));
  }
  return plan;
}

}  // namespace bangtin::search
