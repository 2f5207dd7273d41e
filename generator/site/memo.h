// What `bangtin serve` remembers from one build to the next, so that saving
// one article re-reads, re-parses and re-renders the Markdown of that article
// only. A build without a memo (`bangtin build`, `check`) does all the work.
//
// Each remembered result is kept only while everything that shaped it is
// unchanged: the file (size and modification time), the config, every file
// its parse or its Markdown looked for (core/paths.h FileLookups), and, for
// Markdown, the address book of all items (links between items resolve
// through it).
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

  // Markdown stage. Call `begin_markdown` once, after assemble.
  void begin_markdown(const Library& lib);
  bool find_body(const std::string& site_root, const Item& item, RenderedBody& body, Diagnostics& diags);
  void keep_body(const Item& item, const RenderedBody& body, const Diagnostics& diags, FileLookups lookups);

  // Content hashes of source images (images/plan.h), by size and mtime.
  FileHashMemo& image_hashes() { return image_hashes_; }

  // Of the build since begin(): files parsed, and bodies rendered, anew.
  size_t parsed_fresh() const { return parsed_fresh_; }
  size_t bodies_fresh() const { return bodies_fresh_; }

 private:
  struct Parsed {
    FileStamp stamp;
    std::optional<Item> item;
    Diagnostics diags;
    FileLookups lookups;
  };
  struct Body {
    uint64_t key = 0;
    RenderedBody body;
    Diagnostics diags;
    FileLookups lookups;
  };
  static uint64_t body_key(const Item& item);

  std::mutex mu_;
  uint64_t config_key_ = 0;
  uint64_t links_key_ = 0;
  std::map<std::string, Parsed> parsed_;  // by source path
  std::map<std::string, Body> bodies_;    // by source path
  FileHashMemo image_hashes_;
  size_t parsed_fresh_ = 0, bodies_fresh_ = 0;
};

}  // namespace bangtin
