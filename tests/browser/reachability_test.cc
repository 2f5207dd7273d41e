// Every page in sitemap.xml can be reached from the home page by following
// links, in at most four clicks: a reader who never types an address still
// finds every article, document and library page.
#include <doctest/doctest.h>

#include <deque>
#include <map>
#include <regex>
#include <set>

#include "../site/test_support.h"

using namespace bangtin;
using namespace bangtin::testing;

namespace {

const std::string kNow = "2026-11-23T12:00:00+07:00";
const std::string kBase = "https://sovhtt.example.gov.vn";

// The output file a site path is served from ("/x/" → "x/index.html").
std::string file_of(std::string path) {
  if (auto q = path.find_first_of("?#"); q != std::string::npos) path.resize(q);
  if (path.empty() || path.back() == '/') path += "index.html";
  return path.substr(1);
}

}  // namespace

TEST_CASE("every page in the sitemap is within four clicks of the home page") {
  BuildResult r = build_in_memory(kSourceDir, kNow);
  REQUIRE(r.ok());
  auto files = files_of(r);
  REQUIRE(files.count("sitemap.xml"));

  std::set<std::string> wanted;
  std::regex loc("<loc>([^<]+)</loc>");
  const std::string& sitemap = files["sitemap.xml"];
  for (auto it = std::sregex_iterator(sitemap.begin(), sitemap.end(), loc); it != std::sregex_iterator(); ++it) {
    std::string url = (*it)[1];
    REQUIRE(url.rfind(kBase, 0) == 0);
    wanted.insert(url.substr(kBase.size()));
  }
  CHECK(wanted.size() > 150);

  // Breadth-first over <a href>: depth = clicks from the home page.
  std::map<std::string, int> depth{{"/", 0}};
  std::deque<std::string> queue{"/"};
  std::regex href("<a\\s[^>]*href=\"([^\"]+)\"");
  while (!queue.empty()) {
    std::string page = queue.front();
    queue.pop_front();
    if (depth[page] == 4) continue;
    auto f = files.find(file_of(page));
    if (f == files.end()) continue;
    const std::string& html = f->second;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), href); it != std::sregex_iterator(); ++it) {
      std::string target = (*it)[1];
      if (target.rfind(kBase, 0) == 0) target = target.substr(kBase.size());
      if (target.empty() || target[0] != '/' || target.rfind("//", 0) == 0) continue;  // other sites, mailto:
      if (auto q = target.find_first_of("?#"); q != std::string::npos) target.resize(q);
      if (depth.emplace(target, depth[page] + 1).second) queue.push_back(target);
    }
  }
  int far = 0;
  for (const auto& url : wanted) {
    CAPTURE(url);
    CHECK(depth.count(url) == 1);
    if (depth.count(url)) far = std::max(far, depth[url]);
  }
  MESSAGE("deepest sitemap page: " << far << " clicks from the home page; " << wanted.size() << " pages");
}
