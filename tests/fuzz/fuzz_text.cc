// The Unicode helpers every stage relies on: NFC, slugs (ICU transliteration,
// đ → d), tag identity, cutting at a word or (for display) at a grapheme,
// dropping forbidden code points, XML escaping, and the search tokenizer.
// Each output is checked for the promise its header makes.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/text.h"
#include "search/tokenize.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  using bangtin::find_invalid_utf8;
  // A diagnostic shows the line it points at, checked or not: always as UTF-8.
  if (find_invalid_utf8(bangtin::cut_at_grapheme(text, 1 + size % 200)) != std::string::npos) abort();
  // Every stage sees checked UTF-8 only: the parse stage refuses the rest.
  if (find_invalid_utf8(text) != std::string::npos) return 0;
  std::string clean = text;
  bangtin::drop_forbidden_code_points(clean);
  if (find_invalid_utf8(clean) != std::string::npos || bangtin::drop_forbidden_code_points(clean) != 0) abort();
  std::string nfc = bangtin::to_nfc(text);
  if (find_invalid_utf8(nfc) != std::string::npos) abort();
  if (bangtin::to_nfc(nfc) != nfc) abort();  // NFC is idempotent
  std::string slug = bangtin::slugify(text);
  if (slug.size() > 80) abort();
  for (char c : slug)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) abort();
  if (find_invalid_utf8(bangtin::label_key(text)) != std::string::npos) abort();
  if (find_invalid_utf8(bangtin::cut_at_word(text, 1 + size % 50)) != std::string::npos) abort();
  std::string xml = bangtin::escape_xml(text);
  if (xml.find('<') != std::string::npos || find_invalid_utf8(xml) != std::string::npos) abort();
  for (const auto& t : bangtin::search::tokenize(text)) {
    // (A token of combining marks alone folds to "": harmless, the index
    // never matches it, so only UTF-8 is required here.)
    if (find_invalid_utf8(t.folded) != std::string::npos || find_invalid_utf8(t.exact) != std::string::npos) abort();
  }
  bangtin::search::number_key(text);
  return 0;
}
