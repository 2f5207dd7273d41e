#include "search/tokenize.h"

#include <algorithm>
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
  if (gap == " ") return false;  // most gaps
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

void raw_tokens(std::string_view text, std::vector<RawToken>& out) {
  size_t prev_end = std::string::npos;
  for (const TextWord& w : split_words(text)) {
    std::string_view word(text.data() + w.begin, w.end - w.begin);
    bool joined = prev_end != std::string::npos &&
                  !breaks_phrase(std::string_view(text.data() + prev_end, w.begin - prev_end));
    prev_end = w.end;
    if (!w.cjk) {
      out.push_back({word, joined, false});
      continue;
    }
    // CJK: every two characters side by side; a lone character is its own
    // term. Marks are kept (ガ is not カ).
    size_t first = std::min(utf8_length(static_cast<unsigned char>(word[0])), word.size());
    if (first == word.size()) {
      out.push_back({word, false, true});
      continue;
    }
    for (size_t i = 0; i + first < word.size();) {
      size_t second = std::min(utf8_length(static_cast<unsigned char>(word[i + first])), word.size() - i - first);
      out.push_back({word.substr(i, first + second), false, true});
      i += first;
      first = second;
    }
  }
}

std::vector<Token> tokenize(std::string_view input) {
  std::string text = to_nfc(input);
  std::vector<RawToken> raw;
  raw_tokens(text, raw);
  std::vector<Token> out;
  out.reserve(raw.size());
  for (const RawToken& r : raw) {
    if (r.cjk) {
      std::string lower = lower_for_search(r.text);
      out.push_back({lower, lower, false, true});
    } else {
      const auto& [exact, folded] = forms_of(r.text);
      out.push_back({exact, folded, r.joined, false});
    }
  }
  return out;
}

std::string pair_key(const Token& a, const Token& b) { return a.folded + " " + b.folded; }

std::vector<WordPrefix> word_prefixes(std::string_view exact, std::string_view folded) {
  std::vector<WordPrefix> out;
  size_t letters = code_points(folded);
  size_t longest = std::min(letters == 0 ? 0 : letters - 1, kPrefixLetters);
  // Each beginning of the exact form, folded: the folded form of a
  // beginning is the beginning of the folded form (a precomposed
  // Vietnamese letter folds to one letter), checked all the same.
  // (Bounded in code points too, so that a long run of marks or a text
  // whose folding is not letter by letter costs no more than a short word.)
  for (size_t end = 0, read = 0; end < exact.size() && read < 4 * kPrefixLetters; ++read) {
    end = std::min(exact.size(), end + utf8_length(static_cast<unsigned char>(exact[end])));
    std::string_view e = exact.substr(0, end);
    std::string f = fold_for_search(e);
    if (f.empty() || f.size() >= folded.size() || folded.substr(0, f.size()) != f) continue;
    // A combining mark that folds away: the same beginning, with its mark.
    if (!out.empty() && out.back().folded == f) {
      out.back().exact = std::string(e);
      continue;
    }
    if (code_points(f) > longest) break;
    out.push_back({std::move(f), std::string(e)});
  }
  return out;
}

std::string prefix_key(std::string_view folded_prefix) {
  std::string key(folded_prefix);
  key += kPrefixMark;
  return key;
}

bool is_prefix_key(std::string_view key) { return !key.empty() && key.back() == kPrefixMark; }

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
