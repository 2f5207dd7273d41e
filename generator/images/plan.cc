#include "images/plan.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/disk.h"
#include "core/hash.h"
#include "core/parallel.h"
#include "core/paths.h"
#include "core/text.h"
#include "images/codec.h"

namespace fs = std::filesystem;

namespace bangtin::images {

bool is_raster_image(const std::string& path) {
  std::string ext = extension_lower(path);
  return ext == ".jpg" || ext == ".jpeg" || ext == ".png" || ext == ".webp" || ext == ".gif" || ext == ".tif" ||
         ext == ".tiff" || ext == ".avif" || ext == ".heic";
}

const ImageUse* ImagePlan::find(const std::string& url) const {
  auto it = uses.find(url);
  return it == uses.end() || it->second.derivatives.empty() ? nullptr : &it->second;
}

const Derivative* ImagePlan::fallback(const std::string& url) const {
  const ImageUse* use = find(url);
  if (!use || use->keep_original) return nullptr;
  const Derivative* best = nullptr;
  for (const auto& d : use->derivatives)
    if (d.format == "jpeg" && (!best || d.width > best->width)) best = &d;
  return best;
}

const std::vector<Derivative>* ImagePlan::framed(const std::string& url, const std::string& frame) const {
  const ImageUse* use = find(url);
  if (!use) return nullptr;
  auto it = use->frames.find(frame);
  return it == use->frames.end() || it->second.empty() ? nullptr : &it->second;
}

const Derivative* ImagePlan::share(const std::string& url) const {
  const std::vector<Derivative>* copies = framed(url, "share");
  return copies ? &copies->front() : nullptr;
}

std::set<std::string> ImagePlan::cache_files() const {
  std::set<std::string> files;
  for (const auto& [rel, s] : sources) {
    if (!s.note_file.empty()) files.insert(s.note_file);
    for (const auto& d : s.derivatives) files.insert(d.cache_file);
  }
  return files;
}

namespace {

struct Ref {
  const Item* item;
  std::string rel;
  int line;
  bool keep_original;
  std::vector<std::string> frames;
};

std::vector<Ref> refs_of(const Item& item) {
  std::vector<Ref> refs;
  auto add = [&](const std::string& rel, int line, bool keep, std::vector<std::string> frames = {}) {
    if (!rel.empty() && is_raster_image(rel)) refs.push_back({&item, rel, line, keep, std::move(frames)});
  };
  // The item's own picture (the one feeds and share cards show) also gets a
  // share-sized crop; a banner's, its placement's shape.
  add(item.cover, item.line_of("cover"), false, {"share"});
  if (item.infographic) add(item.infographic->image, item.line_of("image"), true, {"share"});
  if (item.banner) add(item.banner->image, item.line_of("image"), false, {item.banner->placement, "share"});
  if (item.video) add(item.video->poster, item.line_of("poster"), false, {"share"});
  for (const auto& rel : item.resources) add(rel, item.body_line, false);
  return refs;
}

struct Frame {
  int width, height;  // the shape; copies are this shape at several widths
  std::vector<int> widths;
};

// The copies a source of w×h can give in a frame of fw×fh without enlarging:
// the frame's own width and the configured widths below it.
// Below `least` the crop is not worth making (a share card from a 200-pixel
// icon would be a blur): the whole picture serves instead.
Frame frame_for(int w, int h, int fw, int fh, const std::vector<int>& widths, int least = 16) {
  int widest = std::min({fw, w, static_cast<int>(static_cast<int64_t>(h) * fw / fh)});
  Frame f{fw, fh, {}};
  if (widest < least) return f;
  for (int x : widths)
    if (x < widest) f.widths.push_back(x);
  f.widths.push_back(widest);
  return f;
}

// The cache notes each source's header by content hash, so a warm build reads
// a few bytes instead of opening the image with libvips.
bool read_note(const std::string& file, Header& h) {
  std::ifstream in(file);
  return static_cast<bool>(in >> h.stored_width >> h.stored_height >> h.width >> h.height >> h.orientation);
}

void write_note(const std::string& file, const Header& h) {
  std::string tmp = file + ".tmp-" + std::to_string(fnv1a64(file) ^ reinterpret_cast<uintptr_t>(&h));
  {
    std::ofstream out(tmp);
    out << h.stored_width << ' ' << h.stored_height << ' ' << h.width << ' ' << h.height << ' ' << h.orientation << '\n';
    if (!out) return;  // a missing note only costs a header read next time
  }
  std::error_code ec;
  fs::rename(tmp, file, ec);
  if (ec) fs::remove(tmp, ec);
}

// "/bai-viet/x/anh.jpg" → "/bai-viet/x/anh-960.webp", or "anh-top-1920.webp" in a frame.
std::string derived_url(const std::string& original, const std::string& frame, int width, const std::string& format) {
  std::string name = file_name(original);
  auto dot = name.rfind('.');
  std::string stem = dot == std::string::npos ? name : name.substr(0, dot);
  std::string parent = original.substr(0, original.size() - name.size());
  return parent + stem + (frame.empty() ? "" : "-" + frame) + "-" + std::to_string(width) + "." +
         format_extension(format);
}

}  // namespace

ImagePlan plan_images(const Library& lib, const SiteConfig& config, const std::string& root,
                      const ImageOptions& options, Diagnostics& diags) {
  ImagePlan plan;
  std::map<std::string, Ref> first_use;  // url → ref
  for (const Item& item : lib.items) {
    if (!lib.has_page(item)) continue;
    for (const Ref& r : refs_of(item)) {
      std::string url = resource_url(item, r.rel);
      auto [it, fresh] = first_use.emplace(url, r);
      if (!fresh) it->second.keep_original |= r.keep_original;
      auto [src, added] = plan.sources.try_emplace(r.rel, SourceImage{r.rel, item.source, r.line});
      if (!src->second.focus && !r.frames.empty()) src->second.focus = item.focal_point;
      for (const auto& f : r.frames)
        if (std::find(src->second.frames.begin(), src->second.frames.end(), f) == src->second.frames.end())
          src->second.frames.push_back(f);
    }
  }
  if (plan.sources.empty()) return plan;
  std::error_code ec;
  fs::create_directories(options.cache_dir, ec);
  if (ec) {
    diags.error(options.cache_dir, 0, "không tạo được thư mục bộ nhớ đệm ảnh: " + ec.message());
    return plan;
  }

  std::vector<SourceImage*> todo;
  for (auto& [rel, s] : plan.sources) todo.push_back(&s);
  std::string version = codec_version();
  std::vector<int> widths = config.images.widths;
  std::sort(widths.begin(), widths.end());
  parallel_for(todo.size(), options.jobs, [&](size_t i) {
    SourceImage& s = *todo[i];
    std::string path = root + "/" + s.source, error;
    std::optional<FileStamp> stamp = options.known_hashes ? file_stamp(path) : std::nullopt;
    if (auto known = stamp ? options.known_hashes->find(path, *stamp) : std::nullopt) {
      s.hash = *known;
    } else {
      std::string bytes;
      if (!read_file(path, bytes)) {
        diags.error(s.used_by, s.line, "không đọc được ảnh " + s.source);
        return;
      }
      s.hash = content_hash(bytes);
      if (stamp) options.known_hashes->keep(path, *stamp, s.hash);
    }
    s.quality = config.images.quality;
    std::string note = s.note_file = options.cache_dir + "/" + s.hash + "-v" + version + ".info";
    Header h;
    bool noted = read_note(note, h);
    if (!noted && !read_header(root + "/" + s.source, h, error)) {
      diags.error(s.used_by, s.line, "ảnh " + s.source + ": " + error);
      return;
    }
    if (h.stored_width * h.stored_height > options.max_pixels) {
      diags.error(s.used_by, s.line,
                  "ảnh " + s.source + " khai báo " + std::to_string(h.stored_width) + "×" +
                      std::to_string(h.stored_height) + " điểm ảnh, vượt giới hạn " +
                      std::to_string(options.max_pixels / 1000000) + " megapixel nên không được giải mã",
                  "thu nhỏ ảnh trước khi đưa lên (ảnh cỡ 4000×3000 là đủ)");
      return;
    }
    if (!noted) write_note(note, h);
    std::sort(s.frames.begin(), s.frames.end());  // the first use's order must not shape the cache
    s.width = h.width;
    s.height = h.height;
    auto add = [&](int w, int height, const std::string& frame, const Crop& crop,
                   const std::vector<std::string>& formats) {
      std::string shape = std::to_string(w);
      if (crop.mode != Crop::Mode::None) shape += "x" + std::to_string(height) + "-" + crop.key();
      for (const auto& format : formats) {
        std::string file = options.cache_dir + "/" + s.hash + "-" + shape + "-q" + std::to_string(s.quality) + "-v" +
                           version + "." + format_extension(format);
        s.derivatives.push_back({w, height, format, frame, crop, "", file});
      }
    };
    std::vector<int> ws;
    for (int w : widths)
      if (w <= s.width) ws.push_back(w);
    // Narrower than the widest configured width: a copy at its own width too,
    // when that is clearly sharper than the widest copy below it (an 800-pixel
    // infographic must not be shown from its 480 copy).
    if (ws.empty() || (ws.back() < widths.back() && s.width * 5 > ws.back() * 6)) ws.push_back(s.width);
    for (auto w = ws.rbegin(); w != ws.rend(); ++w)
      add(*w, std::max(1, static_cast<int>(std::lround(static_cast<double>(s.height) * *w / s.width))), "", Crop{},
          config.images.formats);
    Crop crop;
    if (s.focus) crop = {Crop::Mode::Focus, s.focus->x, s.focus->y};
    else crop.mode = Crop::Mode::Attention;
    for (const auto& name : s.frames) {
      bool share = name == "share";
      auto placement = config.images.placements.find(name);
      if (!share && placement == config.images.placements.end()) continue;
      Frame f = share ? frame_for(s.width, s.height, kShareWidth, kShareHeight, {}, kShareWidth / 2)
                      : frame_for(s.width, s.height, placement->second.width, placement->second.height, widths);
      for (auto w = f.widths.rbegin(); w != f.widths.rend(); ++w) {
        int height = std::max(1, static_cast<int>(std::lround(static_cast<double>(f.height) * *w / f.width)));
        // One JPEG is what every link preview reads.
        add(*w, height, name, crop, share ? std::vector<std::string>{"jpeg"} : config.images.formats);
      }
    }
  });

  for (const auto& [url, r] : first_use) {
    const SourceImage& s = plan.sources[r.rel];
    if (s.derivatives.empty()) continue;
    ImageUse use{r.rel, s.width, s.height, {}, {}, r.keep_original};
    // Widest first, formats in the config's order, as srcset lists them.
    for (const Derivative& d : s.derivatives) {
      Derivative copy = d;
      copy.url = derived_url(url, d.frame, d.width, d.format);
      (d.frame.empty() ? use.derivatives : use.frames[d.frame]).push_back(std::move(copy));
    }
    plan.uses[url] = std::move(use);
  }
  return plan;
}

}  // namespace bangtin::images
