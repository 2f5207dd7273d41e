#include "outputs/media_info.h"

#include <filesystem>
#include <fstream>
#include <map>

#include "core/paths.h"
#include "core/text.h"

namespace bangtin {

namespace {

uint32_t be16(const unsigned char* p) { return (p[0] << 8) | p[1]; }
uint32_t be32(const unsigned char* p) { return (uint32_t(p[0]) << 24) | (p[1] << 16) | (p[2] << 8) | p[3]; }
uint32_t le16(const unsigned char* p) { return p[0] | (p[1] << 8); }
uint32_t le24(const unsigned char* p) { return p[0] | (p[1] << 8) | (p[2] << 16); }

// JPEG keeps its size in the first SOFn segment, which may follow a long EXIF
// block, so the segments are walked rather than a fixed offset read.
bool jpeg_size(const std::string& b, int& w, int& h) {
  auto* p = reinterpret_cast<const unsigned char*>(b.data());
  size_t i = 2, n = b.size();
  while (i + 9 < n) {
    if (p[i] != 0xFF) return false;
    unsigned char marker = p[i + 1];
    if (marker == 0xFF) { ++i; continue; }
    if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) { i += 2; continue; }
    uint32_t len = be16(p + i + 2);
    bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    if (sof) {
      h = static_cast<int>(be16(p + i + 5));
      w = static_cast<int>(be16(p + i + 7));
      return true;
    }
    i += 2 + len;
  }
  return false;
}

bool picture_size(const std::string& b, int& w, int& h) {
  auto* p = reinterpret_cast<const unsigned char*>(b.data());
  size_t n = b.size();
  if (n > 24 && b.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0) {
    w = static_cast<int>(be32(p + 16));
    h = static_cast<int>(be32(p + 20));
    return true;
  }
  if (n > 10 && (b.compare(0, 6, "GIF87a") == 0 || b.compare(0, 6, "GIF89a") == 0)) {
    w = static_cast<int>(le16(p + 6));
    h = static_cast<int>(le16(p + 8));
    return true;
  }
  if (n > 30 && b.compare(0, 4, "RIFF") == 0 && b.compare(8, 4, "WEBP") == 0) {
    if (b.compare(12, 4, "VP8 ") == 0 && n > 30) {
      w = static_cast<int>(le16(p + 26) & 0x3FFF);
      h = static_cast<int>(le16(p + 28) & 0x3FFF);
      return true;
    }
    if (b.compare(12, 4, "VP8L") == 0 && n > 25) {
      uint32_t bits = p[21] | (p[22] << 8) | (p[23] << 16) | (uint32_t(p[24]) << 24);
      w = static_cast<int>((bits & 0x3FFF) + 1);
      h = static_cast<int>(((bits >> 14) & 0x3FFF) + 1);
      return true;
    }
    if (b.compare(12, 4, "VP8X") == 0) {
      w = static_cast<int>(le24(p + 24) + 1);
      h = static_cast<int>(le24(p + 27) + 1);
      return true;
    }
  }
  if (n > 4 && p[0] == 0xFF && p[1] == 0xD8) return jpeg_size(b, w, h);
  return false;
}

}  // namespace

std::string media_type(const std::string& path) {
  static const std::map<std::string, std::string> types = {
      {".jpg", "image/jpeg"}, {".jpeg", "image/jpeg"}, {".png", "image/png"},   {".gif", "image/gif"},
      {".webp", "image/webp"}, {".avif", "image/avif"}, {".svg", "image/svg+xml"},
      {".mp3", "audio/mpeg"}, {".m4a", "audio/mp4"},   {".ogg", "audio/ogg"},   {".oga", "audio/ogg"},
      {".opus", "audio/ogg"}, {".wav", "audio/wav"},   {".mp4", "video/mp4"},   {".webm", "video/webm"},
      {".pdf", "application/pdf"},
      {".doc", "application/msword"},
      {".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
      {".vtt", "text/vtt"}};
  auto it = types.find(extension_lower(path));
  return it == types.end() ? "" : it->second;
}

MediaInfo media_info(const std::string& file) {
  MediaInfo info;
  info.type = media_type(file);
  std::error_code ec;
  auto size = std::filesystem::file_size(file, ec);
  if (ec) return info;
  info.bytes = size;
  if (!starts_with(info.type, "image/")) return info;
  // Headers sit at the front; 256 KB covers JPEGs with a large EXIF block.
  std::ifstream in(file, std::ios::binary);
  std::string head(static_cast<size_t>(std::min<uintmax_t>(size, 256 * 1024)), '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  if (!picture_size(head, info.width, info.height)) info.width = info.height = 0;
  return info;
}

MediaInfo media_info_of_bytes(const std::string& name, const std::string& bytes) {
  MediaInfo info;
  info.type = media_type(name);
  info.bytes = bytes.size();
  if (starts_with(info.type, "image/") && !picture_size(bytes, info.width, info.height)) info.width = info.height = 0;
  return info;
}

}  // namespace bangtin
