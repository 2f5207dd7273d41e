// The words a reader sees in an item's rendered body, for indexing and for
// result snippets: tags dropped, entities decoded, blocks kept apart by a
// line break so that a phrase never runs from a heading into a paragraph.
#pragma once
#include <string>
#include <string_view>

namespace bangtin::search {

std::string html_to_text(std::string_view html);

}  // namespace bangtin::search
