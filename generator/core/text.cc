#include "core/text.h"

#include <unicode/brkiter.h>
#include <unicode/coll.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <memory>
#include <mutex>

namespace bangtin {

size_t find_invalid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size(), i = 0;
  while (i < n) {
    unsigned char c = p[i];
    if (c < 0x80) { ++i; continue; }
    size_t len; uint32_t cp;
    if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
    else return i;
    if (i + len > n) return i;
    for (size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are invalid.
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
      return i;
    i += len;
  }
  return std::string_view::npos;
}

static icu::UnicodeString to_unicode(std::string_view s) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

static std::string to_utf8(const icu::UnicodeString& u) {
  std::string out;
  u.toUTF8String(out);
  return out;
}

static bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::string to_nfc(std::string_view s) {
  if (is_ascii(s)) return std::string(s);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return std::string(s);
  // Most text is NFC already: checked on the UTF-8 itself, without a
  // UTF-16 copy.
  if (nfc->isNormalizedUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())), status) && U_SUCCESS(status))
    return std::string(s);
  status = U_ZERO_ERROR;
  icu::UnicodeString out = nfc->normalize(to_unicode(s), status);
  return U_SUCCESS(status) ? to_utf8(out) : std::string(s);
}

// ICU transliterators are not thread-safe: one per thread. Building one
// from its rules costs about as much as slugifying thousands of titles, and
// every parallel_for starts new threads: each clones one built once.
static icu::Transliterator* ascii_folder() {
  thread_local std::unique_ptr<icu::Transliterator> t;
  if (!t) {
    static std::mutex mu;
    static std::unique_ptr<icu::Transliterator> prototype;
    std::lock_guard<std::mutex> lock(mu);
    if (!prototype) {
      UErrorCode status = U_ZERO_ERROR;
      prototype.reset(icu::Transliterator::createInstance(
          "Any-Latin; NFD; [:Nonspacing Mark:] Remove; Latin-ASCII; Lower",
          UTRANS_FORWARD, status));
      if (U_FAILURE(status)) {
        status = U_ZERO_ERROR;
        prototype.reset(icu::Transliterator::createInstance("Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD,
                                                            status));
      }
    }
    if (prototype) t.reset(prototype->clone());
  }
  return t.get();
}

// The transliterator costs tens of thousands of instructions a call. For
// Latin text (all of Vietnamese) it amounts to NFD and dropping the marks;
// punctuation it would turn into ASCII punctuation becomes a dash in a slug
// either way. Anything else (other scripts, letters such as æ or ø, symbols
// such as © that it spells out) is left to it: false.
static bool fold_latin(const icu::UnicodeString& u, std::string& out) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) return false;
  icu::UnicodeString d = nfd->normalize(u, status);
  if (U_FAILURE(status)) return false;
  out.clear();
  out.reserve(static_cast<size_t>(d.length()));
  for (int32_t i = 0; i < d.length(); ++i) {
    UChar c = d.charAt(i);
    if (c < 0x80) out += static_cast<char>(c);
    // Only the Latin accents of Combining Diacritical Marks: a mark of
    // another script (Hebrew or Syriac vowel points, Thai vowels) is a vowel
    // to Any-Latin ("a\u05B4" → "ai"), and so are Greek breathing and
    // ypogegrammeni in this block ("\u0314" → "h", "\u0345" → "i").
    else if (c >= 0x0300 && c <= 0x036F && c != 0x0313 && c != 0x0314 && (c < 0x0342 || c > 0x0345)) continue;
    else if (c == 0x00A0 || (c >= 0x2010 && c <= 0x2015) || (c >= 0x2018 && c <= 0x201F) || c == 0x2026 ||
             c == 0x00AB || c == 0x00BB || c == 0x2022 || c == 0x00B7)
      out += ' ';
    else return false;
  }
  return true;
}

