#include "site/build.h"

#include <sys/resource.h>

#include <chrono>
#include <exception>
#include <filesystem>
#include <thread>

#include "check/lint.h"
#include "config/config.h"
#include "content/discover.h"
#include "content/front_matter.h"
#include "core/hash.h"
#include "core/parallel.h"
#include "core/paths.h"
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
#include "site/memo.h"
#include "write/publish.h"

namespace fs = std::filesystem;

namespace bangtin {

namespace {

class StageTimer {
 public:
  explicit StageTimer(std::vector<StageTime>& out) : out_(out) {}
  void done(const char* stage) {
    auto now = std::chrono::steady_clock::now();
    // The process's peak so far: which stage raised it is what --timings
    // readers look for when a large portal runs short of memory.
    struct rusage usage = self_usage();
    double cpu = cpu_ms(usage);
    out_.push_back({stage, std::chrono::duration<double, std::milli>(now - last_).count(),
                    static_cast<double>(usage.ru_maxrss) / 1024.0, cpu - last_cpu_});
    last_ = now;
    last_cpu_ = cpu;
  }

 private:
  static struct rusage self_usage() {
    struct rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage;
  }
  static double cpu_ms(const struct rusage& u) {
    return (u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1000.0 + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1000.0;
  }

  std::vector<StageTime>& out_;
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
  double last_cpu_ = cpu_ms(self_usage());
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

uint64_t config_key(const std::string& root, const BuildOptions& options) {
  std::string text;
  read_file(root + "/site-config.json", text);
  return fnv1a64(text + "\x1f" + options.base_url + (options.preview ? "\x1fpreview" : ""));
}

void parse_sources(const std::vector<SourceFile>& sources, const std::string& root, const SiteConfig& config,
                   const BuildOptions& options, BuildMemo* memo, std::vector<Item>& items, Diagnostics& diags) {
  std::vector<std::optional<Item>> parsed(sources.size());
  std::vector<Diagnostics> parse_diags(sources.size());
  parallel_for(sources.size(), options.jobs, [&](size_t i) {
    std::optional<FileStamp> stamp = memo ? file_stamp(root + "/" + sources[i].path) : std::nullopt;
    if (stamp && memo->find_parsed(root, sources[i], *stamp, parsed[i], parse_diags[i])) return;
    FileLookups lookups;
    {
      std::optional<FileLookupRecorder> record;  // only a memo needs to know
      if (stamp) record.emplace(lookups);
      std::string text;
      if (!read_file(root + "/" + sources[i].path, text)) {
        parse_diags[i].error(sources[i].path, 0, "không đọc được tệp");
        return;
      }
      parsed[i] = parse_item(sources[i], text, config, root, parse_diags[i]);
    }
    if (stamp) memo->keep_parsed(sources[i], *stamp, parsed[i], parse_diags[i], std::move(lookups));
  });
  for (size_t i = 0; i < sources.size(); ++i) {
    diags.merge(parse_diags[i]);
    if (parsed[i]) items.push_back(std::move(*parsed[i]));
  }
}

void render_bodies(Library& lib, const std::string& root, const SiteConfig& config, const BuildOptions& options,
                   BuildMemo* memo, Diagnostics& diags) {
  parallel_for(lib.items.size(), options.jobs, [&](size_t i) {
    Item& item = lib.items[i];
    if (!lib.has_page(item)) return;
    RenderedBody body;
    Diagnostics local;
    if (!memo || !memo->find_body(root, lib, item, body, local)) {
      FileLookups lookups;
      {
        std::optional<FileLookupRecorder> record;  // only a memo needs to know
        if (memo) record.emplace(lookups);
        body = render_markdown(item, lib, config, root, local);
      }
      if (memo) memo->keep_body(lib, item, body, local, std::move(lookups));
    }
    diags.merge(local);
    item.body_html = std::move(body.html);
    item.headings = std::move(body.headings);
    item.resources = std::move(body.files);
    item.anchor_links = std::move(body.anchor_links);
    item.images_without_alt = std::move(body.images_without_alt);
    if (item.summary.empty()) item.summary = cut_at_word(body.first_paragraph, 240);
  });
}

}  // namespace

std::string output_folder(const BuildOptions& options, const std::string& root) {
  return options.output.empty() ? root + "/public" : options.output;
}

std::shared_ptr<SiteState> prepare_site(const BuildOptions& options, BuildResult& result, BuildMemo* memo) {
  Diagnostics& diags = result.diags;
  StageTimer timer(result.timings);
  auto state = std::make_shared<SiteState>();
  std::string root = state->root = options.source.empty() ? "." : options.source;
  std::string output = output_folder(options, root);

  SiteConfig& config = state->config;
  if (!load_config(root, config, diags)) return nullptr;
  if (!options.base_url.empty()) {
    config.base_url = options.base_url;
    if (!ends_with(config.base_url, "/")) config.base_url += "/";
  }
  Timestamp now = clock_now();
  if (!options.now.empty()) {
    auto t = parse_iso_datetime(options.now, config.utc_offset_minutes);
    if (!t) {
      diags.error("--now", 0, "\"" + options.now + "\" không phải ngày giờ hợp lệ", "viết theo dạng 2026-01-19T08:00:00+07:00");
      return nullptr;
    }
    now = *t;
  }
  result.now = now;
  result.utc_offset_minutes = config.utc_offset_minutes;
  if (options.write && !check_output_dir(root, output, diags)) return nullptr;
  if (memo) memo->begin(config_key(root, options));
  timer.done("config");

  std::vector<SourceFile> sources = discover(root, config, diags);
  timer.done("discover");

  std::vector<Item> items;
  parse_sources(sources, root, config, options, memo, items, diags);
  media::fill_durations(items, root, options.jobs);
  timer.done("parse");

  state->library = std::make_shared<Library>(assemble(std::move(items), config, now, diags, options.preview));
  result.library = state->library;
  Library& lib = *state->library;
  result.items = lib.items.size();
  result.next_change = lib.next_change;
  result.next_change_source = lib.next_change_reason;
  if (lib.next_change) result.next_change_iso = format_iso(*lib.next_change, config.utc_offset_minutes);
  timer.done("assemble");

  render_bodies(lib, root, config, options, memo, diags);
  if (options.lint) {
    lint(lib, diags);
    lint_config(config, diags);
  }
  timer.done("markdown");

  state->templates = Templates::load(root, diags);
  state->assets = collect_assets(root, state->asset_urls, diags);
  // Images before pages: views need each copy's size, feeds each copy's bytes.
  images::ImageOptions image_options;
  image_options.cache_dir = options.image_cache.empty()
                                ? fs::absolute(root + "/.bangtin-cache/images").lexically_normal().string()
                                : options.image_cache;
  image_options.jobs = options.jobs;
  image_options.progress = options.image_progress;
  image_options.max_pixels = static_cast<int64_t>(config.images.max_megapixels) * 1000 * 1000;
  if (memo) image_options.known_hashes = &memo->image_hashes();
  if (!diags.has_errors()) {
    state->image_plan = images::plan_images(lib, config, root, image_options, diags);
    if (options.lint) lint_covers(lib, config, state->image_plan, diags);
    images::ProcessStats image_stats;
    if (!diags.has_errors())
      state->image_files = images::process_images(state->image_plan, image_options, root, diags, &image_stats);
    result.images_encoded = image_stats.encoded;
    result.images_reused = image_stats.reused;
    // `check` builds nothing and must not touch the cache either.
    if (!diags.has_errors() && options.write && !state->image_plan.sources.empty())
      result.images_pruned = images::prune_cache(image_options.cache_dir, state->image_plan.cache_files()).removed;
  }
  timer.done("images");
  if (diags.has_errors()) return nullptr;  // rendering half a site helps no one
  return state;
}

OtherOutputs plan_other_outputs(const SiteContext& ctx, int jobs) {
  OtherOutputs out;
  // The search index needs the rendered bodies; its pages join the plan.
  std::vector<search::SearchIndex> indexes = search::build_search_indexes(ctx, jobs);
  out.pages = search::plan_search_pages(ctx, indexes);
  for (auto& index : indexes)
    for (auto& f : index.files) out.files.push_back(std::move(f));
  // The office's report pages (/bao-cao/): noindex, outside the sitemap and the menu.
  report::ReportSection reports = report::plan_report_section(ctx);
  for (auto& p : reports.pages) out.pages.push_back(std::move(p));
  for (auto& f : reports.files) out.files.push_back(std::move(f));
  return out;
}

// Zalo payloads in batches of this many: each holds a whole article, and
// 10,000 of them at once were a fifth of a build's peak memory.
constexpr size_t kZaloBatch = 500;

void add_other_files(const SiteContext& ctx, const std::vector<PlannedPage>& plan, int jobs, Diagnostics& diags,
                     const FileSink& put) {
  put(special_pages(ctx, diags));
  put({{"sitemap.xml", sitemap_xml(ctx, plan), ""},
       {"robots.txt", robots_txt(ctx), ""},
       {"rebuild.json", rebuild_json(ctx), ""}});
  put(feed_files(ctx, jobs));
  put(embed_files(ctx, diags));
  zalo_payloads(ctx, diags, jobs, put, kZaloBatch);
}

void add_other_files(const SiteContext& ctx, const std::vector<PlannedPage>& plan, int jobs, Diagnostics& diags,
                     std::vector<OutputFile>& files) {
  add_other_files(ctx, plan, jobs, diags, append_to(files));
}

BuildResult build_site(const BuildOptions& options, Disk& disk) {
  BuildResult result;
  std::shared_ptr<SiteState> state = prepare_site(options, result);
  if (!state) return result;
  Diagnostics& diags = result.diags;
  StageTimer timer(result.timings);
  SiteContext ctx = state->context();
  std::vector<PlannedPage> plan = plan_pages(ctx);
  std::string output = output_folder(options, state->root);
  // When writing, every file is staged as soon as it is made (write/publish.h)
  // instead of being held until the end; otherwise the result keeps them.
  // The pages' folders are made while the search index is built.
  std::optional<Stager> stager;
  std::jthread folders;  // joined on the way out, even by an exception
  if (options.write) {
    stager.emplace(disk, state->root, output, options.precompress);
    std::vector<std::string> paths;
    for (const auto& p : plan) paths.push_back(url_to_output_path(p.info.url));
    folders = std::jthread([&stager, paths = std::move(paths)] { stager->make_folders(paths); });
  }
  OtherOutputs other = plan_other_outputs(ctx, options.jobs);
  if (folders.joinable()) folders.join();
  for (auto& p : other.pages) plan.push_back(std::move(p));
  timer.done("search");
  // Everything but the pages, in this order, a batch at a time.
  auto other_files = [&](Diagnostics& sink, const FileSink& put) {
    add_other_files(ctx, plan, options.jobs, sink, put);
    put(std::move(state->assets));
    put(media_files(ctx));
    put(std::move(state->image_files));
    put(std::move(other.files));
  };
  if (!stager) {
    result.files = render_pages(ctx, plan, options.jobs, diags);
    result.pages = plan.size();
    timer.done("render");
    other_files(diags, append_to(result.files));
    add_change_lists(ctx, result.files, Manifest{}, options.jobs);  // nothing to compare with
    result.file_count = result.files.size();
    timer.done("outputs");
    return result;
  }
  // Feeds, embeds and Zalo payloads are made, and they and the search index
  // files staged, while the pages render: the 10,000 payloads of a large
  // portal share one folder, which one thread fills (two in one folder
  // contend for its lock), and that thread no longer runs alone after the
  // pages. --timings then shows as "outputs" what is left when the pages
  // are done.
  std::exception_ptr others_failed;
  auto stage_others = [&] {
    try {
      other_files(diags, [&](std::vector<OutputFile>&& files) { put_all(*stager, files, options.jobs); });
    } catch (...) {
      others_failed = std::current_exception();
    }
  };
  std::jthread others;
  if (options.jobs == 1) stage_others();
  else others = std::jthread(stage_others);
  render_pages(ctx, plan, options.jobs, diags, [&](size_t, OutputFile&& page) { stager->put(page); });
  result.pages = plan.size();
  timer.done("render");
  if (others.joinable()) others.join();
  if (others_failed) std::rethrow_exception(others_failed);
  timer.done("outputs");
  // Keep last: they list what changed among all the files above, against the
  // output this build replaces.
  bool other_hash = false;
  Manifest previous = read_manifest(output, &other_hash);
  std::set<std::string> unchanged;
  if (other_hash) unchanged = stager->unchanged();
  for (const auto& f : change_lists(ctx, stager->hashes(), previous, other_hash ? &unchanged : nullptr)) stager->put(f);
  result.file_count = stager->count();
  if (diags.has_errors()) return result;  // the stager removes its folder: the output stays as it was
  result.write_status = stager->finish();
  timer.done("write");
  return result;
}

}  // namespace bangtin
