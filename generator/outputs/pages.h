// Every HTML page of the portal, planned first (cheap, in a fixed order) and
// rendered afterwards in parallel.
#pragma once
#include <functional>
#include <optional>
#include <vector>

#include "core/output.h"
#include "outputs/views.h"

namespace bangtin {

struct PlannedPage {
  PageInfo info;
  std::function<Json(const SiteContext&)> view;  // the page's own part of the view
  bool in_sitemap = true;
  std::optional<Timestamp> lastmod;
};

std::vector<PlannedPage> plan_pages(const SiteContext& ctx);
// Whether page k's number is linked from page `current` of a list of `pages`.
bool shown_page_number(size_t k, size_t current, size_t pages);
// Renders the plan in parallel, handing each page to `put` (from the worker
// threads) as soon as it is made: the write stage stages it at once, so the
// pages of a large portal are never all in memory.
void render_pages(const SiteContext& ctx, const std::vector<PlannedPage>& plan, int jobs, Diagnostics& diags,
                  const std::function<void(size_t index, OutputFile&& page)>& put);
// The same, into files in plan order.
std::vector<OutputFile> render_pages(const SiteContext& ctx, const std::vector<PlannedPage>& plan, int jobs,
                                     Diagnostics& diags);
// One page of the plan (`bangtin serve` renders them as they are asked for).
OutputFile render_page(const SiteContext& ctx, const PlannedPage& page, Diagnostics& diags);
// Redirect pages for aliases and the root 404.html.
std::vector<OutputFile> special_pages(const SiteContext& ctx, Diagnostics& diags);
OutputFile not_found_page(const SiteContext& ctx, Diagnostics& diags);

}  // namespace bangtin
