// Unit tests for core/text.h: NFC, slugs, tag identity, Vietnamese collation,
// UTF-8 validation, escaping and cutting at a word.
#include "core/text.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace bangtin;

namespace {

// Built with explicit combining marks so the source file's own normalization
// cannot hide what is tested.
const std::string kCircumflex = "\xCC\x82";  // U+0302
const std::string kAcute = "\xCC\x81";       // U+0301
const std::string kDotBelow = "\xCC\xA3";    // U+0323
const std::string kGrave = "\xCC\x80";       // U+0300
const std::string kHorn = "\xCC\x9B";        // U+031B

// "Tiếng Việt" in NFD: e + circumflex + acute, e + dot below + circumflex.
std::string nfd_tieng_viet() { return "Ti" "e" + kCircumflex + kAcute + "ng Vi" "e" + kDotBelow + kCircumflex + "t"; }
// "Tiếng Việt" in NFC: ế = U+1EBF, ệ = U+1EC7.
const std::string kNfcTiengViet = "Ti\xE1\xBA\xBFng Vi\xE1\xBB\x87t";

// "Hội nghị" in NFD: o + circumflex + dot below, i + dot below.
std::string nfd_hoi_nghi() { return "Ho" + kCircumflex + kDotBelow + "i nghi" + kDotBelow; }

}  // namespace

