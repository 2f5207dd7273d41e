// content/front_matter.h: what each kind other than an article needs
// (infographics, audio, documents, banners, videos, pages) and translations.
#include "content/front_matter_site.h"

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

using namespace bangtin;
using namespace bangtin::testing;

TEST_SUITE("front_matter") {

TEST_CASE("infographics need image and alt") {
  FrontMatterSite site;
  const std::string path = "content/infographics/tong-ket/index.md";
  auto missing = site.parse(Kind::Infographic, path, "---\ntitle: T\ndate: 2026-01-19\n---\nBản chữ\n", true);
  CHECK_FALSE(missing.item);
  CHECK(join_lines(missing.headlines()) == join_lines(std::vector<std::string>{path + ":2: thiếu khóa bắt buộc \"alt\"",
                                                        path + ":2: thiếu khóa bắt buộc \"image\""}));
  auto ok = site.parse(Kind::Infographic, path,
                       "---\ntitle: T\ndate: 2026-01-19\nimage: tong-ket.png\nalt: Số liệu năm 2025\n---\nBản chữ\n",
                       true);
  CHECK(ok.diags.empty());
  REQUIRE(ok.item);
  REQUIRE(ok.item->infographic);
  CHECK(ok.item->infographic->image == "content/infographics/tong-ket/tong-ket.png");
  CHECK(ok.item->infographic->alt == "Số liệu năm 2025");
  CHECK(ok.item->bundle);
  CHECK(ok.item->name == "tong-ket");
  CHECK(ok.item->dir == "content/infographics/tong-ket");
  CHECK(ok.item->translation_key == "infographics/tong-ket");
}

TEST_CASE("audio needs an audio file") {
  FrontMatterSite site;
  const std::string path = "content/audio/ban-tin/index.md";
  auto missing = site.parse(Kind::Audio, path, "---\ntitle: T\ndate: 2026-01-19\nduration: \"05:30\"\n---\n", true);
  CHECK_FALSE(missing.item);
  CHECK(join_lines(missing.headlines()) == join_lines(std::vector<std::string>{path + ":2: thiếu khóa bắt buộc \"audio\""}));
  auto ok = site.parse(Kind::Audio, path,
                       "---\ntitle: T\ndate: 2026-01-19\naudio: ban-tin.mp3\nduration: \"05:30\"\n---\n", true);
  CHECK(ok.diags.empty());
  REQUIRE(ok.item);
  REQUIRE(ok.item->audio);
  CHECK(ok.item->audio->file == "content/audio/ban-tin/ban-tin.mp3");
  CHECK(ok.item->audio->duration == std::optional<int64_t>(330));
  auto bad = site.parse(Kind::Audio, path,
                        "---\ntitle: T\ndate: 2026-01-19\naudio: ban-tin.wav\nduration: 5 phút\n---\n", true);
  CHECK(join_lines(bad.headlines()) == join_lines(std::vector<std::string>{
            path + ":4: \"audio\" phải là tệp âm thanh (.m4a, .mp3, .oga, .ogg, .opus), không phải \"ban-tin.wav\"",
            path + ":5: \"duration\" phải viết dạng HH:MM:SS hoặc số giây"}));
}

TEST_CASE("documents need number, doc_type, issuer and issued") {
  FrontMatterSite site;
  const std::string path = "content/documents/ke-hoach-128.md";
  auto missing = site.parse(Kind::Document, path, "---\ntitle: T\ndate: 2026-01-19\n---\n");
  CHECK_FALSE(missing.item);
  CHECK(join_lines(missing.headlines()) == join_lines(std::vector<std::string>{
                                   path + ":2: thiếu khóa bắt buộc \"doc_type\"",
                                   path + ":2: thiếu khóa bắt buộc \"issued\"",
                                   path + ":2: thiếu khóa bắt buộc \"issuer\"",
                                   path + ":2: thiếu khóa bắt buộc \"number\"",
                               }));
  auto ok = site.parse(Kind::Document, path,
                       "---\n"
                       "title: Kế hoạch tuyên truyền Đại hội XIV\n"
                       "date: 2026-01-10\n"
                       "number: 128/KH-UBND\n"
                       "doc_type: Kế hoạch\n"
                       "issuer: UBND thành phố\n"
                       "issued: 2026-01-09\n"
                       "effective: 2026-01-15\n"
                       "file: ke-hoach-128.pdf\n"
                       "---\n");
  CHECK(ok.diags.empty());
  REQUIRE(ok.item);
  REQUIRE(ok.item->document);
  const DocumentFields& d = *ok.item->document;
  CHECK(d.number == "128/KH-UBND");
  CHECK(d.doc_type == "Kế hoạch");
  CHECK(d.issuer == "UBND thành phố");
  REQUIRE(d.issued);
  CHECK(d.issued->seconds == at("2026-01-09"));
  REQUIRE(d.effective);
  CHECK(d.effective->seconds == at("2026-01-15"));
  CHECK(d.file == "content/documents/ke-hoach-128.pdf");
  auto bad = site.parse(Kind::Document, path,
                        "---\ntitle: T\ndate: 2026-01-10\nnumber: 1\ndoc_type: KH\nissuer: UB\nissued: 09/01/2026\n---\n");
  CHECK_FALSE(bad.item);
  CHECK(join_lines(bad.headlines()) == join_lines(std::vector<std::string>{path + ":7: \"issued\" không phải ngày hợp lệ: \"09/01/2026\""}));
}

TEST_CASE("banners need image and alt, and a safe link") {
  FrontMatterSite site;
  const std::string path = "content/banners/chao-mung.md";
  auto missing = site.parse(Kind::Banner, path, "---\ntitle: T\ndate: 2026-01-19\n---\n");
  CHECK_FALSE(missing.item);
  CHECK(join_lines(missing.headlines()) == join_lines(std::vector<std::string>{path + ":2: thiếu khóa bắt buộc \"alt\"",
                                                        path + ":2: thiếu khóa bắt buộc \"image\""}));
  auto ok = site.parse(Kind::Banner, path,
                       "---\ntitle: T\ndate: 2026-01-19\nimage: chao-mung.webp\nalt: Chào mừng\n"
                       "link: ../articles/hoi-nghi.md\nstart: 2026-01-20\nend: 2026-02-01\nplacement: top\n---\n");
  CHECK(ok.diags.empty());
  REQUIRE(ok.item);
  REQUIRE(ok.item->banner);
  CHECK(ok.item->banner->image == "content/banners/chao-mung.webp");
  CHECK(ok.item->banner->alt == "Chào mừng");
  CHECK(ok.item->banner->link == "../articles/hoi-nghi.md");
  CHECK(ok.item->banner->placement == "top");
  REQUIRE(ok.item->banner->start);
  CHECK(ok.item->banner->start->seconds == at("2026-01-20"));
  auto def = site.parse(Kind::Banner, path, "---\ntitle: T\ndate: 2026-01-19\nimage: chao-mung.webp\nalt: A\n---\n");
  REQUIRE(def.item);
  CHECK(def.item->banner->placement == "home");  // the default
  auto bad = site.parse(Kind::Banner, path,
                        "---\ntitle: T\ndate: 2026-01-19\nimage: chao-mung.webp\nalt: A\n"
                        "link: \"javascript:alert(1)\"\nstart: 2026-02-01\nend: 2026-01-20\nplacement: footer\n---\n");
  CHECK_FALSE(bad.item);
  CHECK(join_lines(bad.headlines()) == join_lines(std::vector<std::string>{
                               path + ":6: \"link\" phải là địa chỉ web (https://…) hoặc đường dẫn trên trang",
                               path + ":8: \"end\" sớm hơn \"start\"",
                               path + ":9: \"placement\" phải là top, home hoặc sidebar",
                           }));
}

TEST_CASE("videos need exactly one source") {
  FrontMatterSite site;
  const std::string path = "content/videos/phong-su/index.md";
  auto missing = site.parse(Kind::Video, path, "---\ntitle: T\ndate: 2026-01-19\n---\n", true);
  CHECK_FALSE(missing.item);
  CHECK(join_lines(missing.headlines()) == join_lines(std::vector<std::string>{path + ":2: thiếu khóa bắt buộc \"video\""}));

  auto youtube = site.parse(Kind::Video, path,
                            "---\ntitle: T\ndate: 2026-01-19\nvideo:\n  youtube: dQw4w9WgXcQ\nduration: \"01:02:03\"\n"
                            "poster: poster.jpg\n---\n",
                            true);
  CHECK(youtube.diags.empty());
  REQUIRE(youtube.item);
  REQUIRE(youtube.item->video);
  CHECK(youtube.item->video->youtube == "dQw4w9WgXcQ");
  CHECK(youtube.item->video->duration == std::optional<int64_t>(3723));
  CHECK(youtube.item->video->poster == "content/videos/phong-su/poster.jpg");

  auto file = site.parse(Kind::Video, path,
                         "---\ntitle: T\ndate: 2026-01-19\nvideo: { file: phong-su.mp4, captions: phu-de.vtt }\n---\n",
                         true);
  CHECK(file.diags.empty());
  REQUIRE(file.item);
  CHECK(file.item->video->file == "content/videos/phong-su/phong-su.mp4");
  CHECK(file.item->video->captions == "content/videos/phong-su/phu-de.vtt");

  auto url = site.parse(Kind::Video, path, "---\ntitle: T\ndate: 2026-01-19\nvideo: {url: \"https://vtv.vn/v/1\"}\n---\n",
                        true);
  CHECK(url.diags.empty());
  REQUIRE(url.item);
  CHECK(url.item->video->url == "https://vtv.vn/v/1");

  auto two = site.parse(Kind::Video, path,
                        "---\ntitle: T\ndate: 2026-01-19\nvideo:\n  youtube: dQw4w9WgXcQ\n  url: https://vtv.vn/v/1\n---\n",
                        true);
  CHECK_FALSE(two.item);
  REQUIRE(two.diags.size() == 1);
  CHECK(two.diags[0].message == "\"video\" phải có đúng một trong file:, youtube: hoặc url:");
  CHECK(two.diags[0].line == 5);  // where the mapping starts

  auto zero = site.parse(Kind::Video, path,
                         "---\ntitle: T\ndate: 2026-01-19\nvideo: { poster: poster.jpg }\n---\n", true);
  CHECK_FALSE(zero.item);
  CHECK(join_lines(zero.headlines()) == join_lines(std::vector<std::string>{path + ":4: \"video\" phải có đúng một trong file:, youtube: hoặc url:"}));

  auto bad = site.parse(Kind::Video, path,
                        "---\ntitle: T\ndate: 2026-01-19\nvideo: { youtube: \"watch?v=1\" }\n---\n", true);
  CHECK_FALSE(bad.item);
  CHECK(join_lines(bad.headlines()) == join_lines(std::vector<std::string>{path + ":4: \"youtube\" phải là mã video 11 ký tự, ví dụ dQw4w9WgXcQ"}));

  auto scalar = site.parse(Kind::Video, path, "---\ntitle: T\ndate: 2026-01-19\nvideo: dQw4w9WgXcQ\n---\n", true);
  CHECK(join_lines(scalar.headlines()) == join_lines(std::vector<std::string>{path + ":4: \"video\" phải có một trong các khóa file:, youtube: hoặc url:"}));
}

TEST_CASE("pages take a menu position") {
  FrontMatterSite site;
  const std::string path = "content/pages/lien-he.md";
  auto p = site.parse(Kind::Page, path, "---\ntitle: Liên hệ\ndate: 2026-01-01\nmenu: 3\n---\n");
  CHECK(p.diags.empty());
  REQUIRE(p.item);
  REQUIRE(p.item->page);
  CHECK(p.item->page->menu == std::optional<int>(3));
}

TEST_CASE("a translation keeps the key of its original") {
  FrontMatterSite site;
  auto p = site.parse(Kind::Article, "content/articles/hoi-nghi.en.md",
                      "---\ntitle: Conference\ndate: 2026-01-19\ncolumns: [dai-hoi-xiv]\n---\n", false, "en");
  CHECK(p.diags.empty());
  REQUIRE(p.item);
  CHECK(p.item->lang == "en");
  CHECK(p.item->name == "hoi-nghi");
  CHECK(p.item->translation_key == "articles/hoi-nghi");
}

}  // TEST_SUITE
