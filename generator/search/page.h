// The search page of each language, /tim-kiem/ and /en/tim-kiem/: a plain GET
// form (q=, kind=, column=, year=) that search.js answers from the index. It
// is planned beside the other pages and rendered by templates/search.mustache;
// without JavaScript it offers the sitemap and the column pages instead.
#pragma once
#include <vector>

#include "outputs/pages.h"
#include "search/index.h"

namespace bangtin::search {

std::vector<PlannedPage> plan_search_pages(const SiteContext& ctx, const std::vector<SearchIndex>& indexes);

}  // namespace bangtin::search
