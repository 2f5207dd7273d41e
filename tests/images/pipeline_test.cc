// The media pipeline end to end: a small site whose images are made here with
// libvips (images/fixtures.h), built to disk, and its copies looked into.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <set>
#include <filesystem>
#include <fstream>
#include <regex>

#include "core/disk.h"
#include "images/fixtures.h"
#include "site/test_support.h"

namespace fs = std::filesystem;
using namespace bangtin;
using namespace bangtin::testing;
namespace fx = bangtin::images::fixtures;

namespace {

void write(const std::string& path, const std::string& text) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream(path) << text;
}

// A site with one article bundle: `cover` as its cover, `body` in its body.
void make_site(const std::string& root, const std::string& cover, const std::vector<std::string>& body) {
  write(root + "/site-config.json", R"({
  "title": "Cổng thử ảnh", "base_url": "https://anh.example.gov.vn/", "language": "vi",
  "languages": { "vi": { "title": "Cổng thử ảnh" } }, "utc_offset": "+07:00", "default_unit": "so",
  "columns": [ { "key": "tin-tuc", "title": "Tin tức" } ],
  "units": [ { "key": "so", "title": "Sở Văn hóa và Thể thao", "kind": "department" } ],
  "images": { "widths": [200, 400, 1600], "formats": ["webp", "jpeg"], "quality": 80 }
})");
  std::string md = "---\ntitle: Ảnh thử\ndate: 2026-03-02 08:00\ncolumns: [tin-tuc]\ncover: " + cover +
                   "\ncover_alt: Ảnh bìa\n---\nMở đầu.\n\n";
  for (const auto& b : body) md += "![Ảnh trong bài](" + b + ")\n\n";
  write(root + "/content/articles/anh/index.md", md);
}

BuildResult build(const std::string& root, const std::string& out, const std::string& cache) {
  BuildOptions o;
  o.source = root;
  o.output = out;
  o.now = "2026-11-23T12:00:00+07:00";
  o.jobs = 2;
  o.image_cache = cache;
  o.precompress = false;
  RealDisk disk;
  return build_site(o, disk);
}

struct Built {
  TempDir dir{"images"};
  std::string site = dir.path() + "/site", out = dir.path() + "/out", cache = dir.path() + "/cache";
  std::string page = out + "/bai-viet/anh/";

  // The site with one article whose cover is a width×height photo.jpg.
  void with_cover(int width, int height) {
    fs::create_directories(site + "/content/articles/anh");
    fx::write_photo(site + "/content/articles/anh/photo.jpg", width, height, 1);
    make_site(site, "photo.jpg", {});
  }
};

}  // namespace

