// Long posting lists split by impact, and the document sets they are written
// with (generator/search/terms.h, postings.h); assets/js/search.js reads the
// same strings back.
#include "search/terms.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "../site/test_support.h"
#include "search/postings.h"

using namespace bangtin::search;

namespace {

std::vector<uint32_t> set_back(const std::string& text, uint32_t docs, const std::vector<uint32_t>* within = nullptr) {
  std::vector<uint32_t> out;
  REQUIRE(read_set(text, docs, within, out));
  return out;
}

// A term in `n` of `docs` documents (every third one left out), weights
// cycling 1..31, and three spellings with marks used in turn.
Term long_term(uint32_t docs, size_t n) {
  Term t;
  t.spellings = {"văn", "vân", "vấn"};
  t.spelling_df = {0, 0, 0};
  for (uint32_t d = 0; d < docs && t.postings.size() < n; ++d) {
    if (d % 3 == 2) continue;
    uint32_t bit = d % 4 == 0 ? 2 : d % 5 == 0 ? 1 : 0;
    uint32_t mask = (1u << bit) | (d % 7 == 0 ? 1u : 0u);
    for (uint32_t b = 0; b < 3; ++b)
      if (mask & (1u << b)) ++t.spelling_df[b];
    t.postings.push_back({d, 1 + (d * 7) % 31, mask});
  }
  return t;
}

}  // namespace

