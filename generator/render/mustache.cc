#include "render/mustache.h"

#include <cctype>

namespace bangtin::mustache {

using Json = nlohmann::json;

enum class Kind { Text, Newline, Variable, Raw, Section, Inverted, End, Partial, Nothing };

struct Node {
  Kind kind = Kind::Text;
  std::string text;                // Text and Newline: the bytes; tags: the name
  std::vector<std::string> path;   // a dotted name split at the dots (kainjow's split)
  std::vector<Node> children;      // sections
};

namespace {

// kainjow's trim: std::isspace on each char, as it calls it.
std::string trim(const std::string& s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(s[b])) ++b;
  while (e > b && std::isspace(s[e - 1])) --e;
  return s.substr(b, e - b);
}

// std::getline-style split: "a..b" → a, "", b; a trailing empty part is dropped.
std::vector<std::string> split_dots(const std::string& name) {
  std::vector<std::string> parts;
  size_t from = 0;
  for (;;) {
    size_t dot = name.find('.', from);
    if (dot == std::string::npos) {
      if (from < name.size()) parts.push_back(name.substr(from));
      return parts;
    }
    parts.push_back(name.substr(from, dot - from));
    from = dot + 1;
  }
}

Node tag_node(bool unescaped, const std::string& contents) {
  Node n;
  if (unescaped) {
    n.kind = Kind::Raw;
    n.text = contents;
  } else if (contents.empty()) {
    n.kind = Kind::Variable;
  } else {
    char c = contents[0];
    n.kind = c == '#' ? Kind::Section : c == '^' ? Kind::Inverted : c == '/' ? Kind::End
             : c == '>' ? Kind::Partial : c == '&' ? Kind::Raw : c == '!' ? Kind::Nothing : Kind::Variable;
    n.text = n.kind == Kind::Variable ? contents : trim(contents.substr(1));
  }
  bool named = n.kind == Kind::Variable || n.kind == Kind::Raw || n.kind == Kind::Section || n.kind == Kind::Inverted;
  if (named && n.text != "." && n.text.find('.') != std::string::npos) n.path = split_dots(n.text);
  return n;
}

// The set-delimiter tag "=<% %>=", as kainjow reads it (already validated).
void set_delimiters(const std::string& contents, std::string& open, std::string& close) {
  std::string inner = trim(contents.substr(1, contents.size() - 2));
  size_t space = inner.find(' ');
  size_t rest = inner.find_first_not_of(' ', space + 1);
  open = inner.substr(0, space);
  close = inner.substr(rest);
}

// One frame of the context stack: a section's value, or the root, which is
// several layers merged.
struct Frame {
  const Json* one = nullptr;
  const Json* const* layers = nullptr;
  size_t count = 0;
};

const Json* find_in(const Json& j, const std::string& key) {
  if (!j.is_object()) return nullptr;
  auto it = j.find(key);
  return it == j.end() ? nullptr : &*it;
}

const Json* find_in(const Frame& f, const std::string& key) {
  if (!f.layers) return find_in(*f.one, key);
  for (size_t i = 0; i < f.count; ++i)
    if (const Json* v = find_in(*f.layers[i], key)) return v;
  return nullptr;
}

bool is_false(const Json* v) { return !v || v->is_null() || (v->is_boolean() && !v->get<bool>()) || (v->is_array() && v->empty()); }

void append_escaped(std::string& out, const std::string& s) {
  const char* run = s.data();
  const char* end = run + s.size();
  for (const char* p = run; p != end; ++p) {
    const char* entity;
    switch (*p) {
      case '&': entity = "&amp;"; break;
      case '<': entity = "&lt;"; break;
      case '>': entity = "&gt;"; break;
      case '"': entity = "&quot;"; break;
      case '\'': entity = "&apos;"; break;
      default: continue;
    }
    out.append(run, static_cast<size_t>(p - run));
    out += entity;
    run = p + 1;
  }
  out.append(run, static_cast<size_t>(end - run));
}

// Only spaces and tabs since `from` (kainjow does not count other blanks).
bool blank_since(const std::string& s, size_t from) {
  for (size_t i = from; i < s.size(); ++i)
    if (s[i] != ' ' && s[i] != '\t') return false;
  return true;
}

class Renderer {
 public:
  explicit Renderer(std::string& out) : out_(out), line_start_(out.size()) {}

