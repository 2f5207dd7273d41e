// The term table the index build shares between threads: one number per
// distinct text, whichever thread interns it first, and every text back.
#include "search/lexicon.h"

#include <doctest/doctest.h>

#include <set>
#include <string>
#include <thread>
#include <vector>

using namespace bangtin::search;

TEST_SUITE("search") {

TEST_CASE("a text interned twice gets one number, and the numbers become 0..n-1") {
  Lexicon lex;
  uint32_t a = lex.intern("hanh chinh"), b = lex.intern("đường"), c = lex.intern("");
  CHECK(lex.intern("hanh chinh") == a);
  CHECK(lex.intern("đường") == b);
  CHECK(lex.intern("") == c);
  CHECK(a != b);
  lex.freeze();
  REQUIRE(lex.size() == 3);
  std::set<uint32_t> dense{lex.dense(a), lex.dense(b), lex.dense(c)};
  CHECK(dense == std::set<uint32_t>{0, 1, 2});
  CHECK(lex.text(a) == "hanh chinh");
  CHECK(lex.text(b) == "đường");
  CHECK(lex.text(c).empty());
  for (uint32_t d = 0; d < 3; ++d) CHECK(lex.dense(lex.id_at(d)) == d);
}

TEST_CASE("threads interning overlapping texts agree on every number") {
  Lexicon lex;
  const int kTexts = 20000;  // enough for every part's table to grow
  std::vector<std::vector<uint32_t>> got(4, std::vector<uint32_t>(kTexts));
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&lex, &got, t] {
      for (int i = 0; i < kTexts; ++i) {
        int k = (t % 2 == 0) ? i : kTexts - 1 - i;  // two orders
        got[t][k] = lex.intern("term " + std::to_string(k));
      }
    });
  for (auto& th : threads) th.join();
  for (int t = 1; t < 4; ++t) CHECK(got[t] == got[0]);
  lex.freeze();
  CHECK(lex.size() == kTexts);
  std::set<uint32_t> dense;
  for (int k = 0; k < kTexts; ++k) {
    CHECK(lex.text(got[0][k]) == "term " + std::to_string(k));
    dense.insert(lex.dense(got[0][k]));
  }
  CHECK(dense.size() == kTexts);
  CHECK(*dense.rbegin() == kTexts - 1);
}

}  // TEST_SUITE
