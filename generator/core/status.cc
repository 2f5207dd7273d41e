#include "core/status.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/text.h"

namespace bangtin {

std::string Diagnostic::headline() const {
  std::string out = path;
  if (line > 0) out += ":" + std::to_string(line);
  out += ": ";
  if (severity == Severity::Warning) out += "cảnh báo: ";
  out += message;
  return out;
}

void Diagnostics::error(std::string path, int line, std::string message, std::string hint) {
  add({Severity::Error, std::move(path), line, std::move(message), std::move(hint)});
}

void Diagnostics::warning(std::string path, int line, std::string message, std::string hint) {
  add({Severity::Warning, std::move(path), line, std::move(message), std::move(hint)});
}

void Diagnostics::add(Diagnostic d) {
  std::lock_guard<std::mutex> lock(mu_);
  items_.push_back(std::move(d));
}

void Diagnostics::merge(const Diagnostics& other) {
  if (&other == this) return;
  std::vector<Diagnostic> copy;
  {
    std::lock_guard<std::mutex> lock(other.mu_);
    copy = other.items_;
  }
  std::lock_guard<std::mutex> lock(mu_);
  items_.insert(items_.end(), copy.begin(), copy.end());
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

size_t Diagnostics::error_count() const {
  std::lock_guard<std::mutex> lock(mu_);
  return std::count_if(items_.begin(), items_.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

size_t Diagnostics::warning_count() const {
  std::lock_guard<std::mutex> lock(mu_);
  return std::count_if(items_.begin(), items_.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::Warning; });
}

std::vector<Diagnostic> Diagnostics::sorted() const {
  std::vector<Diagnostic> out;
  {
    std::lock_guard<std::mutex> lock(mu_);
    out = items_;
  }
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.severity != b.severity) return a.severity == Severity::Error;
    if (a.path != b.path) return a.path < b.path;
    if (a.line != b.line) return a.line < b.line;
    return a.message < b.message;
  });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const Diagnostic& a, const Diagnostic& b) {
                          return a.severity == b.severity && a.path == b.path &&
                                 a.line == b.line && a.message == b.message;
                        }),
            out.end());
  return out;
}

static std::string source_line(const std::string& site_root, const std::string& path, int line) {
  if (line <= 0 || path.empty()) return {};
  std::ifstream in(site_root + "/" + path, std::ios::binary);
  if (!in) return {};
  std::string text;
  for (int i = 0; i < line && std::getline(in, text); ++i) {
  }
  if (!in && text.empty()) return {};
  if (!text.empty() && text.back() == '\r') text.pop_back();
  return shown_source_line(text);
}

// What a terminal would act on (ESC) or hide (U+001F) is shown as a sign,
// and an invalid sequence as U+FFFD: a report is always readable UTF-8,
// whatever a file, a file name or a YAML escape put in it.
static std::string visible(std::string_view text) {
  std::string out;
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c >= 0 && !is_forbidden_in_text(static_cast<char32_t>(c))) {
      out.append(text, static_cast<size_t>(start), static_cast<size_t>(i - start));
    } else if (c >= 0 && c < 0x20) {
      out += "\xE2\x90";  // Unicode's Control Pictures: U+2400 + c
      out += static_cast<char>(0x80 + c);
    } else if (c == 0x7F) {
      out += "\xE2\x90\xA1";  // ␡
    } else {
      out += "\xEF\xBF\xBD";  // U+FFFD
    }
  }
  return out;
}

std::string shown_source_line(std::string_view line) {
  // Wide enough for a line of prose in a terminal; counted in what a reader
  // sees as characters, so a Vietnamese line is not cut shorter than English.
  constexpr size_t kShownClusters = 160;
  return visible(cut_at_grapheme(line, kShownClusters));
}

void clean_read_text(std::string& text, const std::string& path, int first_line, Diagnostics& diags) {
  std::vector<DroppedCodePoint> dropped;
  if (drop_forbidden_code_points(text, &dropped) == 0) return;
  // No newline is ever dropped: each code point's line is counted in the
  // cleaned text, at the place it was taken from.
  std::vector<std::pair<int, std::string>> names;  // line → "U+001F, U+FFFF"
  size_t removed = 0, counted = 0;
  int line = first_line;
  for (const DroppedCodePoint& d : dropped) {
    size_t at = d.offset - removed;
    line += static_cast<int>(std::count(text.begin() + static_cast<long>(counted), text.begin() + static_cast<long>(at), '\n'));
    counted = at;
    removed += U8_LENGTH(d.code_point);
    std::string name = code_point_name(d.code_point);
    if (names.empty() || names.back().first != line) names.emplace_back(line, name);
    else if (names.back().second.find(name) == std::string::npos) names.back().second += ", " + name;
  }
  for (const auto& [at_line, list] : names)
    diags.warning(path, at_line, "có ký tự ẩn không được phép trong trang web (" + list + "), đã bỏ khi dựng",
                  "xóa ký tự đó khỏi dòng này (thường lẫn vào khi dán từ Word, PDF hoặc tin nhắn); "
                  "dòng in bên trên hiện nó thành ␟ hoặc �");
}

std::string format_report(const std::vector<Diagnostic>& diags, const std::string& site_root) {
  std::ostringstream out;
  size_t errors = 0, warnings = 0;
  for (const auto& d : diags) {
    (d.severity == Severity::Error ? errors : warnings)++;
    out << visible(d.headline()) << "\n";
    std::string src = source_line(site_root, d.path, d.line);
    if (!src.empty()) out << "    " << src << "\n";
    if (!d.hint.empty()) out << "    → " << visible(d.hint) << "\n";
  }
  if (errors || warnings) {
    out << errors << " lỗi, " << warnings << " cảnh báo\n";
  }
  return out.str();
}

}  // namespace bangtin
