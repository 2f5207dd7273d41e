// The compact number lists of the index and the shard hash, which
// assets/js/search.js reads back (generator/search/postings.h).
#include "search/postings.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace bangtin::search;

TEST_SUITE("search") {

TEST_CASE("numbers round-trip, small ones in one character") {
  std::vector<uint64_t> in = {0, 1, 31, 32, 33, 1023, 1024, 99999, (uint64_t{1} << 40) + 7};
  std::string text;
  for (uint64_t n : in) append_number(text, n);
  std::vector<uint64_t> out;
  REQUIRE(read_numbers(text, out));
  CHECK(out == in);
  std::string one;
  append_number(one, 31);
  CHECK(one.size() == 1);
  append_number(one, 32);
  CHECK(one.size() == 3);
  // Nothing in the alphabet needs escaping in JSON.
  for (char c : kAlphabet) CHECK((c != '"' && c != '\\' && c > 0x20));
}

TEST_CASE("a truncated or foreign string is refused") {
  std::vector<uint64_t> out;
  std::string open;
  append_number(open, 1000);
  open.pop_back();
  CHECK_FALSE(read_numbers(open, out));
  CHECK_FALSE(read_numbers("12 3", out));
}

TEST_CASE("ids are written as gaps") {
  std::string text = encode_ids({0, 3, 4, 100});
  std::vector<uint64_t> gaps;
  REQUIRE(read_numbers(text, gaps));
  CHECK(gaps == std::vector<uint64_t>{1, 3, 1, 96});
}

TEST_CASE("the shard of a term is FNV-1a of its bytes") {
  // Values search.js computes with Math.imul over TextEncoder bytes.
  CHECK(shard_of("", 1000) == 2166136261u % 1000);
  CHECK(shard_of("a", 0xFFFFFFFFu) == 0xE40C292Cu);
  CHECK(shard_of("duong", 7) == shard_of("duong", 7));
  CHECK(shard_of("anything", 1) == 0);
}

}  // TEST_SUITE
