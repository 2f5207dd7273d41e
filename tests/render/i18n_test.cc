// Interface strings: every key of the Vietnamese strings file exists, with a
// non-empty value, in the English, Chinese, Japanese and Korean files, so no
// page of those editions falls back to Vietnamese words in its interface.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "../site/test_support.h"

using namespace bangtin::testing;

TEST_CASE("every interface string is translated into en, zh, ja and ko") {
  auto load = [](const std::string& lang) {
    return nlohmann::json::parse(read_text(kSourceDir + "/templates/i18n/" + lang + ".json"));
  };
  nlohmann::json vi = load("vi");
  REQUIRE(vi.size() > 90);
  for (const char* lang : {"en", "zh", "ja", "ko"}) {
    nlohmann::json other = load(lang);
    for (auto it = vi.begin(); it != vi.end(); ++it) {
      CAPTURE(lang);
      CAPTURE(it.key());
      REQUIRE(other.contains(it.key()));
      CHECK(other[it.key()].is_string());
      CHECK_FALSE(other[it.key()].get<std::string>().empty());
    }
    CHECK(other.size() == vi.size());  // no key only one translation knows
  }
}
