#include "write/publish.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <mutex>

#include "core/parallel.h"
#include "core/paths.h"
#include "write/precompress.h"

namespace bangtin {

std::string staging_dir_for(const std::string& output_dir) {
  std::string dir = output_dir;
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  return parent_dir(dir) + "/." + file_name(dir) + ".staging-" + std::to_string(getpid());
}

namespace {

struct Counters {
  std::atomic<size_t> written{0}, kept{0}, twins{0};
};

// Stages one made file and its twins. An unchanged file keeps the previous
// output's inode; its twins are the previous ones too, since the same bytes
// compress to the same twins (the compressors are deterministic).
Status stage_bytes(Disk& disk, const OutputFile& f, const std::string& target, const std::string& previous,
                   bool precompress, Counters& n) {
  bool kept = disk.reuse_file(previous, target, f.bytes);
  if (!kept) {
    if (Status s = disk.write_staged(target, f.bytes); !s.is_ok()) return s;
  }
  (kept ? n.kept : n.written)++;
  if (!precompress || !wants_precompressed(f.path, f.bytes.size())) return Status::ok();
  for (const Twin& twin : precompressed_twins()) {
    if (kept && disk.link_file(previous + twin.suffix, target + twin.suffix)) {
      n.kept++;
      continue;
    }
    if (Status s = disk.write_staged(target + twin.suffix, twin.compress(f.bytes)); !s.is_ok()) return s;
    n.twins++;
  }
  return Status::ok();
}

Status stage_copy(Disk& disk, const OutputFile& f, const std::string& site_root, const std::string& target,
                  const std::string& previous, Counters& n) {
  std::string source = f.source_path(site_root);
  if (disk.reuse_copy(previous, target, source)) {
    n.kept++;
    return Status::ok();
  }
  n.written++;
  // A resized image in the cache is never changed in place (written under a
  // temporary name, then renamed), so the output may share its inode: a warm
  // build with thousands of pictures then copies no bytes at all.
  if (f.source_is_absolute && disk.link_file(source, target)) return Status::ok();
  return disk.copy_file(source, target);
}

}  // namespace

Status publish(Disk& disk, const std::vector<OutputFile>& files, const std::string& site_root,
               const std::string& output_dir, int jobs, bool precompress, PublishStats* stats) {
  std::vector<const OutputFile*> order;
  for (const auto& f : files) order.push_back(&f);
  std::sort(order.begin(), order.end(), [](const OutputFile* a, const OutputFile* b) { return a->path < b->path; });
  for (size_t i = 1; i < order.size(); ++i)
    if (order[i]->path == order[i - 1]->path)
      return Status::error("two outputs would be written to " + order[i]->path);
  for (const auto* f : order)
    if (f->path.empty() || f->path[0] == '/' || !resolve_site_path("", f->path) || *resolve_site_path("", f->path) != f->path)
      return Status::error("refusing to write outside the output folder: " + f->path);
  if (precompress) {
    // An output named like another's twin would be overwritten by the twin.
    for (const auto* f : order) {
      if (!f->source.empty() || !wants_precompressed(f->path, f->bytes.size())) continue;
      for (const Twin& twin : precompressed_twins()) {
        auto it = std::lower_bound(order.begin(), order.end(), f->path + twin.suffix,
                                   [](const OutputFile* a, const std::string& p) { return a->path < p; });
        if (it != order.end() && (*it)->path == f->path + twin.suffix)
          return Status::error("two outputs would be written to " + (*it)->path);
      }
    }
  }

  std::string staging = staging_dir_for(output_dir);
  std::string previous = output_dir;
  while (previous.size() > 1 && previous.back() == '/') previous.pop_back();
  disk.remove_all(staging);
  Status first = Status::ok();
  std::mutex mu;
  Counters n;
  parallel_for(order.size(), jobs, [&](size_t i) {
    const OutputFile& f = *order[i];
    std::string target = staging + "/" + f.path, before = previous + "/" + f.path;
    Status s = f.source.empty() ? stage_bytes(disk, f, target, before, precompress, n)
                                : stage_copy(disk, f, site_root, target, before, n);
    if (!s.is_ok()) {
      std::lock_guard<std::mutex> lock(mu);
      if (first.is_ok()) first = s;
    }
  });
  if (stats) *stats = {n.written.load(), n.kept.load(), n.twins.load()};
  if (!first.is_ok()) {
    disk.remove_all(staging);
    return first;
  }
  Status s = disk.swap_in(staging, output_dir);
  if (!s.is_ok()) disk.remove_all(staging);
  return s;
}

}  // namespace bangtin
