// The search index the build writes: one per language, deterministic, with
// the spellings that let a query typed with marks prefer them, document
// numbers as single terms, and only what is published.
#include "search/index.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "../site/test_support.h"
#include "search/postings.h"
#include "search/records.h"
#include "search/tokenize.h"

using namespace bangtin;
using namespace bangtin::testing;
using nlohmann::json;

namespace {

const std::string kNow = "2026-02-01T00:00:00+07:00";

// The value of `term` in the built index of the folder `idx`, or null.
json term_value(const std::map<std::string, std::string>& files, const std::string& idx, const std::string& term) {
  for (const auto& [path, bytes] : files) {
    if (path.rfind(idx + "t/", 0) != 0 || path.find('/', idx.size() + 2) != std::string::npos) continue;
    json shard = json::parse(bytes);
    if (shard.contains(term)) return shard[term];
  }
  return nullptr;
}

std::vector<uint64_t> numbers(const std::string& text) {
  std::vector<uint64_t> out;
  REQUIRE(search::read_numbers(text, out));
  return out;
}

std::vector<std::string> titles(const std::map<std::string, std::string>& files, const std::string& idx) {
  std::vector<std::string> out;
  for (const auto& [path, bytes] : files)
    if (path.rfind(idx + "r/", 0) == 0)
      for (const auto& record : json::parse(bytes)) out.push_back(record["t"]);
  return out;
}

// The record of document `id`, from the file holding it.
json record_of(const std::map<std::string, std::string>& files, const std::string& idx, uint64_t id) {
  auto it = files.find(idx + "r/" + std::to_string(id / search::kRecordsPerFile) + ".json");
  REQUIRE(it != files.end());
  json records = json::parse(it->second);
  REQUIRE(id % search::kRecordsPerFile < records.size());
  return records[id % search::kRecordsPerFile];
}

}  // namespace

