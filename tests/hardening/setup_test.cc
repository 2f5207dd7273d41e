// The suite installs nothing: `.ci/setup --deps-only` installs every package
// it uses, and no script a test runs calls a package manager (two of them
// once ran `apt-get install hugo` side by side and failed on dpkg's lock).
#include <doctest/doctest.h>

#include <filesystem>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "site/test_support.h"

namespace fs = std::filesystem;
using namespace bangtin::testing;

namespace {

// The words of .ci/setup's PACKAGES=( … ) list, comments left out.
std::set<std::string> setup_packages() {
  std::string setup = read_text(kSourceDir + "/.ci/setup");
  size_t start = setup.find("PACKAGES=(");
  size_t end = setup.find("\n)", start);
  REQUIRE(start != std::string::npos);
  REQUIRE(end != std::string::npos);
  std::istringstream lines(setup.substr(start + 10, end - start - 10));
  std::set<std::string> packages;
  for (std::string line; std::getline(lines, line);) {
    std::istringstream words(line.substr(0, line.find('#')));
    for (std::string w; words >> w;)
      if (w.find_first_of("$()") == std::string::npos) packages.insert(w);
  }
  return packages;
}

bool is_script(const fs::path& p) {
  static const std::set<std::string> kinds{".sh", ".py", ".mjs", ".js", ".cc", ".h", ".lua", ""};
  return kinds.count(p.extension().string()) > 0;
}

}  // namespace

TEST_CASE("setup installs every tool the tests and the quick benchmarks run") {
  std::set<std::string> packages = setup_packages();
  // tool the suite runs → the Debian package that brings it
  const std::pair<const char*, const char*> tools[] = {
      {"hugo (bench_quick, bench_serve_quick)", "hugo"},
      {"hyperfine (bench_quick)", "hyperfine"},
      {"chromium (tests/browser, tests/search)", "chromium"},
      {"java (the Nu HTML Checker)", "default-jre-headless"},
      {"nginx (tests/hardening)", "nginx-light"},
      {"wrk (tests/hardening/swap_load_test.cc)", "wrk"},
      {"vips (test images)", "libvips-tools"},
      {"feedparser (tests/tools/check_feeds.py)", "python3-feedparser"},
      {"clang and llvm-symbolizer (.ci/test's sanitizer stage)", "clang"},
  };
  for (const auto& tool : tools) {  // not a structured binding: clang 14's INFO cannot capture one
    INFO(tool.first);
    CHECK(packages.count(tool.second) == 1);
  }
}

TEST_CASE("no script the suite runs calls a package manager") {
  // A call, not a mention: "apt-get install" in a comment or in the message
  // that tells the user to run .ci/setup is fine.
  const std::regex call(R"re((^|[;&|`]\s*|\bsubprocess\.\w+\(\[|execFileSync\(|\bsystem\(")\s*(\w+=\S*\s+)*(sudo\s+|\$SUDO\s+)?"?(apt-get|apt|npm|pip3?|npx)"?\s*,?\s*"?(install|ci|update)\b)re");
  std::string found;
  for (const char* dir : {"tests", "bench"}) {
    for (const auto& e : fs::recursive_directory_iterator(kSourceDir + "/" + dir)) {
      if (!e.is_regular_file() || e.path().string().find("node_modules") != std::string::npos) continue;
      if (!is_script(e.path()) || e.path().filename() == "setup_test.cc") continue;
      std::istringstream lines(read_text(e.path().string()));
      int n = 0;
      for (std::string line; std::getline(lines, line);) {
        ++n;
        auto first = line.find_first_not_of(" \t");
        if (first == std::string::npos || line[first] == '#' || line.compare(first, 2, "//") == 0) continue;
        if (std::regex_search(line, call))
          found += fs::relative(e.path(), kSourceDir).string() + ":" + std::to_string(n) + ": " + line + "\n";
      }
    }
  }
  CHECK_MESSAGE(found.empty(), "these install packages while the tests run; add the package to .ci/setup instead:\n"
                                   << found);
}
