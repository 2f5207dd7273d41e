// Precompressed twins of text outputs: index.html.gz and index.html.br sit
// beside index.html so a static server (nginx gzip_static / brotli_static)
// sends them as they are instead of compressing on every request.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace bangtin {

// Below this size a compressed answer saves less than its headers cost.
inline constexpr size_t kPrecompressMinBytes = 1024;

// HTML, CSS, JS, XML (sitemap, feeds) and JSON of at least kPrecompressMinBytes.
bool wants_precompressed(std::string_view path, size_t size);

// One twin: the suffix it is saved under and the compressor that makes it.
struct Twin {
  const char* suffix;  // ".gz", ".br"
  std::string (*compress)(std::string_view bytes);
};
const std::vector<Twin>& precompressed_twins();

// gzip (zlib, level 9 is barely smaller than 6 on HTML and half as fast). The
// header carries no name and mtime 0, so the same input always gives the
// same bytes.
std::string gzip_bytes(std::string_view bytes);

// brotli at quality 5: within a few percent of quality 9 on portal pages at
// twenty times the speed; quality 11 would cost more than the whole build.
std::string brotli_bytes(std::string_view bytes);

}  // namespace bangtin
