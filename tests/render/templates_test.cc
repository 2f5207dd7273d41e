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
