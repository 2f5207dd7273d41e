#include "search/records.h"

#include "core/text.h"

namespace bangtin::search {

namespace {

void field(std::string& out, const char* key, std::string_view value) {
  out += out.size() > 1 ? ",\"" : "\"";
  out += key;
  out += "\":";
  append_json_string(out, value);
}

}  // namespace

std::string record_json(const Record& r, std::string_view text) {
  std::string out = "{";
  field(out, "u", r.url);
  field(out, "t", r.title);
  field(out, "c", r.kind);
  field(out, "k", r.kind_label);
  field(out, "d", r.date);
  field(out, "i", r.iso_date);
  // A card shows the snippet, or the summary when there is no text: a
  // summary nobody sees would be a fifth of every record.
  std::string snippet = cut_at_word(text, kSnippetChars);
  if (snippet.empty() && !r.summary.empty()) field(out, "s", r.summary);
  if (!r.number.empty()) field(out, "n", r.number);
  if (!snippet.empty()) field(out, "x", snippet);
  out += '}';
  return out;
}

std::vector<OutputFile> record_files(const std::string& dir, const std::vector<std::string>& records) {
  std::vector<OutputFile> files;
  for (size_t first = 0; first < records.size(); first += kRecordsPerFile) {
    std::string bytes = "[";
    for (size_t i = first; i < records.size() && i < first + kRecordsPerFile; ++i) {
      if (i > first) bytes += ',';
      bytes += records[i];
    }
    bytes += ']';
    files.push_back({dir + "r/" + std::to_string(first / kRecordsPerFile) + ".json", std::move(bytes), ""});
  }
  return files;
}

}  // namespace bangtin::search
