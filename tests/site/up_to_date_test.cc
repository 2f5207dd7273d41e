// A build with nothing changed leaves the output alone (site/up_to_date.h),
// and anything a build reads makes the next one build again.
#include <sys/stat.h>

#include <cstdlib>
#include <fstream>

#include "core/disk.h"
#include "doctest/doctest.h"
#include "site/up_to_date.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace bangtin;
using namespace bangtin::testing;

namespace {

const std::string kMinimal = kSites + "/valid-minimal";

struct Run {
  int status = 0;
  std::string log;
};

Run bangtin_build(const std::string& site, const std::string& extra) {
  std::string log = site + "/../log";
  std::string cmd = std::string(BANGTIN_BINARY) + " build --source " + site + " " + extra + " > " + log + " 2>&1";
  Run r;
  r.status = WEXITSTATUS(std::system(cmd.c_str()));
  read_file(log, r.log);
  return r;
}

ino_t inode_of(const std::string& path) {
  struct stat st {};
  ::stat(path.c_str(), &st);
  return st.st_ino;
}

const std::string kSkipped = "không có gì thay đổi từ lần dựng trước";

}  // namespace

TEST_CASE("a second build with nothing changed is skipped, and any change builds again") {
  TempDir tmp("uptodate");
  std::string site = tmp.path() + "/site";
  fs::copy(kMinimal, site, fs::copy_options::recursive);
  const std::string now = " --now 2026-01-25T09:00:00+07:00";

  Run first = bangtin_build(site, now);
  REQUIRE(first.status == 0);
  CHECK_FALSE(contains(first.log, kSkipped));
  ino_t home = inode_of(site + "/public/index.html");

  Run second = bangtin_build(site, now);
  CHECK(second.status == 0);
  CHECK(contains(second.log, kSkipped + " (2026-01-25T09:00:00+07:00)"));
  CHECK(inode_of(site + "/public/index.html") == home);

  SUBCASE("an edited article") {
    std::ofstream(site + "/content/articles/mot.md", std::ios::app) << "\nMột đoạn mới.\n";
    CHECK_FALSE(contains(bangtin_build(site, now).log, kSkipped));
    CHECK(contains(bangtin_build(site, now).log, kSkipped));
  }
  SUBCASE("a new file in a bundle folder, and one removed") {
    fs::create_directories(site + "/content/pages/moi");
    std::ofstream(site + "/content/pages/moi/index.md") << "---\ntitle: Trang mới\n---\nNội dung.\n";
    CHECK_FALSE(contains(bangtin_build(site, now).log, kSkipped));
    fs::remove_all(site + "/content/pages/moi");
    CHECK_FALSE(contains(bangtin_build(site, now).log, kSkipped));
  }
  SUBCASE("the site's config, templates or assets") {
    std::ofstream(site + "/site-config.json", std::ios::app) << "\n";
    CHECK_FALSE(contains(bangtin_build(site, now).log, kSkipped));
    fs::create_directories(site + "/assets/css");
    std::ofstream(site + "/assets/css/them.css") << "body{}";
    CHECK_FALSE(contains(bangtin_build(site, now).log, kSkipped));
  }
  SUBCASE("other options, --force, or a clock past the end of the day") {
    CHECK_FALSE(contains(bangtin_build(site, now + " --base-url https://khac.example/").log, kSkipped));
    CHECK_FALSE(contains(bangtin_build(site, now + " --force").log, kSkipped));
    CHECK(contains(bangtin_build(site, " --now 2026-01-25T23:59:00+07:00").log, kSkipped));
    CHECK_FALSE(contains(bangtin_build(site, " --now 2026-01-26T00:00:00+07:00").log, kSkipped));
    // An earlier clock may hide what the output shows.
    CHECK_FALSE(contains(bangtin_build(site, " --now 2026-01-20T09:00:00+07:00").log, kSkipped));
  }
  SUBCASE("a file outside content/ that an article names from the site root") {
    // The editor's guide: a path starting with '/' starts at the site root.
    fs::create_directories(site + "/tai-lieu");
    std::ofstream(site + "/tai-lieu/quy-che.pdf") << "%PDF-1.4 ban cu";
    std::ofstream(site + "/content/articles/mot.md", std::ios::app) << "\n[Quy chế](/tai-lieu/quy-che.pdf)\n";
    REQUIRE(bangtin_build(site, now).status == 0);
    auto published = [&] {
      std::string bytes;
      for (const auto& e : fs::recursive_directory_iterator(site + "/public"))
        if (e.path().filename() == "quy-che.pdf") read_file(e.path().string(), bytes);
      return bytes;
    };
    REQUIRE(published() == "%PDF-1.4 ban cu");
    CHECK(contains(bangtin_build(site, now).log, kSkipped));  // the record stamps the file at once
    std::ofstream(site + "/tai-lieu/quy-che.pdf") << "%PDF-1.4 ban moi, da sua";
    CHECK_FALSE(contains(bangtin_build(site, now).log, kSkipped));
    CHECK(published() == "%PDF-1.4 ban moi, da sua");
    CHECK(contains(bangtin_build(site, now).log, kSkipped));
  }
  SUBCASE("an output file deleted by hand") {
    fs::remove(site + "/public/index.html");
    CHECK_FALSE(contains(bangtin_build(site, now).log, kSkipped));
    CHECK(fs::exists(site + "/public/index.html"));
  }
}

