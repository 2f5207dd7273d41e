// The only place that talks to libvips: reading an image's header without
// decoding it, and turning one source file into its resized, cleaned copies.
// Nothing here knows about items or URLs (see images/plan.h for that).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"

namespace bangtin::images {

// Starts libvips once per process with only the trusted loaders enabled:
// an editor's upload must never reach ImageMagick, PDFium or the like.
void init_codec();
// "8.14.1-s2", libvips' version and the revision of bangtin's encoder
// settings: part of every cache key, since either may change the bytes.
std::string codec_version();

struct Header {
  int64_t stored_width = 0, stored_height = 0;  // as stored in the file
  int width = 0, height = 0;                    // upright, after EXIF orientation
  int orientation = 1;
};

// Reads the header only (libvips decodes lazily), so a file that claims
// enormous dimensions costs nothing. `error` is a Vietnamese message.
bool read_header(const std::string& path, Header& out, std::string& error);

// How a copy whose shape differs from the source's is framed.
struct Crop {
  enum class Mode { None, Attention, Focus };
  Mode mode = Mode::None;  // None: the whole picture, scaled
  double x = 50, y = 50;   // Focus: the point to keep, in percent
  // "att", "f30-60": part of a cache file's name.
  std::string key() const;
};

struct Target {
  int width = 0, height = 0;
  std::string format;     // "webp", "jpeg", "png" or "avif"
  std::string file;       // absolute path to write
  Crop crop;
};

// Decodes `path` (upright size `width`×`height`) once, with shrink-on-load to
// the least size every target can be made from; turns it upright, converts
// it to sRGB, and writes each target, metadata stripped. Cropped targets of
// one shape share one frame (libvips' attention crop, or the focal point), so
// every width shows the same part of the picture. JPEG has no alpha, so
// transparency is flattened on white; WebP, PNG and AVIF keep it. Each file
// is written to a temporary name and renamed, so a crash never leaves half a
// file that a later build would take for finished.
Status encode(const std::string& path, int width, int height, int quality, const std::vector<Target>& targets);

// The file extension a format is published with ("jpeg" → "jpg").
std::string format_extension(const std::string& format);

}  // namespace bangtin::images
