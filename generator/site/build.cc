#include "site/build.h"

#include <chrono>
#include <filesystem>

#include "check/lint.h"
#include "config/config.h"
#include "content/discover.h"
#include "content/front_matter.h"
#include "core/parallel.h"
#include "core/text.h"
#include "images/cache.h"
#include "media/probe.h"
#include "images/process.h"
#include "markdown/markdown.h"
#include "outputs/changes.h"
#include "outputs/embeds.h"
#include "outputs/feeds.h"
#include "outputs/pages.h"
#include "outputs/site_files.h"
#include "outputs/zalo.h"
#include "render/templates.h"
#include "report/pages.h"
#include "search/page.h"
#include "write/publish.h"

namespace fs = std::filesystem;

namespace bangtin {

namespace {

class StageTimer {
 public:
  explicit StageTimer(std::vector<StageTime>& out) : out_(out) {}
  void done(const char* stage) {
    auto now = std::chrono::steady_clock::now();
    out_.push_back({stage, std::chrono::duration<double, std::milli>(now - last_).count()});
    last_ = now;
  }

 private:
  std::vector<StageTime>& out_;
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

bool check_output_dir(const std::string& root, const std::string& output, Diagnostics& diags) {
  std::error_code ec;
  fs::path r = fs::weakly_canonical(root, ec), o = fs::weakly_canonical(output, ec);
  std::string rs = r.string() + "/", os = o.string() + "/";
  bool inside_source = starts_with(os, rs) && (starts_with(os, rs + "content/") || starts_with(os, rs + "templates/") ||
                                               starts_with(os, rs + "assets/"));
  if (starts_with(rs, os) || inside_source) {
    diags.error(output, 0, "thư mục đầu ra sẽ ghi đè lên tệp của trang",
                "chọn thư mục đầu ra nằm ngoài content/, templates/ và assets/, ví dụ public/");
    return false;
  }
  return true;
}

}  // namespace

BuildResult build_site(const BuildOptions& options, Disk& disk) {
  BuildResult result;
  Diagnostics& diags = result.diags;
  StageTimer timer(result.timings);
  std::string root = options.source.empty() ? "." : options.source;
  std::string output = options.output.empty() ? root + "/public" : options.output;

  SiteConfig config;
  if (!load_config(root, config, diags)) return result;
  if (!options.base_url.empty()) {
    config.base_url = options.base_url;
    if (!ends_with(config.base_url, "/")) config.base_url += "/";
  }
  Timestamp now{static_cast<int64_t>(std::chrono::duration_cast<std::chrono::seconds>(
                                         std::chrono::system_clock::now().time_since_epoch()).count())};
  if (!options.now.empty()) {
    auto t = parse_iso_datetime(options.now, config.utc_offset_minutes);
    if (!t) {
      diags.error("--now", 0, "\"" + options.now + "\" không phải ngày giờ hợp lệ", "viết theo dạng 2026-01-19T08:00:00+07:00");
      return result;
    }
    now = *t;
  }
  if (options.write && !check_output_dir(root, output, diags)) return result;
  timer.done("config");

  std::vector<SourceFile> sources = discover(root, config, diags);
  timer.done("discover");

  std::vector<std::optional<Item>> parsed(sources.size());
  std::vector<Diagnostics> parse_diags(sources.size());
  parallel_for(sources.size(), options.jobs, [&](size_t i) {
    std::string text;
    if (!read_file(root + "/" + sources[i].path, text)) {
      parse_diags[i].error(sources[i].path, 0, "không đọc được tệp");
      return;
    }
    parsed[i] = parse_item(sources[i], text, config, root, parse_diags[i]);
  });
  std::vector<Item> items;
  for (size_t i = 0; i < sources.size(); ++i) {
    diags.merge(parse_diags[i]);
    if (parsed[i]) items.push_back(std::move(*parsed[i]));
  }
  media::fill_durations(items, root, options.jobs);
  timer.done("parse");

  auto shared = std::make_shared<Library>(assemble(std::move(items), config, now, diags, options.preview));
  result.library = shared;
  Library& lib = *shared;
  result.items = lib.items.size();
  result.next_change = lib.next_change;
  result.next_change_source = lib.next_change_reason;
  if (lib.next_change) result.next_change_iso = format_iso(*lib.next_change, config.utc_offset_minutes);
  timer.done("assemble");

  parallel_for(lib.items.size(), options.jobs, [&](size_t i) {
    Item& item = lib.items[i];
    if (!lib.has_page(item)) return;
    RenderedBody body = render_markdown(item, lib, config, root, diags);
    item.body_html = std::move(body.html);
    item.headings = std::move(body.headings);
    item.resources = std::move(body.files);
    item.anchor_links = std::move(body.anchor_links);
    item.images_without_alt = std::move(body.images_without_alt);
    if (item.summary.empty()) item.summary = cut_at_word(body.first_paragraph, 240);
  });
  if (options.lint) lint(lib, diags);
  timer.done("markdown");

  Templates templates = Templates::load(root, diags);
  std::map<std::string, std::string> asset_urls;
  std::vector<OutputFile> assets = collect_assets(root, asset_urls, diags);
  // Images before pages: views need each copy's size, feeds each copy's bytes.
  images::ImageOptions image_options;
  image_options.cache_dir = options.image_cache.empty()
                                ? fs::absolute(root + "/.bangtin-cache/images").lexically_normal().string()
                                : options.image_cache;
  image_options.jobs = options.jobs;
  image_options.progress = options.image_progress;
  image_options.max_pixels = static_cast<int64_t>(config.images.max_megapixels) * 1000 * 1000;
  images::ImagePlan image_plan;
  std::vector<OutputFile> image_files;
  if (!diags.has_errors()) {
    image_plan = images::plan_images(lib, config, root, image_options, diags);
    if (options.lint) lint_covers(lib, config, image_plan, diags);
    images::ProcessStats image_stats;
    if (!diags.has_errors()) image_files = images::process_images(image_plan, image_options, root, diags, &image_stats);
    result.images_encoded = image_stats.encoded;
    result.images_reused = image_stats.reused;
    // `check` builds nothing and must not touch the cache either.
    if (!diags.has_errors() && options.write && !image_plan.sources.empty())
      result.images_pruned = images::prune_cache(image_options.cache_dir, image_plan.cache_files()).removed;
  }
  timer.done("images");
  SiteContext ctx{config, lib, templates, asset_urls, root, config.base_path(), &image_plan};
  if (diags.has_errors()) return result;  // rendering half a site helps no one
  std::vector<PlannedPage> plan = plan_pages(ctx);
  // The search index needs the rendered bodies; its pages join the plan.
  std::vector<search::SearchIndex> search_indexes = search::build_search_indexes(ctx, options.jobs);
  for (auto& p : search::plan_search_pages(ctx, search_indexes)) plan.push_back(std::move(p));
  // The office's report pages (/bao-cao/): noindex, outside the sitemap and the menu.
  report::ReportSection reports = report::plan_report_section(ctx);
  for (auto& p : reports.pages) plan.push_back(std::move(p));
  timer.done("search");
  result.files = render_pages(ctx, plan, options.jobs, diags);
  result.pages = result.files.size();
  timer.done("render");

  for (auto& f : special_pages(ctx, diags)) result.files.push_back(std::move(f));
  result.files.push_back({"sitemap.xml", sitemap_xml(ctx, plan), ""});
  result.files.push_back({"robots.txt", robots_txt(ctx), ""});
  result.files.push_back({"rebuild.json", rebuild_json(ctx), ""});
  for (auto& f : assets) result.files.push_back(std::move(f));
  for (auto& f : media_files(ctx)) result.files.push_back(std::move(f));
  for (auto& f : image_files) result.files.push_back(std::move(f));
  for (auto& f : feed_files(ctx, options.jobs)) result.files.push_back(std::move(f));
  for (auto& f : embed_files(ctx, diags)) result.files.push_back(std::move(f));
  for (auto& f : zalo_payloads(ctx, diags, options.jobs)) result.files.push_back(std::move(f));
  for (auto& index : search_indexes)
    for (auto& f : index.files) result.files.push_back(std::move(f));
  for (auto& f : reports.files) result.files.push_back(std::move(f));
  // Keep last: it lists what changed among all the files above, against the
  // output this build replaces (nothing to compare with when not writing).
  add_change_lists(ctx, result.files, options.write ? read_manifest(output) : Manifest{}, options.jobs);
  timer.done("outputs");

  if (options.write && !diags.has_errors()) {
    result.write_status = publish(disk, result.files, root, output, options.jobs, options.precompress);
    timer.done("write");
  }
  return result;
}

}  // namespace bangtin
