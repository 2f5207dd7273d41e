// What a result card shows, for every document of an index: URL, title,
// kind, date, summary, document number and a snippet of the text. A page of
// ten results needs ten records, so they are written a few to a file:
// thousands of files of a few hundred bytes cost the write stage far more
// (an inode and a directory entry each) than a few more bytes cost a query.
//
//   IDX/r/N.json   [record of document N·kRecordsPerFile, the next, …]
//
// search.js fetches the file of each result shown. docs/search.md measures
// what a first query downloads.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/output.h"

namespace bangtin::search {

// Eight records with their snippets are about 8 KB: a page of ten results
// from ten files stays near 80 KB (docs/search.md, "Measurements").
inline constexpr uint32_t kRecordsPerFile = 8;
// The snippet is the first this many characters of the text, about 110
// words: search.js shows 36 of them around the query's words found there,
// or the first 36.
inline constexpr size_t kSnippetChars = 600;

struct Record {
  std::string url, title, kind, kind_label, date, iso_date, summary, number;
};

// One record as JSON: {"u":…,"t":…,"c":…,"k":…,"d":…,"i":…,"n":…,"x":…},
// `text` cut to kSnippetChars as "x"; "n" only when there is a number; the
// summary as "s" instead of "x" when there is no text.
std::string record_json(const Record& r, std::string_view text);

// The files of an index folder `dir` ("tim-kiem/idx/") holding `records`
// (JSON texts, by document number).
std::vector<OutputFile> record_files(const std::string& dir, const std::vector<std::string>& records);

}  // namespace bangtin::search
