#include "core/paths.h"

#include <atomic>
#include <filesystem>
#include <vector>

#include "core/text.h"

namespace fs = std::filesystem;

namespace bangtin {

std::optional<std::string> resolve_site_path(const std::string& from_dir, const std::string& ref) {
  std::string joined = !ref.empty() && ref[0] == '/' ? ref.substr(1) : from_dir + "/" + ref;
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= joined.size()) {
    size_t slash = joined.find('/', start);
    if (slash == std::string::npos) slash = joined.size();
    std::string part = joined.substr(start, slash - start);
    start = slash + 1;
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      if (parts.empty()) return std::nullopt;
      parts.pop_back();
      continue;
    }
    parts.push_back(part);
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

namespace {
thread_local FileLookups* recording = nullptr;
std::atomic<SiteFileLog*> site_file_log{nullptr};

FileCheck check_file(const std::string& site_root, const std::string& rel) {
  std::error_code ec;
  fs::path full = fs::path(site_root) / rel;
  if (!fs::exists(full, ec)) return FileCheck::Missing;
  fs::path real = fs::canonical(full, ec);
  if (ec) return FileCheck::Missing;
  fs::path root = fs::canonical(site_root, ec);
  if (ec) return FileCheck::Missing;
  std::string r = root.string(), f = real.string();
  if (!(f.size() > r.size() && starts_with(f, r) && f[r.size()] == '/')) return FileCheck::OutsideRoot;
  if (!fs::is_regular_file(real, ec)) return FileCheck::NotAFile;
  return FileCheck::Ok;
}
}  // namespace

FileCheck check_site_file(const std::string& site_root, const std::string& rel) {
  FileCheck result = check_file(site_root, rel);
  if (recording) recording->emplace_back(rel, result);
  if (SiteFileLog* log = site_file_log.load()) log->note(rel);
  return result;
}

SiteFileLog::SiteFileLog() { site_file_log.store(this); }
SiteFileLog::~SiteFileLog() { site_file_log.store(nullptr); }
void SiteFileLog::note(const std::string& rel) {
  std::lock_guard<std::mutex> lock(mu_);
  paths_.insert(rel);
}
std::set<std::string> SiteFileLog::paths() const {
  std::lock_guard<std::mutex> lock(mu_);
  return paths_;
}

FileLookupRecorder::FileLookupRecorder(FileLookups& into) : previous_(recording) { recording = &into; }
FileLookupRecorder::~FileLookupRecorder() { recording = previous_; }

bool lookups_unchanged(const std::string& site_root, const FileLookups& lookups) {
  for (const auto& [rel, answer] : lookups)
    if (check_file(site_root, rel) != answer) return false;
  return true;
}

std::string parent_dir(const std::string& rel) {
  auto slash = rel.rfind('/');
  return slash == std::string::npos ? "" : rel.substr(0, slash);
}

std::string file_name(const std::string& rel) {
  auto slash = rel.rfind('/');
  return slash == std::string::npos ? rel : rel.substr(slash + 1);
}

std::string extension_lower(const std::string& rel) {
  std::string name = file_name(rel);
  auto dot = name.rfind('.');
  return dot == std::string::npos ? "" : ascii_lower(name.substr(dot));
}

std::string percent_decode(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace bangtin
