#include "images/codec.h"

#include <unistd.h>
#include <vips/vips8>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <mutex>
#include <thread>

namespace bangtin::images {

using vips::VError;
using vips::VImage;

void init_codec() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (VIPS_INIT("bangtin")) vips_error_exit("libvips");
    vips_block_untrusted_set(TRUE);
    // Builds re-read files an editor may just have replaced; libvips'
    // operation cache is keyed by file name and would hand back the old pixels.
    vips_cache_set_max(0);
  });
}

// Counts changes to bangtin's own encoder settings (2: WebP method 1, sizes
// chained, attention scored on a small copy), which, like another libvips,
// make other bytes from one source.
constexpr int kSettingsRevision = 2;

std::string codec_version() {
  return std::to_string(vips_version(0)) + "." + std::to_string(vips_version(1)) + "." + std::to_string(vips_version(2)) +
         "-s" + std::to_string(kSettingsRevision);
}

std::string format_extension(const std::string& format) { return format == "jpeg" ? "jpg" : format; }

// libvips keeps the last error text per thread; a message needs it only once.
static std::string vips_message(const VError& e) {
  std::string m = e.what();
  while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
  for (char& c : m)
    if (c == '\n') c = ' ';
  vips_error_clear();
  return m;
}

bool read_header(const std::string& path, Header& out, std::string& error) {
  init_codec();
  try {
    VImage img = VImage::new_from_file(path.c_str(), VImage::option()->set("access", VIPS_ACCESS_SEQUENTIAL));
    out.stored_width = img.width();
    out.stored_height = img.height();
    out.orientation = vips_image_get_orientation(img.get_image());
    bool swap = vips_image_get_orientation_swap(img.get_image());
    out.width = swap ? img.height() : img.width();
    out.height = swap ? img.width() : img.height();
    return true;
  } catch (const VError& e) {
    error = "không đọc được ảnh (tệp hỏng hoặc không phải định dạng ảnh được hỗ trợ): " + vips_message(e);
    return false;
  }
}

