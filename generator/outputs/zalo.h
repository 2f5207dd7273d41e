// Zalo Official Account payloads: for each published article, the JSON the
// Zalo OA article API takes (type "normal": title, author, description,
// cover photo, body as text and image blocks, status), written as
// zalo/<page path>.json so a ward's posting script sends it as it is.
// Zalo's limits (title 150 characters, description 300, author 50, pictures
// under 1 MB) are applied here and each cut is reported as a warning at the
// line the editor can fix. bangtin itself never calls Zalo.
#pragma once
#include <string>
#include <vector>

#include "core/output.h"
#include "core/status.h"
#include "outputs/feeds.h"

namespace bangtin {

inline constexpr size_t kZaloTitle = 150, kZaloDescription = 300, kZaloAuthor = 50;
inline constexpr uint64_t kZaloImageBytes = 1024 * 1024;

// "/bai-viet/x/" → "zalo/bai-viet/x.json"
std::string zalo_path(const Item& item);
// The picture Zalo gets for an item: the item's picture when it is under
// 1 MB (the place to pick a smaller derivative once the media stage makes
// them), else nothing.
std::optional<MediaRef> zalo_image(const SiteContext& ctx, const MediaRef& picture);

Json zalo_payload(const SiteContext& ctx, const Item& item, Diagnostics& diags);
std::vector<OutputFile> zalo_payloads(const SiteContext& ctx, Diagnostics& diags, int jobs = 1);
// The same, handed to `put` in batches of `batch` articles, in order.
void zalo_payloads(const SiteContext& ctx, Diagnostics& diags, int jobs, const FileSink& put, size_t batch);

}  // namespace bangtin
