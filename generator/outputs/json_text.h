// JSON as text: byte for byte what nlohmann's dump(indent) writes for text
// that is valid UTF-8 (every text a build holds is, having been through
// NFC), but with strings escaped a run at a time. nlohmann decodes every
// byte of every string, and the Zalo payloads, whole articles in JSON, were
// 4% of a 10,000-article build's CPU through it.
#pragma once
#include <string>

#include "outputs/views.h"

namespace bangtin {

// indent < 0: compact ({"a":1,"b":[2]}); otherwise one member a line.
std::string json_text(const Json& j, int indent = -1);

}  // namespace bangtin
