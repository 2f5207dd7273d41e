// Diagnostics: every problem a build finds, collected instead of thrown, so an
// editor sees all of them at once as `path:line: message`.
#pragma once
#include <mutex>
#include <string>
#include <string_view>
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
// `site_root`), ninja-style, then a one-line count. A long line is cut
// between characters (core/text.h cut_at_grapheme), and what the line holds
// that a terminal would act on or hide (controls, noncharacters, invalid
// UTF-8) is shown as a visible sign: ␟ for U+001F, � for the rest; in the
// message and its hint too, which may quote a value or a file name.
std::string format_report(const std::vector<Diagnostic>& diags, const std::string& site_root);
// The source line as format_report shows it beneath a message.
std::string shown_source_line(std::string_view line);

// Text is cleaned once, when it is read: drops from `text` (valid UTF-8, from
// `path`, its first line being `first_line`) the code points no output may
// carry (core/text.h is_forbidden_in_text), with a warning at each line that
// held one. So pages, feeds, JSON and search all get clean text.
void clean_read_text(std::string& text, const std::string& path, int first_line, Diagnostics& diags);

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
