#include "serve/lazy_site.h"

#include "core/paths.h"
#include "core/text.h"
#include "outputs/site_files.h"
#include "search/index.h"

namespace bangtin {

LazySite::LazySite(std::shared_ptr<const SiteState> state, int jobs)
    : state_(std::move(state)), ctx_(state_->context()), jobs_(jobs), plan_(plan_pages(ctx_)) {
  for (size_t i = 0; i < plan_.size(); ++i) pages_.emplace(url_to_output_path(plan_[i].info.url), i);
  for (const auto* group : {&state_->assets, &state_->image_files})
    for (const auto& f : *group) files_.emplace(f.path, f);
  // A page's own photos and attachments come with it.
  for (auto& f : media_files(ctx_)) files_.emplace(f.path, std::move(f));
  special_paths_.insert("404.html");
  for (const auto& [alias, id] : ctx_.lib.aliases) special_paths_.insert(url_to_output_path(alias));
  // The pages made from the whole site: search (search/page.h), reports
  // (report/pages.h) and embeds (outputs/embeds.h).
  for (const Language& lang : ctx_.config.languages)
    whole_site_folders_.push_back(search::search_page_url(ctx_, lang.code).substr(1));
  whole_site_folders_.push_back("bao-cao/");
  whole_site_folders_.push_back("nhung/");
  whole_site_folders_.push_back("nhung-tin/");
}

bool LazySite::whole_site_only(const std::string& path) const {
  static const std::set<std::string> made_whole{".xml", ".json", ".txt", ".csv", ".js"};  // feeds, indexes, payloads
  if (made_whole.count(extension_lower(path))) return true;
  for (const auto& folder : whole_site_folders_)
    if (starts_with(path, folder)) return true;
  return false;
}

const OutputFile* LazySite::from(Group& group, const std::string& path, Diagnostics& diags) {
  std::lock_guard<std::mutex> lock(group.mu);
  if (!group.made) {
    group.made = true;
    std::vector<OutputFile> files;
    if (&group == &special_) {
      files = special_pages(ctx_, diags);
    } else {
      OtherOutputs other = plan_other_outputs(ctx_, jobs_);
      files = render_pages(ctx_, other.pages, jobs_, diags);
      std::vector<PlannedPage> plan = plan_;  // the sitemap lists every page
      for (auto& p : other.pages) plan.push_back(std::move(p));
      add_other_files(ctx_, plan, jobs_, diags, files);
      for (auto& f : other.files) files.push_back(std::move(f));
    }
    for (auto& f : files) group.files.emplace(f.path, std::move(f));
  }
  auto it = group.files.find(path);
  return it == group.files.end() ? nullptr : &it->second;
}

std::optional<OutputFile> LazySite::find(const std::string& rel, Diagnostics& diags) {
  std::vector<std::string> candidates{rel.empty() ? "index.html" : rel};
  if (!rel.empty()) candidates.push_back(rel + "/index.html");  // a folder's address
  for (const auto& path : candidates) {
    if (auto page = pages_.find(path); page != pages_.end()) return render_page(ctx_, plan_[page->second], diags);
    if (auto file = files_.find(path); file != files_.end()) return file->second;
  }
  for (const auto& path : candidates) {
    const OutputFile* file = nullptr;
    if (special_paths_.count(path)) file = from(special_, path, diags);
    else if (whole_site_only(path)) file = from(rest_, path, diags);
    if (file) return *file;
  }
  return std::nullopt;
}

std::string LazySite::not_found(Diagnostics& diags) {
  const OutputFile* page = from(special_, "404.html", diags);
  return page ? page->bytes : "";
}

}  // namespace bangtin
