#include "serve/preview.h"

#include <chrono>
#include <utility>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "core/disk.h"
#include "core/paths.h"
#include "core/text.h"
#include "serve/lazy_site.h"
#include "site/build.h"

namespace bangtin {

namespace {

// Reloads on a good build; shows an overlay of `path:line: message` on a bad
// one. Built with textContent only: messages quote editors' text.
const char* kLiveReload = R"JS((function () {
  var box = null;
  function show(lines) {
    if (!box) {
      box = document.createElement('div');
      box.setAttribute('role', 'alert');
      box.style.cssText = 'position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:99999;' +
        'background:#fff5f5;color:#5c0000;border-top:4px solid #b3151b;padding:12px 16px;' +
        'font:14px/1.5 ui-monospace,monospace;box-shadow:0 -4px 16px rgba(0,0,0,.2)';
      document.body.appendChild(box);
    }
    box.textContent = '';
    var h = document.createElement('strong');
    h.textContent = 'Nội dung có lỗi — đang hiển thị bản dựng tốt gần nhất. Sửa rồi lưu lại:';
    box.appendChild(h);
    var pre = document.createElement('pre');
    pre.style.whiteSpace = 'pre-wrap';
    pre.textContent = lines;
    box.appendChild(pre);
  }
  var es = new EventSource('/__bangtin/events');
  es.addEventListener('reload', function () { location.reload(); });
  es.addEventListener('problems', function (e) { show(JSON.parse(e.data)); });
})();
)JS";

