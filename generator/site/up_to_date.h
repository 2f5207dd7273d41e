// `bangtin build` with nothing changed does nothing, as make and ninja skip a
// target whose inputs are older than it: CI builds on every commit, and most
// commits touch no content (a README, a script), yet a full build of a large
// portal takes many seconds and its write would still touch the disk.
//
// After a successful build, a record beside the image cache keeps a
// fingerprint of everything the build read (each file of content/,
// templates/ and assets/ by path, size and modification time, any
// other site file an item names from the root, site-config.json, the options and the bangtin program itself) and when the
// output it wrote stops being current: the next scheduled publication or
// expiry (rebuild.json), or the end of the day, since the footer's year and
// the office reports' periods follow the calendar. A later build whose
// fingerprint matches, within that time, and whose output folder still holds
// the manifest that build wrote, is skipped. `--force` builds anyway.
#pragma once
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/time.h"
#include "site/build.h"

namespace bangtin {

struct BuildRecord {
  std::string inputs;               // fingerprint_inputs() when the build began
  Timestamp built_at;               // the build's clock (--now or the real one)
  int utc_offset_minutes = 0;       // the site's, to read a later --now by
  std::optional<Timestamp> valid_until;  // first moment its output could differ
  // The next scheduled change and the source file it comes from: kept here
  // and not in the public rebuild.json, which must not name a story under
  // embargo, so a build skipped as up to date can still tell the editor.
  std::optional<Timestamp> next_change;
  std::string next_change_source;
  std::string manifest_hash;        // of the manifest.json it wrote
  size_t items = 0, pages = 0, files = 0;
  // Files outside content/, templates/ and assets/ the build looked up
  // (items may name any file by its path from the site root): the next
  // fingerprint stamps them too.
  std::vector<std::string> site_files;
};

// What a build reads under content/, templates/ and assets/, plus
// site-config.json, the options and the program, as one hash. Walks the
// folders (about 50 ms for 10,000 files); reads no file but site-config.json.
std::string fingerprint_inputs(const BuildOptions& options);
// The stamps of files outside those folders that a build looked up
// (`site_files`, the last record's), as one hash. A record's `inputs` is
// fingerprint_inputs() + "+" + fingerprint_site_files().
std::string fingerprint_site_files(const BuildOptions& options, const std::vector<std::string>& site_files);

// Of the paths a build looked up (core/paths.h SiteFileLog), those the walk
// of content/, templates/ and assets/ does not cover.
std::vector<std::string> outside_walked_folders(const std::set<std::string>& looked_up);

// Where the record for builds of `options` into its output folder lives:
// <source>/.bangtin-cache/builds/<hash of the output folder>.json.
std::string record_path(const BuildOptions& options);
std::optional<BuildRecord> read_record(const std::string& path);
bool write_record(const std::string& path, const BuildRecord& record);

// The record a successful build `result` leaves, given the fingerprint taken
// before it began. nullopt when the build wrote nothing.
std::optional<BuildRecord> record_of(const BuildResult& result, const BuildOptions& options, std::string inputs);

// Whether the output folder is what a build of `inputs` at `now` would
// make: same fingerprint, `now` within the record's time, and every file of
// the manifest it wrote still there.
bool output_is_current(const BuildRecord& record, const std::string& inputs, Timestamp now,
                       const std::string& output_dir);

// The clock a build of `options` would publish by, read as the record's site
// would read it; nullopt when --now is not a date (the build will say why).
std::optional<Timestamp> build_clock(const BuildOptions& options, const BuildRecord& record);

}  // namespace bangtin
