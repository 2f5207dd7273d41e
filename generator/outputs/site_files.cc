#include "outputs/site_files.h"

#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "core/disk.h"
#include "core/hash.h"
#include "core/paths.h"
#include "core/text.h"
#include "render/templates.h"

namespace fs = std::filesystem;

namespace bangtin {

std::vector<OutputFile> collect_assets(const std::string& site_root, std::map<std::string, std::string>& urls,
                                       Diagnostics& diags) {
  std::map<std::string, std::string> files;  // "css/site.css" → bytes
  for (const auto& [path, bytes] : builtin_theme())
    if (starts_with(path, "assets/")) files[path.substr(7)] = bytes;
  fs::path dir = fs::path(site_root) / "assets";
  std::error_code ec;
  if (fs::is_directory(dir, ec)) {
    for (auto& e : fs::recursive_directory_iterator(dir, ec)) {
      if (!e.is_regular_file()) continue;
      std::string rel = e.path().lexically_relative(dir).generic_string();
      if (file_name(rel)[0] == '.') continue;
      if (check_site_file(site_root, "assets/" + rel) != FileCheck::Ok) {
        diags.error("assets/" + rel, 0, "tệp này là liên kết trỏ ra ngoài thư mục trang");
        continue;
      }
      if (!read_file(e.path().string(), files[rel])) diags.error("assets/" + rel, 0, "không đọc được tệp");
    }
  }
  std::vector<OutputFile> out;
  for (const auto& [rel, bytes] : files) {
    std::string name = file_name(rel), parent = parent_dir(rel);
    auto dot = name.rfind('.');
    std::string hashed = dot == std::string::npos ? name + "." + short_hash(bytes)
                                                  : name.substr(0, dot) + "." + short_hash(bytes) + name.substr(dot);
    std::string path = "assets/" + (parent.empty() ? "" : parent + "/") + hashed;
    urls[rel] = "/" + path;
    out.push_back({path, bytes, ""});
  }
  return out;
}

std::string sitemap_xml(const SiteContext& ctx, const std::vector<PlannedPage>& plan) {
  std::string x =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n";
  for (const auto& p : plan) {
    if (!p.in_sitemap || p.info.noindex) continue;
    x += "  <url>\n    <loc>" + escape_xml(ctx.absolute(p.info.url)) + "</loc>\n";
    if (p.lastmod) x += "    <lastmod>" + format_iso(*p.lastmod, ctx.config.utc_offset_minutes) + "</lastmod>\n";
    if (p.info.alternates.size() > 1) {
      for (const auto& [lang, url] : p.info.alternates)
        x += "    <xhtml:link rel=\"alternate\" hreflang=\"" + escape_xml(lang) + "\" href=\"" +
             escape_xml(ctx.absolute(url)) + "\"/>\n";
      x += "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"" +
           escape_xml(ctx.absolute(p.info.alternates.front().second)) + "\"/>\n";
    }
    x += "  </url>\n";
  }
  x += "</urlset>\n";
  return x;
}

std::string robots_txt(const SiteContext& ctx) {
  return "User-agent: *\nAllow: /\n\nSitemap: " + ctx.absolute("/sitemap.xml") + "\n";
}

std::string rebuild_json(const SiteContext& ctx) {
  int off = ctx.config.utc_offset_minutes;
  nlohmann::json j;
  j["built_at"] = format_iso(ctx.lib.now, off);
  // The time only: the file that changes then may be a story under embargo,
  // and its name would be on the web before the story. The console and the
  // build record in .bangtin-cache/ name it for the editor.
  if (ctx.lib.next_change) j["next_change"] = format_iso(*ctx.lib.next_change, off);
  else j["next_change"] = nullptr;
  return j.dump(2) + "\n";
}

std::vector<OutputFile> media_files(const SiteContext& ctx) {
  std::map<std::string, std::string> files;  // output path → source
  for (const Item& item : ctx.lib.items) {
    if (!ctx.lib.has_page(item)) continue;
    std::vector<std::string> used = item.resources;
    for (const std::string* f : {&item.cover}) used.push_back(*f);
    if (item.infographic) used.push_back(item.infographic->image);
    if (item.video) used.insert(used.end(), {item.video->file, item.video->poster, item.video->captions});
    if (item.audio) used.push_back(item.audio->file);
    if (item.document) used.push_back(item.document->file);
    if (item.banner) used.push_back(item.banner->image);
    for (const auto& rel : used) {
      if (rel.empty()) continue;
      std::string url = resource_url(item, rel);
      if (ctx.images && ctx.images->fallback(url)) continue;  // its resized copies stand in for it
      files.emplace(url_to_output_path(url), rel);
    }
  }
  std::vector<OutputFile> out;
  for (const auto& [path, source] : files) out.push_back({path, "", source});
  return out;
}

}  // namespace bangtin
