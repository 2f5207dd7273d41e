// The search stage on one body: rendered HTML → plain text (tags dropped,
// entities decoded), the tokenizer on it (syllables, pairs, CJK bigrams),
// document-number keys, and the posting-list encoding of the index. Text and
// terms must stay UTF-8, folded keys lower case, and postings must decode to
// the ids that were encoded.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/text.h"
#include "search/plain_text.h"
#include "search/postings.h"
#include "search/tokenize.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string html(reinterpret_cast<const char*>(data), size);
  // Bodies reach the index as cmark-gfm's output of checked UTF-8.
  if (bangtin::find_invalid_utf8(html) != std::string::npos) return 0;
  using bangtin::find_invalid_utf8;
  std::string text = bangtin::search::html_to_text(html);
  if (find_invalid_utf8(text) != std::string::npos) abort();
  auto tokens = bangtin::search::tokenize(text);
  std::vector<uint32_t> ids;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const auto& t = tokens[i];
    if (find_invalid_utf8(t.exact) != std::string::npos || find_invalid_utf8(t.folded) != std::string::npos) abort();
    for (char c : t.folded)
      if (c >= 'A' && c <= 'Z') abort();
    if (t.cjk && t.joined) abort();
    if (i > 0 && t.joined && find_invalid_utf8(bangtin::search::pair_key(tokens[i - 1], t)) != std::string::npos)
      abort();
    uint32_t id = bangtin::search::shard_of(t.folded, 1u << 20) + (ids.empty() ? 0 : ids.back() + 1);
    if (ids.empty() || id > ids.back()) ids.push_back(id);
  }
  std::string key = bangtin::search::number_key(text);
  if (!key.empty() && (key[0] < '0' || key[0] > '9')) abort();
  // Postings: encode, then decode the gaps back to the ids.
  std::vector<uint64_t> gaps;
  if (!bangtin::search::read_numbers(bangtin::search::encode_ids(ids), gaps) || gaps.size() != ids.size()) abort();
  int64_t prev = -1;
  for (size_t i = 0; i < ids.size(); ++i) {
    prev += static_cast<int64_t>(gaps[i]);
    if (prev != ids[i]) abort();
  }
  return 0;
}