TEST_SUITE("search") {

TEST_CASE("a document set takes the shortest of gaps, bitmap and complement, and reads back") {
  const uint32_t docs = 6000;
  std::vector<uint32_t> sparse = {3, 900, 5999};
  CHECK(encode_set(sparse, docs) == encode_ids(sparse));
  CHECK(set_back(encode_set(sparse, docs), docs) == sparse);

  std::vector<uint32_t> half;  // every other document: a bitmap, 1,000 characters
  for (uint32_t d = 0; d < docs; d += 2) half.push_back(d);
  std::string bitmap = encode_set(half, docs);
  CHECK(bitmap[0] == '~');
  CHECK(bitmap.size() == 1001);
  CHECK(set_back(bitmap, docs) == half);

  std::vector<uint32_t> most;  // all but three: the three
  for (uint32_t d = 0; d < docs; ++d)
    if (d != 10 && d != 11 && d != 4000) most.push_back(d);
  std::string complement = encode_set(most, docs);
  CHECK(complement[0] == '!');
  CHECK(complement.size() < 10);
  CHECK(set_back(complement, docs) == most);

  // Within a smaller set, the complement is counted in that set.
  std::vector<uint32_t> within(half.begin(), half.begin() + 1000), sub(within.begin() + 1, within.end());
  std::string inside = encode_set(sub, docs, &within);
  CHECK(inside == "!1");
  CHECK(set_back(inside, docs, &within) == sub);

  std::vector<uint32_t> out;
  CHECK_FALSE(read_set("~\"", docs, nullptr, out));
  CHECK_FALSE(read_set("1 2", docs, nullptr, out));
}

TEST_CASE("a short list is written whole, as before") {
  Term t = long_term(3 * kSplitPostings, kSplitPostings);
  nlohmann::json v = encode_term("van", t, 3 * kSplitPostings);
  REQUIRE(v.is_array());
  CHECK(v[1] == "văn");  // most documents first
  std::vector<std::string> spellings;
  std::vector<Posting> back;
  REQUIRE(decode_term(v, 3 * kSplitPostings, spellings, back));
  CHECK(back.size() == t.postings.size());
  CHECK(back[5].weight == t.postings[5].weight);
}

TEST_CASE("a long list keeps its heaviest postings exact and the rest as a set") {
  const uint32_t docs = 10000;
  Term t = long_term(docs, 6000);
  REQUIRE(t.postings.size() == 6000);
  nlohmann::json v = encode_term("van", t, docs);
  REQUIRE(v.is_object());
  CHECK(v["s"] == nlohmann::json::array({"văn", "vấn", "vân"}));
  REQUIRE(v["e"].size() == 3);

  std::vector<std::string> spellings;
  std::vector<Posting> back;
  REQUIRE(decode_term(v, docs, spellings, back));
  REQUIRE(back.size() == t.postings.size());
  // The kHeadPostings heaviest keep their weights; the others share one,
  // no heavier than any of the head.
  std::vector<uint32_t> weights;
  for (const Posting& p : t.postings) weights.push_back(p.weight);
  std::sort(weights.rbegin(), weights.rend());
  uint32_t lightest_head = weights[kHeadPostings - 1], shared = v["w"];
  CHECK(shared <= lightest_head);
  size_t exact = 0;
  for (size_t i = 0; i < back.size(); ++i) {
    CHECK(back[i].doc == t.postings[i].doc);
    if (t.postings[i].weight > lightest_head) CHECK(back[i].weight == t.postings[i].weight);
    if (back[i].weight == t.postings[i].weight) ++exact;
    else CHECK(back[i].weight == shared);
    // Masks come back over the spellings in their new order.
    uint32_t want = 0;
    for (size_t b = 0; b < spellings.size(); ++b) {
      size_t old = std::find(t.spellings.begin(), t.spellings.end(), spellings[b]) - t.spellings.begin();
      if (t.postings[i].mask & (1u << old)) want |= 1u << b;
    }
    CHECK(back[i].mask == want);
  }
  CHECK(exact >= kHeadPostings);
  // Half the size of a gap, weight and mask for each posting (18,000+).
  CHECK(v.dump().size() < 9000);
}

TEST_CASE("a long list of a word without marks has no spellings") {
  Term t;
  for (uint32_t d = 0; d < 3000; ++d) t.postings.push_back({d, 1 + d % 5, 0});
  nlohmann::json v = encode_term("hanh chinh", t, 3000);
  REQUIRE(v.is_object());
  CHECK_FALSE(v.contains("s"));
  CHECK_FALSE(v.contains("e"));
  CHECK(v["a"] == "!");  // every document
  std::vector<std::string> spellings;
  std::vector<Posting> back;
  REQUIRE(decode_term(v, 3000, spellings, back));
  CHECK(back.size() == 3000);
  CHECK(back[2999].mask == 1);
}

TEST_CASE("a beginning written only without marks is a bare list, like a word") {
  Term t;
  t.spellings = {"ha"};
  t.spelling_df = {2};
  t.postings = {{0, 3, 1}, {4, 1, 1}};
  CHECK(encode_term("ha*", t, 10).is_string());
  // With a spelling that has marks, it lists it ("hà" of "hà nội").
  t.spellings = {"hà"};
  nlohmann::json v = encode_term("ha*", t, 10);
  REQUIRE(v.is_array());
  CHECK(v[1] == "hà");
}

TEST_CASE("tests/search/split_term.json is what the build writes, for search.js to read back") {
  // tests/browser/search.mjs gives the value to search.js's expand() and
  // expects these postings: the format, checked from both ends.
  const uint32_t docs = 3 * kSplitPostings;
  Term t = long_term(docs, kSplitPostings + 100);
  nlohmann::json value = encode_term("van", t, docs);
  REQUIRE(value.is_object());
  std::vector<std::string> spellings;
  std::vector<Posting> back;
  REQUIRE(decode_term(value, docs, spellings, back));
  nlohmann::json want = {{"docs", docs}, {"value", value}, {"postings", nlohmann::json::array()}};
  for (const Posting& p : back) want["postings"].push_back({p.doc, p.weight, p.mask});
  std::string path = kSourceDir + "/tests/search/split_term.json";
  if (std::getenv("BANGTIN_UPDATE_FIXTURES")) std::ofstream(path) << want.dump() << "\n";
  std::ifstream in(path);
  REQUIRE(in.good());
  std::stringstream file;
  file << in.rdbuf();
  CHECK(nlohmann::json::parse(file.str()) == want);
}

}  // TEST_SUITE
