#include "write/precompress.h"

#include <brotli/encode.h>
#include <libdeflate.h>

#include <memory>
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
  // One compressor per thread: allocating one costs more than compressing a
  // small page, and a compressor may not be shared between threads.
  thread_local std::unique_ptr<libdeflate_compressor, void (*)(libdeflate_compressor*)> c{
      libdeflate_alloc_compressor(kGzipLevel), libdeflate_free_compressor};
  if (!c) throw std::runtime_error("libdeflate: cannot allocate a compressor");
  // libdeflate's gzip header carries mtime 0 and no file name: the same
  // bytes always give the same twin.
  std::string out(libdeflate_gzip_compress_bound(c.get(), bytes.size()), '\0');
  size_t n = libdeflate_gzip_compress(c.get(), bytes.data(), bytes.size(), out.data(), out.size());
  if (n == 0) throw std::runtime_error("libdeflate: compression did not fit");
  out.resize(n);
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
