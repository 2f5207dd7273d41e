// One preview build of the portal, rendered page by page as the browser asks.
// A save then costs the stages up to images (site/build.h prepare_site, with
// the memo), not every page of the portal: on a 10,000-article site the page
// an editor is looking at is ready well within a second.
//
// Pages of the plan are rendered on request; copied and resized files are
// known at once; the 404 and alias pages are rendered together when one is
// asked for; what needs the whole site (feeds, sitemap, search, reports,
// embeds, Zalo) is made once, the first time a path only it can have is
// asked for, so a browser's miss (a mistyped address) never costs that.
#pragma once
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "site/build.h"

namespace bangtin {

class LazySite {
 public:
  LazySite(std::shared_ptr<const SiteState> state, int jobs);

  // The file at `rel` (output-relative: "bai-viet/x/index.html"), or the
  // index.html of the folder `rel` ("bai-viet/x", "" for home), or nullopt.
  // Problems met while rendering it go to `diags`.
  std::optional<OutputFile> find(const std::string& rel, Diagnostics& diags);
  // The portal's 404 page.
  std::string not_found(Diagnostics& diags);
  const std::string& root() const { return state_->root; }

 private:
  using Files = std::unordered_map<std::string, OutputFile>;
  struct Group {  // files made together, once
    std::mutex mu;
    bool made = false;
    Files files;
  };
  const OutputFile* from(Group& group, const std::string& path, Diagnostics& diags);
  bool whole_site_only(const std::string& path) const;

  std::shared_ptr<const SiteState> state_;
  SiteContext ctx_;
  int jobs_;
  std::vector<PlannedPage> plan_;
  std::unordered_map<std::string, size_t> pages_;  // output path → index in plan_
  Files files_;
  std::set<std::string> special_paths_;  // 404.html and the aliases
  std::vector<std::string> whole_site_folders_;  // "tim-kiem/", "bao-cao/", …
  Group special_, rest_;
};

}  // namespace bangtin
