// A Mustache renderer that reads views straight from nlohmann::json.
//
// Why not kainjow's renderer: it needs its own data tree, and copying every
// page's view into it (to_data) was a quarter of a build's instructions; it
// also renders through std::function callbacks and an ostringstream. This
// one renders the same bytes as kainjow/mustache 4 for everything kainjow
// accepts (templates are still validated by kainjow, which gives the error
// messages), including its quirks:
//  - a line is dropped when a section tag rendered on it and what it holds is
//    only spaces and tabs (a section that is skipped does not count);
//  - "a.b" is tried whole in each context from the innermost out;
//  - null and false are false, an empty array is false, everything else
//    (empty strings, 0, empty objects) is true; numbers print as JSON;
//  - ' is escaped as &apos;.
// Partials must be inlined before parsing (Templates::expand); a template
// that still holds a partial tag is reported by has_partials() and rendered
// by kainjow instead.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace bangtin::mustache {

struct Node;

class Template {
 public:
  // `text` must be a template kainjow parses without error.
  explicit Template(const std::string& text);
  ~Template();
  Template(Template&&) noexcept;
  Template& operator=(Template&&) noexcept;

  bool has_partials() const { return has_partials_; }
  // Renders with a root context that is `layers` merged: a key is taken
  // from the first layer that has it (as if later layers were assigned
  // first and earlier ones over them, key by key).
  void render(const std::vector<const nlohmann::json*>& layers, std::string& out) const;

 private:
  std::vector<Node> nodes_;
  bool has_partials_ = false;
};

}  // namespace bangtin::mustache
