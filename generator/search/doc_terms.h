// The terms of one document, as numbers of the index's Lexicon: what the
// merge turns into posting lists. Each field's text is cut into tokens,
// every distinct word folded once per worker (a portal's vocabulary is tens
// of thousands of words, its text tens of millions), and the hits of a
// document kept in one flat array: no string and no map node per hit.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <deque>
#include <vector>

#include "search/lexicon.h"
#include "search/tokenize.h"

namespace bangtin::search {

// How much a field's words count. A title match also sets a flag worth more
// than any amount of body text; so does a document's own number.
struct Field {
  std::string text;
  uint16_t weight;
  bool title = false, number = false;
};

inline constexpr uint8_t kInTitle = 1, kInNumber = 2;

struct Hit {
  uint32_t term;       // Lexicon number of the folded term or pair (dense() once grouped)
  uint16_t tf;         // field weights summed over occurrences
  uint8_t flags;       // kInTitle, kInNumber
  uint8_t spellings;   // how many spellings with marks (next in DocTerms::spellings)
};

struct DocTerms {
  std::vector<Hit> hits;            // in order of first occurrence
  std::vector<uint32_t> spellings;  // Lexicon numbers of exact forms, hit after hit
  float length = 0;                 // body and summary tokens, for length normalisation
};

// One per worker thread: its caches are not shared.
class TermCollector {
 public:
  explicit TermCollector(Lexicon& lexicon) : lexicon_(lexicon) {}
  DocTerms collect(const std::vector<Field>& fields);

 private:
  // A word's beginnings (tokenize.h): the key of each ("ho*") and the
  // beginning with the word's marks ("hộ").
  struct Prefix {
    uint32_t key, exact;
    std::string key_text;
  };
  struct Forms {
    std::string text;  // as written
    uint32_t exact, folded;
    std::string folded_text;
    std::vector<Prefix> prefixes;
    uint64_t last_doc = 0;  // the document that last used it (documents_ at the time)
  };
  Forms& forms_of(const RawToken& token);
  // The term of a word followed by a word or by a beginning's key.
  uint32_t pair_of(const Forms& a, uint32_t second, std::string_view second_text);
  // Adds to the document's hit for `term` (made if new); returns its index.
  uint32_t add(uint32_t term, uint32_t tf, uint8_t flags, uint32_t spelling);
  void add(uint32_t term, const Field& f, uint32_t spelling);
  void add_prefixes();
  DocTerms finish();

  Lexicon& lexicon_;
  // Words as written → their forms: open addressing on a hash of the
  // text, the forms in a deque so that a pair can point at its first word.
  struct WordSlot {
    uint64_t hash = 0;
    uint32_t index = 0;  // in words_, + 1; 0 = empty
  };
  std::vector<WordSlot> word_slots_ = std::vector<WordSlot>(1 << 15);
  std::deque<Forms> words_;
  // Pairs by the numbers of their two words: open addressing, as a pair
  // lookup is the one most often missed in cache (a portal has millions).
  std::vector<uint64_t> pair_keys_ = std::vector<uint64_t>(1 << 16, kNoPair);
  std::vector<uint32_t> pair_terms_ = std::vector<uint32_t>(1 << 16);
  size_t pair_count_ = 0;
  static constexpr uint64_t kNoPair = UINT64_MAX;
  // The document being collected: its hits found by term through an
  // open-addressing table of hit index + 1.
  DocTerms doc_;
  std::vector<uint32_t> table_ = std::vector<uint32_t>(4096, 0);
  // Per hit its first spelling and a chain through more_ of the others.
  struct Spellings {
    uint32_t first, head, tail;
  };
  struct More {
    uint32_t spelling, next;
  };
  std::vector<Spellings> spelling_of_;
  std::vector<More> more_;
  std::vector<RawToken> tokens_;
  // Per hit, what it was made from: the word (for a pair its second word)
  // and, for a pair, its first word. Null for numbers and CJK terms.
  struct Source {
    const Forms* word = nullptr;
    const Forms* first = nullptr;
  };
  std::vector<Source> source_of_;
  // Each way a word is written in the document, once: their beginnings'
  // spellings.
  std::vector<const Forms*> written_;
  uint64_t documents_ = 0;
};

}  // namespace bangtin::search
