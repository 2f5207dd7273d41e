// Folding and cutting text into search terms: what a query typed any way
// must meet in the index (generator/search/tokenize.h, core/text.h).
#include "search/tokenize.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/text.h"

using namespace bangtin;
using namespace bangtin::search;

namespace {

std::vector<std::string> folded(const std::string& text) {
  std::vector<std::string> out;
  for (const Token& t : tokenize(text)) out.push_back(t.folded);
  return out;
}

std::vector<std::string> exact(const std::string& text) {
  std::vector<std::string> out;
  for (const Token& t : tokenize(text)) out.push_back(t.exact);
  return out;
}

// "đường" spelled with combining marks: u + horn (U+031B), o + horn + grave.
const std::string kNfdDuong = "\xC4\x91u\xCC\x9Bo\xCC\x9B\xCC\x80ng";

// The beginnings of a word as folded/exact pairs, shortest first.
std::vector<std::string> prefixes_of(const std::string& word) {
  Token t = tokenize(word).at(0);
  std::vector<std::string> out;
  for (const WordPrefix& p : word_prefixes(t.exact, t.folded)) out.push_back(p.folded + "/" + p.exact);
  return out;
}

}  // namespace

TEST_SUITE("search") {

TEST_CASE("folding drops marks and maps đ to d, in any case and composition") {
  CHECK(fold_for_search("Đường") == "duong");
  CHECK(fold_for_search("đương") == "duong");
  CHECK(fold_for_search("dương") == "duong");
  CHECK(fold_for_search("DUONG") == "duong");
  CHECK(fold_for_search(kNfdDuong) == "duong");
  CHECK(fold_for_search("ĐẠI HỘI") == "dai hoi");
  // The exact form keeps the marks, composed, in lower case.
  CHECK(lower_for_search("Đường") == "đường");
  CHECK(lower_for_search(kNfdDuong) == "đường");
  CHECK(lower_for_search("ĐẠI") == "đại");
}

TEST_CASE("words are runs of letters, digits and marks; CJK runs stand apart") {
  std::string text = "Đại hội XIV, 2026 数字化abc";
  std::vector<TextWord> w = split_words(text);
  REQUIRE(w.size() == 6);
  CHECK(text.substr(w[0].begin, w[0].end - w[0].begin) == "Đại");
  CHECK(text.substr(w[4].begin, w[4].end - w[4].begin) == "数字化");
  CHECK(w[4].cjk);
  CHECK_FALSE(w[5].cjk);
  // Combining marks stay inside their word.
  std::vector<TextWord> nfd = split_words(kNfdDuong + " pho");
  REQUIRE(nfd.size() == 2);
  CHECK(nfd[0].end == kNfdDuong.size());
}

TEST_CASE("tokens carry the folded key and the spelling with marks") {
  CHECK(folded("Cải cách Hành chính") == std::vector<std::string>{"cai", "cach", "hanh", "chinh"});
  CHECK(exact("Cải cách Hành chính") == std::vector<std::string>{"cải", "cách", "hành", "chính"});
  CHECK(folded(kNfdDuong + " phố") == folded("đường PHỐ"));
  CHECK(exact(kNfdDuong) == std::vector<std::string>{"đường"});
}

TEST_CASE("a phrase pair never spans a comma or the end of a sentence") {
  std::vector<Token> t = tokenize("chuyển đổi, số hóa. Hành chính 128/KH-UBND Q.3");
  REQUIRE(t.size() == 11);
  CHECK_FALSE(t[0].joined);
  CHECK(t[1].joined);        // chuyển đổi
  CHECK_FALSE(t[2].joined);  // , số
  CHECK(t[3].joined);        // số hóa
  CHECK_FALSE(t[4].joined);  // . Hành
  CHECK(t[5].joined);
  CHECK(t[7].joined);  // 128/KH
  CHECK(t[8].joined);  // KH-UBND
  CHECK(t[10].joined);  // Q.3 keeps its full stop
  CHECK(pair_key(t[0], t[1]) == "chuyen doi");
}

TEST_CASE("document numbers become one term however they are typed") {
  CHECK(number_key("128/KH-UBND") == "128khubnd");
  CHECK(number_key("128 kh ubnd") == "128khubnd");
  CHECK(number_key("08-CTr/TU") == "08ctrtu");
  CHECK(number_key("600/QĐ-UBND") == "600qdubnd");
  CHECK(number_key("15/2026/NĐ-CP") == number_key("15 2026 nd cp"));
  // Not a number: a word first, or a single part.
  CHECK(number_key("Kế hoạch 128") == "");
  CHECK(number_key("128") == "");
}

TEST_CASE("a word is listed under each of its shorter beginnings, with and without marks") {
  CHECK(prefixes_of("Hội") == std::vector<std::string>{"h/h", "ho/hộ"});
  CHECK(prefixes_of("ĐẠI") == std::vector<std::string>{"d/đ", "da/đạ"});
  CHECK(prefixes_of("hanh") == std::vector<std::string>{"h/h", "ha/ha", "han/han"});
  // Spelled with combining marks, the same beginnings, composed.
  CHECK(prefixes_of(kNfdDuong) == std::vector<std::string>{"d/đ", "du/đư", "duo/đườ", "duon/đườn"});
  // A one-letter word has none; a long word stops at kPrefixLetters.
  CHECK(prefixes_of("h").empty());
  std::vector<std::string> long_word = prefixes_of("administrations");
  REQUIRE(long_word.size() == kPrefixLetters);
  CHECK(long_word.back() == "administra/administra");
  CHECK(prefixes_of("2026") == std::vector<std::string>{"2/2", "20/20", "202/202"});
  CHECK(prefix_key("ho") == "ho*");
  CHECK(is_prefix_key("dai h*"));
  CHECK_FALSE(is_prefix_key("dai hoi"));
}

TEST_CASE("Chinese, Japanese and Korean become overlapping bigrams") {
  CHECK(folded("数字化转型") == std::vector<std::string>{"数字", "字化", "化转", "转型"});
  CHECK(folded("文化祭") == std::vector<std::string>{"文化", "化祭"});
  CHECK(folded("디지털 전환") == std::vector<std::string>{"디지", "지털", "전환"});
  // A lone character is its own term; bigrams never form phrase pairs.
  CHECK(folded("市") == std::vector<std::string>{"市"});
  std::vector<Token> t = tokenize("数字化");
  for (const Token& tok : t) {
    CHECK(tok.cjk);
    CHECK_FALSE(tok.joined);
  }
  // Latin next to CJK is a word of its own.
  CHECK(folded("Zalo数字") == std::vector<std::string>{"zalo", "数字"});
}

}  // TEST_SUITE

#include "search/plain_text.h"

TEST_SUITE("search") {

TEST_CASE("rendered bodies become the words a reader sees") {
  std::string html =
      "<h2 id=\"a\">Kết quả <a class=\"anchor\" href=\"#a\" aria-hidden=\"true\">#</a></h2>\n"
      "<p>Cải <em>cách</em> &amp; hành&nbsp;chính &#7899;</p><ul><li>một</li><li>hai</li></ul>";
  CHECK(search::html_to_text(html) == "Kết quả\nCải cách & hành chính ớ\nmột\nhai");
}

}  // TEST_SUITE
