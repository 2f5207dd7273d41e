// `bangtin new` for every kind: a draft that builds, refusing to overwrite.
#include <doctest/doctest.h>

#include <sys/wait.h>

#include <filesystem>

#include "site/test_support.h"
#include "core/disk.h"

namespace fs = std::filesystem;
using namespace bangtin;
using namespace bangtin::testing;

TEST_CASE("new: every kind starts a draft from its archetype, and the site still builds") {
  TempDir tmp("new");
  fs::copy(kSites + "/valid-minimal", tmp.path(), fs::copy_options::recursive);
  auto run = [&](const std::string& args) {
    std::string cmd = std::string(BANGTIN_BINARY) + " new " + args + " --source " + tmp.path() +
                      " --date 2026-01-20T09:00 > " + tmp.path() + "/log 2>&1";
    return WEXITSTATUS(std::system(cmd.c_str()));
  };
  const std::vector<std::pair<std::string, std::string>> made{
      {"article", "content/articles/hoi-nghi-so-ket-quy-i.md"},
      {"infographic", "content/infographics/hoi-nghi-so-ket-quy-i/index.md"},
      {"video", "content/videos/hoi-nghi-so-ket-quy-i/index.md"},
      {"audio", "content/audio/hoi-nghi-so-ket-quy-i/index.md"},
      {"document", "content/documents/hoi-nghi-so-ket-quy-i/index.md"},
      {"banner", "content/banners/hoi-nghi-so-ket-quy-i/index.md"},
      {"page", "content/pages/hoi-nghi-so-ket-quy-i.md"},
  };
  for (const auto& entry : made) {  // no structured binding: clang 14 cannot capture one in INFO/CAPTURE
    const auto& kind = entry.first;
    const auto& path = entry.second;
    CAPTURE(kind);
    CHECK(run(kind + " \"Hội nghị: sơ kết \\\"quý I\\\"\"") == 0);
    std::string text;
    REQUIRE(read_file(tmp.path() + "/" + path, text));
    CHECK(text.find("title: \"Hội nghị: sơ kết \\\"quý I\\\"\"\n") != std::string::npos);
    CHECK(text.find("date: 2026-01-20T09:00:00+07:00") != std::string::npos);
    CHECK(text.find("draft: true\n") != std::string::npos);
  }
  CHECK(run("article \"Hội nghị: sơ kết quý I\"") == 1);  // same slug: never overwrites
  CHECK(run("poster \"X\"") == 2);

  BuildResult r = build_in_memory(tmp.path(), "2026-01-25T00:00:00+07:00");
  CHECK(r.ok());
  // The drafts are incomplete (no pictures yet): warnings, never a failed build.
  CHECK(r.diags.warning_count() > 0);
  for (const auto& f : r.files) CHECK(f.path.find("hoi-nghi-so-ket-quy-i") == std::string::npos);
}
