#include "serve/lazy_site.h"

#include "outputs/site_files.h"

namespace bangtin {

LazySite::LazySite(std::shared_ptr<const SiteState> state, int jobs)
    : state_(std::move(state)), ctx_(state_->context()), jobs_(jobs), plan_(plan_pages(ctx_)) {
  for (size_t i = 0; i < plan_.size(); ++i) pages_.emplace(url_to_output_path(plan_[i].info.url), i);
  for (const auto* group : {&state_->assets, &state_->image_files})
    for (const auto& f : *group) files_.emplace(f.path, f);
  // A page's own photos and attachments come with it.
  for (auto& f : media_files(ctx_)) files_.emplace(f.path, std::move(f));
}

std::optional<OutputFile> LazySite::find(const std::string& rel, Diagnostics& diags) {
  std::vector<std::string> candidates{rel.empty() ? "index.html" : rel};
  if (!rel.empty()) candidates.push_back(rel + "/index.html");  // a folder's address
  for (const auto& path : candidates) {
    if (auto page = pages_.find(path); page != pages_.end()) return render_page(ctx_, plan_[page->second], diags);
    if (auto file = files_.find(path); file != files_.end()) return file->second;
  }
  std::lock_guard<std::mutex> lock(rest_mu_);
  if (!rest_made_) make_rest(diags);
  for (const auto& path : candidates)
    if (auto file = rest_.find(path); file != rest_.end()) return file->second;
  return std::nullopt;
}

std::string LazySite::not_found(Diagnostics& diags) const { return not_found_page(ctx_, diags).bytes; }

void LazySite::make_rest(Diagnostics& diags) {
  rest_made_ = true;
  OtherOutputs other = plan_other_outputs(ctx_, jobs_);
  std::vector<PlannedPage> plan = plan_;  // the sitemap lists every page
  for (auto& p : other.pages) plan.push_back(std::move(p));
  std::vector<PlannedPage> extra(plan.begin() + static_cast<std::ptrdiff_t>(plan_.size()), plan.end());
  std::vector<OutputFile> files = render_pages(ctx_, extra, jobs_, diags);
  add_other_files(ctx_, plan, jobs_, diags, files);
  for (auto& f : other.files) files.push_back(std::move(f));
  for (auto& f : files) rest_.emplace(f.path, std::move(f));
}

}  // namespace bangtin
