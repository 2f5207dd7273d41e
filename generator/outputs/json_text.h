// JSON as text: byte for byte what nlohmann's dump(indent) writes for text
// that is valid UTF-8 (every text a build holds is, having been through
// NFC), but with strings escaped a run at a time. nlohmann decodes every
// byte of every string, and the Zalo payloads, whole articles in JSON, were
// 4% of a 10,000-article build's CPU through it.
#pragma once
#include <string>

#include "core/text.h"
#include "outputs/views.h"

namespace bangtin {

struct JsonStyle {
  int indent = -1;  // < 0: compact ({"a":1,"b":[2]}); otherwise one member a line
  int depth = 0;    // the level the value starts at, for text spliced into a larger dump
  JsonEscape escape = JsonEscape::Plain;
};

std::string json_text(const Json& j, JsonStyle style);
inline std::string json_text(const Json& j, int indent = -1) { return json_text(j, JsonStyle{indent}); }

}  // namespace bangtin
