#include "search/postings.h"

#include <algorithm>
#include <iterator>

namespace bangtin::search {

void append_number(std::string& out, uint64_t n) {
  while (n >= 32) {
    out += kAlphabet[32 + (n & 31)];
    n >>= 5;
  }
  out += kAlphabet[n];
}

bool read_numbers(std::string_view text, std::vector<uint64_t>& out) {
  uint64_t n = 0;
  int shift = 0;
  for (char c : text) {
    size_t digit = kAlphabet.find(c);
    if (digit == std::string_view::npos || shift > 60) return false;
    n |= static_cast<uint64_t>(digit & 31) << shift;
    if (digit < 32) {
      out.push_back(n);
      n = 0;
      shift = 0;
    } else {
      shift += 5;
    }
  }
  return shift == 0;
}

std::string encode_ids(const std::vector<uint32_t>& ids) {
  std::string out;
  int64_t prev = -1;
  for (uint32_t id : ids) {
    append_number(out, static_cast<uint64_t>(static_cast<int64_t>(id) - prev));
    prev = id;
  }
  return out;
}

namespace {

std::vector<uint32_t> universe(uint32_t docs, const std::vector<uint32_t>* within) {
  if (within) return *within;
  std::vector<uint32_t> all(docs);
  for (uint32_t i = 0; i < docs; ++i) all[i] = i;
  return all;
}

}  // namespace

std::string encode_set(const std::vector<uint32_t>& ids, uint32_t docs, const std::vector<uint32_t>* within) {
  std::string best = encode_ids(ids);
  std::vector<uint32_t> all = universe(docs, within), missing;
  std::set_difference(all.begin(), all.end(), ids.begin(), ids.end(), std::back_inserter(missing));
  std::string complement = "!" + encode_ids(missing);
  if (complement.size() < best.size()) best = std::move(complement);
  if (ids.empty() || ids.back() / 6 + 2 >= best.size()) return best;
  std::vector<uint8_t> bits(ids.back() / 6 + 1, 0);
  for (uint32_t id : ids) bits[id / 6] |= static_cast<uint8_t>(1u << (id % 6));
  std::string out = "~";
  for (uint8_t b : bits) out += kAlphabet[b];
  return out.size() < best.size() ? out : best;
}

bool read_set(std::string_view text, uint32_t docs, const std::vector<uint32_t>* within, std::vector<uint32_t>& out) {
  if (!text.empty() && text[0] == '~') {
    for (size_t i = 1; i < text.size(); ++i) {
      size_t bits = kAlphabet.find(text[i]);
      if (bits == std::string_view::npos) return false;
      for (uint32_t j = 0; j < 6; ++j)
        if (bits & (1u << j)) out.push_back(static_cast<uint32_t>((i - 1) * 6 + j));
    }
    return true;
  }
  bool complement = !text.empty() && text[0] == '!';
  std::vector<uint64_t> gaps;
  if (!read_numbers(complement ? text.substr(1) : text, gaps)) return false;
  std::vector<uint32_t> listed;
  int64_t id = -1;
  for (uint64_t g : gaps) {
    if (g == 0) return false;
    id += static_cast<int64_t>(g);
    listed.push_back(static_cast<uint32_t>(id));
  }
  if (!complement) {
    out.insert(out.end(), listed.begin(), listed.end());
    return true;
  }
  std::vector<uint32_t> all = universe(docs, within);
  std::set_difference(all.begin(), all.end(), listed.begin(), listed.end(), std::back_inserter(out));
  return true;
}

uint32_t shard_of(std::string_view term, uint32_t shards) {
  uint32_t h = 2166136261u;
  for (char c : term) {
    h ^= static_cast<unsigned char>(c);
    h *= 16777619u;
  }
  return shards == 0 ? 0 : h % shards;
}

}  // namespace bangtin::search