static std::string slugify(std::string_view s, bool shortcut) {
  icu::UnicodeString u = to_unicode(s);
  // Latin-ASCII already maps đ → d, but make it explicit: it is the one
  // Vietnamese letter that NFD decomposition does not fold.
  u.findAndReplace(icu::UnicodeString(static_cast<UChar>(0x0111)), icu::UnicodeString("d"));
  u.findAndReplace(icu::UnicodeString(static_cast<UChar>(0x0110)), icu::UnicodeString("d"));
  std::string ascii;
  if (is_ascii(s)) ascii = to_utf8(u);
  else if (!shortcut || !fold_latin(u, ascii)) {
    if (auto* t = ascii_folder()) t->transliterate(u);
    ascii = to_utf8(u);  // not what fold_latin left when it gave up
  }
  std::string out;
  bool dash = false;
  for (char c : ascii) {
    unsigned char uc = static_cast<unsigned char>(c);
    if (std::isalnum(uc) && uc < 0x80) {
      if (dash && !out.empty()) out += '-';
      dash = false;
      out += static_cast<char>(std::tolower(uc));
    } else {
      dash = true;
    }
  }
  // A slug becomes a folder name: a 10,000-character title or tag must not
  // hit the file system's 255-byte limit and fail the write. Cut at a word.
  constexpr size_t kMaxSlug = 80;
  if (out.size() > kMaxSlug) {
    size_t cut = out.rfind('-', kMaxSlug);
    out.resize(cut != std::string::npos && cut > kMaxSlug / 2 ? cut : kMaxSlug);
  }
  return out;
}

std::string slugify(std::string_view s) { return slugify(s, true); }
std::string slugify_by_transliterator(std::string_view s) { return slugify(s, false); }

std::string label_key(std::string_view s) {
  icu::UnicodeString u = to_unicode(to_nfc(squash_spaces(s)));
  u.foldCase();
  return to_nfc(to_utf8(u));
}

size_t count_uppercase(std::string_view s) {
  icu::UnicodeString u = to_unicode(s);
  size_t n = 0;
  for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1))
    if (u_isupper(u.char32At(i))) ++n;
  return n;
}

static const icu::Collator* vietnamese_collator() {
  static std::unique_ptr<icu::Collator> coll = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Collator> c(icu::Collator::createInstance(icu::Locale("vi"), status));
    if (U_FAILURE(status)) c.reset();
    return c;
  }();
  return coll.get();
}

bool collate_less(std::string_view a, std::string_view b) {
  // Collator::compare is const and documented thread-safe.
  const icu::Collator* c = vietnamese_collator();
  if (!c) return a < b;
  UErrorCode status = U_ZERO_ERROR;
  UCollationResult r = c->compareUTF8(icu::StringPiece(a.data(), static_cast<int32_t>(a.size())),
                                      icu::StringPiece(b.data(), static_cast<int32_t>(b.size())),
                                      status);
  if (U_FAILURE(status) || r == UCOL_EQUAL) return a < b;  // total order, for determinism
  return r == UCOL_LESS;
}

void sort_vietnamese(std::vector<std::string>& v) {
  std::sort(v.begin(), v.end(), [](const std::string& a, const std::string& b) { return collate_less(a, b); });
}

std::string squash_spaces(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = true;
    } else {
      if (space && !out.empty()) out += ' ';
      space = false;
      out += c;
    }
  }
  return out;
}

// ICU break iterators are not thread-safe and cost more to make than a
// cut: one per thread, made once.
static icu::BreakIterator* grapheme_breaks() {
  thread_local std::unique_ptr<icu::BreakIterator> breaks = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> b(icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) b.reset();
    return b;
  }();
  return breaks.get();
}

// The start of the grapheme cluster that holds UTF-16 index `at` of `u`.
static int32_t cluster_start(const icu::UnicodeString& u, int32_t at) {
  icu::BreakIterator* breaks = grapheme_breaks();
  if (!breaks || at <= 0 || at >= u.length()) return at;
  breaks->setText(u);
  return breaks->isBoundary(at) ? at : breaks->preceding(at);
}

