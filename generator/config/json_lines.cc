#include "config/json_lines.h"

#include <vector>

namespace bangtin {

std::string json_pointer_append(const std::string& base, const std::string& key) {
  std::string out = base + "/";
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

std::string json_pointer_append(const std::string& base, size_t index) {
  return base + "/" + std::to_string(index);
}

namespace {
struct Frame {
  bool is_object;
  std::string pointer;  // of the container itself
  std::string key;      // object: current key
  size_t index = 0;     // array: current index
  bool expecting_key = true;
};
}  // namespace

JsonLines::JsonLines(std::string_view text) {
  std::vector<Frame> stack;
  int line = 1;
  auto current_pointer = [&]() -> std::string {
    if (stack.empty()) return "";
    const Frame& f = stack.back();
    return f.is_object ? json_pointer_append(f.pointer, f.key) : json_pointer_append(f.pointer, f.index);
  };
  auto record_value = [&]() {
    if (stack.empty() || stack.back().is_object) return;  // object values are recorded at their key
    lines_.emplace(current_pointer(), line);
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    switch (c) {
      case '\n': ++line; break;
      case '{':
      case '[': {
        record_value();
        std::string p = current_pointer();
        stack.push_back(Frame{c == '{', p});
        break;
      }
      case '}':
      case ']':
        if (!stack.empty()) stack.pop_back();
        break;
      case ',':
        if (!stack.empty()) {
          if (stack.back().is_object) stack.back().expecting_key = true;
          else ++stack.back().index;
        }
        break;
      case ':':
        if (!stack.empty()) stack.back().expecting_key = false;
        break;
      case '"': {
        std::string s;
        size_t j = i + 1;
        for (; j < text.size() && text[j] != '"'; ++j) {
          if (text[j] == '\\' && j + 1 < text.size()) {
            ++j;
            s += text[j] == 'n' ? '\n' : text[j];
          } else {
            s += text[j];
          }
        }
        if (!stack.empty() && stack.back().is_object && stack.back().expecting_key) {
          stack.back().key = s;
          lines_.emplace(current_pointer(), line);
        } else {
          record_value();
        }
        i = j;
        break;
      }
      default:
        if (c == '-' || (c >= '0' && c <= '9') || c == 't' || c == 'f' || c == 'n') {
          record_value();
          while (i + 1 < text.size() && text[i + 1] != ',' && text[i + 1] != '}' &&
                 text[i + 1] != ']' && text[i + 1] != '\n' && text[i + 1] != ' ')
            ++i;
        }
    }
  }
}

int JsonLines::line_of(const std::string& pointer) const {
  std::string p = pointer;
  for (;;) {
    auto it = lines_.find(p);
    if (it != lines_.end()) return it->second;
    auto slash = p.rfind('/');
    if (slash == std::string::npos || p.empty()) return 1;
    p.resize(slash);
  }
}

}  // namespace bangtin
