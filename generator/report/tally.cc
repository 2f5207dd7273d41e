#include "report/tally.h"

#include <algorithm>
#include <map>

namespace bangtin::report {

namespace {

std::optional<size_t> kind_index(Kind k) {
  for (size_t i = 0; i < kReportKinds.size(); ++i)
    if (kReportKinds[i] == k) return i;
  return std::nullopt;
}

// Rank of a language in the site's order (default first), for choosing which
// version of a product stands for it.
size_t language_rank(const SiteConfig& config, const std::string& lang) {
  for (size_t i = 0; i < config.languages.size(); ++i)
    if (config.languages[i].code == lang) return i;
  return config.languages.size();
}

Row empty_row(std::string key, std::string title, size_t months) {
  Row r{std::move(key), std::move(title), {}, {}};
  r.months.resize(months);
  return r;
}

void count_into(Row& row, const Entry& e) {
  row.months[e.month].add(e.kind);
  row.period.add(e.kind);
}

}  // namespace

const char* kind_label(Kind k) {
  switch (k) {
    case Kind::Article: return "Tin, bài";
    case Kind::Infographic: return "Infographic";
    case Kind::Video: return "Video";
    case Kind::Audio: return "Bài phát thanh";
    case Kind::Document: return "Văn bản";
    default: return "";
  }
}

void Counts::add(Kind k) {
  if (auto i = kind_index(k)) ++by_kind[*i];
}

int Counts::of(Kind k) const {
  auto i = kind_index(k);
  return i ? by_kind[*i] : 0;
}

int Counts::total() const {
  int n = 0;
  for (int c : by_kind) n += c;
  return n;
}

Report tally(const Library& lib, const SiteConfig& config, const Period& period) {
  Report r;
  r.site_title = config.title;
  r.period = period;
  r.offset_minutes = config.utc_offset_minutes;
  r.now = lib.now;
  std::vector<Month> months = period.months();
  Day today = day_of(lib.now, config.utc_offset_minutes);
  r.as_of = std::min(today, period.to);
  for (const Month& m : months) {
    Day first = std::max(m.first(), period.from);
    bool whole = period.from <= m.first() && m.last() <= period.to;
    r.months.push_back({m, first <= today, whole && m.last() < today});
  }

  // One version per translation group: the best-ranked language with a page.
  std::map<std::string, size_t> chosen;  // translation_key → item id
  for (const Item& item : lib.items) {
    if (!kind_index(item.kind) || !lib.has_page(item)) continue;
    auto [it, fresh] = chosen.emplace(item.translation_key, item.id);
    if (!fresh && language_rank(config, item.lang) < language_rank(config, lib.items[it->second].lang))
      it->second = item.id;
  }
  std::vector<size_t> ids;
  for (const auto& [key, id] : chosen)
    if (period.contains(lib.items[id].date, config.utc_offset_minutes)) ids.push_back(id);
  std::sort(ids.begin(), ids.end(), [&](size_t a, size_t b) {
    const Item &x = lib.items[a], &y = lib.items[b];
    return x.date != y.date ? x.date < y.date : x.source < y.source;
  });
  for (size_t id : ids) {
    const Item& item = lib.items[id];
    Day d = day_of(item.date, config.utc_offset_minutes);
    size_t month = static_cast<size_t>(std::find(months.begin(), months.end(), Month{d.year, d.month}) - months.begin());
    r.entries.push_back({id, month, item.kind, item.unit, item.columns});
  }

  r.portal = empty_row("", config.title, months.size());
  for (const Unit& u : config.units) r.units.push_back(empty_row(u.key, u.title, months.size()));
  for (const Column& c : config.columns) r.columns.push_back(empty_row(c.key, c.title, months.size()));
  Row no_unit = empty_row("", "Không ghi đơn vị", months.size());
  Row no_column = empty_row("", "Không thuộc chuyên mục nào", months.size());
  auto find = [](std::vector<Row>& rows, const std::string& key) -> Row* {
    for (Row& row : rows)
      if (row.key == key) return &row;
    return nullptr;
  };
  for (const Entry& e : r.entries) {
    count_into(r.portal, e);
    Row* unit = e.unit.empty() ? nullptr : find(r.units, e.unit);
    count_into(unit ? *unit : no_unit, e);
    // An item in two columns counts in both: column rows do not add up to the total.
    for (const std::string& key : e.columns)
      if (Row* col = find(r.columns, key)) count_into(*col, e);
    if (e.columns.empty()) count_into(no_column, e);
  }
  if (no_unit.period.total() > 0) r.units.push_back(std::move(no_unit));
  if (no_column.period.total() > 0) r.columns.push_back(std::move(no_column));
  return r;
}

}  // namespace bangtin::report
