#include "images/fixtures.h"

#include <vips/vips8>

#include <cmath>
#include <fstream>
#include <stdexcept>

#include "images/codec.h"

namespace bangtin::images::fixtures {

using vips::VImage;

namespace {

VImage flat(int width, int height, std::vector<double> colour) {
  return (VImage::black(width, height, VImage::option()->set("bands", static_cast<int>(colour.size()))) + colour)
      .cast(VIPS_FORMAT_UCHAR)
      .copy(VImage::option()->set("interpretation", VIPS_INTERPRETATION_sRGB));
}

void write_bytes(const std::string& path, const void* data, size_t size) {
  std::ofstream out(path, std::ios::binary);
  out.write(static_cast<const char*>(data), static_cast<std::streamsize>(size));
  if (!out) throw std::runtime_error("cannot write " + path);
}

uint32_t crc32(const unsigned char* p, size_t n) {
  uint32_t c = 0xffffffffu;
  for (size_t i = 0; i < n; ++i) {
    c ^= p[i];
    for (int k = 0; k < 8; ++k) c = (c >> 1) ^ (0xedb88320u & (0u - (c & 1u)));
  }
  return ~c;
}

void put_be32(unsigned char* p, uint32_t v) {
  p[0] = v >> 24, p[1] = v >> 16, p[2] = v >> 8, p[3] = v;
}

}  // namespace

void write_photo(const std::string& path, int width, int height, int orientation) {
  init_codec();
  VImage blue = flat(width, height, {0, 0, 255});
  VImage img = blue.insert(flat(width / 2, height / 2, {255, 0, 0}), 0, 0).copy();
  img.set("orientation", orientation);
  // libvips writes exif-ifdN-* fields into the EXIF block it saves.
  img.set("exif-ifd0-Artist", "Phong vien");
  img.set("exif-ifd3-GPSLatitudeRef", "N");
  img.set("exif-ifd3-GPSLatitude", "21/1 1/1 30/1");
  img.jpegsave(path.c_str(), VImage::option()->set("Q", 90));
}

void write_cmyk_jpeg(const std::string& path, int width, int height) {
  init_codec();
  flat(width, height, {200, 40, 40}).colourspace(VIPS_INTERPRETATION_CMYK).jpegsave(path.c_str());
}

void write_transparent_png(const std::string& path, int width, int height) {
  init_codec();
  flat(width, height, {0, 0, 0, 0}).pngsave(path.c_str());
}

void write_truncated_jpeg(const std::string& path, int width, int height) {
  init_codec();
  void* buf = nullptr;
  size_t size = 0;
  VImage photo = flat(width, height, {10, 120, 30});
  photo = photo + VImage::gaussnoise(width, height).cast(VIPS_FORMAT_UCHAR);  // not trivially compressible
  photo.cast(VIPS_FORMAT_UCHAR).write_to_buffer(".jpg", &buf, &size);
  write_bytes(path, buf, size / 2);
  g_free(buf);
}

void write_png_claiming(const std::string& path, unsigned width, unsigned height) {
  init_codec();
  void* buf = nullptr;
  size_t size = 0;
  flat(1, 1, {0, 0, 0}).write_to_buffer(".png", &buf, &size);
  // Signature (8), IHDR length (4), "IHDR" (4), width at 16, height at 20,
  // then 5 more bytes and the chunk's CRC over type and data at 29.
  auto* p = static_cast<unsigned char*>(buf);
  put_be32(p + 16, width);
  put_be32(p + 20, height);
  put_be32(p + 29, crc32(p + 12, 17));
  write_bytes(path, buf, size);
  g_free(buf);
}

void write_scene(const std::string& path, int width, int height) {
  init_codec();
  std::vector<VImage> bands;
  for (int i = 0; i < 3; ++i) {
    VImage noise =
        VImage::gaussnoise(width, height, VImage::option()->set("mean", 0.0)->set("sigma", 60)->set("seed", i + 1));
    // Coarse and fine detail together, as in a photo.
    bands.push_back(noise.gaussblur(5) * 8 + noise.gaussblur(1) * 2 + 128);
  }
  VImage img = VImage::bandjoin(bands).cast(VIPS_FORMAT_UCHAR);
  img.copy(VImage::option()->set("interpretation", VIPS_INTERPRETATION_sRGB))
      .jpegsave(path.c_str(), VImage::option()->set("Q", 95));
}

double psnr(const std::string& a, const std::string& b) {
  init_codec();
  VImage x = VImage::new_from_file(a.c_str()), y = VImage::new_from_file(b.c_str());
  if (x.width() != y.width() || x.height() != y.height() || x.bands() != y.bands())
    throw std::runtime_error("psnr: " + a + " and " + b + " differ in size");
  VImage d = x.cast(VIPS_FORMAT_FLOAT) - y.cast(VIPS_FORMAT_FLOAT);
  double mse = (d * d).avg();
  return mse == 0 ? INFINITY : 10 * std::log10(255.0 * 255.0 / mse);
}

Inspection inspect(const std::string& path) {
  init_codec();
  VImage img = VImage::new_from_file(path.c_str());
  Inspection r;
  r.width = img.width();
  r.height = img.height();
  r.bands = img.bands();
  r.interpretation = vips_enum_nick(VIPS_TYPE_INTERPRETATION, img.interpretation());
  gchar** fields = vips_image_get_fields(img.get_image());
  for (gchar** f = fields; *f; ++f) {
    std::string name = *f;
    if (name.rfind("exif-", 0) == 0 || name == "xmp-data" || name == "iptc-data" || name == "icc-profile-data")
      r.metadata.push_back(name);
  }
  g_strfreev(fields);
  r.top_left = img.getpoint(2, 2);
  r.top_right = img.getpoint(img.width() - 3, 2);
  return r;
}

}  // namespace bangtin::images::fixtures
