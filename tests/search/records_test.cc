// Result records: what a card shows, a few documents to a file.
#include "search/records.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

using namespace bangtin::search;
using nlohmann::json;

TEST_SUITE("search") {

TEST_CASE("a record carries the snippet, or the summary when there is no text") {
  Record r{"/bai-viet/a/", "Cải cách \"hành chính\"", "article", "Bài viết", "01/02/2026", "2026-02-01T08:00:00+07:00",
           "Tóm tắt", ""};
  json with_text = json::parse(record_json(r, "Nội dung bài viết."));
  CHECK(with_text["t"] == "Cải cách \"hành chính\"");
  CHECK(with_text["x"] == "Nội dung bài viết.");
  CHECK_FALSE(with_text.contains("s"));
  CHECK_FALSE(with_text.contains("n"));
  json without = json::parse(record_json(r, ""));
  CHECK(without["s"] == "Tóm tắt");
  CHECK_FALSE(without.contains("x"));
  r.number = "15/2026/NĐ-CP";
  CHECK(json::parse(record_json(r, ""))["n"] == "15/2026/NĐ-CP");
}

TEST_CASE("a long text is cut at a word to the snippet length") {
  std::string text;
  while (text.size() < 4 * kSnippetChars) text += "đường phố ";
  Record r{"/a/", "A", "article", "Bài viết", "", "", "", ""};
  std::string x = json::parse(record_json(r, text))["x"];
  CHECK(x.size() < text.size());
  CHECK(x.rfind("…") == x.size() - std::string("…").size());
  CHECK(text.rfind(x.substr(0, x.size() - std::string("…").size()), 0) == 0);
}

TEST_CASE("records are written kRecordsPerFile to a file, in document order") {
  std::vector<std::string> records;
  for (int i = 0; i < 2 * static_cast<int>(kRecordsPerFile) + 3; ++i) records.push_back(std::to_string(i));
  auto files = record_files("tim-kiem/idx/", records);
  REQUIRE(files.size() == 3);
  CHECK(files[0].path == "tim-kiem/idx/r/0.json");
  CHECK(files[2].path == "tim-kiem/idx/r/2.json");
  for (size_t f = 0; f < files.size(); ++f) {
    json ids = json::parse(files[f].bytes);
    for (size_t k = 0; k < ids.size(); ++k) CHECK(ids[k] == f * kRecordsPerFile + k);
  }
  CHECK(json::parse(files[2].bytes).size() == 3);
  CHECK(record_files("x/", {}).empty());
}

}  // TEST_SUITE
