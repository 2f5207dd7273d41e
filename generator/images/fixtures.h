// Small images made on the spot for tests (EXIF-rotated photos, CMYK,
// transparency, broken and oversized files) and a look inside the results,
// so tests/images/ never needs libvips itself nor binary fixtures.
#pragma once
#include <string>
#include <vector>

namespace bangtin::images::fixtures {

// A JPEG stored `width`×`height` with EXIF orientation `orientation`, an
// artist and GPS coordinates; its top-left quarter is red, the rest blue.
void write_photo(const std::string& path, int width, int height, int orientation);
// A CMYK JPEG of one flat colour.
void write_cmyk_jpeg(const std::string& path, int width, int height);
// A PNG with an alpha channel, fully transparent black.
void write_transparent_png(const std::string& path, int width, int height);
// The first half of a valid JPEG.
void write_truncated_jpeg(const std::string& path, int width, int height);
// A tiny PNG whose header claims `width`×`height` (a decompression bomb).
void write_png_claiming(const std::string& path, unsigned width, unsigned height);

// A photo-like texture (smoothed noise, every scale of detail) in sRGB,
// saved as JPEG at Q95: what resampling differences show on.
void write_scene(const std::string& path, int width, int height);

// How alike two images of one size are: PSNR in dB over all bands
// (infinity when identical).
double psnr(const std::string& a, const std::string& b);

struct Inspection {
  int width = 0, height = 0, bands = 0;
  std::string interpretation;          // "srgb", "cmyk", …
  std::vector<std::string> metadata;   // exif-*, xmp-data, iptc-data, icc-profile-data
  std::vector<double> top_left, top_right;  // pixel values, one per band
};
Inspection inspect(const std::string& path);

}  // namespace bangtin::images::fixtures
