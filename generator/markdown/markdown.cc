#include "markdown/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <cstring>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <regex>
#include <set>

#include "core/paths.h"
#include "core/text.h"

namespace bangtin {

namespace {

// No CMARK_OPT_FOOTNOTES: cmark-gfm 0.29.0.gfm.6 writes any "[^…]" that names
// no footnote back from lengths that do not match its text (words lost,
// letters cut in half, a page ended early; found by fuzz_markdown), and no
// editor writes Markdown footnotes. "[^1]" stays the text it reads as.
constexpr int kOptions = CMARK_OPT_UNSAFE | CMARK_OPT_GITHUB_PRE_LANG |
                         CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE;

struct Parsed {
  cmark_parser* parser = nullptr;
  cmark_node* doc = nullptr;
  ~Parsed() {
    if (doc) cmark_node_free(doc);
    if (parser) cmark_parser_free(parser);
  }
};

// cmark-gfm's utf8proc encodes the entities &#xFFFE; and &#xFFFF; as the lone
// bytes FE and FF, which are not UTF-8 (and make nlohmann::json throw). The
// source was checked to be UTF-8, so any such byte came from an entity:
// replace it with U+FFFD in every decoded string of the tree. The source was
// also cleaned of controls when read (core/text.h), so a control here came
// from a character reference (&#31;, &#x7F;): dropped too, as the reading
// step would have dropped it typed.
void repair_bytes(cmark_node* n, const char* (*get)(cmark_node*), int (*set)(cmark_node*, const char*),
                  bool has_references) {
  const char* v = get(n);
  if (!v) return;
  bool lone = std::strpbrk(v, "\xFE\xFF") != nullptr;
  if (!lone && !has_references) return;
  std::string fixed;
  if (lone) {
    for (const char* c = v; *c; ++c) {
      unsigned char b = static_cast<unsigned char>(*c);
      fixed += (b == 0xFE || b == 0xFF) ? std::string("\xEF\xBF\xBD") : std::string(1, *c);
    }
  } else {
    fixed = v;
  }
  if (drop_forbidden_code_points(fixed) > 0 || lone) set(n, fixed.c_str());
}

void repair_entities(cmark_node* doc, bool has_references) {
  cmark_iter* it = cmark_iter_new(doc);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* n = cmark_iter_get_node(it);
    cmark_node_type t = cmark_node_get_type(n);
    if (t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE) {
      repair_bytes(n, cmark_node_get_url, cmark_node_set_url, has_references);
      repair_bytes(n, cmark_node_get_title, cmark_node_set_title, has_references);
    } else if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE || t == CMARK_NODE_CODE_BLOCK) {
      repair_bytes(n, cmark_node_get_literal, cmark_node_set_literal, has_references);
      if (t == CMARK_NODE_CODE_BLOCK)
        repair_bytes(n, cmark_node_get_fence_info, cmark_node_set_fence_info, has_references);
    }
  }
  cmark_iter_free(it);
}

std::unique_ptr<Parsed> parse(const std::string& text) {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
  auto p = std::make_unique<Parsed>();
  p->parser = cmark_parser_new(kOptions);
  for (const char* name : {"table", "strikethrough", "autolink", "tagfilter", "tasklist"})
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(p->parser, ext);
  cmark_parser_feed(p->parser, text.data(), text.size());
  {
    // cmark-gfm 0.29 keeps the inline parser's table of special characters
    // in a global: finish() adds its extensions' characters ('~' of
    // strikethrough, ':' and 'w' of autolink) before the inline phase and
    // clears them after, so one parse ending clears them under another one
    // still running, whose ~~gạch~~ and bare links stay plain text
    // (github/cmark-gfm pull request #176, never merged). Only the inline
    // phase reads the table, and finish() is where it runs: one at a time.
    // Block parsing (feed), rendering and everything done with the tree stay
    // parallel. The extensions cannot be left without their characters to
    // keep the table constant instead: strikethrough looks its closing '~'
    // up in that same list, and without it finish() never returns.
    static std::mutex inline_phase;
    std::lock_guard<std::mutex> lock(inline_phase);
    p->doc = cmark_parser_finish(p->parser);
  }
  repair_entities(p->doc, text.find("&#") != std::string::npos);
  return p;
}

std::string render(const Parsed& p) {
  char* html = cmark_render_html(p.doc, kOptions, cmark_parser_get_syntax_extensions(p.parser));
  std::string out(html);
  free(html);
  return out;
}

