// The write stage: every output file goes through the Disk seam into a
// staging folder beside the output, which replaces the output only when all
// of it was written. A build that fails leaves the last good portal as it was.
// A file whose bytes did not change is the previous output's file itself
// (hard-linked), and text files get precompressed .gz/.br twins.
//
// Files are staged as the build makes them (Stager::put, from any thread),
// so a portal of 100,000 articles is never held in memory whole.
#pragma once
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "core/disk.h"
#include "core/output.h"
#include "core/status.h"

namespace bangtin {

// The staging folder used for `output_dir`: a hidden sibling.
std::string staging_dir_for(const std::string& output_dir);

struct PublishStats {
  size_t written = 0;  // files whose bytes were new or changed
  size_t kept = 0;     // files linked unchanged from the previous output
  size_t twins = 0;    // .gz/.br files compressed in this build
};

// One build's staging folder. put() from any thread; then finish() once.
class Stager {
 public:
  Stager(Disk& disk, std::string site_root, std::string output_dir, bool precompress);
  ~Stager();  // unfinished: the staging folder is removed, the output untouched

  // Checks the path, stages the file and its twins, and notes a hash of its
  // bytes (a copy's: of its source). Problems are kept for finish().
  void put(const OutputFile& f);
  // Makes, in one thread, the folders of files to be put later, while the
  // build does something else. Two threads creating entries in one folder
  // contend for its lock in the kernel, and spin.
  void make_folders(const std::vector<std::string>& file_paths);
  // Output path → content_hash of every file put so far.
  std::map<std::string, std::string> hashes() const;
  // The files found identical to the previous output's (kept, not written).
  std::set<std::string> unchanged() const;
  size_t count() const;
  // The first problem, if any (staging removed); else swaps the staging
  // folder in place of the output.
  Status finish(PublishStats* stats = nullptr);

 private:
  Status stage(const OutputFile& f, std::string& hash);
  void fail(Status s);
  void note_unchanged(const std::string& path);

  struct Counters;
  Disk& disk_;
  std::string site_root_, staging_, previous_;
  bool precompress_, finished_ = false;
  bool has_previous_ = false;  // a cold build has no output to keep files from: no lookups there
  std::unique_ptr<Counters> n_;
  mutable std::mutex mu_;
  std::map<std::string, std::string> hashes_;
  std::set<std::string> twinned_;  // paths that got .gz/.br twins
  std::set<std::string> unchanged_;
  Status first_ = Status::ok();
};

// Puts `files` from `jobs` threads, each folder's files from one thread.
void put_all(Stager& stager, const std::vector<OutputFile>& files, int jobs);

Status publish(Disk& disk, const std::vector<OutputFile>& files, const std::string& site_root,
               const std::string& output_dir, int jobs, bool precompress = true, PublishStats* stats = nullptr);

}  // namespace bangtin
