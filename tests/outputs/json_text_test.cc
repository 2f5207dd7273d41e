// json_text must write what nlohmann's dump() writes: payloads, feeds and
// manifests kept their bytes when it replaced dump().
#include <doctest/doctest.h>

#include "outputs/json_text.h"

using namespace bangtin;

TEST_CASE("json_text: the same bytes as nlohmann's dump, compact and indented") {
  Json j = {{"title", "Đại hội XIV: \"đoàn kết\" \\ tiến bước"},
            {"body", Json::array({{{"type", "text"}, {"content", "<p>Dòng một\nDòng hai\tcột\r\b\f\x01\x1f\x7f</p>"}},
                                  {{"type", "image"}, {"url", "https://cong.gov.vn/a.jpg"}, {"caption", ""}}})},
            {"empty_object", Json::object()},
            {"empty_list", Json::array()},
            {"numbers", Json::array({0, -7, 1234567890123LL, 2.5, 1e-7, 18446744073709551615ULL})},
            {"flags", Json::array({true, false, nullptr})},
            {"nested", {{"a", {{"b", Json::array({Json::array(), Json::object(), "x"})}}}}},
            {"", "khóa rỗng"},
            {"😀 emoji", "🇻🇳"}};
  for (int indent : {-1, 0, 1, 2, 4}) {
    CAPTURE(indent);
    CHECK(json_text(j, indent) == j.dump(indent));
  }
  for (const Json& scalar : {Json("chuỗi"), Json(42), Json(nullptr), Json::array(), Json::object()})
    CHECK(json_text(scalar, 1) == scalar.dump(1));
}
