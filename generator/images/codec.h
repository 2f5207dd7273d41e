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
// "8.14.1": part of every cache key, since another libvips may encode differently.
std::string codec_version();

struct Header {
  int64_t stored_width = 0, stored_height = 0;  // as stored in the file
  int width = 0, height = 0;                    // upright, after EXIF orientation
  int orientation = 1;
};

// Reads the header only (libvips decodes lazily), so a file that claims
// enormous dimensions costs nothing. `error` is a Vietnamese message.
bool read_header(const std::string& path, Header& out, std::string& error);

struct Target {
  int width = 0, height = 0;
  std::string format;     // "webp", "jpeg", "png" or "avif"
  std::string file;       // absolute path to write
};

// Decodes `path` once with shrink-on-load at the largest target's size, turns
// it upright, converts it to sRGB, and writes each target (largest first,
// smaller ones derived from the decoded pixels), metadata stripped. JPEG has
// no alpha, so transparency is flattened on white; WebP, PNG and AVIF keep it.
// Each file is written to a temporary name and renamed, so a crash never
// leaves half a file that a later build would take for finished.
Status encode(const std::string& path, int quality, const std::vector<Target>& targets);

// The file extension a format is published with ("jpeg" → "jpg").
std::string format_extension(const std::string& format);

}  // namespace bangtin::images
