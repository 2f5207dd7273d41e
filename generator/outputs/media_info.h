// What a feed, a share card or a Zalo payload must say about a file it points
// to: its MIME type, its byte length and, for pictures, its pixel size. Read
// from the file itself, so a renamed or re-encoded picture never lies.
#pragma once
#include <cstdint>
#include <string>

namespace bangtin {

struct MediaInfo {
  std::string type;    // "image/jpeg", "audio/mpeg" …; "" when unknown
  uint64_t bytes = 0;  // 0 when the file cannot be read
  int width = 0, height = 0;  // pictures only; 0 when the header is not understood
};

// MIME type from the extension (".jpg" → "image/jpeg").
std::string media_type(const std::string& path);
// Type, size and, for JPEG, PNG, GIF and WebP, pixel size from the header.
MediaInfo media_info(const std::string& file);
// The same for bytes already in memory (built-in theme files).
MediaInfo media_info_of_bytes(const std::string& name, const std::string& bytes);

}  // namespace bangtin