std::string content_type(const std::string& path) {
  static const std::map<std::string, std::string> types{
      {".html", "text/html; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"}, {".json", "application/json"},
      {".xml", "application/xml; charset=utf-8"}, {".txt", "text/plain; charset=utf-8"},
      {".jpg", "image/jpeg"}, {".jpeg", "image/jpeg"}, {".png", "image/png"}, {".webp", "image/webp"},
      {".avif", "image/avif"}, {".gif", "image/gif"}, {".svg", "image/svg+xml"}, {".pdf", "application/pdf"},
      {".mp3", "audio/mpeg"}, {".m4a", "audio/mp4"}, {".ogg", "audio/ogg"}, {".mp4", "video/mp4"},
      {".webm", "video/webm"}, {".vtt", "text/vtt; charset=utf-8"}, {".woff2", "font/woff2"},
      {".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}};
  auto it = types.find(extension_lower(path));
  return it == types.end() ? "application/octet-stream" : it->second;
}

std::string inject(std::string html) {
  const std::string tag = "<script src=\"/__bangtin/livereload.js\"></script>";
  auto pos = html.rfind("</body>");
  if (pos == std::string::npos) return html + tag;
  html.insert(pos, tag);
  return html;
}

}  // namespace

Preview::Preview(PreviewOptions options) : options_(std::move(options)), server_(std::make_unique<httplib::Server>()) {}

Preview::~Preview() { stop(); }

std::string Preview::problems() const {
  std::lock_guard<std::mutex> lock(mu_);
  return problems_;
}

std::string Preview::last_timings() const {
  std::lock_guard<std::mutex> lock(mu_);
  return timings_;
}

std::shared_ptr<LazySite> Preview::current() const {
  std::lock_guard<std::mutex> lock(mu_);
  return site_;
}

bool Preview::rebuild() {
  auto started = std::chrono::steady_clock::now();
  BuildOptions o;
  o.source = options_.source;
  o.jobs = options_.jobs;
  o.preview = true;
  o.write = false;  // kept in memory: nothing to swap, nothing to compress
  BuildResult r;
  std::shared_ptr<SiteState> state = prepare_site(o, r, &memo_);
  std::shared_ptr<LazySite> site = state ? std::make_shared<LazySite>(state, options_.jobs) : nullptr;
  last_build_ms_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  last_parsed_ = memo_.parsed_fresh();
  last_rendered_ = memo_.bodies_fresh();
  std::shared_ptr<LazySite> previous;  // freed after the browsers hear of the new build: 10k pages take a while
  {
    std::lock_guard<std::mutex> lock(mu_);
    problems_.clear();
    timings_.clear();
    for (const auto& t : r.timings)
      timings_ += (timings_.empty() ? "" : ", ") + t.stage + " " + std::to_string(static_cast<int>(t.ms + 0.5)) + " ms";
    if (site) {
      previous = std::exchange(site_, site);
    } else {
      std::vector<Diagnostic> errors;
      for (const auto& d : r.diags.sorted())
        if (d.severity == Severity::Error) errors.push_back(d);
      problems_ = format_report(errors, options_.source);
    }
    ++generation_;
  }
  changed_.notify_all();
  return site != nullptr;
}

bool Preview::stream_events(uint64_t& seen, std::string& out) {
  std::unique_lock<std::mutex> lock(mu_);
  changed_.wait_for(lock, std::chrono::seconds(15), [&] { return stopping_ || generation_ != seen; });
  if (stopping_) return false;
  if (generation_ == seen) {
    out = ": ping\n\n";  // keeps proxies and the browser from closing an idle stream
    return true;
  }
  seen = generation_;
  out = problems_.empty() ? "event: reload\ndata: " + std::to_string(seen) + "\n\n"
                          : "event: problems\ndata: " + nlohmann::json(problems_).dump() + "\n\n";
  return true;
}

void Preview::route() {
  server_->Get("/__bangtin/livereload.js", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(kLiveReload, "text/javascript; charset=utf-8");
  });
  server_->Get("/__bangtin/events", [this](const httplib::Request&, httplib::Response& res) {
    auto seen = std::make_shared<uint64_t>(generation_.load());
    // A page opened while the content is broken learns it at once.
    if (!problems().empty()) *seen = 0;
    res.set_header("Cache-Control", "no-store");
    res.set_chunked_content_provider("text/event-stream", [this, seen](size_t, httplib::DataSink& sink) {
      std::string chunk;
      if (!stream_events(*seen, chunk)) {
        sink.done();
        return false;
      }
      return sink.write(chunk.data(), chunk.size());
    });
  });
  server_->Get(".*", [this](const httplib::Request& req, httplib::Response& res) {
    std::shared_ptr<LazySite> site = current();
    auto rel = resolve_site_path("", req.path);
    std::optional<OutputFile> file;
    Diagnostics diags;
    if (site && rel) file = site->find(*rel, diags);
    std::string body;
    if (file && !file->source.empty() && !read_file(file->source_path(site->root()), body)) file.reset();
    if (file && file->source.empty()) body = std::move(file->bytes);
    if (diags.has_errors()) {
      res.status = 500;
      res.set_content(format_report(diags.sorted(), options_.source), "text/plain; charset=utf-8");
      return;
    }
    if (!file) {
      res.status = 404;
      std::string nf = site ? site->not_found(diags) : "";
      res.set_content(inject(nf.empty() ? "<!DOCTYPE html><title>404</title><body></body>" : nf), "text/html; charset=utf-8");
      return;
    }
    res.set_header("Cache-Control", "no-store");
    std::string type = content_type(file->path);
    res.set_content(starts_with(type, "text/html") ? inject(std::move(body)) : body, type);
  });
}

int Preview::start(int port) {
  rebuild();
  route();
  int bound = port == 0 ? server_->bind_to_any_port("127.0.0.1") : (server_->bind_to_port("127.0.0.1", port) ? port : -1);
  if (bound < 0) return -1;
  thread_ = std::thread([this] { server_->listen_after_bind(); });
  return bound;
}

void Preview::stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (stopping_) return;
    stopping_ = true;
  }
  changed_.notify_all();
  server_->stop();
  if (thread_.joinable()) thread_.join();
}

}  // namespace bangtin
