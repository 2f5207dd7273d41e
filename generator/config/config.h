// site-config.json → SiteConfig. Every unknown key, wrong type and dangling
// reference is reported with its line; nothing is silently ignored.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "core/status.h"

namespace bangtin {

struct Localized {
  std::string title;
  std::string description;
};

struct Column {
  std::string key;
  std::string title;
  std::string description;
  int order = 0;
  std::map<std::string, Localized> translations;  // by language code
  int line = 0;
};

struct Unit {
  std::string key;
  std::string title;
  std::string kind;  // department, ward, commune
  std::map<std::string, Localized> translations;
  int line = 0;
};

struct Language {
  std::string code;
  std::string title;        // site title in this language
  std::string description;
};

// The box a banner placement shows its artwork in: banners are cropped to it.
struct Placement {
  int width = 0, height = 0;
};

struct ImageSettings {
  std::vector<int> widths{480, 960, 1600};
  std::vector<std::string> formats{"webp", "jpeg"};
  int quality = 80;
  // Larger sources are refused before decoding: a 20,000×20,000 PNG is 1.6 GB
  // of pixels however small the file.
  int max_megapixels = 100;
  std::map<std::string, Placement> placements{
      {"top", {1920, 480}}, {"home", {1200, 300}}, {"sidebar", {600, 600}}};
};

struct FeedSettings {
  int items = 50;
  bool full_content = true;
};

struct Quota {
  std::string column;
  int min_per_month = 0;
};

// What Decree 42/2022/NĐ-CP asks a portal to show; any of it may be missing
// (the footer leaves out what is, `bangtin check` names it).
struct Contact {
  std::string agency, address, phone, email, responsible;
  int line = 0;  // of "contact" in site-config.json; 0 when the config has none
};

struct SiteConfig {
  std::string title;
  std::string description;
  int title_line = 1;    // where `bangtin check` asks for the missing description
  std::string base_url;  // always ends with '/'
  std::string default_language = "vi";
  std::vector<Language> languages;  // default language first, then by code
  int utc_offset_minutes = 7 * 60;
  Contact contact;
  std::string default_unit;
  std::vector<Column> columns;  // by order, then key
  std::vector<Unit> units;      // as listed
  ImageSettings images;
  FeedSettings feeds;
  int pagination = 20;
  bool raw_html = false;
  std::vector<Quota> quotas;

  // The path part of base_url without its trailing '/': "" for a site at the
  // root of its host, "/cong" for https://host/cong/.
  std::string base_path() const;

  const Column* find_column(const std::string& key) const;
  const Unit* find_unit(const std::string& key) const;
  const Language* find_language(const std::string& code) const;
  // Title of a column/unit in `lang`, falling back to the default language.
  static std::string title_in(const std::string& base, const std::map<std::string, Localized>& tr,
                              const std::string& lang);
};

inline constexpr const char* kConfigFile = "site-config.json";

// Reads `site_root`/site-config.json. On errors, `diags` names each one.
bool load_config(const std::string& site_root, SiteConfig& config, Diagnostics& diags);
// The same from text, for tests.
bool parse_config(const std::string& text, SiteConfig& config, Diagnostics& diags);

}  // namespace bangtin
