#include "media/probe.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "site/test_support.h"

namespace fs = std::filesystem;
using namespace bangtin;
using namespace bangtin::testing;

namespace {
const char* kNow = "2026-11-23T12:00:00+07:00";
}  // namespace

TEST_CASE("media: the playing time is read from the file's headers") {
  CHECK(media::playing_time(kSourceDir + "/content/audio/ban-tin-dai-hoi-xiv-so-1/ban-tin.ogg") == 6);
  TempDir tmp("probe");
  std::ofstream(tmp.path() + "/hong.mp3") << "không phải âm thanh";
  CHECK_FALSE(media::playing_time(tmp.path() + "/hong.mp3"));
  CHECK_FALSE(media::playing_time(tmp.path() + "/khong-co.ogg"));
}

TEST_CASE("media: an audio item without `duration` takes the file's, for the page and the podcast feed") {
  TempDir tmp("probe-site");
  std::string site = tmp.path() + "/site";
  fs::copy(kSites + "/valid-hostile-feeds", site, fs::copy_options::recursive);
  fs::create_directories(site + "/content/audio/khong-ghi");
  fs::copy_file(kSourceDir + "/content/audio/ban-tin-dai-hoi-xiv-so-1/ban-tin.ogg", site + "/content/audio/khong-ghi/tin.ogg");
  std::ofstream(site + "/content/audio/khong-ghi/index.md")
      << "---\ntitle: Bản tin không ghi thời lượng\ndate: 2026-03-06T08:00:00+07:00\ncolumns: [tin-tuc]\naudio: tin.ogg\n---\nLời bình.\n";
  BuildResult r = build_in_memory(site, kNow);
  INFO(headlines(r));
  REQUIRE(r.ok());
  auto files = files_of(r);
  CHECK(contains(files.at("phat-thanh/khong-ghi/index.html"), "(ogg, 31 KB)</span> · Thời lượng: 00:06"));
  CHECK(contains(files.at("phat-thanh/podcast.xml"), "<itunes:duration>6</itunes:duration>"));
}