std::vector<cmark_node*> collect(cmark_node* doc) {
  std::vector<cmark_node*> nodes;
  cmark_iter* it = cmark_iter_new(doc);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE)
    if (ev == CMARK_EVENT_ENTER) nodes.push_back(cmark_iter_get_node(it));
  cmark_iter_free(it);
  return nodes;
}

std::string plain_text(cmark_node* node) {
  std::string out;
  cmark_iter* it = cmark_iter_new(node);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* n = cmark_iter_get_node(it);
    cmark_node_type t = cmark_node_get_type(n);
    if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE) out += cmark_node_get_literal(n);
    else if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK) out += ' ';
  }
  cmark_iter_free(it);
  return squash_spaces(out);
}

// Raw HTML is dropped (and the editor warned) unless the site allows it;
// then the tagfilter extension still disarms <script>, <iframe> and the like.
void filter_raw_html(const std::vector<cmark_node*>& nodes, const std::function<void(cmark_node*)>& warn) {
  for (cmark_node* n : nodes) {
    cmark_node_type t = cmark_node_get_type(n);
    if (t != CMARK_NODE_HTML_BLOCK && t != CMARK_NODE_HTML_INLINE) continue;
    warn(n);
    cmark_node_unlink(n);
    cmark_node_free(n);
  }
}

bool has_scheme(const std::string& url, std::string& scheme) {
  auto colon = url.find(':');
  if (colon == std::string::npos) return false;
  auto stop = url.find_first_of("/?#");
  if (stop != std::string::npos && stop < colon) return false;
  scheme = ascii_lower(url.substr(0, colon));
  return true;
}

int node_line(cmark_node* n) {
  for (; n; n = cmark_node_parent(n))
    if (int l = cmark_node_get_start_line(n); l > 0) return l;
  return 1;
}

}  // namespace

