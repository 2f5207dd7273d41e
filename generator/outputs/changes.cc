#include "outputs/changes.h"

#include "core/disk.h"
#include "core/hash.h"
#include "core/parallel.h"
#include "core/text.h"
#include "outputs/json_text.h"
#include "outputs/zalo.h"

namespace bangtin {

namespace {

// Files derived from the others: listing them would report a change on
// every build and say nothing new.
bool self_describing(const std::string& path) {
  return path == kManifestFile || path == kChangesFile || path == kZaloIndexFile;
}

Json urls(const SiteContext& ctx, const std::vector<std::string>& paths) {
  Json out = Json::array();
  for (const auto& p : paths) out.push_back(ctx.absolute(path_to_url(p)));
  return out;
}

}  // namespace

std::string path_to_url(const std::string& path) {
  if (path == "index.html") return "/";
  if (ends_with(path, "/index.html")) return "/" + path.substr(0, path.size() - 10);
  return "/" + path;
}

Manifest read_manifest(const std::string& output_dir, bool* other_hash) {
  std::string text;
  if (!read_file(output_dir + "/" + kManifestFile, text)) text.clear();
  return parse_manifest(text, other_hash);
}

Manifest parse_manifest(const std::string& text, bool* other_hash) {
  Manifest m;
  if (other_hash) *other_hash = false;
  Json j = Json::parse(text, nullptr, false);
  if (!j.is_object() || !j.contains("files") || !j["files"].is_object()) return m;
  if (other_hash) *other_hash = j.value("hash", std::string("fnv1a-64")) != kContentHashName;
  for (auto it = j["files"].begin(); it != j["files"].end(); ++it)
    if (it.value().is_string()) m[it.key()] = it.value().get<std::string>();
  return m;
}

Manifest make_manifest(const SiteContext& ctx, const std::vector<OutputFile>& files, int jobs) {
  std::vector<std::string> hashes(files.size());
  parallel_for(files.size(), jobs, [&](size_t i) {
    const OutputFile& f = files[i];
    if (self_describing(f.path)) return;
    if (f.source.empty()) {
      hashes[i] = content_hash(f.bytes);
    } else {
      std::string bytes;
      hashes[i] = read_file(f.source_path(ctx.site_root), bytes) ? content_hash(bytes) : "";
    }
  });
  Manifest m;
  for (size_t i = 0; i < files.size(); ++i)
    if (!self_describing(files[i].path)) m[files[i].path] = hashes[i];
  return m;
}

Changes compare(const Manifest& before, const Manifest& after) {
  Changes c;
  for (const auto& [path, hash] : after) {
    auto it = before.find(path);
    if (it == before.end()) c.added.push_back(path);
    else if (it->second != hash) c.changed.push_back(path);
  }
  for (const auto& [path, hash] : before)
    if (!after.count(path)) c.removed.push_back(path);
  return c;
}

std::vector<OutputFile> change_lists(const SiteContext& ctx, const Manifest& hashes, const Manifest& previous,
                                     const std::set<std::string>* unchanged) {
  std::vector<OutputFile> files;
  Manifest now, comparable;
  for (const auto& [path, hash] : hashes)
    if (!self_describing(path)) now.emplace_hint(now.end(), path, hash);
  if (unchanged) {
    // The previous manifest used another hash: what the write found
    // unchanged keeps its old value, anything else counts as changed.
    for (const auto& [path, hash] : now) {
      auto old = previous.find(path);
      comparable[path] = old != previous.end() && unchanged->count(path) ? old->second : "\x01" + hash;
    }
  }
  Changes c = compare(previous, unchanged ? comparable : now);
  std::string built = format_iso(ctx.lib.now, ctx.config.utc_offset_minutes);

  Json manifest = {{"built_at", built}, {"hash", kContentHashName}, {"files", now}};
  files.push_back({kManifestFile, json_text(manifest, 1) + "\n", ""});

  Json changes = {{"built_at", built},
                  {"first_build", previous.empty()},
                  {"added", urls(ctx, c.added)},
                  {"changed", urls(ctx, c.changed)},
                  {"removed", urls(ctx, c.removed)}};
  files.push_back({kChangesFile, json_text(changes, 1) + "\n", ""});

  // What the posting script sends: new and changed payloads; removed ones are
  // listed so it can hide the OA article too.
  std::map<std::string, const Item*> by_payload;
  for (const Item& item : ctx.lib.items)
    if (item.kind == Kind::Article) by_payload[zalo_path(item)] = &item;
  auto entry = [&](const std::string& path, const char* status) {
    Json e = {{"payload", ctx.absolute("/" + path)}, {"status", status}};
    auto it = by_payload.find(path);
    if (it != by_payload.end()) e["url"] = ctx.absolute(it->second->url), e["title"] = it->second->title;
    return e;
  };
  Json post = Json::array(), hide = Json::array();
  for (const auto& p : c.added)
    if (starts_with(p, "zalo/")) post.push_back(entry(p, "added"));
  for (const auto& p : c.changed)
    if (starts_with(p, "zalo/")) post.push_back(entry(p, "changed"));
  for (const auto& p : c.removed)
    if (starts_with(p, "zalo/")) hide.push_back(entry(p, "removed"));
  size_t total = 0;
  for (const auto& [path, hash] : now) total += starts_with(path, "zalo/");
  Json index = {{"built_at", built}, {"payloads", total}, {"post", post}, {"removed", hide}};
  files.push_back({kZaloIndexFile, json_text(index, 1) + "\n", ""});
  return files;
}

void add_change_lists(const SiteContext& ctx, std::vector<OutputFile>& files, const Manifest& previous, int jobs) {
  for (auto& f : change_lists(ctx, make_manifest(ctx, files, jobs), previous)) files.push_back(std::move(f));
}

}  // namespace bangtin
