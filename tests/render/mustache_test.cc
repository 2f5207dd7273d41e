// render/mustache.h must write what kainjow/mustache writes, byte for byte:
// sites' templates were written and checked against kainjow's output. Each
// case renders one template and view with both.
#include <doctest/doctest.h>

#include <kainjow/mustache.hpp>
#include <nlohmann/json.hpp>

#include "render/mustache.h"

namespace {

using Json = nlohmann::json;
namespace mstch = kainjow::mustache;

mstch::data to_data(const Json& j) {
  switch (j.type()) {
    case Json::value_t::object: {
      mstch::data d{mstch::data::type::object};
      for (auto it = j.begin(); it != j.end(); ++it) d.set(it.key(), to_data(it.value()));
      return d;
    }
    case Json::value_t::array: {
      mstch::data d{mstch::data::type::list};
      for (const auto& e : j) d.push_back(to_data(e));
      return d;
    }
    case Json::value_t::string: return mstch::data{j.get<std::string>()};
    case Json::value_t::boolean: return mstch::data{j.get<bool>()};
    case Json::value_t::null: return mstch::data{false};
    default: return mstch::data{j.dump()};
  }
}

void same_as_kainjow(const std::string& text, const Json& view) {
  CAPTURE(text);
  mstch::mustache k{text};
  REQUIRE(k.is_valid());
  std::string expected = k.render(to_data(view));
  std::string got;
  bangtin::mustache::Template{text}.render({&view}, got);
  CHECK(got == expected);
}

const Json kView = Json::parse(R"({
  "title": "Tin <mới> & 'cũ' \"x\"", "n": 42, "f": 1.5, "yes": true, "no": false, "nothing": null,
  "empty": "", "zero": 0, "none": [], "obj": {}, "page": {"title": "Trang", "url": "/a/", "deep": {"x": "y"}},
  "items": [{"title": "A", "url": "/a/", "tags": ["x", "y"]}, {"title": "B", "summary": "tóm tắt"}, {"title": "C", "n": 7}],
  "list": {"items": [{"title": "one"}], "empty": false, "first_page": true}
})");

}  // namespace

TEST_CASE("variables, escaping and numbers as kainjow writes them") {
  for (const char* t : {"{{title}}", "{{{title}}}", "{{& title}}", "{{ title }}", "{{n}} {{f}} {{yes}} {{no}} {{nothing}}",
                        "{{missing}}|{{empty}}|{{zero}}", "{{page.title}} {{page.deep.x}} {{page.missing.x}}",
                        "{{obj}}{{none}}{{items}}", "{{.}}", "{{page..title}}{{page.}}", "{{{page.url}}}"})
    same_as_kainjow(t, kView);
}

TEST_CASE("sections, inverted sections and the context stack") {
  for (const char* t : {"{{#items}}<{{title}}|{{summary}}|{{n}}|{{page.title}}>{{/items}}",
                        "{{#items}}{{#tags}}[{{.}}]{{/tags}}{{/items}}", "{{^none}}no items{{/none}}{{#none}}x{{/none}}",
                        "{{#empty}}e{{/empty}}{{#zero}}z{{/zero}}{{#obj}}o{{/obj}}{{#nothing}}n{{/nothing}}{{^nothing}}N{{/nothing}}",
                        "{{#page}}{{title}} {{url}} {{n}}{{/page}}", "{{#page.deep}}{{x}}{{/page.deep}}",
                        "{{#title}}{{.}}{{/title}}", "{{#list.items}}{{title}}{{/list.items}}{{^list.empty}}full{{/list.empty}}",
                        "{{#items}}{{#page.deep}}{{title}}{{x}}{{/page.deep}}{{/items}}", "{{^missing}}m{{/missing}}"})
    same_as_kainjow(t, kView);
}

TEST_CASE("lines with only section tags and blanks are dropped as kainjow drops them") {
  for (const char* t : {"a\n{{#yes}}\nb\n{{/yes}}\nc\n", "a\n  {{#no}}\nb\n  {{/no}}\nc\n", "{{#items}}\n  {{title}}\n{{/items}}\n",
                        "x\r\n{{#yes}}\r\ny\r\n{{/yes}}\r\n", "  {{! comment }}\n\t\n{{^none}} \t{{/none}}\nend", "{{#yes}} {{empty}} {{/yes}}\nz",
                        "{{#yes}}{{title}}{{/yes}}\n", "last line {{#yes}} {{/yes}}", "\n\n{{#items}}{{/items}}\n\n", "a\rb\r{{#yes}}\rc{{/yes}}\r"})
    same_as_kainjow(t, kView);
}

TEST_CASE("set delimiters and odd tags") {
  for (const char* t : {"{{=<% %>=}}<%title%> {{title}} <%={{ }}=%>{{title}}", "{{!/}}{{title}}", "{{}}", "{ {title} }}",
                        "{{#items}}{{=| |=}}|title||={{ }}=|{{/items}}", "é {{title}} ư\n"})
    same_as_kainjow(t, kView);
}

TEST_CASE("layers merge as a JSON object assigned key by key") {
  Json own = {{"title", "own"}, {"page", {{"title", "own page"}}}};
  Json common = {{"title", "common"}, {"page", {{"title", "common page"}, {"url", "/c/"}}}, {"t", {{"home", "Trang chủ"}}}};
  std::string got;
  bangtin::mustache::Template{"{{title}} {{page.title}} {{page.url}} {{t.home}}"}.render({&own, &common}, got);
  CHECK(got == "own own page  Trang chủ");  // page.url is not taken from a layer under own's page
}