TEST_SUITE("text") {

TEST_CASE("to_nfc composes decomposed Vietnamese") {
  std::string nfd = nfd_tieng_viet();
  REQUIRE(nfd != kNfcTiengViet);
  CHECK(to_nfc(nfd) == kNfcTiengViet);
  CHECK(to_nfc(nfd).size() == kNfcTiengViet.size());
  // Already-NFC text and ASCII come back unchanged.
  CHECK(to_nfc(kNfcTiengViet) == kNfcTiengViet);
  CHECK(to_nfc("Ha Noi 2026") == "Ha Noi 2026");
  CHECK(to_nfc("") == "");
  // Combining marks in the non-canonical order still compose to the same letter.
  std::string swapped = "Vi" "e" + kCircumflex + kDotBelow + "t";
  CHECK(to_nfc(swapped) == "Vi\xE1\xBB\x87t");
  // ư with horn + grave → ừ (U+1EEB).
  CHECK(to_nfc("u" + kHorn + kGrave) == "\xE1\xBB\xAB");
}

TEST_CASE("slugify folds Vietnamese to ASCII") {
  CHECK(slugify("Hội nghị tổng kết") == "hoi-nghi-tong-ket");
  CHECK(slugify("Đại hội XIV") == "dai-hoi-xiv");
  CHECK(slugify("đường") == "duong");
  CHECK(slugify("Đường") == "duong");
  CHECK(slugify("ĐƯỜNG") == "duong");
  CHECK(slugify("Phường Đống Đa") == "phuong-dong-da");
  CHECK(slugify("Cải cách hành chính") == "cai-cach-hanh-chinh");
  CHECK(slugify("Chuyển đổi số năm 2026") == "chuyen-doi-so-nam-2026");
  CHECK(slugify("Thủ tục ưu tiên") == "thu-tuc-uu-tien");
}

TEST_CASE("slugify gives the same slug for NFD and NFC input") {
  CHECK(slugify(nfd_hoi_nghi()) == "hoi-nghi");
  CHECK(slugify(nfd_hoi_nghi()) == slugify("Hội nghị"));
  CHECK(slugify(nfd_tieng_viet()) == "tieng-viet");
  CHECK(slugify(nfd_tieng_viet()) == slugify(kNfcTiengViet));
  // D + stroke has no decomposition: NFD input still has U+0110.
  CHECK(slugify("\xC4\x90" "a" + kDotBelow + "i") == "dai");
}

TEST_CASE("slugify collapses punctuation runs and trims dashes") {
  CHECK(slugify("Hello,   World!!") == "hello-world");
  CHECK(slugify("  --Kế hoạch số 128/KH-UBND--  ") == "ke-hoach-so-128-kh-ubnd");
  CHECK(slugify("a -- b __ c") == "a-b-c");
  CHECK(slugify("---") == "");
  CHECK(slugify("") == "");
  CHECK(slugify("!!!Tin mới!!!") == "tin-moi");
  CHECK(slugify("already-a-slug") == "already-a-slug");
  CHECK(slugify("CamelCase ASCII") == "camelcase-ascii");
}

TEST_CASE("slugify transliterates other scripts") {
  CHECK(slugify("Москва") == "moskva");
}

TEST_CASE("slugify's shortcut for Latin text agrees with the transliterator on every line of the sample portal") {
  // Every line of every Markdown file of the sample portal and the fixture
  // sites: Vietnamese in NFC and NFD, English, Chinese, Japanese, Korean,
  // and the punctuation editors paste from Word.
  std::vector<std::string> lines = {"“Ngày hội” – Đại hội XIV…", "Æsir ø © ½ ‰", "Phở «bò» · 1–2 tháng"};
  for (const char* dir : {"/content", "/tests/sites"})
    for (const auto& e : std::filesystem::recursive_directory_iterator(std::string(BANGTIN_SOURCE_DIR) + dir)) {
      if (e.path().extension() != ".md") continue;
      std::ifstream in(e.path());
      for (std::string line; std::getline(in, line);) lines.push_back(line);
    }
  REQUIRE(lines.size() > 1000);
  size_t differ = 0;
  for (const auto& line : lines)
    if (slugify(line) != slugify_by_transliterator(line)) {
      ++differ;
      CAPTURE(line);
      CHECK(slugify(line) == slugify_by_transliterator(line));
    }
  CHECK(differ == 0);
}

TEST_CASE("slugify's shortcut leaves to the transliterator the marks it reads as letters") {
  // Hebrew and Syriac vowel points, a Thai vowel, Greek rough breathing and
  // ypogegrammeni: nonspacing marks that Any-Latin spells out.
  for (const char* s : {"xa\u05B4b", "xa\u0730b", "xa\u0E34b", "a\u0314b", "\u0345`N", "\u00EE\u0345`"}) {
    CAPTURE(s);
    CHECK(slugify(s) == slugify_by_transliterator(s));
  }
  CHECK(slugify("xa\u05B4b") == "xaib");
  // Vietnamese, in NFD, still takes the shortcut's answer.
  CHECK(slugify("Ho\u0302\u0323i nghi\u0323") == "hoi-nghi");
}

TEST_CASE("label_key: one identity across case, composition and spacing") {
  const std::string expected = "đại hội xiv";
  CHECK(label_key("Đại hội XIV") == expected);
  CHECK(label_key("đại hội xiv") == expected);
  CHECK(label_key("ĐẠI HỘI XIV") == expected);
  CHECK(label_key("  Đại   hội\tXIV  ") == expected);
  // NFD spelling: a + dot below, o + circumflex + dot below.
  std::string nfd = "\xC4\x90" "a" + kDotBelow + "i ho" + kCircumflex + kDotBelow + "i XIV";
  REQUIRE(nfd != "Đại hội XIV");
  CHECK(label_key(nfd) == expected);
  // Different tone marks are different labels.
  CHECK(label_key("Đại hội XV") != expected);
  CHECK(label_key("dai hoi xiv") != expected);
  CHECK(label_key("đường") != label_key("dương"));
}

TEST_CASE("collate_less follows the Vietnamese alphabet") {
  const std::vector<std::string> alphabet{"a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "g", "h", "i",
                                          "k", "l", "m", "n", "o", "ô", "ơ", "p", "q", "r", "s", "t",
                                          "u", "ư", "v", "x", "y"};
  for (size_t i = 0; i + 1 < alphabet.size(); ++i) {
    CAPTURE(alphabet[i]);
    CAPTURE(alphabet[i + 1]);
    CHECK(collate_less(alphabet[i], alphabet[i + 1]));
    CHECK_FALSE(collate_less(alphabet[i + 1], alphabet[i]));
  }
  // Byte order would put every accented letter after "y".
  CHECK(collate_less("ă", "b"));
  CHECK(collate_less("ơ", "p"));
  CHECK(collate_less("ư", "v"));
  CHECK(collate_less("đ", "e"));
}

TEST_CASE("collate_less on words") {
  CHECK(collate_less("an", "ăn"));
  CHECK(collate_less("ăn", "âm"));
  CHECK(collate_less("Dương", "Đống Đa"));
  CHECK(collate_less("Duy", "Đà Nẵng"));  // d < đ decides before the rest of the word
  CHECK(collate_less("Đống Đa", "Em"));
  CHECK(collate_less("Hà Nội", "Hải Phòng"));
  CHECK(collate_less("Ôn", "Ơn"));
  CHECK(collate_less("Uông", "Ưng"));
  // Case does not outrank letters: "bình" before "Cần".
  CHECK(collate_less("bình", "Cần"));
  // Irreflexive, and a total order even for equal-collating strings.
  CHECK_FALSE(collate_less("Hà Nội", "Hà Nội"));
  std::string nfd = "Ha" + kGrave;
  CHECK(collate_less(nfd, "Hà") != collate_less("Hà", nfd));
}

TEST_CASE("sort_vietnamese sorts a shuffled list") {
  std::vector<std::string> v{"Đống Đa", "ưu tiên", "Ba Đình", "ăn uống", "Dương", "âm nhạc",
                             "an toàn", "ơn nghĩa", "ông bà", "Cầu Giấy", "yên bình", "Ẩm thực"};
  sort_vietnamese(v);
  const std::vector<std::string> expected{"an toàn", "ăn uống",  "âm nhạc", "Ẩm thực", "Ba Đình", "Cầu Giấy",
                                          "Dương",   "Đống Đa",  "ông bà",  "ơn nghĩa", "ưu tiên", "yên bình"};
  CHECK(v == expected);
}

TEST_CASE("find_invalid_utf8") {
  const size_t npos = std::string::npos;
  CHECK(find_invalid_utf8("") == npos);
  CHECK(find_invalid_utf8("plain ASCII") == npos);
  CHECK(find_invalid_utf8("Tiếng Việt") == npos);
  CHECK(find_invalid_utf8(nfd_tieng_viet()) == npos);
  CHECK(find_invalid_utf8("\xF0\x9F\x87\xBB\xF0\x9F\x87\xB3") == npos);  // 🇻🇳, four-byte sequences
  CHECK(find_invalid_utf8("\xEF\xBF\xBF") == npos);                        // U+FFFF is valid UTF-8
  CHECK(find_invalid_utf8("\xF4\x8F\xBF\xBF") == npos);                    // U+10FFFF, the last code point
  // Truncated sequences: the offset of their lead byte.
  CHECK(find_invalid_utf8("ab\xE1\xBA") == 2);
  CHECK(find_invalid_utf8("Vi\xE1\xBB") == 2);
  CHECK(find_invalid_utf8("x\xC3") == 1);
  CHECK(find_invalid_utf8("\xE1\xBA" "a") == 0);  // continuation byte replaced by ASCII
  // A stray continuation byte, and bytes that never start a sequence.
  CHECK(find_invalid_utf8("abc\x80") == 3);
  CHECK(find_invalid_utf8("\xFF") == 0);
  CHECK(find_invalid_utf8("ok\xF8\x88\x80\x80\x80") == 2);
  // Latin-1 "Việt" saved by an old editor: 'ệ' does not exist there, 'é' = 0xE9.
  CHECK(find_invalid_utf8("Caf\xE9 ngon") == 3);
  // Overlong forms.
  CHECK(find_invalid_utf8("\xC0\xAF") == 0);
  CHECK(find_invalid_utf8("\xC1\xBF") == 0);
  CHECK(find_invalid_utf8("x\xE0\x80\xAF") == 1);
  CHECK(find_invalid_utf8("\xF0\x80\x80\xAF") == 0);
  // UTF-16 surrogates encoded in UTF-8.
  CHECK(find_invalid_utf8("\xED\xA0\x80") == 0);
  CHECK(find_invalid_utf8("ok \xED\xBF\xBF") == 3);
  CHECK(find_invalid_utf8("\xED\x9F\xBF") == npos);  // U+D7FF, just below the surrogates
  // Past U+10FFFF.
  CHECK(find_invalid_utf8("\xF4\x90\x80\x80") == 0);
}

TEST_CASE("escape_html") {
  CHECK(escape_html("<a href=\"x\">Tom & Jerry's</a>") ==
        "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
  CHECK(escape_html("Tiếng Việt") == "Tiếng Việt");
  CHECK(escape_html("") == "");
  CHECK(escape_html("&amp;") == "&amp;amp;");
  CHECK(escape_html("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;");
}

TEST_CASE("escape_xml escapes markup and drops forbidden C0 controls") {
  CHECK(escape_xml("<a href=\"x\">Tom & Jerry's</a>") ==
        "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;");
  std::string with_controls = std::string("a\x01" "b\x08" "c\x0B" "d\x0C" "e\x1F" "f") + '\0' + "g";
  CHECK(escape_xml(with_controls) == "abcdefg");
  // Tab, newline and carriage return are allowed in XML 1.0.
  CHECK(escape_xml("a\tb\nc\rd") == "a\tb\nc\rd");
  CHECK(escape_xml("Hội nghị") == "Hội nghị");
}

TEST_CASE("append_json_string writes what nlohmann::json writes") {
  // The search index writes its shards and records by hand; search.js
  // parses them with JSON.parse, and the bytes must not change with it.
  std::string with_controls = std::string("a\x01" "b\x08" "c\x0B" "d\x0C" "e\x1F" "f\x7F") + '\0' + "g";
  for (std::string s : {std::string("Hội nghị \"số 1\" \\ C:\\"), std::string("tab\tline\ncr\r"), with_controls,
                        std::string("数字化 ガ 한국"), std::string()}) {
    std::string out = "[";
    append_json_string(out, s);
    CHECK(out == "[" + nlohmann::json(s).dump());
  }
}

TEST_CASE("escape_xml drops the non-characters U+FFFE and U+FFFF") {
  // XML 1.0 Char excludes U+FFFE and U+FFFF; they are valid UTF-8, so a
  // front-matter title may carry them into a feed and make it ill-formed.
  CHECK(escape_xml("a\xEF\xBF\xBE" "b\xEF\xBF\xBF" "c") == "abc");
}

TEST_CASE("cut_at_word") {
  const std::string s = "Hội nghị tổng kết công tác năm 2025";
  CHECK(cut_at_word(s, 100) == s);
  CHECK(cut_at_word(s, 35) == s);  // exactly 35 code points: not cut
  CHECK(cut_at_word(s, 34) == "Hội nghị tổng kết công tác năm…");
  CHECK(cut_at_word(s, 12) == "Hội nghị…");  // inside "tổng": back to the space before it
  CHECK(cut_at_word(s, 14) == "Hội nghị tổng…");  // the "…" counts toward the limit
  CHECK(cut_at_word(s, 13) == "Hội nghị…");
  CHECK(cut_at_word(s, 9) == "Hội nghị…");
  // One long word: cut inside it rather than return nothing.
  CHECK(cut_at_word("Supercalifragilistic", 5) == "Supe…");
  CHECK(cut_at_word("", 5) == "");
}

TEST_CASE("squash_spaces, ascii_lower, starts_with, ends_with") {
  CHECK(squash_spaces("  a \t b\n\nc  ") == "a b c");
  CHECK(squash_spaces("   ") == "");
  CHECK(ascii_lower("IMG.JPG") == "img.jpg");
  CHECK(ascii_lower("ĐẠI") == "ĐẠi");  // bytes ≥ 0x80 untouched, ASCII lowered
  CHECK(starts_with("https://x", "https://"));
  CHECK_FALSE(starts_with("http", "https://"));
  CHECK(ends_with("index.md", ".md"));
  CHECK_FALSE(ends_with("md", ".md"));
}

}  // TEST_SUITE

TEST_CASE("cut_at_word cuts a long word between grapheme clusters") {
  // q + U+0303 has no precomposed form, so NFC keeps two code points: a cut
  // by code points could leave the last q without its tilde.
  const std::string q = "q\xCC\x83";
  CHECK(cut_at_word(q + q + q + q + q, 4) == q + "…");
  CHECK(cut_at_word(q + q + q + q + q, 5) == q + q + "…");
  CHECK(cut_at_word("Siêuliêntịch", 5) == "Siêu…");  // precomposed: one code point a letter
}

TEST_CASE("cut_at_grapheme keeps letters whole, counts what a reader sees, and says when it cut") {
  std::string nfd, nfc;
  for (int i = 0; i < 10; ++i) {
    nfd += "e" + std::string("\xCC\xA3") + kCircumflex;  // ệ as e + U+0323 + U+0302
    nfc += "ệ";
  }
  // Three code points, one cluster: a cut never falls inside it.
  CHECK(cut_at_grapheme(nfd, 4) == "e\xCC\xA3" + kCircumflex + "e\xCC\xA3" + kCircumflex + "e\xCC\xA3" + kCircumflex +
                                       "e\xCC\xA3" + kCircumflex + "…");
  CHECK(cut_at_grapheme("x" + nfd, 2) == "xe\xCC\xA3" + kCircumflex + "…");
  CHECK(cut_at_grapheme(nfc, 4) == "ệệệệ…");
  CHECK(cut_at_grapheme("a" + kAcute + "b", 1) == "a" + kAcute + "…");
  // Short enough: as it is, no "…".
  CHECK(cut_at_grapheme(nfd, 10) == nfd);
  CHECK(cut_at_grapheme(nfc, 10) == nfc);
  CHECK(cut_at_grapheme("", 3) == "");
}

TEST_CASE("cut_at_grapheme gives valid UTF-8 whatever it is given, long or not") {
  // A line with a UTF-8 error is what such a message points at.
  std::string bad = "cách c\xE1\xBA" "đầu";
  std::string shown = cut_at_grapheme(bad, 100);
  CHECK(find_invalid_utf8(shown) == std::string::npos);
  CHECK(shown == "cách c\xEF\xBF\xBD" "đầu");
  // Longer than the part copied to UTF-16: still cut at a cluster, still "…".
  std::string line;
  for (int i = 0; i < 4000; ++i) line += "a" + kAcute;
  std::string cut = cut_at_grapheme(line, 150);
  CHECK(find_invalid_utf8(cut) == std::string::npos);
  std::string expected;
  for (int i = 0; i < 150; ++i) expected += "a" + kAcute;
  CHECK(cut == expected + "…");
  // One cluster larger than that part: nothing of it, but the "…".
  std::string one_cluster = "a";
  for (int i = 0; i < 3000; ++i) one_cluster += kAcute;
  CHECK(cut_at_grapheme(one_cluster, 2) == "…");
}

TEST_CASE("is_forbidden_in_text: controls but tab, LF and CR; DEL, C1 and noncharacters") {
  for (char32_t c : {0x00u, 0x01u, 0x08u, 0x0Bu, 0x0Cu, 0x1Bu, 0x1Fu, 0x7Fu, 0x80u, 0x85u, 0x9Fu, 0xFDD0u, 0xFDEFu,
                     0xFFFEu, 0xFFFFu, 0x1FFFEu, 0x1FFFFu, 0x10FFFFu})
    CHECK_MESSAGE(is_forbidden_in_text(c), code_point_name(c));
  for (char32_t c : {0x09u, 0x0Au, 0x0Du, 0x20u, 0x7Eu, 0xA0u, 0xADu, 0x1EC7u, 0xFDCFu, 0xFDF0u, 0xFEFFu, 0xFFFDu,
                     0x1F600u, 0x1FFFDu})
    CHECK_FALSE_MESSAGE(is_forbidden_in_text(c), code_point_name(c));
  CHECK(code_point_name(0x1F) == "U+001F");
  CHECK(code_point_name(0x1FFFF) == "U+1FFFF");
}

TEST_CASE("drop_forbidden_code_points removes them, says where each was, and leaves the rest") {
  std::string text = "Tiêu\x1F" "đề\tmột\r\n\xEF\xBF\xBF" "hai\x7F\xC2\x85\xC2\xA0" "ba\xF0\x9F\xBF\xBF\xF0\x9F\x98\x80";
  text.push_back('\0');
  std::vector<DroppedCodePoint> dropped;
  CHECK(drop_forbidden_code_points(text, &dropped) == 6);
  CHECK(text == "Tiêuđề\tmột\r\nhai\xC2\xA0" "ba\xF0\x9F\x98\x80");
  REQUIRE(dropped.size() == 6);
  CHECK(dropped[0].offset == 5);  // after "Tiêu"
  CHECK(dropped[0].code_point == 0x1F);
  CHECK(dropped[1].code_point == 0xFFFF);
  CHECK(dropped[2].code_point == 0x7F);
  CHECK(dropped[3].code_point == 0x85);
  CHECK(dropped[4].code_point == 0x1FFFF);
  CHECK(dropped[5].code_point == 0x00);
  std::string clean = "Hội nghị tổng kết — “Đại hội” ½ €";
  std::string copy = clean;
  CHECK(drop_forbidden_code_points(copy) == 0);
  CHECK(copy == clean);
}
