#include "search/terms.h"

#include <algorithm>
#include <numeric>

#include "search/postings.h"
#include "search/tokenize.h"

namespace bangtin::search {

namespace {

// Spellings most documents first (ties by text), so the common spelling
// gets bit 0 and masks stay one character.
std::vector<size_t> spelling_order(const Term& t) {
  std::vector<size_t> order(t.spellings.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (t.spelling_df[a] != t.spelling_df[b]) return t.spelling_df[a] > t.spelling_df[b];
    return t.spellings[a] < t.spellings[b];
  });
  return order;
}

uint64_t reorder_mask(uint32_t mask, const std::vector<size_t>& order) {
  uint64_t m = 0;
  for (size_t i = 0; i < order.size(); ++i)
    if (mask & (1u << order[i])) m |= uint64_t{1} << i;
  return m;
}

// Gap and weight of each posting (and its mask when `order` is given).
std::string encode_postings(const std::vector<Posting>& list, const std::vector<size_t>* order) {
  std::string enc;
  int64_t prev = -1;
  for (const Posting& p : list) {
    append_number(enc, static_cast<uint64_t>(static_cast<int64_t>(p.doc) - prev));
    prev = p.doc;
    append_number(enc, p.weight);
    if (order) append_number(enc, reorder_mask(p.mask, *order));
  }
  return enc;
}

nlohmann::json encode_split(const Term& t, const std::vector<size_t>& order, bool plain, uint32_t docs) {
  // The head: the heaviest postings, ties to the newer document.
  // (Documents are unique, so this order is total: selecting the head
  // rather than sorting ten thousand postings gives the same head.)
  std::vector<Posting> by_weight = t.postings;
  std::nth_element(by_weight.begin(), by_weight.begin() + kHeadPostings, by_weight.end(),
                   [](const Posting& a, const Posting& b) { return a.weight != b.weight ? a.weight > b.weight : a.doc < b.doc; });
  std::vector<Posting> head(by_weight.begin(), by_weight.begin() + kHeadPostings);
  std::sort(head.begin(), head.end(), [](const Posting& a, const Posting& b) { return a.doc < b.doc; });
  // The tail's shared weight: its median, what a typical tail posting has.
  std::vector<uint32_t> tail;
  for (size_t i = kHeadPostings; i < by_weight.size(); ++i) tail.push_back(by_weight[i].weight);
  std::nth_element(tail.begin(), tail.begin() + tail.size() / 2, tail.end());
  std::vector<uint32_t> all;
  for (const Posting& p : t.postings) all.push_back(p.doc);
  nlohmann::json v = {{"h", encode_postings(head, nullptr)}, {"w", tail[tail.size() / 2]}, {"a", encode_set(all, docs)}};
  if (plain) return v;
  v["s"] = nlohmann::json::array();
  for (size_t i : order) v["s"].push_back(t.spellings[i]);
  // Which documents use each spelling, when there is a choice: a query typed
  // with marks needs only its own, and a set is far smaller than a mask per
  // posting once most documents have the word.
  if (order.size() > 1) {
    v["e"] = nlohmann::json::array();
    for (size_t i : order) {
      std::vector<uint32_t> ids;
      for (const Posting& p : t.postings)
        if (p.mask & (1u << i)) ids.push_back(p.doc);
      v["e"].push_back(encode_set(ids, docs, &all));
    }
  }
  return v;
}

}  // namespace

nlohmann::json encode_term(std::string_view key, const Term& t, uint32_t docs) {
  std::vector<size_t> order = spelling_order(t);
  // A beginning's spellings are beginnings: "ho" of "ho*".
  std::string_view folded = is_prefix_key(key) ? key.substr(0, key.size() - 1) : key;
  bool plain = t.spellings.empty() || (t.spellings.size() == 1 && t.spellings[0] == folded);
  if (t.postings.size() > kSplitPostings) return encode_split(t, order, plain, docs);
  std::string enc = encode_postings(t.postings, t.spellings.size() > 1 ? &order : nullptr);
  if (plain) return enc;
  nlohmann::json arr = nlohmann::json::array({enc});
  for (size_t i : order) arr.push_back(t.spellings[i]);
  return arr;
}

bool decode_term(const nlohmann::json& value, uint32_t docs, std::vector<std::string>& spellings, std::vector<Posting>& postings) {
  std::vector<uint64_t> nums;
  auto read_postings = [&](const std::string& text, size_t step, std::vector<Posting>& out) {
    nums.clear();
    if (!read_numbers(text, nums) || nums.size() % step) return false;
    int64_t doc = -1;
    for (size_t i = 0; i < nums.size(); i += step) {
      doc += static_cast<int64_t>(nums[i]);
      out.push_back({static_cast<uint32_t>(doc), static_cast<uint32_t>(nums[i + 1]),
                     step == 3 ? static_cast<uint32_t>(nums[i + 2]) : 1u});
    }
    return true;
  };
  if (value.is_string()) return read_postings(value.get<std::string>(), 2, postings);
  if (value.is_array()) {
    if (value.empty() || !value[0].is_string()) return false;
    for (size_t i = 1; i < value.size(); ++i) spellings.push_back(value[i].get<std::string>());
    return read_postings(value[0].get<std::string>(), spellings.size() > 1 ? 3 : 2, postings);
  }
  if (!value.is_object() || !value.contains("h") || !value.contains("a") || !value.contains("w")) return false;
  std::vector<Posting> head;
  std::vector<uint32_t> all;
  if (!read_postings(value["h"].get<std::string>(), 2, head) || !read_set(value["a"].get<std::string>(), docs, nullptr, all))
    return false;
  if (value.contains("s"))
    for (const auto& s : value["s"]) spellings.push_back(s.get<std::string>());
  std::vector<std::vector<uint32_t>> sets;
  if (value.contains("e"))
    for (const auto& e : value["e"]) {
      sets.emplace_back();
      if (!read_set(e.get<std::string>(), docs, &all, sets.back())) return false;
    }
  auto w = value["w"].get<uint32_t>();
  size_t h = 0;
  for (uint32_t doc : all) {
    Posting p{doc, w, sets.empty() ? 1u : 0u};
    if (h < head.size() && head[h].doc == doc) p.weight = head[h++].weight;
    for (size_t i = 0; i < sets.size(); ++i)
      if (std::binary_search(sets[i].begin(), sets[i].end(), doc)) p.mask |= 1u << i;
    postings.push_back(p);
  }
  return h == head.size();
}

}  // namespace bangtin::search
