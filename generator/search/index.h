// The search index of one language, built with the site: no server answers
// queries, so the browser downloads the few parts a query needs.
//
//   IDX/t/N.json   term shards: folded term → postings (and its spellings
//                  with marks, so a query typed with marks can prefer them)
//   IDX/r/N.json   results: URL, title, date, kind, summary, snippet, a few
//                  documents to a file (search/records.h)
//   IDX/f.json     filters: kind, column, year → document ids
//
// IDX is /tim-kiem/idx/ under the language prefix. Documents are numbered
// newest first, so a tie in score goes to the newer item. docs/search.md
// describes the format; assets/js/search.js reads it.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/output.h"
#include "outputs/views.h"

namespace bangtin::search {

struct FilterValue {
  std::string value, label;
  size_t count = 0;
};

struct SearchIndex {
  std::string lang;
  std::string url;  // site-relative folder: "/en/tim-kiem/idx/"
  uint32_t docs = 0, shards = 0;
  std::string version;  // hash of every file, for cache busting
  std::vector<FilterValue> kinds, columns, years;
  std::vector<OutputFile> files;
  size_t term_count = 0, bytes = 0;
};

// The search page's URL in a language: "/tim-kiem/", "/en/tim-kiem/".
std::string search_page_url(const SiteContext& ctx, const std::string& lang);

// One index per language, in the order of the editions. Bodies must already
// be rendered (Item::body_html).
std::vector<SearchIndex> build_search_indexes(const SiteContext& ctx, int jobs);

}  // namespace bangtin::search
