// Unicode text for Vietnamese content: NFC, slugs, tag identity, collation,
// escaping. Everything here is ICU-backed and thread-safe.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace bangtin {

// Byte offset of the first invalid UTF-8 sequence, or npos when valid.
size_t find_invalid_utf8(std::string_view s);

// Unicode Normalization Form C. Input must be valid UTF-8.
std::string to_nfc(std::string_view s);

// ASCII slug: tone marks dropped, đ/Đ → d, lower case, runs of anything else
// → one '-'. Non-Latin scripts are transliterated first. "Hội nghị" → "hoi-nghi".
// At most 80 bytes, cut at a word (it becomes a folder name).
std::string slugify(std::string_view s);
// slugify without its shortcut for Latin text: what the shortcut must agree
// with (tests compare them).
std::string slugify_by_transliterator(std::string_view s);

// Identity of a free-text label (tags): NFC, case-folded, spaces collapsed.
// `Đại hội XIV`, `đại hội xiv` and an NFD spelling share one key.
std::string label_key(std::string_view s);

// Number of upper-case letters (any script).
size_t count_uppercase(std::string_view s);

// Vietnamese collation (ICU "vi"): true when a sorts before b.
bool collate_less(std::string_view a, std::string_view b);
void sort_vietnamese(std::vector<std::string>& v);

// Collapses whitespace runs to one space and trims.
std::string squash_spaces(std::string_view s);

// Plain text cut at a word boundary to at most `max_chars` code points, with "…".
// A word longer than that is cut between grapheme clusters, so no letter
// loses its mark.
std::string cut_at_word(std::string_view s, size_t max_chars);

// Code points of UTF-8 text: what a length limit or a column width counts (a
// Vietnamese letter is two or three bytes).
size_t code_points(std::string_view s);

// At most `max_clusters` grapheme clusters (what a reader sees as one
// character: "a" + U+0301 is one) of `s`, with "…" when cut: for showing a
// line of a file in a terminal. Always valid UTF-8: `s` may not be (the line
// a UTF-8 error points at), and each invalid sequence shows as U+FFFD.
std::string cut_at_grapheme(std::string_view s, size_t max_clusters);

// Code points no page, feed or JSON file may carry. The HTML standard makes
// each a parse error (13.2.3.5, preprocessing the input stream: controls
// other than ASCII whitespace, U+0000, and noncharacters), a control being,
// in Infra's words, a C0 control or U+007F-U+009F, and a noncharacter
// U+FDD0-U+FDEF or the last two code points of any plane (U+FFFE, U+FFFF,
// U+1FFFE…); vnu reports each as a "forbidden code point". So DEL and the C1
// controls go too (in a paste they are what Windows-1252 quotes become when
// decoded as Latin-1, never text). Of the C0 controls only tab, LF and CR are
// kept: form feed is ASCII whitespace to HTML but not an XML 1.0 character,
// so a feed could not carry it, and no editor means one in a title.
bool is_forbidden_in_text(char32_t c);
// "U+001F".
std::string code_point_name(char32_t c);
struct DroppedCodePoint {
  size_t offset;  // in the text as it was given
  char32_t code_point;
};
// Removes every forbidden code point from `text` (valid UTF-8), noting each
// in `dropped` when given; returns how many went.
size_t drop_forbidden_code_points(std::string& text, std::vector<DroppedCodePoint>* dropped = nullptr);

// Escaping for the place a value lands.
std::string escape_html(std::string_view s);  // text and quoted attributes
// XML 1.0: also drops the C0 controls and U+FFFE/U+FFFF XML forbids. Text
// read from content files and site-config.json is clean already (core/status.h
// clean_read_text), but not all a feed holds was read that way: the strings of
// templates/i18n/*.json, and a body's character references ("&#31;"), which
// cmark decodes after the file was read. One such character makes a feed
// ill-formed for every reader, so the filter stays.
std::string escape_xml(std::string_view s);
// A JSON string, quotes included, as nlohmann::json writes it (UTF-8 kept):
// for JSON written by hand where building a json value would cost more.
// Script also writes '<', '>' and '&' as \u escapes, so the JSON can sit
// inside an HTML <script> element without ending it.
enum class JsonEscape { Plain, Script };
void append_json_string(std::string& out, std::string_view s, JsonEscape escape = JsonEscape::Plain);

// Lowercase ASCII helper for file extensions and schemes.
std::string ascii_lower(std::string_view s);

bool starts_with(std::string_view s, std::string_view prefix);
bool ends_with(std::string_view s, std::string_view suffix);

}  // namespace bangtin

// ---- Search (generator/search/) -------------------------------------------
// What the search index and the browser's search.js must agree on, so that a
// query typed on a phone meets the words the build indexed.
namespace bangtin {

// A word of running text: a run of letters, digits and combining marks, or a
// run of Chinese, Japanese or Korean characters (`cjk`), which have no spaces
// between words. Byte offsets into the NFC text given.
struct TextWord {
  size_t begin = 0, end = 0;
  bool cjk = false;
};
std::vector<TextWord> split_words(std::string_view nfc_text);

// Lower case with the marks kept, NFC: "Đường" and its NFD spelling → "đường".
// Same result as JavaScript's s.normalize("NFC").toLowerCase().
std::string lower_for_search(std::string_view word);
// Lower case without marks, đ → d: "Đường", "đương", "DUONG" → "duong".
std::string fold_for_search(std::string_view word);

}  // namespace bangtin