namespace {

// The decoded, upright, sRGB, 8-bit pixels every target is made from.
VImage decode_once(const std::string& path, int width, int height) {
  VImage img = VImage::thumbnail(path.c_str(), width,
                                 VImage::option()
                                     ->set("height", height)
                                     ->set("size", VIPS_SIZE_FORCE)
                                     ->set("fail_on", VIPS_FAIL_ON_TRUNCATED));
  // thumbnail imports CMYK with its embedded (or libvips' default) profile;
  // anything left that is not sRGB (grey, Lab, 16-bit RGB) is converted here.
  if (img.interpretation() != VIPS_INTERPRETATION_sRGB) img = img.colourspace(VIPS_INTERPRETATION_sRGB);
  if (img.format() != VIPS_FORMAT_UCHAR) img = img.cast(VIPS_FORMAT_UCHAR);
  // Decoding happens here, once: a truncated file fails now, with its name.
  img = img.copy_memory();
  // Savers are asked to strip too, but libvips 8.14's webpsave ignores that
  // and writes EXIF (GPS included) back: the fields must go from the image.
  gchar** fields = vips_image_get_fields(img.get_image());
  for (gchar** f = fields; *f; ++f) {
    std::string name = *f;
    if (name.rfind("exif-", 0) == 0 || name.rfind("xmp-", 0) == 0 || name.rfind("iptc-", 0) == 0 ||
        name == "icc-profile-data" || name == "orientation")
      vips_image_remove(img.get_image(), *f);
  }
  g_strfreev(fields);
  return img;
}

// libvips 8.14.1's webpsave writes an EXIF chunk even when told to strip.
// Drops the EXIF and XMP chunks of a RIFF/WebP file and their VP8X flags.
std::string without_webp_metadata(const std::string& in) {
  auto le32 = [&](size_t at) {
    return uint32_t(uint8_t(in[at])) | uint32_t(uint8_t(in[at + 1])) << 8 | uint32_t(uint8_t(in[at + 2])) << 16 |
           uint32_t(uint8_t(in[at + 3])) << 24;
  };
  if (in.size() < 12 || in.compare(0, 4, "RIFF") != 0 || in.compare(8, 4, "WEBP") != 0) return in;
  std::string out = in.substr(0, 12);
  for (size_t at = 12; at + 8 <= in.size();) {
    std::string tag = in.substr(at, 4);
    size_t len = le32(at + 4), whole = 8 + len + (len & 1);
    if (at + whole > in.size()) return in;  // not what libvips writes: leave it alone
    if (tag != "EXIF" && tag != "XMP ") out += in.substr(at, whole);
    if (tag == "VP8X") out[out.size() - whole + 8] &= ~0x0c;  // the EXIF (0x08) and XMP (0x04) flags
    at += whole;
  }
  uint32_t riff = static_cast<uint32_t>(out.size() - 8);
  for (int i = 0; i < 4; ++i) out[4 + i] = static_cast<char>(riff >> (8 * i));
  return out;
}

void save(VImage img, const Target& t, int quality, const std::string& tmp) {
  if (t.format == "jpeg") {
    if (img.has_alpha()) img = img.flatten(VImage::option()->set("background", std::vector<double>{255, 255, 255}));
    img.jpegsave(tmp.c_str(), VImage::option()->set("Q", quality)->set("strip", true)->set("optimize_coding", true));
  } else if (t.format == "webp") {
    // libwebp's method 1, not libvips' default 4 (Hugo's too): WebP was
    // 60 % of a cold build and encodes 2.6× faster. On real photos, for the
    // same PSNR the files are 8.5 % larger than method 4's (14 % for the
    // same SSIM), and at one Q 1 % larger than Hugo's (method 4, photo
    // preset). Method 2 is 2.1× faster for +2.5 %, method 0 3.4× for +12 %
    // (bench/README.md, "WebP method").
    VipsBlob* blob = img.webpsave_buffer(VImage::option()->set("Q", quality)->set("strip", true)->set("effort", 1));
    size_t size = 0;
    auto* data = static_cast<const char*>(vips_area_get_data(VIPS_AREA(blob), &size, nullptr, nullptr, nullptr));
    std::string bytes = without_webp_metadata(std::string(data, size));
    vips_area_unref(VIPS_AREA(blob));
    std::ofstream out(tmp, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw std::runtime_error("không ghi được " + tmp);
  } else if (t.format == "png") {
    img.pngsave(tmp.c_str(), VImage::option()->set("strip", true));
  } else if (t.format == "avif") {
    img.heifsave(tmp.c_str(), VImage::option()
                                  ->set("Q", quality)
                                  ->set("strip", true)
                                  ->set("compression", VIPS_FOREIGN_HEIF_COMPRESSION_AV1));
  } else {
    throw std::runtime_error("định dạng ảnh không được hỗ trợ: " + t.format);
  }
}

std::string temp_name(const std::string& file) {
  static std::hash<std::thread::id> h;
  return file + ".tmp-" + std::to_string(getpid()) + "-" + std::to_string(h(std::this_thread::get_id()));
}

}  // namespace

std::string Crop::key() const {
  auto pct = [](double v) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%g", std::round(v * 10) / 10);
    return std::string(buf);
  };
  switch (mode) {
    case Mode::None: return "";
    case Mode::Attention: return "att";
    case Mode::Focus: return "f" + pct(x) + "-" + pct(y);
  }
  return "";
}

namespace {

// The least scale of the source a target can be made from.
double scale_for(const Target& t, int width, int height) {
  double sx = static_cast<double>(t.width) / width, sy = static_cast<double>(t.height) / height;
  return t.crop.mode == Crop::Mode::None ? sx : std::max(sx, sy);
}

// The copies of one picture (the decoded source, or one cropped frame) made
// so far, in memory: each size is resampled once, whatever formats it is
// saved in.
class Sizes {
 public:
  explicit Sizes(VImage base) : made_{std::move(base)} {}

  const VImage& base() const { return made_.front(); }

  // A smaller copy comes from the narrowest one already made that is at
  // least twice its size (1600 → 960 → 480 from a 2400 source): less to
  // read, fewer filter taps. Each step at least halves, so the earlier
  // step's blur lies above the new copy's resolution, and no chain is longer
  // than log2 of the whole shrink. 480 from 960 and from 1600 differ by
  // 54 dB PSNR (bench/README.md).
  VImage at(int width, int height) {
    const VImage* from = &made_.front();
    for (const VImage& m : made_) {
      if (m.width() == width && m.height() == height) return m;
      if (m.width() >= 2 * width && m.height() >= 2 * height && m.width() < from->width()) from = &m;
    }
    VImage img = from->thumbnail_image(width, VImage::option()->set("height", height)->set("size", VIPS_SIZE_FORCE));
    made_.push_back(img.copy_memory());
    return made_.back();
  }

