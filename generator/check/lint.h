// What only `bangtin check` looks for: things a build can publish, but that a
// careful editor fixes before committing — anchors that lead nowhere, images
// without a description, titles that Zalo or a search engine will cut, items
// that belong to no unit or column. All of them are warnings.
#pragma once
#include "assemble/library.h"
#include "config/config.h"
#include "core/status.h"
#include "images/plan.h"

namespace bangtin {

// What search engines show, in code points. Zalo's own limits are applied and
// reported by outputs/zalo.h; these warnings start below them.
inline constexpr size_t kSearchTitle = 70, kSearchSummary = 160;

void lint(const Library& lib, Diagnostics& diags);
// What site-config.json leaves out but a portal should say: the contact
// details Decree 42/2022/NĐ-CP asks for (the footer shows only those given),
// and a description (without one, pages get one made from the title and units).
void lint_config(const SiteConfig& config, Diagnostics& diags);
// Covers narrower than the widest configured size (images.widths) look
// blurred on a large screen and get no large derivative.
void lint_covers(const Library& lib, const SiteConfig& config, const images::ImagePlan& plan, Diagnostics& diags);

}  // namespace bangtin
