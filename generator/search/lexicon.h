// Every distinct string of one index (folded terms, pairs, spellings with
// marks) stored once and named by a number. A 10,000-item portal has about a
// million distinct terms but tens of millions of occurrences: a document's
// hits then hold four-byte numbers instead of strings, and the merge groups
// postings by number instead of hashing strings again.
//
// Interning is safe from many threads at once. Which number a string gets
// depends on thread timing, so nothing written may depend on the numbers:
// the index orders terms by their text and postings by document.
#pragma once
#include <array>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace bangtin::search {

class Lexicon {
 public:
  Lexicon();
  Lexicon(const Lexicon&) = delete;
  Lexicon& operator=(const Lexicon&) = delete;

  // The number of `text`, new or not.
  uint32_t intern(std::string_view text);

  // Once interning is over: numbers as 0..size()-1, and the text of each.
  void freeze();
  uint32_t size() const { return total_; }
  uint32_t dense(uint32_t id) const { return base_[id % kParts] + id / kParts; }
  std::string_view text(uint32_t id) const;
  // The number whose dense() is `dense`.
  uint32_t id_at(uint32_t dense) const;

 private:
  // Parts with a lock each, so that two threads seldom wait for each other.
  static constexpr uint32_t kParts = 64;
  struct Part {
    std::mutex mu;
    std::vector<uint64_t> slots;  // open addressing: hash high bits << 32 | local number + 1; 0 = empty
    std::string bytes;            // the texts end to end
    std::vector<uint32_t> ends;   // where each text ends in `bytes`
    void grow();
  };
  std::array<Part, kParts> parts_;
  std::array<uint32_t, kParts> base_{};
  uint32_t total_ = 0;
};

}  // namespace bangtin::search
