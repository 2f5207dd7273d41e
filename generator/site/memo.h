// What `bangtin serve` remembers from one build to the next, so that saving
// one article re-reads, re-parses and re-renders the Markdown of that article
// only. A build without a memo (`bangtin build`, `check`) does all the work.
//
// Each remembered result is kept only while everything that shaped it is
// unchanged: the file (size and modification time), the config, every file
// its parse or its Markdown looked for (core/paths.h FileLookups), and, for
// Markdown, what each item its links name resolves to (whether it exists and
// has a page, and its address in the reader's language).
#pragma once
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "assemble/library.h"
#include "content/discover.h"
#include "core/file_stamp.h"
#include "core/paths.h"
#include "core/status.h"
#include "markdown/markdown.h"

namespace bangtin {

class BuildMemo {
 public:
  // Start of a build: `config_key` stands for everything outside the content
  // that parsing depends on. A new key forgets everything.
  void begin(uint64_t config_key);

  // Parse stage, from any thread, with the file's stamp taken before it was
  // read. `find_parsed` fills `item` and `diags` and returns true when the
  // file is known and unchanged.
  bool find_parsed(const std::string& site_root, const SourceFile& source, const FileStamp& stamp,
                   std::optional<Item>& item, Diagnostics& diags);
  void keep_parsed(const SourceFile& source, const FileStamp& stamp, const std::optional<Item>& item,
                   const Diagnostics& diags, FileLookups lookups);

  // Markdown stage, from any thread: the library is the one the body is for.
  bool find_body(const std::string& site_root, const Library& lib, const Item& item, RenderedBody& body,
                 Diagnostics& diags);
  void keep_body(const Library& lib, const Item& item, const RenderedBody& body, const Diagnostics& diags,
                 FileLookups lookups);

  // Content hashes of source images (images/plan.h), by size and mtime.
  FileHashMemo& image_hashes() { return image_hashes_; }

  // Of the build since begin(): files parsed, and bodies rendered, anew.
  size_t parsed_fresh() const { return parsed_fresh_; }
  size_t bodies_fresh() const { return bodies_fresh_; }

 private:
  struct Parsed {
    FileStamp stamp;
    uint64_t epoch = 0;  // new for each parse: a body made from another epoch's text is stale
    std::optional<Item> item;
    Diagnostics diags;
    FileLookups lookups;
  };
  struct Body {
    uint64_t key = 0;
    RenderedBody body;  // anchor links' targets as ids of the library it was made with:
    std::vector<std::string> anchor_sources;  // … so kept by source path, since ids shift
    std::string links;  // what body.linked_sources resolved to (links_of)
    Diagnostics diags;
    FileLookups lookups;
  };
  static std::string links_of(const Library& lib, const Item& item, const std::vector<std::string>& sources);
  uint64_t body_key_locked(const Item& item) const;

  std::mutex mu_;
  uint64_t config_key_ = 0;
  uint64_t epochs_ = 0;
  std::map<std::string, Parsed> parsed_;  // by source path
  std::map<std::string, Body> bodies_;    // by source path
  FileHashMemo image_hashes_;
  size_t parsed_fresh_ = 0, bodies_fresh_ = 0;
};

}  // namespace bangtin
