#include "core/status.h"

#include <algorithm>
#include <fstream>
#include <sstream>

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
  if (text.size() > 200) text = text.substr(0, 200) + "…";
  return text;
}

std::string format_report(const std::vector<Diagnostic>& diags, const std::string& site_root) {
  std::ostringstream out;
  size_t errors = 0, warnings = 0;
  for (const auto& d : diags) {
    (d.severity == Severity::Error ? errors : warnings)++;
    out << d.headline() << "\n";
    std::string src = source_line(site_root, d.path, d.line);
    if (!src.empty()) out << "    " << src << "\n";
    if (!d.hint.empty()) out << "    → " << d.hint << "\n";
  }
  if (errors || warnings) {
    out << errors << " lỗi, " << warnings << " cảnh báo\n";
  }
  return out.str();
}

}  // namespace bangtin