 private:
  std::vector<VImage> made_;  // the first is the base
};

// Scales the whole picture to cover t's box, then cuts the box out where the
// crop says.
VImage framed(Sizes& whole, const Target& t) {
  VImage img = whole.base();
  double s = std::max(static_cast<double>(t.width) / img.width(), static_cast<double>(t.height) / img.height());
  int w = std::max(t.width, static_cast<int>(std::ceil(img.width() * s - 1e-6)));
  int h = std::max(t.height, static_cast<int>(std::ceil(img.height() * s - 1e-6)));
  VImage cover = w == img.width() && h == img.height()
                     ? img
                     : img.thumbnail_image(w, VImage::option()->set("height", h)->set("size", VIPS_SIZE_FORCE));
  int left, top;
  if (t.crop.mode == Crop::Mode::Attention) {
    // libvips scores attention (edges, skin, saturation) in Lab over the
    // whole input and places the box on a 32×32 grid, so a copy about 400
    // px wide finds the box as well for a tenth of the cost of scoring the
    // full-size frame. Only the box is then resampled from the source.
    double k = std::min(1.0, 400.0 / w);
    int aw = std::max(1, static_cast<int>(std::lround(w * k))), ah = std::max(1, static_cast<int>(std::lround(h * k)));
    int bw = std::clamp(static_cast<int>(std::lround(t.width * k)), 1, aw);
    int bh = std::clamp(static_cast<int>(std::lround(t.height * k)), 1, ah);
    int ax = 0, ay = 0;
    whole.at(aw, ah).smartcrop(bw, bh, VImage::option()
                                           ->set("interesting", VIPS_INTERESTING_ATTENTION)
                                           ->set("attention_x", &ax)
                                           ->set("attention_y", &ay));
    left = std::clamp(static_cast<int>(std::lround(ax / k - t.width / 2.0)), 0, w - t.width);
    top = std::clamp(static_cast<int>(std::lround(ay / k - t.height / 2.0)), 0, h - t.height);
  } else {
    auto at = [](double pct, int whole, int part) {
      int v = static_cast<int>(std::lround(pct / 100 * whole - part / 2.0));
      return std::clamp(v, 0, whole - part);
    };
    left = at(t.crop.x, w, t.width);
    top = at(t.crop.y, h, t.height);
  }
  return cover.extract_area(left, top, t.width, t.height);
}

bool same_frame(const Target& a, const Target& b) {
  return a.crop.key() == b.crop.key() &&
         std::abs(static_cast<double>(a.width) / a.height - static_cast<double>(b.width) / b.height) < 0.01;
}

}  // namespace

Status encode(const std::string& path, int width, int height, int quality, const std::vector<Target>& targets) {
  if (targets.empty()) return Status::ok();
  init_codec();
  double scale = 0;
  for (const auto& t : targets) scale = std::max(scale, scale_for(t, width, height));
  scale = std::min(scale, 1.0);
  int dw = std::max(1, static_cast<int>(std::lround(width * scale)));
  int dh = std::max(1, static_cast<int>(std::lround(height * scale)));
  // Widest first, so a cropped frame is cut once and the narrower copies of
  // the same shape are scaled from it.
  std::vector<const Target*> order;
  for (const auto& t : targets) order.push_back(&t);
  std::stable_sort(order.begin(), order.end(), [](const Target* a, const Target* b) { return a->width > b->width; });
  std::vector<std::pair<const Target*, Sizes>> frames;
  std::string current;
  try {
    Sizes whole(decode_once(path, dw, dh));
    for (const Target* t : order) {
      VImage img;
      if (t->crop.mode == Crop::Mode::None) {
        img = whole.at(t->width, t->height);
      } else {
        auto frame = std::find_if(frames.begin(), frames.end(), [&](const auto& f) { return same_frame(*f.first, *t); });
        if (frame == frames.end()) {
          frames.emplace_back(t, Sizes(framed(whole, *t).copy_memory()));
          frame = std::prev(frames.end());
        }
        img = frame->second.at(t->width, t->height);
      }
      current = temp_name(t->file);
      save(img, *t, quality, current);
      if (std::rename(current.c_str(), t->file.c_str()) != 0) {
        std::remove(current.c_str());
        return Status::error("không ghi được " + t->file);
      }
      current.clear();
    }
  } catch (const VError& e) {
    if (!current.empty()) std::remove(current.c_str());
    return Status::error("ảnh hỏng hoặc bị cắt cụt, không giải mã được: " + vips_message(e));
  } catch (const std::exception& e) {
    if (!current.empty()) std::remove(current.c_str());
    return Status::error(e.what());
  }
  return Status::ok();
}

}  // namespace bangtin::images
