#include "site/up_to_date.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <vector>

#include "core/disk.h"
#include "core/hash.h"
#include "outputs/changes.h"

namespace fs = std::filesystem;

namespace bangtin {

namespace {

// Bumped when a record from an older bangtin must not be trusted.
constexpr int kRecordVersion = 3;  // 2: site_files; 3: inputs in two parts, manifest by content_hash

struct Entry {
  std::string path;
  struct stat st;
};

// Every file and folder under dir_fd, recursively, by path relative to the
// site root. readdir and fstatat rather than std::filesystem: this is the
// whole cost of a skipped build.
// `ancestors`: the folders (device, inode) above this one, so a symlink that
// points back up is not followed round forever.
void walk(int dir_fd, const std::string& rel, std::vector<Entry>& out,
          std::vector<std::pair<dev_t, ino_t>>& ancestors) {
  struct stat self {};
  bool loops = fstat(dir_fd, &self) != 0;
  for (const auto& a : ancestors) loops = loops || (a.first == self.st_dev && a.second == self.st_ino);
  DIR* dir = loops ? nullptr : fdopendir(dir_fd);
  if (!dir) {
    ::close(dir_fd);
    return;
  }
  ancestors.emplace_back(self.st_dev, self.st_ino);
  while (dirent* e = readdir(dir)) {
    std::string name = e->d_name;
    if (name == "." || name == "..") continue;
    Entry entry{rel + "/" + name, {}};
    if (fstatat(dirfd(dir), e->d_name, &entry.st, 0) != 0) continue;  // vanished: the walk after it will differ
    out.push_back(entry);
    if (S_ISDIR(entry.st.st_mode)) {
      int child = openat(dirfd(dir), e->d_name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
      if (child >= 0) walk(child, entry.path, out, ancestors);
    }
  }
  closedir(dir);
  ancestors.pop_back();
}

void add_stamp(std::string& key, const std::string& path, const struct stat& st) {
  key += path;
  key += '\x1f';
  key += std::to_string(st.st_mode) + ":" + std::to_string(st.st_size) + ":" + std::to_string(st.st_mtim.tv_sec) +
         "." + std::to_string(st.st_mtim.tv_nsec) + ":" + std::to_string(st.st_ino);
  key += '\x1e';
}

std::string source_root(const BuildOptions& options) { return options.source.empty() ? "." : options.source; }

}  // namespace

std::string fingerprint_inputs(const BuildOptions& options) {
  std::string root = source_root(options);
  std::string key = "bangtin-inputs " + std::to_string(kRecordVersion) + "\x1e";
  // The program: its built-in theme and every rule of the build.
  struct stat st;
  if (::stat("/proc/self/exe", &st) == 0) add_stamp(key, "/proc/self/exe", st);
  key += fs::absolute(root).lexically_normal().string() + "\x1f" + fs::absolute(output_folder(options, root)).lexically_normal().string() +
         "\x1f" + options.base_url + "\x1f" + options.image_cache + "\x1f" + (options.precompress ? "gz" : "plain") +
         "\x1e";
  std::string config;
  if (read_file(root + "/site-config.json", config)) key += "site-config.json\x1f" + short_hash(config, 16) + "\x1e";
  std::vector<Entry> entries;
  for (const char* folder : {"content", "templates", "assets"}) {
    int fd = ::open((root + "/" + folder).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    std::vector<std::pair<dev_t, ino_t>> ancestors;
    if (fd >= 0) walk(fd, folder, entries, ancestors);
  }
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.path < b.path; });
  for (const Entry& e : entries) add_stamp(key, e.path, e.st);
  return std::to_string(entries.size()) + "-" + short_hash(key, 16);
}

std::string fingerprint_site_files(const BuildOptions& options, const std::vector<std::string>& site_files) {
  std::string root = source_root(options), key = "site files\x1e";
  for (const std::string& rel : site_files) {
    struct stat file {};
    if (::stat((root + "/" + rel).c_str(), &file) == 0) add_stamp(key, rel, file);
    else key += rel + "\x1f-\x1e";  // missing now, as it may have been then: its appearing counts
  }
  return short_hash(key, 16);
}

std::vector<std::string> outside_walked_folders(const std::set<std::string>& looked_up) {
  std::vector<std::string> out;
  for (const std::string& rel : looked_up) {
    std::string top = rel.substr(0, rel.find('/'));
    if (top != "content" && top != "templates" && top != "assets") out.push_back(rel);
  }
  return out;
}

std::string record_path(const BuildOptions& options) {
  std::string root = source_root(options);
  std::string output = fs::absolute(output_folder(options, root)).lexically_normal().string();
  return root + "/.bangtin-cache/builds/" + short_hash(output, 12) + ".json";
}

std::optional<BuildRecord> read_record(const std::string& path) {
  std::string text;
  if (!read_file(path, text)) return std::nullopt;
  nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_object() || j.value("version", 0) != kRecordVersion) return std::nullopt;
  try {
    BuildRecord r;
    r.inputs = j.at("inputs").get<std::string>();
    r.built_at = Timestamp{j.at("built_at").get<int64_t>()};
    r.utc_offset_minutes = j.at("utc_offset_minutes").get<int>();
    if (j.at("valid_until").is_number()) r.valid_until = Timestamp{j.at("valid_until").get<int64_t>()};
    r.manifest_hash = j.at("manifest").get<std::string>();
    r.items = j.at("items").get<size_t>();
    r.pages = j.at("pages").get<size_t>();
    r.files = j.at("files").get<size_t>();
    r.site_files = j.at("site_files").get<std::vector<std::string>>();
    // Absent from records written before they were kept: not a reason to build.
    if (j.value("next_change", nlohmann::json()).is_number()) r.next_change = Timestamp{j["next_change"].get<int64_t>()};
    r.next_change_source = j.value("next_change_source", std::string());
    return r;
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;  // hand-edited or cut short: build as if there were none
  }
}

