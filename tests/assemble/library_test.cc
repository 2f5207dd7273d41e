// Unit tests for assemble/library.h: publication rules, URLs and their
// collisions, translations, tags, lists and ordering.
#include "site/test_support.h"
#include "assemble/library.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "config/config.h"
#include "core/text.h"
#include "core/time.h"

using namespace bangtin;
using bangtin::testing::join_lines;

namespace {


const char* const kLibraryConfig = R"({
  "title": "Cổng thông tin",
  "base_url": "https://example.gov.vn/",
  "languages": { "vi": {}, "en": { "title": "Portal" } },
  "default_unit": "so-vhtt",
  "columns": [
    { "key": "dai-hoi-xiv", "title": "Đại hội XIV" },
    { "key": "cai-cach-hanh-chinh", "title": "Cải cách hành chính" }
  ],
  "units": [ { "key": "so-vhtt", "title": "Sở" }, { "key": "phuong-hoan-kiem", "title": "P", "kind": "ward" } ]
})";

SiteConfig library_config() {
  SiteConfig c;
  Diagnostics d;
  REQUIRE(parse_config(kLibraryConfig, c, d));
  return c;
}

Timestamp when(const char* iso) {
  auto t = parse_iso_datetime(iso, 7 * 60);
  REQUIRE_MESSAGE(t, iso);
  return *t;
}

// 2026-01-19T12:00:00+07:00 (a constant: no doctest assertion may run before main).
const Timestamp kNow{1768798800};

// An article as parse_item would make it from content/articles/NAME[.LANG].md.
Item make_article(const std::string& name, const char* date, const std::string& lang = "vi",
                  const std::string& folder = "content/articles") {
  Item it;
  it.kind = Kind::Article;
  it.lang = lang;
  it.name = name;
  it.source = folder + "/" + name + (lang == "vi" ? "" : "." + lang) + ".md";
  it.dir = folder;
  it.translation_key = "articles/" + name;
  it.title = name;
  it.date = when(date);
  it.columns = {"dai-hoi-xiv"};
  it.unit = "so-vhtt";
  return it;
}

Item make_kind(Kind kind, const std::string& name, const char* date) {
  Item it = make_article(name, date, "vi", std::string("content/") + kind_folder(kind));
  it.kind = kind;
  it.translation_key = std::string(kind_folder(kind)) + "/" + name;
  it.columns.clear();
  return it;
}

struct Assembled {
  Library lib;
  std::vector<Diagnostic> diags;
  std::vector<std::string> headlines() const {
    std::vector<std::string> out;
    for (const auto& d : diags) out.push_back(d.headline());
    return out;
  }
  const Item& item(const std::string& source) const {
    auto it = lib.by_source.find(source);
    REQUIRE_MESSAGE(it != lib.by_source.end(), "no item ", source);
    return lib.items[it->second];
  }
  size_t id(const std::string& source) const { return item(source).id; }
  std::vector<std::string> sources(const std::vector<size_t>& ids) const {
    std::vector<std::string> out;
    for (size_t i : ids) out.push_back(lib.items[i].source);
    return out;
  }
  const Edition& edition(const std::string& lang) const {
    const Edition* e = lib.edition(lang);
    REQUIRE(e);
    return *e;
  }
};

Assembled run(std::vector<Item> items, Timestamp now = kNow) {
  SiteConfig config = library_config();
  Diagnostics diags;
  Assembled a{assemble(std::move(items), config, now, diags), {}};
  a.diags = diags.sorted();
  return a;
}

bool contains(const std::vector<size_t>& v, size_t x) { return std::find(v.begin(), v.end(), x) != v.end(); }

using Strings = std::vector<std::string>;

}  // namespace

