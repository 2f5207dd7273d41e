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

// The beginnings of words, for the last word of a query, which a reader may
// not have finished typing ("đại h" is on its way to "đại hội"). Every word
// is also listed under each of its shorter beginnings as a key of its own,
// the folded beginning and kPrefixMark ("h*", "ho*"; "hoi" itself stays
// "hoi"), and every pair under its first word and the beginning of its
// second ("dai h*"). A key names one hashed shard like any term, so a
// beginning costs one list whatever its length: a list in most documents is
// split like a common word's (terms.h), a few KB even for one letter.
inline constexpr char kPrefixMark = '*';
// Beginnings longer than this are not indexed: a query's last word longer
// than this is looked up by its first kPrefixLetters letters (and whole).
inline constexpr size_t kPrefixLetters = 10;
// A pair is listed under the first letter of its second word only: "dai h*"
// for "đại hội", "đại học". Each longer beginning would add as many lists
// again as there are pairs, the bulk of the index.
inline constexpr size_t kPairPrefixLetters = 1;

struct WordPrefix {
  std::string folded;  // "ho"
  std::string exact;   // "hộ": the same beginning with its marks
};
// The beginnings a word is listed under, shortest first: its first 1, 2, …
// letters of the folded form, at most kPrefixLetters and never the whole
// word. `exact` and `folded` are a Token's forms of one word (not CJK).
std::vector<WordPrefix> word_prefixes(std::string_view exact, std::string_view folded);
// "ho" → "ho*".
std::string prefix_key(std::string_view folded_prefix);
// Whether `key` is a beginning's key ("ho*", "dai h*").
bool is_prefix_key(std::string_view key);

// One term for a document number however it is typed: "128/KH-UBND",
// "128 kh ubnd" → "128khubnd". Empty unless it has at least two parts and
// starts with a digit, as Vietnamese document numbers do.
std::string number_key(std::string_view number);

}  // namespace bangtin::search
