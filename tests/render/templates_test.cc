// Templates: the escaping bangtin gives kainjow must be kainjow's own, byte
// for byte, or every page would change.
#include <doctest/doctest.h>

#include <kainjow/mustache.hpp>

#include "core/status.h"
#include "render/templates.h"

using namespace bangtin;

TEST_CASE("{{value}} is escaped exactly as kainjow's html_escape does") {
  Templates t = Templates::from({{"t", "<p title=\"{{x}}\">{{x}}</p>|{{{x}}}"}}, {});
  for (std::string x : {std::string(""), std::string("Đại hội XIV"), std::string("a & b < c > d \"e\" 'f'"),
                        std::string("&&<<>>\"\"''"), std::string("'"), std::string("kết thúc &"),
                        std::string("&amp; đã thoát")}) {
    Diagnostics diags;
    std::string out = t.render("t", nlohmann::json{{"x", x}}, diags);
    std::string escaped = kainjow::mustache::html_escape<std::string>(x);
    CAPTURE(x);
    CHECK(out == "<p title=\"" + escaped + "\">" + escaped + "</p>|" + x);
    CHECK_FALSE(diags.has_errors());
  }
}

TEST_CASE("a prepared part renders as the JSON it was made from, wherever a view refers to it") {
  Templates t = Templates::from(
      {{"list", "{{#items}}[{{title}}{{#featured}}*{{/featured}}|{{site}}]{{/items}}{{^items}}trống{{/items}}"}}, {});
  nlohmann::json cards = nlohmann::json::array({{{"title", "Tin <một>"}}, {{"title", "Tin hai"}, {"featured", true}}});
  std::vector<PreparedView> parts;
  for (const auto& c : cards) parts.push_back(t.prepare_part(c));
  PreparedView shared = t.prepare({{"site", "Cổng"}});
  Diagnostics diags;
  nlohmann::json inline_view = {{"items", {cards[1], cards[0], cards[1]}}};
  nlohmann::json by_ref = {{"items", {Templates::part_ref(1), Templates::part_ref(0), Templates::part_ref(1)}}};
  std::string expected = t.render("list", inline_view, nlohmann::json::object(), shared, diags);
  CHECK(expected == "[Tin hai*|Cổng][Tin &lt;một&gt;|Cổng][Tin hai*|Cổng]");
  CHECK(t.render("list", by_ref, nlohmann::json::object(), shared, diags, &parts) == expected);
  // Without the parts a reference is an ordinary object, and an unknown number is too.
  CHECK(t.render("list", {{"items", {Templates::part_ref(7)}}}, nlohmann::json::object(), shared, diags, &parts) ==
        "[|Cổng]");
  CHECK_FALSE(diags.has_errors());
}

TEST_CASE("a part reference outside a list: a section enters the part, a dotted name walks into it") {
  Templates t = Templates::from(
      {{"lead", "{{#lead}}<{{title}}>{{/lead}}{{lead.title}}|{{page.lead.title}}|{{#tags}}{{.}},{{/tags}}"}}, {});
  std::vector<PreparedView> parts = {t.prepare_part({{"title", "Tin & ảnh"}})};
  PreparedView shared = t.prepare({{"tags", {"a", "b"}}});
  Diagnostics diags;
  nlohmann::json own = {{"lead", Templates::part_ref(0)}}, page = {{"page", {{"lead", Templates::part_ref(0)}}}};
  CHECK(t.render("lead", own, page, shared, diags, &parts) == "<Tin &amp; ảnh>Tin &amp; ảnh|Tin &amp; ảnh|a,b,");
  CHECK_FALSE(diags.has_errors());
}
