#pragma once
#include <string>

namespace bangtin {

// One file of the built portal: either bytes made by the build, or a file
// copied from the site (`source`, site-relative) as it is.
struct OutputFile {
  std::string path;  // relative to the output folder, '/'-separated, no leading '/'
  std::string bytes;
  std::string source;
};

}  // namespace bangtin
