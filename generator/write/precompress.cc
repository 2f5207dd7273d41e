#include "write/precompress.h"

#include <brotli/encode.h>
#include <zlib.h>

#include <stdexcept>

namespace bangtin {

namespace {

constexpr int kGzipLevel = 6;
constexpr int kBrotliQuality = 5;
constexpr int kBrotliWindow = 22;  // BROTLI_DEFAULT_WINDOW; larger gains nothing on pages of a few dozen KB

bool ends_with_any(std::string_view path, std::initializer_list<std::string_view> exts) {
  for (auto e : exts)
    if (path.size() > e.size() && path.substr(path.size() - e.size()) == e) return true;
  return false;
}

}  // namespace

bool wants_precompressed(std::string_view path, size_t size) {
  return size >= kPrecompressMinBytes && ends_with_any(path, {".html", ".css", ".js", ".xml", ".json"});
}

const std::vector<Twin>& precompressed_twins() {
  static const std::vector<Twin> twins{{".gz", &gzip_bytes}, {".br", &brotli_bytes}};
  return twins;
}

std::string gzip_bytes(std::string_view bytes) {
  z_stream z{};
  // windowBits 15 + 16: a gzip wrapper, whose header zlib fills with mtime 0
  // and no file name.
  if (deflateInit2(&z, kGzipLevel, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("zlib: deflateInit2 failed");
  std::string out(deflateBound(&z, bytes.size()), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  z.avail_in = static_cast<uInt>(bytes.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  int rc = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  if (rc != Z_STREAM_END) throw std::runtime_error("zlib: deflate did not finish");
  return out;
}

std::string brotli_bytes(std::string_view bytes) {
  size_t size = BrotliEncoderMaxCompressedSize(bytes.size());
  std::string out(size == 0 ? bytes.size() + 1024 : size, '\0');
  size = out.size();
  if (!BrotliEncoderCompress(kBrotliQuality, kBrotliWindow, BROTLI_MODE_TEXT, bytes.size(),
                             reinterpret_cast<const uint8_t*>(bytes.data()), &size,
                             reinterpret_cast<uint8_t*>(out.data())))
    throw std::runtime_error("brotli: compression failed");
  out.resize(size);
  return out;
}

}  // namespace bangtin
