#include "outputs/json_text.h"

#include "core/text.h"

namespace bangtin {

namespace {

void append(std::string& out, const Json& j, const JsonStyle& style, int depth) {
  const int indent = style.indent;
  // An object or an array: members one a line at the next level when
  // indented, "{}" and "[]" when empty, as nlohmann writes them.
  auto container = [&](char open, char close, auto&& member) {
    if (j.empty()) {
      out += open;
      out += close;
      return;
    }
    out += open;
    bool first = true;
    for (auto it = j.begin(); it != j.end(); ++it) {
      if (!first) out += ',';
      first = false;
      if (indent >= 0) out.append(1, '\n').append(static_cast<size_t>(indent * (depth + 1)), ' ');
      member(it);
    }
    if (indent >= 0) out.append(1, '\n').append(static_cast<size_t>(indent * depth), ' ');
    out += close;
  };
  switch (j.type()) {
    case Json::value_t::object:
      return container('{', '}', [&](Json::const_iterator it) {
        append_json_string(out, it.key(), style.escape);
        out += indent < 0 ? ":" : ": ";
        append(out, it.value(), style, depth + 1);
      });
    case Json::value_t::array:
      return container('[', ']', [&](Json::const_iterator it) { append(out, *it, style, depth + 1); });
    case Json::value_t::string: append_json_string(out, j.get_ref<const std::string&>(), style.escape); return;
    default: out += j.dump();  // numbers, booleans, null: nlohmann's own digits
  }
}

}  // namespace

std::string json_text(const Json& j, JsonStyle style) {
  std::string out;
  append(out, j, style, style.depth);
  return out;
}

}  // namespace bangtin
