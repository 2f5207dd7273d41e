#include "content/item.h"

namespace bangtin {

const char* kind_folder(Kind k) {
  switch (k) {
    case Kind::Article: return "articles";
    case Kind::Infographic: return "infographics";
    case Kind::Video: return "videos";
    case Kind::Audio: return "audio";
    case Kind::Document: return "documents";
    case Kind::Banner: return "banners";
    case Kind::Page: return "pages";
  }
  return "";
}

const char* kind_name(Kind k) {
  switch (k) {
    case Kind::Article: return "article";
    case Kind::Infographic: return "infographic";
    case Kind::Video: return "video";
    case Kind::Audio: return "audio";
    case Kind::Document: return "document";
    case Kind::Banner: return "banner";
    case Kind::Page: return "page";
  }
  return "";
}

const char* kind_url_segment(Kind k) {
  switch (k) {
    case Kind::Article: return "bai-viet";
    case Kind::Infographic: return "infographic";
    case Kind::Video: return "video";
    case Kind::Audio: return "phat-thanh";
    case Kind::Document: return "van-ban";
    case Kind::Banner: return "banner";
    case Kind::Page: return "";  // fixed pages live at the root: /gioi-thieu/
  }
  return "";
}

std::optional<Kind> kind_from_folder(const std::string& folder) {
  for (Kind k : kAllKinds)
    if (folder == kind_folder(k)) return k;
  return std::nullopt;
}

}  // namespace bangtin