bool write_record(const std::string& path, const BuildRecord& r) {
  nlohmann::json j = {{"version", kRecordVersion}, {"inputs", r.inputs},       {"built_at", r.built_at.seconds},
                      {"utc_offset_minutes", r.utc_offset_minutes},
                      {"manifest", r.manifest_hash}, {"items", r.items},        {"pages", r.pages},
                      {"files", r.files},            {"valid_until", nullptr},
                      {"site_files", r.site_files}};
  if (r.valid_until) j["valid_until"] = r.valid_until->seconds;
  if (r.next_change) {
    j["next_change"] = r.next_change->seconds;
    j["next_change_source"] = r.next_change_source;
  }
  RealDisk disk;
  return disk.write_file(path, j.dump(1) + "\n").is_ok();
}

std::optional<BuildRecord> record_of(const BuildResult& result, const BuildOptions& options, std::string inputs) {
  if (!result.ok() || !options.write) return std::nullopt;
  std::string manifest;
  if (!read_file(output_folder(options, source_root(options)) + "/" + kManifestFile, manifest)) return std::nullopt;
  BuildRecord r;
  r.inputs = std::move(inputs);
  r.built_at = result.now;
  r.utc_offset_minutes = result.utc_offset_minutes;
  r.manifest_hash = content_hash(manifest);
  r.items = result.items;
  r.pages = result.pages;
  r.files = result.file_count;
  CivilTime c = to_civil(result.now, result.utc_offset_minutes);
  Timestamp midnight{result.now.seconds - (c.hour * 3600 + c.minute * 60 + c.second) + 86400};
  r.valid_until = result.next_change && *result.next_change < midnight ? *result.next_change : midnight;
  r.next_change = result.next_change;
  r.next_change_source = result.next_change_source;
  return r;
}

std::optional<Timestamp> build_clock(const BuildOptions& options, const BuildRecord& record) {
  if (!options.now.empty()) return parse_iso_datetime(options.now, record.utc_offset_minutes);
  return clock_now();
}

bool output_is_current(const BuildRecord& record, const std::string& inputs, Timestamp now,
                       const std::string& output_dir) {
  if (record.inputs != inputs || now < record.built_at) return false;
  if (record.valid_until && now >= *record.valid_until) return false;
  std::string manifest;
  if (!read_file(output_dir + "/" + kManifestFile, manifest) || content_hash(manifest) != record.manifest_hash)
    return false;
  // Someone may have deleted part of the output by hand since.
  for (const auto& entry : parse_manifest(manifest)) {
    struct stat st;
    if (::stat((output_dir + "/" + entry.first).c_str(), &st) != 0) return false;
  }
  return true;
}

}  // namespace bangtin
