// What changed since the previous build, for CDN purges, for wards that pull
// and for the Zalo posting script. Each build writes manifest.json (every
// published file and a hash of its bytes) and, compared with the manifest in
// the output folder it is about to replace, changes.json (added, changed and
// removed URLs) and zalo/index.json (the Zalo payloads to post). Comparing
// manifests rather than files keeps the cost to hashing what this build makes.
#pragma once
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/output.h"
#include "outputs/views.h"

namespace bangtin {

using Manifest = std::map<std::string, std::string>;  // output path → hash

inline constexpr const char* kManifestFile = "manifest.json";
inline constexpr const char* kChangesFile = "changes.json";
inline constexpr const char* kZaloIndexFile = "zalo/index.json";

// The manifest the previous build left in `output_dir`; empty when there is
// none (first build, or a folder not made by bangtin). `other_hash`: set
// when its hashes are not content_hash's (bangtin before 2026-12 used FNV-1a).
Manifest read_manifest(const std::string& output_dir, bool* other_hash = nullptr);
// The same, from the manifest's text.
Manifest parse_manifest(const std::string& text, bool* other_hash = nullptr);
Manifest make_manifest(const SiteContext& ctx, const std::vector<OutputFile>& files, int jobs);

struct Changes {
  std::vector<std::string> added, changed, removed;  // output paths, sorted
};
Changes compare(const Manifest& before, const Manifest& after);

// "bai-viet/x/index.html" → "/bai-viet/x/"; other files keep their path.
std::string path_to_url(const std::string& path);

// manifest.json, changes.json and zalo/index.json, given the hash of every
// other output file (as write/publish.h's Stager notes them).
// `unchanged` (when `previous` used another hash): the files the write found
// identical to the previous output's.
std::vector<OutputFile> change_lists(const SiteContext& ctx, const Manifest& hashes, const Manifest& previous,
                                     const std::set<std::string>* unchanged = nullptr);
// Appends manifest.json, changes.json and zalo/index.json to `files`. Must
// run after every other output exists.
void add_change_lists(const SiteContext& ctx, std::vector<OutputFile>& files, const Manifest& previous, int jobs);

}  // namespace bangtin
