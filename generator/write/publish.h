// The write stage: every output file goes through the Disk seam into a
// staging folder beside the output, which replaces the output only when all
// of it was written. A build that fails leaves the last good portal as it was.
#pragma once
#include <string>
#include <vector>

#include "core/disk.h"
#include "core/output.h"
#include "core/status.h"

namespace bangtin {

// The staging folder used for `output_dir`: a hidden sibling.
std::string staging_dir_for(const std::string& output_dir);

Status publish(Disk& disk, const std::vector<OutputFile>& files, const std::string& site_root,
               const std::string& output_dir, int jobs);

}  // namespace bangtin
