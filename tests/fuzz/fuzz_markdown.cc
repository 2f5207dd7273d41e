// Markdown rendering with every extension (tables, strikethrough, autolink,
// tagfilter, task lists), raw HTML filtered or allowed. Input is
// checked UTF-8 first, as the parse stage does; the output must be UTF-8 too
// (cmark-gfm encodes &#xFFFE; as a lone byte: see markdown.cc) and, with raw
// HTML filtered, must hold no tag the editor typed.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/text.h"
#include "markdown/markdown.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  bool raw = data[0] & 1;
  std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (bangtin::find_invalid_utf8(text) != std::string::npos) return 0;
  std::string html = bangtin::markdown_to_html(text, raw);
  if (bangtin::find_invalid_utf8(html) != std::string::npos) abort();
  if (!raw && (html.find("<script") != std::string::npos || html.find("<iframe") != std::string::npos)) abort();
  return 0;
}