RenderedBody render_markdown(const Item& item, const Library& lib, const SiteConfig& config,
                             const std::string& site_root, Diagnostics& diags) {
  RenderedBody out;
  auto parsed = parse(item.body);
  auto line = [&](cmark_node* n) { return item.body_line + node_line(n) - 1; };
  std::vector<cmark_node*> nodes = collect(parsed->doc);

  if (!config.raw_html) {
    filter_raw_html(nodes, [&](cmark_node* n) {
      diags.warning(item.source, line(n), "mã HTML không được dùng trong bài và đã bị bỏ đi",
                    "viết bằng Markdown: **chữ đậm**, [liên kết](địa chỉ), ![ảnh](tep.jpg)");
    });
    nodes = collect(parsed->doc);
  }

  std::set<std::string> files;
  std::map<std::string, int> ids;
  for (cmark_node* n : nodes) {
    cmark_node_type type = cmark_node_get_type(n);
    if (type == CMARK_NODE_PARAGRAPH && out.first_paragraph.empty() &&
        cmark_node_get_type(cmark_node_parent(n)) == CMARK_NODE_DOCUMENT)
      out.first_paragraph = plain_text(n);
    if (type != CMARK_NODE_LINK && type != CMARK_NODE_IMAGE) continue;
    std::string url = cmark_node_get_url(n) ? cmark_node_get_url(n) : "";
    std::string scheme;
    if (type == CMARK_NODE_IMAGE && plain_text(n).empty()) out.images_without_alt.push_back(line(n));
    if (!url.empty() && url[0] == '#') out.anchor_links.push_back({line(n), item.id, url.substr(1)});
    if (url.empty() || url[0] == '#' || starts_with(url, "//")) continue;
    if (has_scheme(url, scheme)) {
      static const std::set<std::string> safe{"http", "https", "mailto", "tel"};
      if (!safe.count(scheme)) {
        diags.warning(item.source, line(n), "liên kết dạng \"" + scheme + ":\" đã bị vô hiệu hóa",
                      "liên kết chỉ được bắt đầu bằng https://, http://, mailto: hoặc tel:");
        cmark_node_set_url(n, "#");
      }
      continue;
    }
    std::string path = url, suffix;
    if (auto cut = path.find_first_of("?#"); cut != std::string::npos) {
      suffix = path.substr(cut);
      path.resize(cut);
    }
    std::string decoded = percent_decode(path);  // editors write "anh%201.jpg" or "anh 1.jpg"; accept both
    auto rel = resolve_site_path(item.dir, decoded);
    if (!rel) {
      diags.error(item.source, line(n), "liên kết \"" + url + "\" đi ra ngoài thư mục trang",
                  "liên kết tới bài khác bằng tệp của bài, ví dụ ../documents/ke-hoach.md");
      cmark_node_set_url(n, "#");
      continue;
    }
    if (ends_with(ascii_lower(*rel), ".md")) {
      out.linked_sources.push_back(to_nfc(*rel));
      auto it = lib.by_source.find(out.linked_sources.back());
      if (it == lib.by_source.end()) {
        diags.error(item.source, line(n), "liên kết \"" + url + "\": không có mục này (đã tìm " + *rel + ")",
                    "kiểm tra tên tệp; đường dẫn tính từ thư mục của bài đang viết");
      } else if (!lib.has_page(lib.items[it->second])) {
        diags.error(item.source, line(n), "liên kết \"" + url + "\": mục đó là bản nháp hoặc chưa đến giờ đăng",
                    "bỏ liên kết, hoặc đăng mục kia trước");
      } else {
        const Item& target = in_language(lib, lib.items[it->second], item.lang);
        if (auto hash = suffix.find('#'); hash != std::string::npos)
          out.anchor_links.push_back({line(n), target.id, suffix.substr(hash + 1)});
        cmark_node_set_url(n, (config.base_path() + target.url + suffix).c_str());
      }
      continue;
    }
    // "/bai-viet/x/" names a page, never a file: no file lookup (an article
    // links to dozens of pages, and each lookup also enters the up-to-date record).
    if (type != CMARK_NODE_IMAGE && url[0] == '/' && !decoded.empty() && decoded.back() == '/') continue;
    FileCheck check = check_site_file(site_root, *rel);
    if (check == FileCheck::Ok) {
      files.insert(*rel);
      cmark_node_set_url(n, (config.base_path() + resource_url(item, *rel) + suffix).c_str());
    } else if (check == FileCheck::OutsideRoot) {
      diags.error(item.source, line(n), "\"" + url + "\" là liên kết trỏ ra ngoài thư mục trang");
      cmark_node_set_url(n, "#");
    } else if (url[0] != '/' || type == CMARK_NODE_IMAGE) {
      // A leading '/' without a file is a page address on this site.
      diags.error(item.source, line(n), "không có tệp \"" + url + "\" (đã tìm " + *rel + ")",
                  "đặt tệp cạnh bài, trong thư mục gói của bài");
    }
  }

  // Heading anchors: render each heading alone, give it an id, and put the
  // HTML back in its place.
  std::vector<cmark_node*> headings;
  for (cmark_node* n : nodes)
    if (cmark_node_get_type(n) == CMARK_NODE_HEADING) headings.push_back(n);
  for (cmark_node* n : headings) {  // freeing a heading frees its children, so not `nodes`
    int level = cmark_node_get_heading_level(n);
    std::string text = plain_text(n);
    std::string id = slugify(text);
    if (id.empty()) id = "muc";
    // "Đại hội", "Đại hội", "Đại hội 1" → dai-hoi, dai-hoi-1, dai-hoi-1-1: a
    // suffixed id may itself be taken by a later heading's text.
    std::string base = id;
    for (int n = 1; ids.count(id); ++n) id = base + "-" + std::to_string(n);
    ids[id] = 1;
    out.headings.push_back({level, id, text});
    char* h = cmark_render_html(n, kOptions, cmark_parser_get_syntax_extensions(parsed->parser));
    std::string html(h);
    free(h);
    std::string open = "<h" + std::to_string(level) + ">";
    std::string close = "</h" + std::to_string(level) + ">";
    if (starts_with(html, open)) {
      html = "<h" + std::to_string(level) + " id=\"" + id + "\">" + html.substr(open.size());
      auto pos = html.rfind(close);
      if (pos != std::string::npos)
        html.insert(pos, " <a class=\"anchor\" href=\"#" + id + "\" aria-hidden=\"true\" tabindex=\"-1\">#</a>");
    }
    cmark_node* block = cmark_node_new(CMARK_NODE_HTML_BLOCK);
    cmark_node_set_literal(block, html.c_str());
    cmark_node_insert_before(n, block);
    cmark_node_unlink(n);
    cmark_node_free(n);
  }
  out.html = render(*parsed);
  out.files.assign(files.begin(), files.end());
  return out;
}

std::string markdown_to_html(const std::string& markdown, bool raw_html) {
  auto parsed = parse(markdown);
  if (!raw_html) filter_raw_html(collect(parsed->doc), [](cmark_node*) {});
  for (cmark_node* n : collect(parsed->doc)) {
    cmark_node_type t = cmark_node_get_type(n);
    std::string scheme;
    if ((t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE) && cmark_node_get_url(n) &&
        has_scheme(cmark_node_get_url(n), scheme) && scheme != "http" && scheme != "https" &&
        scheme != "mailto" && scheme != "tel")
      cmark_node_set_url(n, "#");
  }
  return render(*parsed);
}

}  // namespace bangtin
