// A scheduled item is under embargo until its date: the public output gives
// the time of the next change (rebuild.json, for the cron job) but nothing
// that names the item; the editor learns which file from the console and the
// build record in .bangtin-cache/.
#include <doctest/doctest.h>

#include <sys/wait.h>

#include <cstdlib>
#include <fstream>

#include "core/disk.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace bangtin;
using namespace bangtin::testing;

namespace {

const std::string kNow = "2026-01-25T00:00:00+07:00";

// What would name content/articles/hen-gio.md of valid-minimal (scheduled for
// 2026-03-01 07:00): its file name and slug, its title, its body.
const std::vector<std::string> kScheduled = {"hen-gio", "Bài hẹn giờ tương lai", "Chưa đến giờ"};

// valid-minimal and a second scheduled story that uses whatever could carry
// its name out: a bundle with a cover and a body picture, an alias, a tag of
// its own, a translation, a unit and a column.
const std::vector<std::string> kEmbargoed = {"cong-bo-quy-hoach", "Công bố quy hoạch", "Nội dung giữ kín",
                                             "quy-hoach-moi", "Quy hoạch mới", "Planning announced"};

void add_embargoed_bundle(const std::string& site) {
  const std::string dir = site + "/content/articles/cong-bo-quy-hoach";
  fs::create_directories(dir);
  fs::copy_file(site + "/content/articles/anh-bai/bia.png", dir + "/bia.png");
  std::ofstream(dir + "/index.md") << "---\n"
                                      "title: Công bố quy hoạch\n"
                                      "date: 2026-02-10 09:00\n"
                                      "columns: [tin-tuc, cai-cach-hanh-chinh]\n"
                                      "tags: [Quy hoạch mới]\n"
                                      "unit: phuong-a\n"
                                      "cover: bia.png\n"
                                      "cover_alt: Bản đồ\n"
                                      "featured: true\n"
                                      "aliases: [/tin-cu/quy-hoach.html]\n"
                                      "---\n"
                                      "Nội dung giữ kín: ![Bản đồ](bia.png)\n";
  std::ofstream(dir + "/index.en.md") << "---\ntitle: Planning announced\ndate: 2026-02-10 10:00\n"
                                         "columns: [tin-tuc]\n---\nEmbargoed.\n";
}

// Each output path, or file holding one of `needles`, with the needle.
std::vector<std::string> naming(const std::map<std::string, std::string>& files,
                                const std::vector<std::string>& needles) {
  std::vector<std::string> found;
  for (const auto& [path, bytes] : files)
    for (const auto& n : needles)
      if (contains(path, n) || contains(bytes, n)) found.push_back(path + ": " + n);
  return found;
}

}  // namespace

TEST_CASE("rebuild.json gives the time of the next change, not the file") {
  BuildResult r = build_in_memory(kSites + "/valid-minimal", kNow);
  REQUIRE(r.ok());
  auto files = files_of(r);
  CHECK(files["rebuild.json"] ==
        "{\n  \"built_at\": \"2026-01-25T00:00:00+07:00\",\n  \"next_change\": \"2026-03-01T07:00:00+07:00\"\n}\n");
  // The build still knows, for the console.
  CHECK(r.next_change_source == "content/articles/hen-gio.md");
}

TEST_CASE("no public file names a scheduled item: path, slug, title, text, tag, picture or translation") {
  TempDir tmp("embargo-files");
  const std::string site = tmp.path() + "/site";
  fs::copy(kSites + "/valid-minimal", site, fs::copy_options::recursive);
  add_embargoed_bundle(site);
  BuildResult r = build_in_memory(site, kNow);
  REQUIRE(r.ok());
  CHECK(r.next_change_source == "content/articles/cong-bo-quy-hoach/index.md");
  auto files = files_of(r);
  REQUIRE(files.size() > 20);
  CHECK(join_lines(naming(files, kScheduled)) == "");
  CHECK(join_lines(naming(files, kEmbargoed)) == "");
  // Once its time comes it is everywhere: the needles would have found it.
  auto after = files_of(build_in_memory(site, "2026-02-10T09:00:00+07:00"));
  CHECK(after.count("bai-viet/cong-bo-quy-hoach/index.html") == 1);
  CHECK(naming(after, kEmbargoed).size() > 10);
}

TEST_CASE("the console and the build record in .bangtin-cache name the scheduled file; public/ does not") {
  TempDir tmp("embargo");
  const std::string site = tmp.path() + "/site";
  fs::copy(kSites + "/valid-minimal", site, fs::copy_options::recursive);
  add_embargoed_bundle(site);
  const std::string log = tmp.path() + "/log";
  const std::string cmd = std::string(BANGTIN_BINARY) + " build --source " + site + " --now " + kNow + " > " + log + " 2>&1";

  REQUIRE(WEXITSTATUS(std::system(cmd.c_str())) == 0);
  const std::string told =
      "lần thay đổi theo lịch tiếp theo: 2026-02-10T09:00:00+07:00 (content/articles/cong-bo-quy-hoach/index.md)";
  CHECK(contains(read_text(log), told));

  auto published = snapshot(site + "/public");
  REQUIRE(published.count("rebuild.json"));
  CHECK(published["rebuild.json"] ==
        "{\n  \"built_at\": \"2026-01-25T00:00:00+07:00\",\n  \"next_change\": \"2026-02-10T09:00:00+07:00\"\n}\n");
  CHECK(join_lines(naming(published, kScheduled)) == "");
  CHECK(join_lines(naming(published, kEmbargoed)) == "");

  auto records = snapshot(site + "/.bangtin-cache/builds");
  REQUIRE(records.size() == 1);
  CHECK(contains(records.begin()->second, "\"next_change_source\": \"content/articles/cong-bo-quy-hoach/index.md\""));

  // A build skipped as up to date still tells, from the record.
  REQUIRE(WEXITSTATUS(std::system(cmd.c_str())) == 0);
  CHECK(contains(read_text(log), "không có gì thay đổi từ lần dựng trước"));
  CHECK(contains(read_text(log), told));
}