  void walk(const std::vector<Node>& nodes) {
    for (const Node& n : nodes) {
      switch (n.kind) {
        case Kind::Text: out_ += n.text; break;
        case Kind::Newline: end_line(&n.text); break;
        case Kind::Variable:
        case Kind::Raw: variable(lookup(n), n.kind == Kind::Variable); break;
        case Kind::Section: {
          const Json* v = lookup(n);
          if (is_false(v)) break;
          if (v->is_array()) {
            for (const Json& e : *v) section(n, &e);
          } else {
            section(n, v);
          }
          break;
        }
        case Kind::Inverted: {
          const Json* v = lookup(n);
          if (is_false(v)) section(n, v);
          break;
        }
        default: break;  // comments, set delimiters; partials are inlined before parsing
      }
    }
  }

  // The last line has no newline after it; kainjow still drops it when blank.
  void finish() { end_line(nullptr); }

  std::vector<Frame> stack;  // innermost last; lookups in a pushed scalar fail

 private:
  std::string& out_;      // rendered so far; the current line starts at line_start_
  size_t line_start_ = 0;
  bool had_section_ = false;

  void end_line(const std::string* newline) {
    if (had_section_ && blank_since(out_, line_start_)) out_.resize(line_start_);
    else if (newline) out_ += *newline;
    line_start_ = out_.size();
    had_section_ = false;
  }

  void section(const Node& n, const Json* v) {
    had_section_ = true;
    if (v) stack.push_back({v, nullptr, 0});
    walk(n.children);
    if (v) stack.pop_back();
    had_section_ = true;
  }

  const Json* lookup(const Node& n) const {
    if (n.text == ".") {
      const Frame& top = stack.back();
      return top.layers ? (top.count ? top.layers[0] : nullptr) : top.one;
    }
    for (size_t i = stack.size(); i-- > 0;) {
      if (n.path.empty()) {
        if (const Json* v = find_in(stack[i], n.text)) return v;
        continue;
      }
      const Json* v = find_in(stack[i], n.path[0]);
      for (size_t k = 1; v && k < n.path.size(); ++k) v = find_in(*v, n.path[k]);
      if (v) return v;
    }
    return nullptr;
  }

  void variable(const Json* v, bool escape) {
    if (!v) return;
    if (v->is_string()) {
      const std::string& s = v->get_ref<const std::string&>();
      if (escape) append_escaped(out_, s);
      else out_ += s;
    } else if (v->is_number()) {
      out_ += v->dump();
    }
  }
};

}  // namespace

Template::Template(const std::string& input) {
  std::string open = "{{", close = "}}";
  bool brace = true;
  std::vector<std::vector<Node>*> sections{&nodes_};
  std::string text;
  auto flush_text = [&] {
    if (text.empty()) return;
    sections.back()->push_back({Kind::Text, text, {}, {}});
    text.clear();
  };
  for (size_t pos = 0; pos < input.size();) {
    if (input.compare(pos, open.size(), open) != 0) {
      size_t nl = input.compare(pos, 2, "\r\n") == 0 ? 2 : (input[pos] == '\n' || input[pos] == '\r') ? 1 : 0;
      if (nl) {
        flush_text();
        sections.back()->push_back({Kind::Newline, input.substr(pos, nl), {}, {}});
        pos += nl;
      } else {
        text += input[pos++];
      }
      continue;
    }
    flush_text();
    size_t start = pos + open.size();
    bool unescaped = brace && pos != input.size() - 2 && input.at(start) == open[0];
    if (unescaped) ++start;
    const std::string end = unescaped ? "}}}" : close;
    size_t stop = input.find(end, start);
    std::string contents = trim(input.substr(start, stop - start));
    pos = stop + end.size();
    if (!contents.empty() && contents[0] == '=') {
      set_delimiters(contents, open, close);
      brace = open == "{{" && close == "}}";
      continue;
    }
    Node n = tag_node(unescaped, contents);
    if (n.kind == Kind::Partial) has_partials_ = true;
    if (n.kind == Kind::End) {
      sections.pop_back();
      continue;
    }
    bool opens = n.kind == Kind::Section || n.kind == Kind::Inverted;
    sections.back()->push_back(std::move(n));
    if (opens) sections.push_back(&sections.back()->back().children);
  }
  flush_text();
}

Template::~Template() = default;
Template::Template(Template&&) noexcept = default;
Template& Template::operator=(Template&&) noexcept = default;

void Template::render(const std::vector<const Json*>& layers, std::string& out) const {
  Renderer r(out);
  r.stack.push_back({nullptr, layers.data(), layers.size()});
  r.walk(nodes_);
  r.finish();
}

}  // namespace bangtin::mustache
