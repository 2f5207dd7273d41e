// Diagnostics: every problem a build finds, collected instead of thrown, so an
// editor sees all of them at once as `path:line: message`.
#pragma once
#include <mutex>
#include <string>
#include <vector>

namespace bangtin {

enum class Severity { Error, Warning };

struct Diagnostic {
  Severity severity = Severity::Error;
  std::string path;  // relative to the site root, '/'-separated
  int line = 0;      // 1-based; 0 when the problem is about the whole file
  std::string message;
  std::string hint;  // how to fix it, in the editor's words; may be empty

  // `path:line: message` (or `path: message` without a line).
  std::string headline() const;
};

// A thread-safe sink. Stages running in parallel append to it; the report is
// sorted so the output does not depend on thread timing.
class Diagnostics {
 public:
  Diagnostics() = default;
  Diagnostics(const Diagnostics& other) : items_(other.sorted()) {}
  Diagnostics& operator=(const Diagnostics& other) {
    if (this != &other) {
      auto copy = other.sorted();
      std::lock_guard<std::mutex> lock(mu_);
      items_ = std::move(copy);
    }
    return *this;
  }
  void error(std::string path, int line, std::string message, std::string hint = {});
  void warning(std::string path, int line, std::string message, std::string hint = {});
  void add(Diagnostic d);
  void merge(const Diagnostics& other);

  bool has_errors() const;
  size_t error_count() const;
  size_t warning_count() const;
  // Sorted by path, line, then message: a stable report whatever the thread count.
  std::vector<Diagnostic> sorted() const;

 private:
  mutable std::mutex mu_;
  std::vector<Diagnostic> items_;
};

// Prints each diagnostic with the offending source line beneath it (read from
// `site_root`), ninja-style, then a one-line count.
std::string format_report(const std::vector<Diagnostic>& diags, const std::string& site_root);

// A small success-or-message value for operations outside the content model
// (disk, command line), leveldb-style.
class Status {
 public:
  static Status ok() { return Status(); }
  static Status error(std::string msg) { return Status(std::move(msg)); }
  bool is_ok() const { return msg_.empty(); }
  const std::string& message() const { return msg_; }

 private:
  Status() = default;
  explicit Status(std::string m) : msg_(m.empty() ? "unknown error" : std::move(m)) {}
  std::string msg_;
};

}  // namespace bangtin
