// One term's postings and how they are written into a shard. Short lists are
// written whole; a long list (a syllable or pair in most documents) would be
// tens of KB on a 10,000-item site, and a first query of ten syllables pulls
// twenty of them, so a long list is split by impact: the heaviest postings
// keep their exact weight, the rest only say which documents (a bitmap) and
// share one weight. The rest only decide order among documents that tie on
// everything else, far below the first page of results. docs/search.md has
// the format; assets/js/search.js reads it.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace bangtin::search {

// A list longer than this is split; its head keeps this many postings.
inline constexpr size_t kSplitPostings = 2048;
inline constexpr size_t kHeadPostings = 1024;

struct Posting {
  uint32_t doc, weight, mask;  // mask: bit i = the i-th spelling of the Term
};

struct Term {
  std::vector<std::string> spellings;  // in order of first appearance
  std::vector<uint32_t> spelling_df;
  std::vector<Posting> postings;  // ascending documents
};

// The shard value of a term in a site of `docs` documents:
//   "postings"                      plain, no marks
//   ["postings", spelling, …]       with marks; with two or more spellings
//                                   each posting carries a spelling mask
//   {"h": head, "w": weight, "a": set, "s": [spelling, …], "e": [set, …]}
//                                   ("a": the documents; "e": those of each
//                                   spelling, a subset of "a"; sets as
//                                   encode_set() writes them)
//                                   split (more than kSplitPostings)
nlohmann::json encode_term(std::string_view key, const Term& t, uint32_t docs);

// Reads a value back as search.js does: every posting with its weight (a
// split list's tail with the shared weight) and its mask over `spellings`.
// `docs`: the documents of the site, as encode_term was given.
bool decode_term(const nlohmann::json& value, uint32_t docs, std::vector<std::string>& spellings,
                 std::vector<Posting>& postings);

}  // namespace bangtin::search
