// One preview build of the portal, rendered page by page as the browser asks.
// A save then costs the stages up to images (site/build.h prepare_site, with
// the memo), not every page of the portal: on a 10,000-article site the page
// an editor is looking at is ready well within a second.
//
// Pages of the plan are rendered on request; copied and resized files are
// known at once; what needs the whole site (feeds, sitemap, search index,
// reports, embeds, Zalo, alias redirects) is made once, the first time any
// of it is asked for.
#pragma once
#include <memory>
#include <mutex>
#include <optional>
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
  // The portal's 404 page, rendered alone.
  std::string not_found(Diagnostics& diags) const;
  const std::string& root() const { return state_->root; }

 private:
  void make_rest(Diagnostics& diags);

  std::shared_ptr<const SiteState> state_;
  SiteContext ctx_;
  int jobs_;
  std::vector<PlannedPage> plan_;
  std::unordered_map<std::string, size_t> pages_;  // output path → index in plan_
  std::unordered_map<std::string, OutputFile> files_;
  std::mutex rest_mu_;
  bool rest_made_ = false;
  std::unordered_map<std::string, OutputFile> rest_;
};

}  // namespace bangtin
