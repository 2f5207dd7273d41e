// Embeds for ward and commune sites: for each column and each unit an
// iframe-ready page (/nhung/chuyen-muc/KEY/, /nhung/don-vi/KEY/) and the same
// list as JSON (…/KEY.json) for widget.js; the running campaign banner
// (/nhung/banner/, /nhung/banner.json) so every ward shows the same banner on
// the same dates; widget.js at a stable address (/nhung/widget.js, since the
// hashed asset name changes with every edit); and the "Nhúng tin" page
// (/nhung-tin/) where an officer builds and copies the snippet.
#pragma once
#include <vector>

#include "core/output.h"
#include "core/status.h"
#include "outputs/views.h"

namespace bangtin {

// Items an embed lists: enough for any count the builder offers.
inline constexpr size_t kEmbedItems = 10;

std::vector<OutputFile> embed_files(const SiteContext& ctx, Diagnostics& diags);

}  // namespace bangtin