TEST_SUITE("assemble") {

TEST_CASE("paged_url and language_prefix") {
  CHECK(kNow == when("2026-01-19T12:00:00+07:00"));
  CHECK(paged_url("/chuyen-muc/dai-hoi-xiv/", 0) == "/chuyen-muc/dai-hoi-xiv/");
  CHECK(paged_url("/chuyen-muc/dai-hoi-xiv/", 1) == "/chuyen-muc/dai-hoi-xiv/");
  CHECK(paged_url("/chuyen-muc/dai-hoi-xiv/", 2) == "/chuyen-muc/dai-hoi-xiv/trang/2/");
  CHECK(paged_url("/en/the/bau-cu/", 12) == "/en/the/bau-cu/trang/12/");
  SiteConfig c = library_config();
  CHECK(language_prefix(c, "vi") == "");
  CHECK(language_prefix(c, "en") == "/en");
}

TEST_CASE("url_to_output_path and resource_url") {
  CHECK(url_to_output_path("/") == "index.html");
  CHECK(url_to_output_path("/bai-viet/x/") == "bai-viet/x/index.html");
  CHECK(url_to_output_path("/tin-tuc/cu") == "tin-tuc/cu/index.html");
  CHECK(url_to_output_path("/tin-tuc/cu.html") == "tin-tuc/cu.html");
  CHECK(url_to_output_path("/tep/articles/a.pdf") == "tep/articles/a.pdf");

  Item bundle = make_article("hoi-nghi", "2026-01-10", "vi", "content/articles/hoi-nghi");
  bundle.source = "content/articles/hoi-nghi/index.md";
  bundle.bundle = true;
  bundle.url = "/bai-viet/hoi-nghi/";
  CHECK(resource_url(bundle, "content/articles/hoi-nghi/anh-1.jpg") == "/bai-viet/hoi-nghi/anh-1.jpg");
  CHECK(resource_url(bundle, "content/articles/hoi-nghi/media/a.mp4") == "/bai-viet/hoi-nghi/media/a.mp4");
  CHECK(resource_url(bundle, "content/documents/ke-hoach.pdf") == "/tep/documents/ke-hoach.pdf");
  CHECK(resource_url(bundle, "assets/logo.png") == "/tep/assets/logo.png");
  Item single = make_article("tin", "2026-01-10");
  single.url = "/bai-viet/tin/";
  CHECK(resource_url(single, "content/articles/anh.jpg") == "/tep/articles/anh.jpg");
}

TEST_CASE("items are numbered by source path and get URLs") {
  Item page = make_kind(Kind::Page, "gioi-thieu", "2026-01-01");
  Item doc = make_kind(Kind::Document, "Kế hoạch 128", "2026-01-02");
  doc.document = DocumentFields{};
  auto a = run({make_article("z-cuoi", "2026-01-10"), page, make_article("a-dau", "2026-01-11"), doc});
  CHECK(a.diags.empty());
  REQUIRE(a.lib.items.size() == 4);
  for (size_t i = 0; i < a.lib.items.size(); ++i) CHECK(a.lib.items[i].id == i);
  CHECK(a.lib.items[0].source == "content/articles/a-dau.md");
  CHECK(a.lib.items[1].source == "content/articles/z-cuoi.md");
  CHECK(a.item("content/articles/a-dau.md").url == "/bai-viet/a-dau/");
  CHECK(a.item("content/articles/a-dau.md").output_path == "bai-viet/a-dau/index.html");
  CHECK(a.item("content/pages/gioi-thieu.md").url == "/gioi-thieu/");  // fixed pages at the root
  CHECK(a.item("content/documents/Kế hoạch 128.md").url == "/van-ban/ke-hoach-128/");
  CHECK(a.item("content/documents/Kế hoạch 128.md").slug == "ke-hoach-128");
}

TEST_CASE("drafts, scheduled and expired items") {
  Item published = make_article("a", "2026-01-10");
  Item draft = make_article("b", "2026-01-11");
  draft.draft = true;
  Item scheduled = make_article("c", "2026-02-01 08:00");
  Item expired = make_article("d", "2026-01-01");
  expired.expires = when("2026-01-15");
  Item expiring = make_article("e", "2026-01-05");
  expiring.expires = when("2026-01-25");
  expiring.featured = true;
  draft.featured = true;
  draft.tags = {"Nháp"};
  auto a = run({published, draft, scheduled, expired, expiring});
  CHECK(a.diags.empty());
  const Item& A = a.item("content/articles/a.md");
  const Item& B = a.item("content/articles/b.md");
  const Item& C = a.item("content/articles/c.md");
  const Item& D = a.item("content/articles/d.md");
  const Item& E = a.item("content/articles/e.md");
  CHECK(A.publication == Publication::Published);
  CHECK(B.publication == Publication::Draft);
  CHECK(C.publication == Publication::Scheduled);
  CHECK(D.publication == Publication::Expired);
  CHECK(E.publication == Publication::Published);
  CHECK(A.listed());
  CHECK_FALSE(B.listed());
  CHECK_FALSE(C.listed());
  CHECK_FALSE(D.listed());
  CHECK(a.lib.has_page(A));
  CHECK_FALSE(a.lib.has_page(B));
  CHECK_FALSE(a.lib.has_page(C));
  CHECK(a.lib.has_page(D));  // withdrawn from lists, but its page stays
  // The next change is the earliest future date: e expires before c is published.
  REQUIRE(a.lib.next_change);
  CHECK(*a.lib.next_change == when("2026-01-25"));
  CHECK(a.lib.next_change_reason == "content/articles/e.md");
  CHECK(a.lib.now == kNow);

  const Edition& vi = a.edition("vi");
  CHECK(a.sources(vi.latest) == Strings{"content/articles/a.md", "content/articles/e.md"});
  CHECK(a.sources(vi.by_column.at("dai-hoi-xiv")) == Strings{"content/articles/e.md", "content/articles/a.md"});
  CHECK(a.sources(vi.by_kind.at(Kind::Article)) == Strings{"content/articles/a.md", "content/articles/e.md"});
  CHECK(a.sources(vi.by_unit.at("so-vhtt")) == Strings{"content/articles/a.md", "content/articles/e.md"});
  CHECK(a.sources(vi.featured) == Strings{"content/articles/e.md"});
  CHECK(vi.tags.empty());  // the draft's tag is nowhere
  for (size_t id : {B.id, C.id, D.id}) {
    CAPTURE(a.lib.items[id].source);
    CHECK_FALSE(contains(vi.latest, id));
    CHECK_FALSE(contains(vi.featured, id));
    CHECK_FALSE(contains(vi.by_column.at("dai-hoi-xiv"), id));
    CHECK_FALSE(contains(vi.by_kind.at(Kind::Article), id));
    CHECK_FALSE(contains(vi.by_unit.at("so-vhtt"), id));
  }
}

TEST_CASE("a scheduled item sets next_change to its date, and is published once now reaches it") {
  Item scheduled = make_article("sap-dang", "2026-02-01 08:00");
  auto before = run({make_article("cu", "2026-01-01"), scheduled});
  REQUIRE(before.lib.next_change);
  CHECK(*before.lib.next_change == when("2026-02-01 08:00"));
  CHECK(before.lib.next_change_reason == "content/articles/sap-dang.md");
  CHECK(before.item("content/articles/sap-dang.md").publication == Publication::Scheduled);
  CHECK(before.item("content/articles/sap-dang.md").url == "/bai-viet/sap-dang/");

  auto at = run({make_article("cu", "2026-01-01"), scheduled}, when("2026-02-01 08:00"));
  CHECK(at.item("content/articles/sap-dang.md").publication == Publication::Published);
  CHECK_FALSE(at.lib.next_change);
  CHECK(at.sources(at.edition("vi").latest) == Strings{"content/articles/sap-dang.md", "content/articles/cu.md"});

  auto none = run({make_article("cu", "2026-01-01")});
  CHECK_FALSE(none.lib.next_change);
  CHECK(none.lib.next_change_reason == "");
}

TEST_CASE("an item expiring exactly now is expired") {
  Item it = make_article("x", "2026-01-01");
  it.expires = kNow;
  auto a = run({it});
  CHECK(a.item("content/articles/x.md").publication == Publication::Expired);
  CHECK(a.edition("vi").latest.empty());
}

TEST_CASE("banners run from start to end") {
  Item running = make_kind(Kind::Banner, "dang-chay", "2026-01-01");
  running.banner = BannerFields{"content/banners/a.jpg", "A", "", "home", when("2026-01-10"), when("2026-02-01")};
  Item later = make_kind(Kind::Banner, "sap-chay", "2026-01-01");
  later.banner = BannerFields{"content/banners/b.jpg", "B", "", "top", when("2026-01-20"), std::nullopt};
  Item over = make_kind(Kind::Banner, "het-han", "2026-01-01");
  over.banner = BannerFields{"content/banners/c.jpg", "C", "", "top", std::nullopt, when("2026-01-18")};
  Item top = make_kind(Kind::Banner, "tren-cung", "2026-01-02");
  top.banner = BannerFields{"content/banners/d.jpg", "D", "", "top", std::nullopt, std::nullopt};
  auto a = run({running, later, over, top});
  CHECK(a.diags.empty());
  CHECK(a.item("content/banners/dang-chay.md").publication == Publication::Published);
  CHECK(a.item("content/banners/sap-chay.md").publication == Publication::Scheduled);
  CHECK(a.item("content/banners/het-han.md").publication == Publication::Expired);
  // Banners are not news: not in latest, by placement ("home" < "top").
  const Edition& vi = a.edition("vi");
  CHECK(vi.latest.empty());
  CHECK(a.sources(vi.banners) == Strings{"content/banners/dang-chay.md", "content/banners/tren-cung.md"});
  REQUIRE(a.lib.next_change);
  CHECK(*a.lib.next_change == when("2026-01-20"));
  CHECK(a.lib.next_change_reason == "content/banners/sap-chay.md");
}

TEST_CASE("two items with one address") {
  auto a = run({make_article("x", "2026-01-10"), make_article("x", "2026-01-11", "vi", "content/articles/2026")});
  // Sources sort "content/articles/2026/x.md" first: the later one is reported.
  CHECK(join_lines(a.headlines()) == join_lines(Strings{"content/articles/x.md: địa chỉ /bai-viet/x/ đã được dùng cho content/articles/2026/x.md"}));
  REQUIRE(a.diags.size() == 1);
  CHECK(a.diags[0].severity == Severity::Error);
  CHECK(a.diags[0].line == 0);

  SUBCASE("a slug: line names the line") {
    Item y = make_article("y", "2026-01-12");
    y.slug = "x";
    y.key_lines["slug"] = 7;
    auto b = run({make_article("x", "2026-01-10"), y});
    CHECK(join_lines(b.headlines()) == join_lines(Strings{"content/articles/y.md:7: địa chỉ /bai-viet/x/ đã được dùng cho content/articles/x.md"}));
  }
  SUBCASE("a draft or scheduled item takes no address") {
    Item d = make_article("x", "2026-01-11", "vi", "content/articles/2026");
    d.draft = true;
    Item s = make_article("x", "2026-03-01", "vi", "content/articles/2027");
    auto c = run({make_article("x", "2026-01-10"), d, s});
    CHECK(c.diags.empty());
  }
  SUBCASE("different kinds live under different segments") {
    Item doc = make_kind(Kind::Document, "x", "2026-01-10");
    doc.document = DocumentFields{};
    auto c = run({make_article("x", "2026-01-10"), doc});
    CHECK(c.diags.empty());
    CHECK(c.item("content/documents/x.md").url == "/van-ban/x/");
  }
}

TEST_CASE("an item may not take the portal's own addresses") {
  Item tag_page = make_kind(Kind::Page, "the", "2026-01-01");
  Item en_home = make_kind(Kind::Page, "en", "2026-01-01");
  auto a = run({tag_page, en_home});
  CHECK(join_lines(a.headlines()) == join_lines(Strings{
                             "content/pages/en.md: địa chỉ /en/ đã được dùng cho trang chủ tiếng en",
                             "content/pages/the.md: địa chỉ /the/ đã được dùng cho trang của cổng",
                         }));
}

TEST_CASE("a file name without letters or digits") {
  auto a = run({make_article("!!!", "2026-01-10")});
  CHECK(join_lines(a.headlines()) == join_lines(Strings{"content/articles/!!!.md: tên tệp không có chữ hoặc số để làm địa chỉ trang"}));
}

TEST_CASE("translations link each other and share the slug") {
  Item vi = make_article("hoi-nghi", "2026-01-10");
  vi.slug = "hoi-nghi-tong-ket";
  Item en = make_article("hoi-nghi", "2026-01-10", "en");
  Item vi_only = make_article("chi-tieng-viet", "2026-01-12");
  Item en_draft = make_article("chi-tieng-viet", "2026-01-12", "en");
  en_draft.draft = true;
  auto a = run({vi, en, vi_only, en_draft});
  CHECK(a.diags.empty());
  const Item& V = a.item("content/articles/hoi-nghi.md");
  const Item& E = a.item("content/articles/hoi-nghi.en.md");
  CHECK(V.url == "/bai-viet/hoi-nghi-tong-ket/");
  CHECK(E.slug == "hoi-nghi-tong-ket");
  CHECK(E.url == "/en/bai-viet/hoi-nghi-tong-ket/");
  CHECK(E.output_path == "en/bai-viet/hoi-nghi-tong-ket/index.html");
  CHECK(V.translations == std::vector<size_t>{E.id});
  CHECK(E.translations == std::vector<size_t>{V.id});
  CHECK(&in_language(a.lib, V, "en") == &E);
  CHECK(&in_language(a.lib, E, "vi") == &V);
  CHECK(&in_language(a.lib, V, "vi") == &V);
  // No English version with a page: the Vietnamese one stands in.
  const Item& only = a.item("content/articles/chi-tieng-viet.md");
  CHECK(only.translations.empty());
  CHECK(&in_language(a.lib, only, "en") == &only);

  REQUIRE(a.lib.editions.size() == 2);
  CHECK(a.lib.editions[0].lang == "vi");
  CHECK(a.lib.editions[0].prefix == "");
  CHECK(a.lib.editions[1].lang == "en");
  CHECK(a.lib.editions[1].prefix == "/en");
  CHECK(a.sources(a.edition("vi").latest) ==
        Strings{"content/articles/chi-tieng-viet.md", "content/articles/hoi-nghi.md"});
  CHECK(a.sources(a.edition("en").latest) == Strings{"content/articles/hoi-nghi.en.md"});
  CHECK(a.lib.edition("fr") == nullptr);
}

TEST_CASE("tags: one tag across spellings, sorted in Vietnamese order") {
  const std::string nfd = "\xC4\x90" "a\xCC\xA3i ho\xCC\x82\xCC\xA3i XIV";  // "Đại hội XIV" in NFD
  Item a1 = make_article("a1", "2026-01-10");
  a1.tags = {"Đại hội XIV", "Bầu cử"};
  Item a2 = make_article("a2", "2026-01-11");
  a2.tags = {"đại hội xiv", "Âm nhạc", "an toàn"};
  Item a3 = make_article("a3", "2026-01-12");
  a3.tags = {"Đại hội XIV", "Đống Đa", "Dương"};
  Item a4 = make_article("a4", "2026-01-13");
  a4.tags = {nfd, "đường", "ĐẠI HỘI XIV"};  // one item naming a tag twice counts once
  auto a = run({a1, a2, a3, a4});
  CHECK(a.diags.empty());
  const Edition& vi = a.edition("vi");
  Strings names, slugs;
  for (const auto& t : vi.tags) names.push_back(t.name), slugs.push_back(t.slug);
  CHECK(names == Strings{"an toàn", "Âm nhạc", "Bầu cử", "Dương", "Đại hội XIV", "Đống Đa", "đường"});
  // "Dương" and "đường" are different tags that fold to one slug.
  CHECK(slugs == Strings{"an-toan", "am-nhac", "bau-cu", "duong", "dai-hoi-xiv", "dong-da", "duong-2"});
  const Tag& congress = vi.tags[4];
  CHECK(congress.key == label_key("Đại hội XIV"));
  CHECK(congress.name == "Đại hội XIV");  // the spelling most items used
  CHECK(a.sources(congress.items) == Strings{"content/articles/a4.md", "content/articles/a3.md",
                                             "content/articles/a2.md", "content/articles/a1.md"});
  CHECK(vi.tags[0].items == std::vector<size_t>{a.id("content/articles/a2.md")});
}

TEST_CASE("pinned items first, by weight") {
  Item plain_new = make_article("moi", "2026-01-15");
  Item pinned_heavy = make_article("ghim-2", "2026-01-01");
  pinned_heavy.featured = true;
  pinned_heavy.weight = 2;
  Item pinned_light = make_article("ghim-1", "2025-12-01");
  pinned_light.featured = true;
  pinned_light.weight = 1;
  Item plain_old = make_article("cu", "2026-01-02");
  plain_old.columns = {"dai-hoi-xiv", "cai-cach-hanh-chinh"};
  auto a = run({plain_new, pinned_heavy, pinned_light, plain_old});
  const Edition& vi = a.edition("vi");
  CHECK(a.sources(vi.featured) == Strings{"content/articles/ghim-1.md", "content/articles/ghim-2.md"});
  CHECK(a.sources(vi.by_column.at("dai-hoi-xiv")) ==
        Strings{"content/articles/ghim-1.md", "content/articles/ghim-2.md", "content/articles/moi.md",
                "content/articles/cu.md"});
  CHECK(a.sources(vi.by_column.at("cai-cach-hanh-chinh")) == Strings{"content/articles/cu.md"});
  CHECK(a.sources(vi.latest) == Strings{"content/articles/moi.md", "content/articles/cu.md",
                                        "content/articles/ghim-2.md", "content/articles/ghim-1.md"});
}

TEST_CASE("equal dates fall back to the source path") {
  auto a = run({make_article("b", "2026-01-10"), make_article("a", "2026-01-10"), make_article("c", "2026-01-10")});
  CHECK(a.sources(a.edition("vi").latest) ==
        Strings{"content/articles/a.md", "content/articles/b.md", "content/articles/c.md"});
}

TEST_CASE("the document library groups by type, issuer and year") {
  auto doc = [](const std::string& name, const char* date, const std::string& type, const std::string& issuer) {
    Item it = make_kind(Kind::Document, name, date);
    it.document = DocumentFields{name, type, issuer, "", when(date), std::nullopt};
    return it;
  };
  auto a = run({doc("kh-1", "2025-03-01", "Kế hoạch", "UBND thành phố"), doc("cv-1", "2026-01-05", "Công văn", "Sở"),
                doc("kh-2", "2026-01-06", "Kế hoạch", "Sở")});
  CHECK(a.diags.empty());
  const Edition& vi = a.edition("vi");
  REQUIRE(vi.doc_types.size() == 2);
  CHECK(vi.doc_types[0].name == "Công văn");
  CHECK(vi.doc_types[0].slug == "cong-van");
  CHECK(vi.doc_types[1].name == "Kế hoạch");
  CHECK(a.sources(vi.doc_types[1].items) == Strings{"content/documents/kh-2.md", "content/documents/kh-1.md"});
  REQUIRE(vi.issuers.size() == 2);
  CHECK(vi.issuers[0].name == "Sở");
  CHECK(vi.issuers[1].name == "UBND thành phố");
  CHECK(vi.issuers[1].slug == "ubnd-thanh-pho");
  REQUIRE(vi.years.size() == 2);
  CHECK(vi.years[0].name == "2026");  // newest first
  CHECK(vi.years[1].name == "2025");
  CHECK(a.sources(vi.by_kind.at(Kind::Document)) ==
        Strings{"content/documents/kh-2.md", "content/documents/cv-1.md", "content/documents/kh-1.md"});
}

TEST_CASE("pages with a menu position, in order") {
  Item p1 = make_kind(Kind::Page, "lien-he", "2026-01-01");
  p1.page = PageFields{2};
  Item p2 = make_kind(Kind::Page, "gioi-thieu", "2026-01-01");
  p2.page = PageFields{1};
  Item p3 = make_kind(Kind::Page, "so-do", "2026-01-01");
  p3.page = PageFields{};
  auto a = run({p1, p2, p3});
  const Edition& vi = a.edition("vi");
  CHECK(a.sources(vi.menu) == Strings{"content/pages/gioi-thieu.md", "content/pages/lien-he.md"});
  CHECK(vi.latest.empty());  // pages are not news
}

TEST_CASE("aliases") {
  Item x = make_article("x", "2026-01-10");
  x.aliases = {"/tin-cu/hoi-nghi/", "/tin/2025/x.html"};
  x.key_lines["aliases"] = 6;
  auto a = run({x});
  CHECK(a.diags.empty());
  size_t id = a.id("content/articles/x.md");
  CHECK(a.lib.aliases == std::map<std::string, size_t>{{"/tin-cu/hoi-nghi/", id}, {"/tin/2025/x.html", id}});

  SUBCASE("two items claiming one alias") {
    Item y = make_article("y", "2026-01-11");
    y.aliases = {"/tin-cu/hoi-nghi/"};
    y.key_lines["aliases"] = 8;
    auto b = run({x, y});
    CHECK(join_lines(b.headlines()) == join_lines(Strings{"content/articles/y.md:8: alias /tin-cu/hoi-nghi/ đã được dùng cho content/articles/x.md"}));
  }
  SUBCASE("a draft's aliases are not registered") {
    Item d = make_article("d", "2026-01-11");
    d.draft = true;
    d.aliases = {"/cu/d"};
    auto c = run({d});
    CHECK(c.lib.aliases.empty());
  }
}

TEST_CASE("an alias onto another item's address, or the portal's own, is refused") {
  // Aliases as parse_item stores them: a folder address ends with '/'.
  Item x = make_article("x", "2026-01-10");
  Item y = make_article("y", "2026-01-11");
  y.aliases = {"/bai-viet/x/"};
  y.key_lines["aliases"] = 6;
  Item z = make_article("z", "2026-01-12");
  z.aliases = {"/chuyen-muc/"};
  z.key_lines["aliases"] = 6;
  auto a = run({x, y, z});
  CHECK(join_lines(a.headlines()) == join_lines(Strings{
                             "content/articles/y.md:6: alias /bai-viet/x/ đã được dùng cho content/articles/x.md",
                             "content/articles/z.md:6: alias /chuyen-muc/ đã được dùng cho trang của cổng",
                         }));
  CHECK(a.lib.aliases.empty());
}

TEST_CASE("an alias spelled as the page file of another item is refused") {
  Item x = make_article("x", "2026-01-10");
  Item y = make_article("y", "2026-01-11");
  y.aliases = {"/bai-viet/x/index.html"};
  y.key_lines["aliases"] = 6;
  auto a = run({x, y});
  CHECK(join_lines(a.headlines()) ==
        join_lines(Strings{"content/articles/y.md:6: alias /bai-viet/x/index.html đã được dùng cho content/articles/x.md"}));
}

TEST_CASE("a banner link to a content file becomes that item's URL") {
  Item target = make_article("hoi-nghi", "2026-01-10");
  Item banner = make_kind(Kind::Banner, "chao-mung", "2026-01-01");
  banner.banner = BannerFields{"content/banners/a.jpg", "A", "../articles/hoi-nghi.md", "top", std::nullopt, std::nullopt};
  Item broken = make_kind(Kind::Banner, "hong", "2026-01-01");
  broken.banner = BannerFields{"content/banners/a.jpg", "A", "../articles/khong-co.md", "top", std::nullopt, std::nullopt};
  broken.key_lines["link"] = 6;
  auto a = run({target, banner, broken});
  CHECK(a.item("content/banners/chao-mung.md").banner->link == "/bai-viet/hoi-nghi/");
  CHECK(join_lines(a.headlines()) == join_lines(Strings{"content/banners/hong.md:6: \"link\" trỏ tới ../articles/khong-co.md, không phải một mục đã đăng"}));
}

}  // TEST_SUITE
