#include "search/lexicon.h"

#include <algorithm>
#include <functional>

namespace bangtin::search {

namespace {

uint64_t hash_of(std::string_view s) { return std::hash<std::string_view>{}(s); }

}  // namespace

Lexicon::Lexicon() {
  for (Part& p : parts_) p.slots.assign(1024, 0);
}

void Lexicon::Part::grow() {
  std::vector<uint64_t> bigger(slots.size() * 2, 0);
  size_t mask = bigger.size() - 1;
  for (uint64_t s : slots) {
    if (s == 0) continue;
    size_t at = static_cast<size_t>(s >> 32) & mask;
    while (bigger[at] != 0) at = (at + 1) & mask;
    bigger[at] = s;
  }
  slots.swap(bigger);
}

uint32_t Lexicon::intern(std::string_view text) {
  uint64_t h = hash_of(text);
  uint32_t part = static_cast<uint32_t>(h % kParts);
  // The slot is found by bits the part number did not use.
  uint64_t tag = (h >> 32) | 1;
  Part& p = parts_[part];
  std::lock_guard<std::mutex> lock(p.mu);
  size_t mask = p.slots.size() - 1;
  for (size_t at = static_cast<size_t>(tag) & mask;; at = (at + 1) & mask) {
    uint64_t s = p.slots[at];
    if (s == 0) {
      uint32_t local = static_cast<uint32_t>(p.ends.size());
      p.bytes.append(text);
      p.ends.push_back(static_cast<uint32_t>(p.bytes.size()));
      p.slots[at] = (tag << 32) | (local + 1);
      if (p.ends.size() * 2 > p.slots.size()) p.grow();
      return local * kParts + part;
    }
    if ((s >> 32) != (tag & 0xFFFFFFFFu)) continue;
    uint32_t local = static_cast<uint32_t>(s & 0xFFFFFFFFu) - 1;
    uint32_t begin = local == 0 ? 0 : p.ends[local - 1];
    if (std::string_view(p.bytes).substr(begin, p.ends[local] - begin) == text) return local * kParts + part;
  }
}

void Lexicon::freeze() {
  total_ = 0;
  for (uint32_t i = 0; i < kParts; ++i) {
    base_[i] = total_;
    total_ += static_cast<uint32_t>(parts_[i].ends.size());
    // The probing table is needed no more; the texts are.
    std::vector<uint64_t>().swap(parts_[i].slots);
  }
}

std::string_view Lexicon::text(uint32_t id) const {
  const Part& p = parts_[id % kParts];
  uint32_t local = id / kParts;
  uint32_t begin = local == 0 ? 0 : p.ends[local - 1];
  return std::string_view(p.bytes).substr(begin, p.ends[local] - begin);
}

uint32_t Lexicon::id_at(uint32_t dense) const {
  uint32_t part = static_cast<uint32_t>(std::upper_bound(base_.begin(), base_.end(), dense) - base_.begin()) - 1;
  // Empty parts share their base with the next: the last of them is the one.
  return (dense - base_[part]) * kParts + part;
}

}  // namespace bangtin::search
