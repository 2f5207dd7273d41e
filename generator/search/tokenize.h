// Text → the terms the search index stores. Vietnamese is written as
// syllables separated by spaces, so a syllable is a term and two syllables
// side by side (a pair) stand for the words they usually form; Chinese,
// Japanese and Korean have no spaces, so every two characters side by side
// are a term. assets/js/search.js cuts queries the same way.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace bangtin::search {

struct Token {
  std::string exact;   // lower case, marks kept: "đường"
  std::string folded;  // lower case, no marks, đ → d: "duong"; the index key
  // Only spaces, '-', '/' or '.' separate it from the token before, so the
  // two may form a pair ("cải cách", "128/KH"); false after a comma, a full
  // stop and the like, and for CJK bigrams (which already overlap).
  bool joined = false;
  bool cjk = false;
};

// Text in any normalization form.
std::vector<Token> tokenize(std::string_view text);

// A token before folding: a word, or a CJK bigram or lone character, as a
// view into the NFC text it came from. What tokenize() folds; the index
// folds each distinct one once instead of once per occurrence.
struct RawToken {
  std::string_view text;
  bool joined = false;
  bool cjk = false;
};
// Appends the tokens of `nfc` (already NFC) to `out`.
void raw_tokens(std::string_view nfc, std::vector<RawToken>& out);

// The key of a pair of tokens: "cai cach".
std::string pair_key(const Token& a, const Token& b);

// One term for a document number however it is typed: "128/KH-UBND",
// "128 kh ubnd" → "128khubnd". Empty unless it has at least two parts and
// starts with a digit, as Vietnamese document numbers do.
std::string number_key(std::string_view number);

}  // namespace bangtin::search