TEST_SUITE("search") {

TEST_CASE("every language gets its own index and search page") {
  BuildResult r = build_in_memory(kSites + "/valid-search", kNow);
  REQUIRE(r.ok());
  auto files = files_of(r);
  for (std::string prefix : {"", "en/", "zh/", "ja/", "ko/"}) {
    INFO(prefix);
    CHECK(files.count(prefix + "tim-kiem/index.html"));
    CHECK(files.count(prefix + "tim-kiem/idx/f.json"));
    CHECK(files.count(prefix + "tim-kiem/idx/t/0.json"));
  }
  // Each index holds its own language only.
  CHECK(titles(files, "zh/tim-kiem/idx/") == std::vector<std::string>{"数字化转型推动文化发展"});
  CHECK(titles(files, "en/tim-kiem/idx/").size() == 2);
  // The page knows how many shards to ask for; crawlers are kept off it.
  const std::string& page = files["tim-kiem/index.html"];
  CHECK(page.find("data-index=\"/tim-kiem/idx/\"") != std::string::npos);
  CHECK(page.find("name=\"robots\" content=\"noindex\"") != std::string::npos);
  CHECK(files["sitemap.xml"].find("tim-kiem") == std::string::npos);
  // Every page links to it with a plain GET form.
  CHECK(files["index.html"].find("action=\"/tim-kiem/\" method=\"get\"") != std::string::npos);
  CHECK(files["en/index.html"].find("action=\"/en/tim-kiem/\" method=\"get\"") != std::string::npos);
}

TEST_CASE("a folded term lists the spellings with marks and which document uses which") {
  BuildResult r = build_in_memory(kSites + "/valid-search", kNow);
  REQUIRE(r.ok());
  auto files = files_of(r);
  json duong = term_value(files, "tim-kiem/idx/", "duong");
  REQUIRE(duong.is_array());
  std::vector<std::string> spellings(duong.begin() + 1, duong.end());
  // Most documents first: "dương" is in one document, as are the others; ties by bytes.
  CHECK(spellings.size() == 3);
  CHECK(std::find(spellings.begin(), spellings.end(), "đường") != spellings.end());
  CHECK(std::find(spellings.begin(), spellings.end(), "đương") != spellings.end());
  std::vector<uint64_t> n = numbers(duong[0]);
  REQUIRE(n.size() == 9);  // three postings: gap, weight, mask
  for (size_t i = 0; i < n.size(); i += 3) {
    CHECK(n[i + 1] >= 1);
    CHECK(n[i + 1] <= 31);
    CHECK((n[i + 2] == 1 || n[i + 2] == 2 || n[i + 2] == 4));  // one spelling each
  }
  // Words without marks are stored as a bare string; pairs never carry spellings.
  CHECK(term_value(files, "tim-kiem/idx/", "chuyen doi").is_string());
  CHECK(term_value(files, "en/tim-kiem/idx/", "digital").is_string());
  CHECK(term_value(files, "tim-kiem/idx/", "digital").is_null());
}

// The documents of a short (unsplit) list, by their URLs.
std::vector<std::string> urls_of(const std::map<std::string, std::string>& files, const std::string& idx, const json& value) {
  REQUIRE((value.is_string() || value.is_array()));
  std::vector<uint64_t> n = numbers(value.is_string() ? value.get<std::string>() : value[0].get<std::string>());
  size_t step = value.is_array() && value.size() > 2 ? 3 : 2;
  std::vector<std::string> out;
  int64_t doc = -1;
  for (size_t i = 0; i < n.size(); i += step) out.push_back(record_of(files, idx, static_cast<uint64_t>(doc += n[i]))["u"]);
  return out;
}

TEST_CASE("words are listed under their beginnings, pairs under the first letter of their second word") {
  BuildResult r = build_in_memory(kSites + "/valid-search", kNow);
  REQUIRE(r.ok());
  auto files = files_of(r);
  const std::string idx = "tim-kiem/idx/";
  // "hoa*": the words longer than "hoa" that begin with it (kế hoạch), not
  // "hóa" itself, which is its own term.
  std::vector<std::string> hoach = urls_of(files, idx, term_value(files, idx, "hoa*"));
  CHECK(std::find(hoach.begin(), hoach.end(), "/bai-viet/ke-hoach-nghi-dinh-15/") != hoach.end());
  CHECK(std::find(hoach.begin(), hoach.end(), "/bai-viet/cai-tao-nha-van-hoa/") == hoach.end());
  std::vector<std::string> hoa = urls_of(files, idx, term_value(files, idx, "hoa"));
  CHECK(std::find(hoa.begin(), hoa.end(), "/bai-viet/cai-tao-nha-van-hoa/") != hoa.end());
  // A beginning keeps its spellings with marks, as a word does: đườ(ng),
  // dươ(ng), đươ(ng), đượ(c).
  json duo = term_value(files, idx, "duo*");
  REQUIRE(duo.is_array());
  std::vector<std::string> spellings(duo.begin() + 1, duo.end());
  for (const char* s : {"đườ", "dươ", "đươ", "đượ"})
    CHECK(std::find(spellings.begin(), spellings.end(), s) != spellings.end());
  // No word is longer than "duong" and begins with it.
  CHECK(term_value(files, idx, "duong*").is_null());
  // A pair under the first letter of its second word: "chuyển đổi" is under
  // "chuyen d*", "chuyển nhượng" is not; no longer beginnings of pairs.
  json chuyen_d = term_value(files, idx, "chuyen d*");
  REQUIRE(chuyen_d.is_string());
  CHECK(urls_of(files, idx, chuyen_d) == std::vector<std::string>{"/bai-viet/ngay-chuyen-doi-so/"});
  CHECK(term_value(files, idx, "chuyen do*").is_null());
  // CJK bigrams have no beginnings: the Chinese index (CJK text only) has none.
  size_t zh_terms = 0;
  for (const auto& entry : files) {
    if (entry.first.rfind("zh/tim-kiem/idx/t/", 0) != 0) continue;
    json terms = json::parse(entry.second);  // items() refers to it: not a temporary of the loop
    for (const auto& item : terms.items()) {
      CHECK_MESSAGE(!search::is_prefix_key(item.key()), item.key());
      ++zh_terms;
    }
  }
  CHECK(zh_terms > 10);
}

TEST_CASE("a document's number is one term pointing at the document") {
  BuildResult r = build_in_memory(kSites + "/valid-search", kNow);
  REQUIRE(r.ok());
  auto files = files_of(r);
  json key = term_value(files, "tim-kiem/idx/", "152026ndcp");
  REQUIRE(key.is_string());
  std::vector<uint64_t> n = numbers(key);
  REQUIRE(n.size() == 2);  // the document alone, not the article quoting its number
  json record = record_of(files, "tim-kiem/idx/", n[0] - 1);
  CHECK(record["n"] == "15/2026/NĐ-CP");
  CHECK(record["u"] == "/van-ban/nghi-dinh-15/");
  CHECK(record["c"] == "document");
  // Filters list the document under its kind.
  json filters = json::parse(files["tim-kiem/idx/f.json"]);
  CHECK(numbers(filters["kind"]["document"]) == std::vector<uint64_t>{n[0]});
}

TEST_CASE("drafts, scheduled and expired items are not searchable") {
  BuildResult r = build_in_memory(kSites + "/valid-search", kNow);
  REQUIRE(r.ok());
  auto files = files_of(r);
  std::vector<std::string> t = titles(files, "tim-kiem/idx/");
  CHECK(t.size() == 10);
  for (const std::string& title : t) {
    CHECK(title != "Bản nháp chưa duyệt");
    CHECK(title != "Thông báo lịch tiếp dân");
    CHECK(title != "Lễ hội khinh khí cầu sắp diễn ra");
  }
  // "khinh khí cầu" is only in those three.
  CHECK(term_value(files, "tim-kiem/idx/", "khinh").is_null());
}

TEST_CASE("the index is byte-identical across thread counts") {
  BuildResult one = build_in_memory(kSites + "/valid-search", kNow, 1);
  BuildResult four = build_in_memory(kSites + "/valid-search", kNow, 4);
  REQUIRE(one.ok());
  REQUIRE(four.ok());
  auto a = files_of(one), b = files_of(four);
  size_t compared = 0;
  for (const auto& entry : a) {  // no structured binding: clang 14 cannot capture one in INFO/CAPTURE
    const auto& path = entry.first;
    const auto& bytes = entry.second;
    if (path.find("tim-kiem/") == std::string::npos) continue;
    INFO(path);
    CHECK(b[path] == bytes);
    ++compared;
  }
  CHECK(compared > 20);
}

}  // TEST_SUITE
