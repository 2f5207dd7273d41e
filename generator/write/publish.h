// The write stage: every output file goes through the Disk seam into a
// staging folder beside the output, which replaces the output only when all
// of it was written. A build that fails leaves the last good portal as it was.
// A file whose bytes did not change is the previous output's file itself
// (hard-linked), and text files get precompressed .gz/.br twins.
#pragma once
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

Status publish(Disk& disk, const std::vector<OutputFile>& files, const std::string& site_root,
               const std::string& output_dir, int jobs, bool precompress = true, PublishStats* stats = nullptr);

}  // namespace bangtin