TEST_CASE("the output stops being current at the next scheduled change") {
  BuildResult r;
  r.now = Timestamp{1769306400};  // 2026-01-25T09:00:00+07:00
  r.utc_offset_minutes = 7 * 60;
  r.next_change = Timestamp{r.now.seconds + 3600};
  TempDir tmp("uptodate-record");
  BuildOptions o;
  o.source = tmp.path();
  fs::create_directories(tmp.path() + "/public");
  std::ofstream(tmp.path() + "/public/manifest.json") << R"({"files":{"index.html":"abc"}})";
  std::ofstream(tmp.path() + "/public/index.html") << "<p>x</p>";
  std::optional<BuildRecord> record = record_of(r, o, "inputs-1");
  REQUIRE(record);
  CHECK(record->valid_until == r.next_change);
  std::string out = tmp.path() + "/public";
  CHECK(output_is_current(*record, "inputs-1", Timestamp{r.now.seconds + 3599}, out));
  CHECK_FALSE(output_is_current(*record, "inputs-1", Timestamp{r.now.seconds + 3600}, out));
  CHECK_FALSE(output_is_current(*record, "inputs-2", r.now, out));

  // Without a scheduled change, local midnight ends it.
  r.next_change.reset();
  record = record_of(r, o, "inputs-1");
  CHECK(record->valid_until == Timestamp{1769360400});  // 2026-01-26T00:00:00+07:00

  // The record survives the disk; a damaged one is as good as none.
  REQUIRE(write_record(record_path(o), *record));
  std::optional<BuildRecord> back = read_record(record_path(o));
  REQUIRE(back);
  CHECK(back->inputs == "inputs-1");
  CHECK(back->valid_until == record->valid_until);
  CHECK(back->utc_offset_minutes == 420);
  std::ofstream(record_path(o)) << "{\"version\": 1, \"inputs\": ";
  CHECK_FALSE(read_record(record_path(o)));
}

TEST_CASE("the fingerprint follows every file of content, templates and assets, and nothing else") {
  TempDir tmp("fingerprint");
  std::string site = tmp.path() + "/site";
  fs::copy(kMinimal, site, fs::copy_options::recursive);
  BuildOptions o;
  o.source = site;
  std::string before = fingerprint_inputs(o);
  CHECK(fingerprint_inputs(o) == before);
  // The output, the cache and anything else in the root are not inputs.
  fs::create_directories(site + "/public");
  std::ofstream(site + "/public/x.html") << "x";
  std::ofstream(site + "/README.md") << "x";
  CHECK(fingerprint_inputs(o) == before);
  fs::create_directories(site + "/templates");
  std::ofstream(site + "/templates/article.mustache") << "{{title}}";
  std::string with_template = fingerprint_inputs(o);
  CHECK(with_template != before);
  o.precompress = false;
  CHECK(fingerprint_inputs(o) != with_template);
  // A folder symlink pointing back up is walked once, not forever.
  fs::create_directory_symlink("..", site + "/content/pages/vong");
  CHECK(fingerprint_inputs(o) != fingerprint_inputs(BuildOptions{}));
}
