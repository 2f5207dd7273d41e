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

namespace {

struct Ref {
  const Item* item;
  std::string rel;
  int line;
  bool keep_original;
};

std::vector<Ref> refs_of(const Item& item) {
  std::vector<Ref> refs;
  auto add = [&](const std::string& rel, int line, bool keep) {
    if (!rel.empty() && is_raster_image(rel)) refs.push_back({&item, rel, line, keep});
  };
  add(item.cover, item.line_of("cover"), false);
  if (item.infographic) add(item.infographic->image, item.line_of("image"), true);
  if (item.banner) add(item.banner->image, item.line_of("image"), false);
  if (item.video) add(item.video->poster, item.line_of("poster"), false);
  // Bodies link to the original until markdown/ writes srcset itself.
  for (const auto& rel : item.resources) add(rel, item.body_line, true);
  return refs;
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

std::string derived_url(const std::string& original, int width, const std::string& format) {
  std::string name = file_name(original);
  auto dot = name.rfind('.');
  std::string stem = dot == std::string::npos ? name : name.substr(0, dot);
  std::string parent = original.substr(0, original.size() - name.size());
  return parent + stem + "-" + std::to_string(width) + "." + format_extension(format);
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
      if (!plan.sources.count(r.rel)) plan.sources[r.rel] = {r.rel, item.source, r.line};
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
    std::string bytes, error;
    if (!read_file(root + "/" + s.source, bytes)) {
      diags.error(s.used_by, s.line, "không đọc được ảnh " + s.source);
      return;
    }
    s.hash = short_hash(bytes, 16);
    s.quality = config.images.quality;
    std::string note = options.cache_dir + "/" + s.hash + "-v" + version + ".info";
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
    s.width = h.width;
    s.height = h.height;
    std::vector<int> ws;
    for (int w : widths)
      if (w <= s.width) ws.push_back(w);
    // Smaller than every configured width: one copy at its own size.
    if (ws.empty()) ws.push_back(s.width);
    for (auto w = ws.rbegin(); w != ws.rend(); ++w) {
      int height = std::max(1, static_cast<int>(std::lround(static_cast<double>(s.height) * *w / s.width)));
      for (const auto& format : config.images.formats) {
        std::string file = options.cache_dir + "/" + s.hash + "-" + std::to_string(*w) + "-q" +
                           std::to_string(s.quality) + "-v" + version + "." + format_extension(format);
        s.derivatives.push_back({*w, height, format, "", file});
      }
    }
  });

  for (const auto& [url, r] : first_use) {
    const SourceImage& s = plan.sources[r.rel];
    if (s.derivatives.empty()) continue;
    ImageUse use{r.rel, s.width, s.height, {}, r.keep_original};
    for (auto it = s.derivatives.rbegin(); it != s.derivatives.rend();) {
      // Reverse width order, but formats kept in the config's order.
      auto group_end = it;
      while (group_end != s.derivatives.rend() && group_end->width == it->width) ++group_end;
      for (auto g = group_end.base(); g != it.base(); ++g) {
        Derivative d = *g;
        d.url = derived_url(url, d.width, d.format);
        use.derivatives.push_back(std::move(d));
      }
      it = group_end;
    }
    plan.uses[url] = std::move(use);
  }
  return plan;
}

}  // namespace bangtin::images
