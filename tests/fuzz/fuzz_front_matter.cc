// The parse stage on one content file: front matter (yaml-cpp), every field
// of the kind chosen by the first byte, dates, durations, paths (against a
// site root that does not exist, so nothing is read from disk).
#include <cstdint>
#include <string>

#include "config/config.h"
#include "content/front_matter.h"

namespace {

const char* kConfig = R"({
  "title": "Fuzz", "base_url": "https://fuzz.example.gov.vn/", "language": "vi",
  "languages": { "vi": { "title": "Fuzz" }, "en": { "title": "Fuzz" } },
  "utc_offset": "+07:00", "default_unit": "so",
  "columns": [ { "key": "tin-tuc", "title": "Tin tức" }, { "key": "khac", "title": "Khác" } ],
  "units": [ { "key": "so", "title": "Sở", "kind": "department" } ]
})";

const bangtin::SiteConfig& config() {
  static bangtin::SiteConfig c = [] {
    bangtin::SiteConfig c;
    bangtin::Diagnostics d;
    if (!bangtin::parse_config(kConfig, c, d)) abort();
    return c;
  }();
  return c;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const bangtin::Kind kKinds[] = {bangtin::Kind::Article, bangtin::Kind::Infographic, bangtin::Kind::Video,
                                         bangtin::Kind::Audio,   bangtin::Kind::Document,    bangtin::Kind::Banner,
                                         bangtin::Kind::Page};
  bangtin::SourceFile f;
  f.kind = kKinds[data[0] % 7];
  f.path = "content/articles/bai/index.md";
  f.dir = "content/articles/bai";
  f.name = "bai";
  f.lang = (data[0] & 0x80) ? "en" : "vi";
  f.bundle = true;
  std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  bangtin::Diagnostics diags;
  bangtin::parse_item(f, text, config(), "/nonexistent-bangtin-fuzz-root", diags);
  return 0;
}
