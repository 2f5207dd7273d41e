#include "search/plain_text.h"

#include <cstdlib>

#include "core/text.h"

namespace bangtin::search {

namespace {

void append_utf8(std::string& out, uint32_t cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Decodes the entity at html[i] ('&'); returns the bytes it took, 0 if none.
size_t decode_entity(std::string_view html, size_t i, std::string& out) {
  size_t semi = html.find(';', i);
  if (semi == std::string_view::npos || semi - i > 10) return 0;
  std::string_view name = html.substr(i + 1, semi - i - 1);
  if (name == "amp") out += '&';
  else if (name == "lt") out += '<';
  else if (name == "gt") out += '>';
  else if (name == "quot") out += '"';
  else if (name == "apos" || name == "#39") out += '\'';
  else if (name == "nbsp") out += ' ';
  else if (name.size() > 1 && name[0] == '#') {
    bool hex = name[1] == 'x' || name[1] == 'X';
    std::string digits(name.substr(hex ? 2 : 1));
    if (digits.empty()) return 0;
    char* end = nullptr;
    unsigned long cp = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
    if (*end != '\0') return 0;
    append_utf8(out, static_cast<uint32_t>(cp));
  } else {
    return 0;
  }
  return semi - i + 1;
}

bool is_block_tag(std::string_view tag) {
  static const char* const kBlocks[] = {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
                                        "br", "tr", "td", "th", "table", "blockquote", "pre", "hr",
                                        "figure", "figcaption", "section", "dt", "dd"};
  if (tag.empty() || tag.size() > 10) return false;
  for (const char* b : kBlocks) {
    std::string_view block(b);
    if (block.size() != tag.size()) continue;
    size_t i = 0;
    while (i < tag.size() && (tag[i] | 0x20) == block[i]) ++i;
    if (i == tag.size()) return true;
  }
  return false;
}

}  // namespace

std::string html_to_text(std::string_view html) {
  std::string out;
  out.reserve(html.size());
  for (size_t i = 0; i < html.size();) {
    char c = html[i];
    if (c == '<') {
      size_t close = html.find('>', i);
      if (close == std::string_view::npos) break;
      size_t name_start = i + 1 + (i + 1 < html.size() && html[i + 1] == '/' ? 1 : 0);
      size_t name_end = name_start;
      while (name_end < close && std::isalnum(static_cast<unsigned char>(html[name_end]))) ++name_end;
      std::string_view name = html.substr(name_start, name_end - name_start);
      if (is_block_tag(name)) out += '\n';
      i = close + 1;
      // Heading anchors ("#") and icons are hidden from screen readers; a
      // reader of a snippet does not want them either.
      std::string_view tag = html.substr(name_start, close - name_start);
      if (html[name_start - 1] != '/' && tag.find("aria-hidden=\"true\"") != std::string_view::npos) {
        size_t end = html.find("</" + std::string(name) + ">", i);
        if (end != std::string_view::npos) i = end + name.size() + 3;
      }
    } else if (c == '&') {
      size_t used = decode_entity(html, i, out);
      if (used == 0) out += '&';
      i += used == 0 ? 1 : used;
    } else {
      size_t run = i + 1;
      while (run < html.size() && html[run] != '<' && html[run] != '&') ++run;
      out.append(html.data() + i, run - i);
      i = run;
    }
  }
  // Lines squashed, blank lines dropped: only the block breaks matter.
  // (In place: the text only shrinks.)
  size_t to = 0;
  bool space = false, line_break = false;
  for (char c : out) {
    if (c == '\n') {
      line_break = to > 0;
      space = false;
    } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      space = true;
    } else {
      if (line_break) out[to++] = '\n';
      else if (space && to > 0) out[to++] = ' ';
      line_break = space = false;
      out[to++] = c;
    }
  }
  out.resize(to);
  return out;
}

}  // namespace bangtin::search
