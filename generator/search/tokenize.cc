#include "search/tokenize.h"

#include <unordered_map>
#include <utility>

#include "core/text.h"

namespace bangtin::search {

namespace {

// A portal's vocabulary is a few tens of thousands of words while its text
// is millions: fold each distinct word once per thread.
const std::pair<std::string, std::string>& forms_of(std::string_view word) {
  thread_local std::unordered_map<std::string, std::pair<std::string, std::string>> cache;
  auto it = cache.find(std::string(word));
  if (it != cache.end()) return it->second;
  if (cache.size() > 200000) cache.clear();
  return cache.emplace(std::string(word), std::make_pair(lower_for_search(word), fold_for_search(word)))
      .first->second;
}

// Punctuation that ends a phrase: a pair never spans it.
bool breaks_phrase(std::string_view gap) {
  static const char* const kBreakers[] = {",", ";", ":", "!", "?", "(", ")", "[", "]", "{", "}", "\"", "\n",
                                          "“", "”", "«", "»", "…", "。", "，", "、", "！", "？", "：", "；"};
  for (const char* b : kBreakers)
    if (gap.find(b) != std::string_view::npos) return true;
  // A full stop ends a sentence when a space follows it; inside "Q.3" or
  // "30.4" it does not.
  for (size_t i = 0; i + 1 < gap.size(); ++i)
    if (gap[i] == '.' && (gap[i + 1] == ' ' || gap[i + 1] == '\t')) return true;
  return false;
}

size_t utf8_length(unsigned char lead) {
  return lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : 4;
}

}  // namespace

std::vector<Token> tokenize(std::string_view input) {
  std::string text = to_nfc(input);
  std::vector<Token> out;
  size_t prev_end = std::string::npos;
  for (const TextWord& w : split_words(text)) {
    std::string_view word(text.data() + w.begin, w.end - w.begin);
    bool joined = prev_end != std::string::npos &&
                  !breaks_phrase(std::string_view(text.data() + prev_end, w.begin - prev_end));
    prev_end = w.end;
    if (!w.cjk) {
      const auto& [exact, folded] = forms_of(word);
      out.push_back({exact, folded, joined, false});
      continue;
    }
    // CJK: every character, then every two characters side by side; a lone
    // character is its own term. Marks are kept (ガ is not カ).
    std::vector<std::string_view> chars;
    for (size_t i = 0; i < word.size();) {
      size_t len = std::min(utf8_length(static_cast<unsigned char>(word[i])), word.size() - i);
      chars.push_back(word.substr(i, len));
      i += len;
    }
    if (chars.size() == 1) {
      std::string lower = lower_for_search(chars[0]);
      out.push_back({lower, lower, false, true});
      continue;
    }
    for (size_t i = 0; i + 1 < chars.size(); ++i) {
      std::string bigram = lower_for_search(std::string(chars[i]) + std::string(chars[i + 1]));
      out.push_back({bigram, bigram, false, true});
    }
  }
  return out;
}

std::string pair_key(const Token& a, const Token& b) { return a.folded + " " + b.folded; }

std::string number_key(std::string_view number) {
  std::vector<Token> parts = tokenize(number);
  if (parts.size() < 2 || parts[0].cjk || parts[0].folded[0] < '0' || parts[0].folded[0] > '9') return "";
  std::string key;
  for (const Token& t : parts) {
    if (t.cjk) return "";
    key += t.folded;
  }
  return key;
}

}  // namespace bangtin::search
