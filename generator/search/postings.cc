#include "search/postings.h"

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

uint32_t shard_of(std::string_view term, uint32_t shards) {
  uint32_t h = 2166136261u;
  for (char c : term) {
    h ^= static_cast<unsigned char>(c);
    h *= 16777619u;
  }
  return shards == 0 ? 0 : h % shards;
}

}  // namespace bangtin::search
