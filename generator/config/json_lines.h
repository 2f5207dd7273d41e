// nlohmann/json keeps no positions, but editors need `site-config.json:12:`.
// This scanner walks already-validated JSON text once and records the line of
// every key and array element, by JSON pointer ("/columns/0/key").
#pragma once
#include <map>
#include <string>
#include <string_view>

namespace bangtin {

class JsonLines {
 public:
  explicit JsonLines(std::string_view text);
  // Line of the pointer, else of its nearest recorded ancestor, else 1.
  int line_of(const std::string& pointer) const;

 private:
  std::map<std::string, int> lines_;
};

std::string json_pointer_append(const std::string& base, const std::string& key);
std::string json_pointer_append(const std::string& base, size_t index);

}  // namespace bangtin
