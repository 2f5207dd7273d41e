#include "write/publish.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>

#include "core/hash.h"
#include "core/parallel.h"
#include "core/paths.h"
#include "write/precompress.h"

namespace bangtin {

std::string staging_dir_for(const std::string& output_dir) {
  std::string dir = output_dir;
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  return parent_dir(dir) + "/." + file_name(dir) + ".staging-" + std::to_string(getpid());
}

struct Stager::Counters {
  std::atomic<size_t> written{0}, kept{0}, twins{0};
};

Stager::Stager(Disk& disk, std::string site_root, std::string output_dir, bool precompress)
    : disk_(disk), site_root_(std::move(site_root)), staging_(staging_dir_for(output_dir)), previous_(output_dir),
      precompress_(precompress), n_(std::make_unique<Counters>()) {
  while (previous_.size() > 1 && previous_.back() == '/') previous_.pop_back();
  disk_.remove_all(staging_);
  has_previous_ = disk_.exists(previous_);
}

Stager::~Stager() {
  if (!finished_) disk_.remove_all(staging_);
}

void Stager::fail(Status s) {
  std::lock_guard<std::mutex> lock(mu_);
  if (first_.is_ok()) first_ = std::move(s);
}

void Stager::put(const OutputFile& f) {
  const std::string& p = f.path;
  if (p.empty() || p[0] == '/' || !resolve_site_path("", p) || *resolve_site_path("", p) != p)
    return fail(Status::error("refusing to write outside the output folder: " + p));
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!first_.is_ok()) return;  // the build is lost already: spare the disk
    if (!hashes_.emplace(p, "").second) {
      first_ = Status::error("two outputs would be written to " + p);
      return;
    }
  }
  std::string hash;
  Status s = stage(f, hash);
  if (!s.is_ok()) return fail(std::move(s));
  std::lock_guard<std::mutex> lock(mu_);
  hashes_[p] = std::move(hash);
}

// Stages one file and its twins. An unchanged file keeps the previous
// output's inode; its twins are the previous ones too, since the same bytes
// compress to the same twins (the compressors are deterministic).
Status Stager::stage(const OutputFile& f, std::string& hash) {
  std::string target = staging_ + "/" + f.path, before = previous_ + "/" + f.path;
  Counters& n = *n_;
  if (!f.source.empty()) {
    std::string source = f.source_path(site_root_), bytes;
    hash = read_file(source, bytes) ? content_hash(bytes) : "";
    if (has_previous_ && disk_.reuse_copy(before, target, source)) {
      n.kept++;
      note_unchanged(f.path);
      return Status::ok();
    }
    n.written++;
    // A resized image in the cache is never changed in place (written under a
    // temporary name, then renamed), so the output may share its inode: a warm
    // build with thousands of pictures then copies no bytes at all.
    if (f.source_is_absolute && disk_.link_file(source, target)) return Status::ok();
    return disk_.copy_file(source, target);
  }
  hash = content_hash(f.bytes);
  bool kept = has_previous_ && disk_.reuse_file(before, target, f.bytes);
  if (kept) note_unchanged(f.path);
  if (!kept) {
    if (Status s = disk_.write_staged(target, f.bytes); !s.is_ok()) return s;
  }
  (kept ? n.kept : n.written)++;
  if (!precompress_ || !wants_precompressed(f.path, f.bytes.size())) return Status::ok();
  {
    std::lock_guard<std::mutex> lock(mu_);
    twinned_.insert(f.path);
  }
  for (const Twin& twin : precompressed_twins()) {
    if (kept && disk_.link_file(before + twin.suffix, target + twin.suffix)) {
      n.kept++;
      continue;
    }
    if (Status s = disk_.write_staged(target + twin.suffix, twin.compress(f.bytes)); !s.is_ok()) return s;
    n.twins++;
  }
  return Status::ok();
}

void Stager::note_unchanged(const std::string& path) {
  std::lock_guard<std::mutex> lock(mu_);
  unchanged_.insert(path);
}

std::set<std::string> Stager::unchanged() const {
  std::lock_guard<std::mutex> lock(mu_);
  return unchanged_;
}

std::map<std::string, std::string> Stager::hashes() const {
  std::lock_guard<std::mutex> lock(mu_);
  return hashes_;
}

size_t Stager::count() const {
  std::lock_guard<std::mutex> lock(mu_);
  return hashes_.size();
}

Status Stager::finish(PublishStats* stats) {
  finished_ = true;
  if (stats) *stats = {n_->written.load(), n_->kept.load(), n_->twins.load()};
  if (first_.is_ok() && precompress_) {
    // An output named like another's twin would be overwritten by the twin.
    for (const auto& path : twinned_)
      for (const Twin& twin : precompressed_twins())
        if (hashes_.count(path + twin.suffix) && first_.is_ok())
          first_ = Status::error("two outputs would be written to " + path + twin.suffix);
  }
  if (!first_.is_ok()) {
    disk_.remove_all(staging_);
    return first_;
  }
  Status s = disk_.swap_in(staging_, previous_);
  if (!s.is_ok()) disk_.remove_all(staging_);
  return s;
}

void Stager::make_folders(const std::vector<std::string>& file_paths) {
  std::set<std::string> folders;
  for (const auto& p : file_paths) {
    size_t slash = p.rfind('/');
    if (slash != std::string::npos) folders.insert(p.substr(0, slash));
  }
  for (const auto& f : folders)
    if (Status s = disk_.make_folders(staging_ + "/" + f); !s.is_ok()) return fail(std::move(s));
}

void put_all(Stager& stager, const std::vector<OutputFile>& files, int jobs) {
  std::map<std::string_view, std::vector<size_t>> by_folder;
  for (size_t i = 0; i < files.size(); ++i) {
    std::string_view p = files[i].path;
    by_folder[p.substr(0, p.rfind('/') == std::string_view::npos ? 0 : p.rfind('/'))].push_back(i);
  }
  std::vector<const std::vector<size_t>*> groups;
  for (const auto& [folder, indexes] : by_folder) groups.push_back(&indexes);
  // Largest first, so one big folder does not finish last on its own.
  std::stable_sort(groups.begin(), groups.end(), [](auto* a, auto* b) { return a->size() > b->size(); });
  parallel_for(groups.size(), jobs, [&](size_t g) {
    for (size_t i : *groups[g]) stager.put(files[i]);
  });
}

Status publish(Disk& disk, const std::vector<OutputFile>& files, const std::string& site_root,
               const std::string& output_dir, int jobs, bool precompress, PublishStats* stats) {
  Stager stager(disk, site_root, output_dir, precompress);
  put_all(stager, files, jobs);
  return stager.finish(stats);
}

}  // namespace bangtin
