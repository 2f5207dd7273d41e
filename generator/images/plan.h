// Which images a site uses, and which resized copies each one becomes.
// Planned before pages are rendered (pages need every copy's width and
// height), encoded after the outputs stage (images/process.h).
#pragma once
#include <cstdint>
#include <functional>
#include <set>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "assemble/library.h"
#include "config/config.h"
#include "core/file_stamp.h"
#include "core/status.h"
#include "images/codec.h"

namespace bangtin::images {

struct ImageOptions {
  std::string cache_dir;                    // absolute; default <source>/.bangtin-cache/images
  int64_t max_pixels = 100LL * 1000 * 1000;  // refused before decoding above this
  int jobs = 0;
  // Called after each source that needed encoding: done of total, from any thread.
  std::function<void(size_t done, size_t total)> progress;
  // Serve mode: hashes of unchanged sources are taken from here, not re-read.
  FileHashMemo* known_hashes = nullptr;
};

// The share image (Open Graph, Zalo link previews): 1.91:1, as Facebook asks.
constexpr int kShareWidth = 1200, kShareHeight = 630;

// One resized copy: published at `url`, kept in the cache at `cache_file`.
struct Derivative {
  int width = 0, height = 0;
  std::string format;  // "webp", "jpeg", …
  std::string frame;   // "" for the whole picture, else the crop's name: "top", "share" …
  Crop crop;
  std::string url;     // "/bai-viet/x/cover-960.webp"
  std::string cache_file;
};

// One source file, however many items and languages use it.
struct SourceImage {
  std::string source;      // site-relative
  std::string used_by;     // the first item's file, for messages
  int line = 1;            // the line in it that names the image
  std::string hash;        // of the bytes
  std::string note_file;   // the cache's note of its header
  int width = 0, height = 0;  // upright
  int quality = 80;
  std::optional<FocalPoint> focus;      // from the first item that gives one
  std::vector<std::string> frames;      // crops asked for: placements, "share"
  std::vector<Derivative> derivatives;  // unique cache files
};

// One published address of an image (a bundle image has one per language).
struct ImageUse {
  std::string source;  // key into ImagePlan::sources
  int width = 0, height = 0;
  std::vector<Derivative> derivatives;  // by width, then in config.images.formats order
  // Cropped copies by frame name ("top", "home", "sidebar", "share"), ordered the same way.
  std::map<std::string, std::vector<Derivative>> frames;
  bool keep_original = false;           // infographics, for the download link
};

struct ImagePlan {
  std::map<std::string, SourceImage> sources;  // site-relative path →
  std::map<std::string, ImageUse> uses;        // original's site URL →

  // The use at an original's URL, or nullptr when it has no derivatives.
  const ImageUse* find(const std::string& url) const;
  // The widest JPEG copy, for where one file must do (og:image, feeds), or
  // nullptr when the original itself is published.
  const Derivative* fallback(const std::string& url) const;
  // The copies of an original cropped to `frame`, or nullptr.
  const std::vector<Derivative>* framed(const std::string& url, const std::string& frame) const;
  // The share-sized JPEG made from an original, or nullptr.
  const Derivative* share(const std::string& url) const;
  // Every cache file this plan reads or makes.
  std::set<std::string> cache_files() const;
};

bool is_raster_image(const std::string& path);

// Hashes every image the published items use and reads its header (or the
// cache's note of it); refuses corrupt files and decompression bombs with
// messages at the item's line.
ImagePlan plan_images(const Library& lib, const SiteConfig& config, const std::string& root,
                      const ImageOptions& options, Diagnostics& diags);

}  // namespace bangtin::images