size_t code_points(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::string cut_at_word(std::string_view s, size_t max_chars) {
  // Only the first max_chars + 1 characters matter: a long text is not
  // copied to UTF-16 whole.
  size_t chars = 0;
  for (size_t i = 0; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && ++chars == max_chars + 2) {
      s = s.substr(0, i);
      break;
    }
  icu::UnicodeString u = to_unicode(s);
  if (static_cast<size_t>(u.countChar32()) <= max_chars) return std::string(s);
  // The "…" counts toward the limit: Zalo and search engines count it too.
  int32_t end = u.moveIndex32(0, static_cast<int32_t>(max_chars > 1 ? max_chars - 1 : 1));
  int32_t cut = end;
  while (cut > 0 && !u_isWhitespace(u.char32At(cut))) --cut;
  if (cut == 0) cut = cluster_start(u, end);
  if (cut == 0) cut = end;  // one cluster longer than the limit
  icu::UnicodeString head = u.tempSubString(0, cut);
  head.trim();
  return to_utf8(head) + "…";
}

std::string cut_at_grapheme(std::string_view s, size_t max_clusters) {
  // A cluster is a letter and its marks: rarely more than a few code points.
  // Only a head that surely holds max_clusters + 1 of them is copied to
  // UTF-16, cut at a code point, so a long line is not copied whole.
  const size_t head_bytes = (max_clusters + 1) * 32;
  bool head_only = s.size() > head_bytes;
  if (head_only) {
    size_t at = head_bytes;
    while (at > 0 && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) --at;
    s = s.substr(0, at);
  }
  icu::UnicodeString u = to_unicode(s);  // an invalid sequence becomes U+FFFD
  icu::BreakIterator* breaks = grapheme_breaks();
  if (!breaks) return to_utf8(u);
  breaks->setText(u);
  // A boundary inside the head is one of the whole line too: whether a
  // cluster ends at i depends on what comes before i and on the code point at i.
  int32_t cut = breaks->first();
  for (size_t n = 0; n < max_clusters; ++n) {
    int32_t next = breaks->next();
    if (next == icu::BreakIterator::DONE) break;
    cut = next;
  }
  if (cut == u.length() && head_only) cut = breaks->preceding(u.length());
  if (cut == u.length()) return to_utf8(u);
  if (cut == icu::BreakIterator::DONE) cut = 0;
  return to_utf8(u.tempSubString(0, cut)) + "…";
}

bool is_forbidden_in_text(char32_t c) {
  if (c < 0x20) return c != '\t' && c != '\n' && c != '\r';
  if (c >= 0x7F && c <= 0x9F) return true;
  return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
}

std::string code_point_name(char32_t c) {
  char name[16];
  std::snprintf(name, sizeof name, "U+%04X", static_cast<unsigned>(c));
  return name;
}

size_t drop_forbidden_code_points(std::string& text, std::vector<DroppedCodePoint>* dropped) {
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  size_t kept = 0, count = 0;
  int32_t i = 0;
  while (i < n) {
    const int32_t start = i;
    // Printable ASCII is most of any text, and no lead byte but 0xC2 (C1
    // controls), 0xEF (U+FDD0-U+FFFF) and 0xF0-0xF4 (the other planes' last
    // two) begins a forbidden code point: only those are decoded.
    uint8_t b = p[i];
    if ((b >= 0x20 && b < 0x7F) || (b >= 0x80 && b != 0xC2 && b != 0xEF && b < 0xF0)) {
      ++i;
      while (i < n && (p[i] & 0xC0) == 0x80) ++i;
    } else {
      UChar32 c;
      U8_NEXT(p, i, n, c);
      if (c >= 0 && is_forbidden_in_text(static_cast<char32_t>(c))) {
        ++count;
        if (dropped) dropped->push_back({static_cast<size_t>(start), static_cast<char32_t>(c)});
        continue;
      }
    }
    // Moves left only: what is still to be read lies past what is written.
    if (kept != static_cast<size_t>(start)) std::copy(text.begin() + start, text.begin() + i, text.begin() + static_cast<long>(kept));
    kept += static_cast<size_t>(i - start);
  }
  text.resize(kept);
  return count;
}

std::string escape_html(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

namespace {

// What each byte becomes inside a JSON string: 0 when it stays as it is,
// 'u' for a \u00XX escape, else the letter after the backslash.
struct JsonEscapes {
  char plain[256] = {};
  char script[256] = {};
  JsonEscapes() {
    for (int c = 0; c < 0x20; ++c) plain[c] = 'u';
    plain['"'] = '"';
    plain['\\'] = '\\';
    plain['\b'] = 'b';
    plain['\f'] = 'f';
    plain['\n'] = 'n';
    plain['\r'] = 'r';
    plain['\t'] = 't';
    std::copy(std::begin(plain), std::end(plain), script);
    script['<'] = script['>'] = script['&'] = 'u';
  }
};

}  // namespace

void append_json_string(std::string& out, std::string_view s, JsonEscape escape) {
  static const JsonEscapes kEscapes;
  static const char kHex[] = "0123456789abcdef";
  const char* table = escape == JsonEscape::Script ? kEscapes.script : kEscapes.plain;
  // Runs of plain bytes are copied whole: a Zalo payload is mostly article
  // text with a quote or a newline now and then.
  out.reserve(out.size() + s.size() + 2);
  out += '"';
  size_t from = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    auto u = static_cast<unsigned char>(s[i]);
    char e = table[u];
    if (!e) continue;
    out.append(s, from, i - from);
    from = i + 1;
    out += '\\';
    if (e != 'u') {
      out += e;
      continue;
    }
    out += "u00";
    out += kHex[u >> 4];
    out += kHex[u & 15];
  }
  out.append(s, from, s.size() - from);
  out += '"';
}

std::string escape_xml(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    unsigned char uc = static_cast<unsigned char>(c);
    if (uc < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
    // U+FFFE and U+FFFF are valid UTF-8 but not XML 1.0 characters.
    if (uc == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBF &&
        (static_cast<unsigned char>(s[i + 2]) & 0xFE) == 0xBE) {
      i += 2;
      continue;
    }
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace bangtin

// ---- Search (generator/search/) -------------------------------------------
// Kept in step with assets/js/search.js: \p{L}\p{N}\p{M} make words, the Han,
// Hiragana, Katakana and Hangul scripts make CJK runs, and the case mapping
// is the root locale's, as JavaScript's toLowerCase().
#include <unicode/uscript.h>
#include <unicode/utf8.h>

namespace bangtin {

namespace {

bool is_mark(UChar32 c) {
  int8_t t = u_charType(c);
  return t == U_NON_SPACING_MARK || t == U_ENCLOSING_MARK || t == U_COMBINING_SPACING_MARK;
}

bool is_word_char(UChar32 c) {
  int8_t t = u_charType(c);
  switch (t) {
    case U_UPPERCASE_LETTER: case U_LOWERCASE_LETTER: case U_TITLECASE_LETTER: case U_MODIFIER_LETTER:
    case U_OTHER_LETTER: case U_DECIMAL_DIGIT_NUMBER: case U_LETTER_NUMBER: case U_OTHER_NUMBER:
      return true;
    default:
      return is_mark(c);
  }
}

bool is_cjk(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;
  UScriptCode s = uscript_getScript(c, &status);
  return U_SUCCESS(status) && (s == USCRIPT_HAN || s == USCRIPT_HIRAGANA || s == USCRIPT_KATAKANA ||
                               s == USCRIPT_HANGUL);
}

// What a character is to split_words.
enum class WordPart { None, Letter, Mark };

// ASCII and the Latin letters with marks (Vietnamese's among them) are most
// of a portal's text: known without the character database.
WordPart word_part(UChar32 c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ? WordPart::Letter : WordPart::None;
  if ((c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) || (c >= 0x1E00 && c <= 0x1EFF)) return WordPart::Letter;
  if (c >= 0x300 && c <= 0x36F) return WordPart::Mark;
  if (!is_word_char(c)) return WordPart::None;
  return is_mark(c) ? WordPart::Mark : WordPart::Letter;
}

icu::UnicodeString normalized(const icu::UnicodeString& u, bool compose) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n =
      compose ? icu::Normalizer2::getNFCInstance(status) : icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) return u;
  icu::UnicodeString out = n->normalize(u, status);
  return U_SUCCESS(status) ? out : u;
}

}  // namespace

std::vector<TextWord> split_words(std::string_view text) {
  std::vector<TextWord> words;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t n = static_cast<int32_t>(text.size()), i = 0;
  bool open = false;
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    WordPart part = c < 0 ? WordPart::None : word_part(c);
    if (part == WordPart::None) {
      open = false;
      continue;
    }
    // Nothing below U+1100 (Hangul Jamo) is CJK.
    bool cjk = c >= 0x1100 && is_cjk(c);
    // A combining mark stays with whatever it follows.
    bool joins = open && (part == WordPart::Mark || words.back().cjk == cjk);
    if (joins) {
      words.back().end = static_cast<size_t>(i);
    } else {
      words.push_back({static_cast<size_t>(start), static_cast<size_t>(i), cjk});
      open = true;
    }
  }
  return words;
}

std::string lower_for_search(std::string_view word) {
  if (is_ascii(word)) return ascii_lower(word);
  icu::UnicodeString u = normalized(to_unicode(word), true);
  u.toLower(icu::Locale::getRoot());
  return to_utf8(normalized(u, true));
}

std::string fold_for_search(std::string_view word) {
  if (is_ascii(word)) return ascii_lower(word);
  icu::UnicodeString u = to_unicode(word);
  u.toLower(icu::Locale::getRoot());
  u = normalized(u, false);
  icu::UnicodeString bare;
  for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
    UChar32 c = u.char32At(i);
    if (is_mark(c)) continue;
    // NFD leaves đ whole: it is a letter of its own, not d with a mark.
    bare.append(c == 0x0111 ? UChar32('d') : c);
  }
  return to_utf8(normalized(bare, true));
}

}  // namespace bangtin
