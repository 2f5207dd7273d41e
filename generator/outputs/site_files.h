// The files around the pages: sitemap.xml with hreflang alternates,
// robots.txt, the theme's assets under content-hashed names, the media files
// items refer to, and rebuild.json for the cron job that rebuilds on time.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "core/output.h"
#include "outputs/pages.h"

namespace bangtin {

// Built-in assets, then the site's assets/ over them; returns the files and
// fills `urls` ("css/site.css" → "/assets/css/site.1a2b3c4d5e.css").
std::vector<OutputFile> collect_assets(const std::string& site_root, std::map<std::string, std::string>& urls,
                                       Diagnostics& diags);
std::string sitemap_xml(const SiteContext& ctx, const std::vector<PlannedPage>& plan);
std::string robots_txt(const SiteContext& ctx);
// {"built_at", "next_change"}: when the output next changes, never what.
std::string rebuild_json(const SiteContext& ctx);
// Covers, attachments, bundle media: every file an item with a page uses.
std::vector<OutputFile> media_files(const SiteContext& ctx);

}  // namespace bangtin
