#include "content/discover.h"

#include <algorithm>
#include <filesystem>

#include "core/paths.h"
#include "core/text.h"

namespace fs = std::filesystem;

namespace bangtin {

namespace {

struct Walker {
  const std::string& root;
  const SiteConfig& config;
  Diagnostics& diags;
  std::vector<SourceFile>& out;

  // Lexical: fs::relative would follow the very symlinks we report.
  std::string rel(const fs::path& p) const { return p.lexically_relative(root).generic_string(); }

  bool inside(const fs::path& p) {
    FileCheck c = check_site_file(root, rel(p));
    if (c == FileCheck::OutsideRoot) {
      diags.error(rel(p), 0, "liên kết (symlink) này trỏ ra ngoài thư mục trang",
                  "thay liên kết bằng bản sao của tệp");
      return false;
    }
    return true;
  }

  // "x.en.md" → name "x", lang "en"; "x.md" → name "x", default language.
  bool split_name(const std::string& file, const std::string& rel_path, std::string& name, std::string& lang) {
    std::string stem = file.substr(0, file.size() - 3);
    lang = config.default_language;
    auto dot = stem.rfind('.');
    if (dot != std::string::npos) {
      std::string suffix = stem.substr(dot + 1);
      if (config.find_language(suffix)) {
        lang = suffix;
        stem = stem.substr(0, dot);
      } else if (suffix.size() >= 2 && suffix.size() <= 3 &&
                 std::all_of(suffix.begin(), suffix.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
        diags.error(rel_path, 0, "ngôn ngữ \"" + suffix + "\" không có trong \"languages\" của site-config.json",
                    "thêm ngôn ngữ vào \"languages\" hoặc đổi tên tệp");
        return false;
      }
    }
    name = to_nfc(stem);
    return true;
  }

  void walk(Kind kind, const fs::path& dir) {
    std::vector<fs::directory_entry> entries;
    std::error_code ec;
    for (auto& e : fs::directory_iterator(dir, ec)) entries.push_back(e);
    std::sort(entries.begin(), entries.end(),
              [](const auto& a, const auto& b) { return a.path().filename() < b.path().filename(); });
    for (const auto& e : entries) {
      std::string fname = e.path().filename().string();
      if (fname.empty() || fname[0] == '.' || fname[0] == '_' || ends_with(fname, "~")) continue;
      if (e.is_symlink(ec) && !inside(e.path())) continue;
      if (e.is_directory(ec)) {
        bundle_or_folder(kind, e.path());
      } else if (ends_with(ascii_lower(fname), ".md")) {
        SourceFile f{kind, rel(e.path()), rel(dir), "", "", false};
        if (split_name(fname, f.path, f.name, f.lang)) out.push_back(f);
      }
      // Other files beside single-file items are media those items link to.
    }
  }

  void bundle_or_folder(Kind kind, const fs::path& dir) {
    std::vector<std::string> indexes;
    std::error_code ec;
    for (auto& e : fs::directory_iterator(dir, ec)) {
      std::string f = e.path().filename().string();
      if (starts_with(f, "index.") && ends_with(ascii_lower(f), ".md")) indexes.push_back(f);
    }
    if (indexes.empty()) {
      walk(kind, dir);
      return;
    }
    std::sort(indexes.begin(), indexes.end());
    std::string bundle_name = to_nfc(dir.filename().string());
    for (const auto& idx : indexes) {
      fs::path p = dir / idx;
      if (fs::is_symlink(p, ec) && !inside(p)) continue;
      SourceFile f{kind, rel(p), rel(dir), "", "", true};
      std::string ignored;
      if (!split_name(idx, f.path, ignored, f.lang)) continue;
      f.name = bundle_name;
      out.push_back(f);
    }
  }
};

}  // namespace

std::vector<SourceFile> discover(const std::string& site_root, const SiteConfig& config, Diagnostics& diags) {
  std::vector<SourceFile> out;
  fs::path content = fs::path(site_root) / "content";
  std::error_code ec;
  if (!fs::is_directory(content, ec)) {
    diags.error("content", 0, "không có thư mục content", "tạo thư mục content/articles/ và đặt một bài Markdown vào đó");
    return out;
  }
  Walker w{site_root, config, diags, out};
  std::vector<fs::directory_entry> tops;
  for (auto& e : fs::directory_iterator(content, ec)) tops.push_back(e);
  std::sort(tops.begin(), tops.end(), [](const auto& a, const auto& b) { return a.path() < b.path(); });
  for (const auto& e : tops) {
    std::string name = e.path().filename().string();
    if (name.empty() || name[0] == '.') continue;
    auto kind = kind_from_folder(name);
    if (!kind || !e.is_directory(ec)) {
      diags.error(w.rel(e.path()), 0, "thư mục nội dung lạ \"" + name + "\"",
                  "content/ chỉ gồm articles, infographics, videos, audio, documents, banners và pages");
      continue;
    }
    if (e.is_symlink(ec) && !w.inside(e.path())) continue;
    w.walk(*kind, e.path());
  }
  std::sort(out.begin(), out.end(), [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
  return out;
}

}  // namespace bangtin
