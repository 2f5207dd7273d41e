// A throwaway site for the front matter tests (tests/content/front_matter*_test.cc):
// a config with two columns and two units, and the media files items refer to.
#pragma once
#include <doctest/doctest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "config/config.h"
#include "content/front_matter.h"
#include "core/paths.h"
#include "core/time.h"
#include "site/test_support.h"

namespace bangtin::testing {

inline const char* const kSiteConfig = R"({
  "title": "Cổng thông tin điện tử Sở Văn hóa và Thể thao",
  "base_url": "https://example.gov.vn/",
  "languages": { "vi": {}, "en": { "title": "Portal" } },
  "default_unit": "so-vhtt",
  "columns": [
    { "key": "dai-hoi-xiv", "title": "Đại hội XIV của Đảng" },
    { "key": "cai-cach-hanh-chinh", "title": "Cải cách hành chính" }
  ],
  "units": [
    { "key": "so-vhtt", "title": "Sở Văn hóa và Thể thao" },
    { "key": "phuong-hoan-kiem", "title": "Phường Hoàn Kiếm", "kind": "ward" }
  ]
})";

struct Parsed {
  std::optional<Item> item;
  std::vector<Diagnostic> diags;
  std::vector<std::string> headlines() const {
    std::vector<std::string> out;
    for (const auto& d : diags) out.push_back(d.headline());
    return out;
  }
  const Diagnostic* find(const std::string& headline) const {
    for (const auto& d : diags)
      if (d.headline() == headline) return &d;
    return nullptr;
  }
};

// A throwaway site root with a config and the media files items refer to.
class FrontMatterSite {
 public:
  FrontMatterSite() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "bangtin-fm-XXXXXX").string();
    REQUIRE(mkdtemp(tmpl.data()) != nullptr);
    tmp_ = tmpl;
    root_ = tmp_ / "site";
    Diagnostics diags;
    REQUIRE(parse_config(kSiteConfig, config_, diags));
    for (const char* f : {"content/articles/anh-bia.jpg", "content/articles/tai-lieu.pdf",
                          "content/infographics/tong-ket/tong-ket.png", "content/videos/phong-su/phong-su.mp4",
                          "content/videos/phong-su/poster.jpg", "content/videos/phong-su/phu-de.vtt",
                          "content/audio/ban-tin/ban-tin.mp3", "content/documents/ke-hoach-128.pdf",
                          "content/banners/chao-mung.webp", "assets/logo.png"})
      put(f);
    put_outside("outside/secret.jpg");
  }
  ~FrontMatterSite() {
    std::error_code ec;
    std::filesystem::remove_all(tmp_, ec);
  }

  void put(const std::string& rel) {
    std::filesystem::path p = root_ / rel;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << "data";
  }
  void put_outside(const std::string& rel) {
    std::filesystem::path p = tmp_ / rel;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << "secret";
  }
  void link_outside(const std::string& rel_in_site, const std::string& rel_outside) {
    std::filesystem::create_symlink(tmp_ / rel_outside, root_ / rel_in_site);
  }

  Parsed parse(Kind kind, const std::string& path, const std::string& text, bool bundle = false,
               const std::string& lang = "vi") {
    SourceFile f;
    f.kind = kind;
    f.path = path;
    f.dir = parent_dir(path);
    f.bundle = bundle;
    f.lang = lang;
    std::string name = bundle ? file_name(f.dir) : file_name(path);
    if (!bundle) name = name.substr(0, name.size() - 3);
    if (!bundle && lang != config_.default_language) name = name.substr(0, name.size() - lang.size() - 1);
    f.name = name;
    Diagnostics diags;
    Parsed out;
    out.item = parse_item(f, text, config_, root_.string(), diags);
    out.diags = diags.sorted();
    return out;
  }
  // Articles are the common case.
  Parsed article(const std::string& text, const std::string& path = "content/articles/hoi-nghi.md") {
    return parse(Kind::Article, path, text);
  }

  const SiteConfig& config() const { return config_; }

 private:
  std::filesystem::path tmp_, root_;
  SiteConfig config_;
};

inline int64_t at(const char* iso) {
  auto t = parse_iso_datetime(iso, 7 * 60);
  REQUIRE(t);
  return t->seconds;
}

inline const std::string kPath = "content/articles/hoi-nghi.md";

}  // namespace bangtin::testing
