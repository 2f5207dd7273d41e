#include "write/publish.h"

#include <unistd.h>

#include <algorithm>
#include <mutex>

#include "core/parallel.h"
#include "core/paths.h"

namespace bangtin {

std::string staging_dir_for(const std::string& output_dir) {
  std::string dir = output_dir;
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  return parent_dir(dir) + "/." + file_name(dir) + ".staging-" + std::to_string(getpid());
}

Status publish(Disk& disk, const std::vector<OutputFile>& files, const std::string& site_root,
               const std::string& output_dir, int jobs) {
  std::vector<const OutputFile*> order;
  for (const auto& f : files) order.push_back(&f);
  std::sort(order.begin(), order.end(), [](const OutputFile* a, const OutputFile* b) { return a->path < b->path; });
  for (size_t i = 1; i < order.size(); ++i)
    if (order[i]->path == order[i - 1]->path)
      return Status::error("two outputs would be written to " + order[i]->path);
  for (const auto* f : order)
    if (f->path.empty() || f->path[0] == '/' || !resolve_site_path("", f->path) || *resolve_site_path("", f->path) != f->path)
      return Status::error("refusing to write outside the output folder: " + f->path);

  std::string staging = staging_dir_for(output_dir);
  disk.remove_all(staging);
  Status first = Status::ok();
  std::mutex mu;
  parallel_for(order.size(), jobs, [&](size_t i) {
    const OutputFile& f = *order[i];
    std::string target = staging + "/" + f.path;
    Status s = f.source.empty() ? disk.write_file(target, f.bytes) : disk.copy_file(site_root + "/" + f.source, target);
    if (!s.is_ok()) {
      std::lock_guard<std::mutex> lock(mu);
      if (first.is_ok()) first = s;
    }
  });
  if (!first.is_ok()) {
    disk.remove_all(staging);
    return first;
  }
  Status s = disk.swap_in(staging, output_dir);
  if (!s.is_ok()) disk.remove_all(staging);
  return s;
}

}  // namespace bangtin
