#include "outputs/zalo.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <map>

#include "core/parallel.h"
#include "core/text.h"
#include "outputs/json_text.h"

namespace bangtin {

namespace {

std::string limited(const std::string& text, size_t max, const Item& item, const std::string& key,
                    const std::string& what, Diagnostics& diags) {
  if (code_points(text) <= max) return text;
  diags.warning(item.source, item.line_of(key),
                what + " dài " + std::to_string(code_points(text)) + " ký tự, Zalo chỉ nhận " + std::to_string(max) +
                    "; bản gửi Zalo đã được cắt ngắn",
                "viết " + what + " ngắn hơn nếu không muốn bị cắt");
  return cut_at_word(text, max);
}

// Text left around a picture may be "<p>" and "</p>" alone: not worth a block.
bool blank_html(const std::string& html) {
  std::string rest;
  for (size_t i = 0; i < html.size(); ++i) {
    if (html[i] == '<') {
      size_t end = html.find('>', i);
      if (end == std::string::npos) break;
      i = end;
    } else if (!std::isspace(static_cast<unsigned char>(html[i]))) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::string zalo_path(const Item& item) {
  std::string p = item.url.substr(1);
  if (ends_with(p, "/")) p.pop_back();
  return "zalo/" + p + ".json";
}

std::optional<MediaRef> zalo_image(const SiteContext& ctx, const MediaRef& picture) {
  if (picture.info.bytes == 0 || picture.info.bytes >= kZaloImageBytes) return std::nullopt;
  return picture;
}

Json zalo_payload(const SiteContext& ctx, const Item& item, Diagnostics& diags) {
  Json p;
  p["type"] = "normal";
  p["title"] = limited(item.title, kZaloTitle, item, "title", "tiêu đề", diags);
  std::string author = item.author;
  if (author.empty())
    if (const Unit* u = ctx.config.find_unit(item.unit)) author = SiteConfig::title_in(u->title, u->translations, item.lang);
  p["author"] = limited(author, kZaloAuthor, item, item.author.empty() ? "unit" : "author", "tên tác giả", diags);
  p["description"] = limited(item.summary, kZaloDescription, item, "summary", "tóm tắt", diags);

  std::optional<MediaRef> cover;
  if (auto picture = item_image(ctx, item)) {
    cover = zalo_image(ctx, *picture);
    if (!cover && picture->info.bytes > 0)
      diags.warning(item.source, item.line_of("cover"),
                    "ảnh bìa nặng " + std::to_string(picture->info.bytes / 1024) + " KB, Zalo chỉ nhận ảnh dưới 1 MB; "
                    "bản gửi Zalo dùng logo của Cổng", "nén ảnh bìa xuống dưới 1 MB");
  }
  // Zalo requires a cover photo: an item without a usable one shows the logo.
  p["cover"] = {{"cover_type", "photo"}, {"photo_url", cover ? cover->url : logo_url(ctx)}, {"status", "show"}};

  // Pictures in the body become image blocks; the text between them stays
  // HTML with absolute links, as Zalo's text blocks accept.
  std::map<std::string, MediaRef> pictures;  // absolute URL in the body → the file, for sizes
  for (const auto& rel : item.resources)
    if (auto m = media_ref(ctx, item, rel)) pictures[m->url] = *m;
  std::string html = feed_body(ctx, item);
  Json body = Json::array();
  // A picture inside a paragraph splits it: close it before the picture and
  // open it again after, so every text block is balanced HTML.
  bool reopen = false;
  auto text_block = [&](std::string chunk) {
    if (reopen) chunk = "<p>" + chunk;
    size_t opened = chunk.rfind("<p>"), closed = chunk.rfind("</p>");
    reopen = opened != std::string::npos && (closed == std::string::npos || closed < opened);
    if (reopen) chunk += "</p>";
    for (size_t at; (at = chunk.find("<p></p>")) != std::string::npos;) chunk.erase(at, 7);
    while (!chunk.empty() && std::isspace(static_cast<unsigned char>(chunk.back()))) chunk.pop_back();
    while (!chunk.empty() && std::isspace(static_cast<unsigned char>(chunk.front()))) chunk.erase(0, 1);
    if (!blank_html(chunk)) body.push_back({{"type", "text"}, {"content", chunk}});
  };
  size_t from = 0, at;
  while ((at = html.find("<img ", from)) != std::string::npos) {
    size_t end = html.find('>', at);
    if (end == std::string::npos) break;
    text_block(html.substr(from, at - from));
    std::string tag = html.substr(at, end + 1 - at);
    std::string src = unescape_html(html_attribute(tag, "src"));
    auto it = pictures.find(src);
    if (it == pictures.end()) {
      body.push_back({{"type", "image"}, {"url", src}, {"caption", unescape_html(html_attribute(tag, "alt"))}});
    } else if (auto fit = zalo_image(ctx, it->second)) {
      body.push_back({{"type", "image"}, {"url", fit->url}, {"caption", unescape_html(html_attribute(tag, "alt"))}});
    } else {
      diags.warning(item.source, item.body_line,
                    "ảnh " + it->second.source + " nặng " + std::to_string(it->second.info.bytes / 1024) +
                        " KB, Zalo chỉ nhận ảnh dưới 1 MB; bản gửi Zalo bỏ ảnh này",
                    "nén ảnh xuống dưới 1 MB");
    }
    from = end + 1;
  }
  text_block(html.substr(from));
  p["body"] = body;
  p["tracking_link"] = ctx.absolute(item.url);
  p["status"] = "show";
  p["comment"] = "show";
  return p;
}

void zalo_payloads(const SiteContext& ctx, Diagnostics& diags, int jobs, const FileSink& put, size_t batch) {
  std::vector<const Item*> items;
  for (const Item& item : ctx.lib.items)
    if (item.kind == Kind::Article && item.listed()) items.push_back(&item);
  // One payload per article, each with the whole body to rework: in
  // parallel, the warnings kept apart and merged in item order.
  batch = std::max<size_t>(1, batch);
  for (size_t first = 0; first < items.size(); first += batch) {
    size_t n = std::min(batch, items.size() - first);
    std::vector<OutputFile> out(n);
    std::vector<Diagnostics> warnings(n);
    parallel_for(n, jobs, [&](size_t i) {
      const Item& item = *items[first + i];
      out[i] = {zalo_path(item), json_text(zalo_payload(ctx, item, warnings[i]), 1) + "\n", ""};
    });
    for (const auto& w : warnings) diags.merge(w);
    put(std::move(out));
  }
}

std::vector<OutputFile> zalo_payloads(const SiteContext& ctx, Diagnostics& diags, int jobs) {
  std::vector<OutputFile> all;
  zalo_payloads(ctx, diags, jobs, append_to(all), SIZE_MAX);
  return all;
}

}  // namespace bangtin