TEST_CASE("images: photos come out upright, private, sRGB and flattened where JPEG needs it") {
  Built b;
  fs::create_directories(b.site + "/content/articles/anh");
  std::string bundle = b.site + "/content/articles/anh/";
  fx::write_photo(bundle + "photo.jpg", 300, 450, 6);  // portrait as stored, landscape when shown
  fx::write_cmyk_jpeg(bundle + "in.jpg", 240, 160);
  fx::write_transparent_png(bundle + "logo.png", 220, 100);
  make_site(b.site, "photo.jpg", {"in.jpg", "logo.png"});
  REQUIRE(fx::inspect(bundle + "photo.jpg").width == 300);
  auto source_meta = fx::inspect(bundle + "photo.jpg").metadata;
  REQUIRE(std::count(source_meta.begin(), source_meta.end(), "exif-ifd3-GPSLatitude") == 1);
  REQUIRE(fx::inspect(bundle + "in.jpg").interpretation == "cmyk");

  BuildResult r = build(b.site, b.out, b.cache);
  INFO(headlines(r));
  REQUIRE(r.ok());

  SUBCASE("EXIF orientation 6: landscape copies, the stored top-left now at the top right") {
    for (const char* f : {"photo-200.jpg", "photo-400.jpg", "photo-200.webp", "photo-400.webp"}) {
      fx::Inspection i = fx::inspect(b.page + f);
      CHECK(i.width > i.height);
      CHECK(i.top_right[0] > 200);  // red
      CHECK(i.top_left[2] > 200);   // blue
    }
    CHECK(fx::inspect(b.page + "photo-400.jpg").height == 267);  // 450×300 shown → 400×267
    CHECK_FALSE(fs::exists(b.page + "photo-1600.jpg"));          // never wider than the source
    CHECK_FALSE(fs::exists(b.page + "photo.jpg"));               // the original is not shipped
  }
  SUBCASE("GPS and every other metadata stripped") {
    for (const char* f : {"photo-200.jpg", "photo-400.webp", "in-200.jpg", "logo-200.webp"}) {
      std::vector<std::string> meta = fx::inspect(b.page + f).metadata;
      std::string names;
      for (const auto& m : meta) names += m + " ";
      CHECK_MESSAGE(meta.empty(), f, ": ", names);
    }
  }
  SUBCASE("CMYK becomes sRGB") {
    for (const char* f : {"in-200.jpg", "in-200.webp"}) {
      fx::Inspection i = fx::inspect(b.page + f);
      CHECK(i.interpretation == "srgb");
      CHECK(i.bands == 3);
      CHECK(i.top_left[0] > i.top_left[2] + 60);  // still the reddish colour it was
    }
  }
  SUBCASE("transparency: flattened on white in JPEG, kept in WebP") {
    fx::Inspection jpeg = fx::inspect(b.page + "logo-200.jpg");
    CHECK(jpeg.bands == 3);
    for (double v : jpeg.top_left) CHECK(v > 245);
    fx::Inspection webp = fx::inspect(b.page + "logo-200.webp");
    CHECK(webp.bands == 4);
    CHECK(webp.top_left[3] < 10);
    CHECK(fx::inspect(b.page + "logo-200.jpg").width == 200);
    CHECK_FALSE(fs::exists(b.page + "logo-400.jpg"));  // 220 wide: no copy wider than that
  }
  SUBCASE("every srcset entry exists on disk, with width and height in the markup") {
    std::string html = read_text(b.page + "index.html");
    std::regex srcset(R"re(srcset="([^"]+)")re");
    size_t entries = 0;
    for (auto m = std::sregex_iterator(html.begin(), html.end(), srcset); m != std::sregex_iterator(); ++m) {
      std::string list = (*m)[1];
      std::regex entry(R"((/[^ ,]+) (\d+)w)");
      for (auto e = std::sregex_iterator(list.begin(), list.end(), entry); e != std::sregex_iterator(); ++e) {
        std::string file = b.out + (*e)[1].str();
        CHECK_MESSAGE(fs::exists(file), file);
        CHECK(fx::inspect(file).width == std::stoi((*e)[2]));
        ++entries;
      }
    }
    // The cover: webp and jpeg at 200 and 400; each body picture: webp and jpeg at 200.
    CHECK(entries == 8);
    CHECK(html.find("<img src=\"/bai-viet/anh/in-200.jpg\" srcset=\"/bai-viet/anh/in-200.jpg 200w\"") != std::string::npos);
    CHECK_FALSE(fs::exists(b.page + "in.jpg"));  // originals stay home once copies exist
    CHECK(html.find("<source type=\"image/webp\"") != std::string::npos);
    CHECK(html.find("width=\"400\" height=\"267\"") != std::string::npos);
  }
}

TEST_CASE("images: the second build takes every copy from the cache") {
  Built b;
  b.with_cover(500, 300);
  BuildResult first = build(b.site, b.out, b.cache);
  REQUIRE(first.ok());
  CHECK(first.images_encoded == 6);  // 200, 400 and its own 500 × webp, jpeg
  CHECK(first.images_reused == 0);
  std::map<std::string, fs::file_time_type> stamps;
  for (auto& e : fs::directory_iterator(b.cache)) stamps[e.path().string()] = e.last_write_time();

  BuildResult second = build(b.site, b.out, b.cache);
  REQUIRE(second.ok());
  CHECK(second.images_encoded == 0);
  CHECK(second.images_reused == 6);
  for (auto& e : fs::directory_iterator(b.cache)) CHECK(stamps.at(e.path().string()) == e.last_write_time());
  CHECK(fs::exists(b.page + "photo-400.webp"));
  // The published copy is the cache's file itself (a hard link): no bytes copied.
  CHECK(fs::hard_link_count(b.page + "photo-400.webp") >= 2);

  // Deleting the cache only costs time: the same bytes come back.
  auto before = snapshot(b.out);
  fs::remove_all(b.cache);
  BuildResult third = build(b.site, b.out, b.cache);
  REQUIRE(third.ok());
  CHECK(third.images_encoded == 6);
  CHECK(snapshot(b.out) == before);
}

TEST_CASE("images: a truncated file and a decompression bomb are refused by name") {
  Built b;
  fs::create_directories(b.site + "/content/articles/anh");
  SUBCASE("truncated JPEG") {
    fx::write_truncated_jpeg(b.site + "/content/articles/anh/hong.jpg", 400, 300);
    make_site(b.site, "hong.jpg", {});
    BuildResult r = build(b.site, b.out, b.cache);
    CHECK_FALSE(r.ok());
    std::string h = headlines(r);
    CHECK(h.find("content/articles/anh/index.md:5:") != std::string::npos);
    CHECK(h.find("ảnh content/articles/anh/hong.jpg") != std::string::npos);
    CHECK(h.find("cắt cụt") != std::string::npos);
    CHECK_FALSE(fs::exists(b.out));
  }
  SUBCASE("a PNG claiming 40000×40000") {
    fx::write_png_claiming(b.site + "/content/articles/anh/bom.png", 40000, 40000);
    make_site(b.site, "anh.jpg", {"bom.png"});
    fx::write_photo(b.site + "/content/articles/anh/anh.jpg", 300, 200, 1);
    BuildResult r = build(b.site, b.out, b.cache);
    CHECK_FALSE(r.ok());
    std::string h = headlines(r);
    CHECK(h.find("content/articles/anh/index.md") != std::string::npos);
    CHECK(h.find("ảnh content/articles/anh/bom.png khai báo 40000×40000 điểm ảnh, vượt giới hạn 100 megapixel") !=
          std::string::npos);
  }
}

namespace {

// A banner bundle in `placement` whose artwork is an 800×800 photo: top-left
// quarter red, the rest blue.
void add_banner(const std::string& root, const std::string& placement, const std::string& focal_point) {
  fs::create_directories(root + "/content/banners/bang-ron");
  fx::write_photo(root + "/content/banners/bang-ron/banner.jpg", 800, 800, 1);
  write(root + "/content/banners/bang-ron/index.md",
        "---\ntitle: Băng rôn\ndate: 2026-03-01\nimage: banner.jpg\nalt: Băng rôn chào mừng\nplacement: " + placement +
            (focal_point.empty() ? "" : "\nfocal_point: " + focal_point) + "\n---\nBăng rôn.\n");
}

bool red(const std::vector<double>& px) { return px[0] > 150 && px[2] < 100; }
bool blue(const std::vector<double>& px) { return px[2] > 150 && px[0] < 100; }

}  // namespace

TEST_CASE("images: banners are cropped to their placement, around the focal point when one is given") {
  Built b;
  b.with_cover(500, 300);
  std::string banner = b.out + "/banner/bang-ron/";
  SUBCASE("top (1920×480): 4:1 copies, no wider than the artwork, named on every page") {
    add_banner(b.site, "top", "");
    BuildResult r = build(b.site, b.out, b.cache);
    INFO(headlines(r));
    REQUIRE(r.ok());
    // Named fields, not a structured binding: clang 14 cannot capture one in CAPTURE.
    struct Copy {
      const char* file;
      int width;
    };
    for (const Copy& c : {Copy{"banner-top-800.jpg", 800}, Copy{"banner-top-800.webp", 800}, Copy{"banner-top-400.jpg", 400},
                          Copy{"banner-top-200.webp", 200}}) {
      CAPTURE(c.file);
      fx::Inspection i = fx::inspect(banner + c.file);
      CHECK(i.width == c.width);
      CHECK(i.height == c.width / 4);
    }
    CHECK_FALSE(fs::exists(banner + "banner-top-1600.jpg"));
    std::string home = read_text(b.out + "/index.html");
    CHECK(home.find("<img src=\"/banner/bang-ron/banner-top-800.jpg\" srcset=\"/banner/bang-ron/banner-top-800.jpg 800w, "
                    "/banner/bang-ron/banner-top-400.jpg 400w, /banner/bang-ron/banner-top-200.jpg 200w\"") != std::string::npos);
    CHECK(home.find("width=\"800\" height=\"200\" alt=\"Băng rôn chào mừng\" decoding=\"async\"") != std::string::npos);
  }
  SUBCASE("a focal point at the top keeps the red corner; at the bottom, only blue") {
    add_banner(b.site, "top", "0% 0%");
    REQUIRE(build(b.site, b.out, b.cache).ok());
    fx::Inspection top = fx::inspect(banner + "banner-top-800.jpg");
    CHECK(red(top.top_left));
    CHECK(blue(top.top_right));
    add_banner(b.site, "top", "50% 100%");
    REQUIRE(build(b.site, b.out, b.cache).ok());
    fx::Inspection bottom = fx::inspect(banner + "banner-top-800.jpg");
    CHECK(blue(bottom.top_left));
    CHECK(blue(bottom.top_right));
  }
  SUBCASE("a placement's size comes from site-config.json") {
    std::string config = read_text(b.site + "/site-config.json");
    config.replace(config.find("\"quality\""), 0, "\"placements\": { \"sidebar\": { \"width\": 300, \"height\": 600 } }, ");
    write(b.site + "/site-config.json", config);
    add_banner(b.site, "sidebar", "");
    REQUIRE(build(b.site, b.out, b.cache).ok());
    fx::Inspection i = fx::inspect(banner + "banner-sidebar-300.webp");
    CHECK(i.width == 300);
    CHECK(i.height == 600);
  }
}

TEST_CASE("images: a camera-sized cover gets a 1200×630 share copy named in og:image") {
  Built b;
  b.with_cover(2400, 1600);
  BuildResult r = build(b.site, b.out, b.cache);
  REQUIRE(r.ok());
  fx::Inspection share = fx::inspect(b.page + "photo-share-1200.jpg");
  CHECK(share.width == 1200);
  CHECK(share.height == 630);
  CHECK(share.metadata.empty());
  CHECK_FALSE(fs::exists(b.page + "photo-share-1200.webp"));  // one JPEG: what every link preview reads
  std::string html = read_text(b.page + "index.html");
  CHECK(html.find("<meta property=\"og:image\" content=\"https://anh.example.gov.vn/bai-viet/anh/photo-share-1200.jpg\">") !=
        std::string::npos);
  CHECK(html.find("<meta property=\"og:image:width\" content=\"1200\">") != std::string::npos);
  CHECK(html.find("<meta property=\"og:image:height\" content=\"630\">") != std::string::npos);
}

TEST_CASE("images: AVIF copies when configured, offered first") {
  Built b;
  b.with_cover(500, 300);
  std::string config = read_text(b.site + "/site-config.json");
  config.replace(config.find("[\"webp\", \"jpeg\"]"), 16, "[\"avif\", \"webp\", \"jpeg\"]");
  write(b.site + "/site-config.json", config);
  BuildResult r = build(b.site, b.out, b.cache);
  INFO(headlines(r));
  REQUIRE(r.ok());
  fx::Inspection avif = fx::inspect(b.page + "photo-400.avif");
  CHECK(avif.width == 400);
  CHECK(avif.height == 240);
  std::string html = read_text(b.page + "index.html");
  size_t a = html.find("<source type=\"image/avif\""), w = html.find("<source type=\"image/webp\"");
  REQUIRE(a != std::string::npos);
  CHECK(a < w);
}

TEST_CASE("images: copies no build uses any more leave the cache after a week; others' files stay") {
  Built b;
  fs::create_directories(b.site + "/content/articles/anh");
  fx::write_photo(b.site + "/content/articles/anh/photo.jpg", 500, 300, 1);
  fx::write_photo(b.site + "/content/articles/anh/cu.jpg", 500, 300, 3);
  make_site(b.site, "cu.jpg", {});
  REQUIRE(build(b.site, b.out, b.cache).ok());
  std::set<std::string> old_copies;
  for (auto& e : fs::directory_iterator(b.cache)) old_copies.insert(e.path().string());
  REQUIRE(old_copies.size() == 7);  // 3 widths × 2 formats and the header note
  std::ofstream(b.cache + "/ghi-chu-cua-ban.txt") << "không phải của bangtin";

  make_site(b.site, "photo.jpg", {});  // the editor replaced the cover
  BuildResult fresh = build(b.site, b.out, b.cache);
  REQUIRE(fresh.ok());
  CHECK(fresh.images_pruned == 0);  // written minutes ago: a draft may want them back
  for (const auto& f : old_copies) fs::last_write_time(f, fs::file_time_type::clock::now() - std::chrono::hours(24 * 8));
  BuildResult later = build(b.site, b.out, b.cache);
  REQUIRE(later.ok());
  CHECK(later.images_pruned == 7);
  CHECK(later.images_encoded == 0);
  for (const auto& f : old_copies) CHECK_FALSE(fs::exists(f));
  CHECK(fs::exists(b.cache + "/ghi-chu-cua-ban.txt"));
  CHECK(fs::exists(b.page + "photo-400.webp"));
}

TEST_CASE("images: a smaller copy made from a larger one looks like one made from the source") {
  // Widths 200, 450 and 1600 of a 1000×600 picture in the body (a cover
  // would also get a share crop, scored on a copy of its own): 200 is made
  // from the 450 copy (over twice its size); without 450, from the decoded
  // 1000. PNG, so only resampling differs, not JPEG or WebP noise.
  auto site_with = [](Built& b, const std::string& widths) {
    fs::create_directories(b.site + "/content/articles/anh");
    fx::write_photo(b.site + "/content/articles/anh/photo.jpg", 300, 200, 1);
    fx::write_scene(b.site + "/content/articles/anh/scene.jpg", 1000, 600);
    make_site(b.site, "photo.jpg", {"scene.jpg"});
    std::string config = read_text(b.site + "/site-config.json");
    config.replace(config.find("[200, 400, 1600]"), 16, widths);
    config.replace(config.find("[\"webp\", \"jpeg\"]"), 16, "[\"png\"]");
    write(b.site + "/site-config.json", config);
    BuildResult r = build(b.site, b.out, b.cache);
    INFO(headlines(r));
    REQUIRE(r.ok());
  };
  Built chained, direct;
  site_with(chained, "[200, 450, 1600]");
  site_with(direct, "[200, 1600]");
  REQUIRE(fx::inspect(chained.page + "scene-200.png").width == 200);
  REQUIRE(fs::exists(chained.page + "scene-450.png"));
  double db = fx::psnr(chained.page + "scene-200.png", direct.page + "scene-200.png");
  CAPTURE(db);
  CHECK(db > 40);
  // Not the same file: the chain is real (1000 → 200 alone is a plain 5×
  // box shrink in libvips, 1000 → 450 → 200 is not).
  CHECK(db < INFINITY);
}

TEST_CASE("images: copies made with other encoder settings are made again, and leave the cache after a week") {
  Built b;
  b.with_cover(500, 300);
  REQUIRE(build(b.site, b.out, b.cache).ok());
  // What a bangtin before the settings revision left: "…-q80-v8.14.1.webp".
  static const std::regex revision("-s[0-9]+\\.");
  std::set<std::string> old_copies;
  for (auto& e : fs::directory_iterator(b.cache)) {
    std::string name = e.path().filename().string();
    REQUIRE(std::regex_search(name, revision));
    std::string old = b.cache + "/" + std::regex_replace(name, revision, ".");
    fs::rename(e.path(), old);
    old_copies.insert(old);
  }
  REQUIRE(old_copies.size() == 7);  // 3 widths × 2 formats and the header note

  BuildResult again = build(b.site, b.out, b.cache);
  REQUIRE(again.ok());
  CHECK(again.images_reused == 0);
  CHECK(again.images_encoded == 6);
  for (const auto& f : old_copies) fs::last_write_time(f, fs::file_time_type::clock::now() - std::chrono::hours(24 * 8));
  BuildResult later = build(b.site, b.out, b.cache);
  REQUIRE(later.ok());
  CHECK(later.images_pruned == 7);
  for (const auto& f : old_copies) CHECK_FALSE(fs::exists(f));
}
