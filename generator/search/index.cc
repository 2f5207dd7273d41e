#include "search/index.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

#include "core/hash.h"
#include "core/parallel.h"
#include "core/text.h"
#include "search/plain_text.h"
#include "search/postings.h"
#include "search/terms.h"
#include "search/tokenize.h"

namespace bangtin::search {

namespace {

// A first query fetches one shard per term and pair, and each brings its
// neighbours along: at 4 KB a query of ten syllables (twenty-odd shards) on
// a 10,000-item site stays near 200 KB, and a small site still needs only a
// few files. (With 12 KB shards that query fetched twice the bytes.)
constexpr size_t kShardBytes = 4 * 1024;
constexpr size_t kMaxVariants = 30;  // spellings with marks tracked per term
constexpr size_t kSnippetChars = 4000;
// Parts of the term merge, run in parallel; a constant, so the parts and
// the output do not depend on --jobs.
constexpr uint32_t kBuckets = 64;

// How much a field's words count. A title match also sets a flag worth more
// than any amount of body text; so does a document's own number.
struct Field {
  std::string text;
  float weight;
  bool title = false, number = false;
};

struct Hit {
  float tf = 0;
  bool title = false, number = false;
  std::vector<std::string> spellings;
};

struct DocTerms {
  std::unordered_map<std::string, Hit> hits;
  float length = 0;  // body and summary tokens, for length normalisation
};

void add_hit(DocTerms& doc, const std::string& key, const Field& f, const std::string* spelling) {
  Hit& h = doc.hits[key];
  h.tf += f.weight;
  h.title |= f.title;
  h.number |= f.number;
  if (spelling && std::find(h.spellings.begin(), h.spellings.end(), *spelling) == h.spellings.end())
    h.spellings.push_back(*spelling);
}

DocTerms collect_terms(const std::vector<Field>& fields) {
  DocTerms doc;
  for (const Field& f : fields) {
    std::vector<Token> tokens = tokenize(f.text);
    if (f.weight <= 2 && !f.title) doc.length += static_cast<float>(tokens.size());
    for (size_t i = 0; i < tokens.size(); ++i) {
      add_hit(doc, tokens[i].folded, f, tokens[i].cjk ? nullptr : &tokens[i].exact);
      if (i > 0 && tokens[i].joined && !tokens[i].cjk && !tokens[i - 1].cjk)
        add_hit(doc, pair_key(tokens[i - 1], tokens[i]), f, nullptr);
    }
    if (f.number) {
      std::string key = number_key(f.text);
      if (!key.empty()) add_hit(doc, key, f, nullptr);
    }
  }
  return doc;
}

std::vector<Field> fields_of(const SiteContext& ctx, const Item& item) {
  std::vector<Field> f;
  f.push_back({item.title, 2, true});
  if (item.document) {
    f.push_back({item.document->number, 3, false, true});
    f.push_back({item.document->doc_type, 2});
    f.push_back({item.document->issuer, 3});
  }
  std::string tags;
  for (const auto& t : item.tags) tags += t + "\n";
  f.push_back({tags, 3});
  f.push_back({item.summary, 2});
  if (item.infographic) f.push_back({item.infographic->alt, 1});
  f.push_back({item.author, 1});
  f.push_back({html_to_text(item.body_html), 1});
  return f;
}

// A posting's weight, 1..31: BM25's saturating term frequency (k1 = 1.2,
// b = 0.5) scaled to 1..15, plus 12 for a title and 4 for a document number.
uint32_t weight_of(const Hit& h, float length, float average) {
  const float k1 = 1.2f, b = 0.5f;
  float norm = 1 - b + b * (average > 0 ? length / average : 1);
  float sat = h.tf / (h.tf + k1 * norm);
  return 1 + static_cast<uint32_t>(std::lround(sat * 14)) + (h.title ? 12 : 0) + (h.number ? 4 : 0);
}

std::string kind_label(const SiteContext& ctx, const std::string& lang, Kind k) {
  return ctx.templates.strings(lang).value(std::string("kind_") + kind_name(k), kind_name(k));
}

SearchIndex build_one(const SiteContext& ctx, const Edition& ed, int jobs) {
  SearchIndex index;
  index.lang = ed.lang;
  index.url = search_page_url(ctx, ed.lang) + "idx/";
  std::string dir = index.url.substr(1);

  // Every listed item of the language but banners, newest first.
  std::vector<const Item*> docs;
  for (const Item& item : ctx.lib.items)
    if (item.lang == ed.lang && item.listed() && item.kind != Kind::Banner) docs.push_back(&item);
  std::sort(docs.begin(), docs.end(), [](const Item* a, const Item* b) {
    if (a->date.seconds != b->date.seconds) return a->date.seconds > b->date.seconds;
    return a->source < b->source;
  });
  index.docs = static_cast<uint32_t>(docs.size());

  std::vector<DocTerms> terms(docs.size());
  std::vector<OutputFile> records(docs.size());
  // Each document's hits grouped by merge part (below), as pointers into its
  // map, whose nodes stay put: grouped here, while the map is in cache.
  using HitRef = const std::pair<const std::string, Hit>*;
  std::vector<std::vector<HitRef>> hits(docs.size());
  std::vector<std::vector<uint32_t>> starts(docs.size());
  parallel_for(docs.size(), jobs, [&](size_t i) {
    const Item& item = *docs[i];
    std::vector<Field> fields = fields_of(ctx, item);
    terms[i] = collect_terms(fields);
    std::vector<uint8_t> part;
    part.reserve(terms[i].hits.size());
    starts[i].assign(kBuckets + 1, 0);
    for (const auto& kv : terms[i].hits) {
      part.push_back(static_cast<uint8_t>(shard_of(kv.first, kBuckets)));
      ++starts[i][part.back() + 1];
    }
    for (uint32_t b = 0; b < kBuckets; ++b) starts[i][b + 1] += starts[i][b];
    std::vector<uint32_t> next(starts[i].begin(), starts[i].end() - 1);
    hits[i].resize(part.size());
    size_t k = 0;
    for (const auto& kv : terms[i].hits) hits[i][next[part[k++]]++] = &kv;
    Json r = {{"u", ctx.href(item.url)}, {"t", item.title}, {"c", kind_name(item.kind)},
              {"k", kind_label(ctx, ed.lang, item.kind)}, {"d", ctx.day_display(item.date, ed.lang)},
              {"i", format_iso(item.date, ctx.config.utc_offset_minutes)}};
    if (!item.summary.empty()) r["s"] = item.summary;
    if (item.document) r["n"] = item.document->number;
    r["x"] = cut_at_word(fields.back().text, kSnippetChars);
    records[i] = {dir + "d/" + std::to_string(i) + ".json", r.dump(), ""};
  });

  float total = 0;
  for (const auto& d : terms) total += d.length;
  float average = docs.empty() ? 0 : total / static_cast<float>(docs.size());

  // The merge, in kBuckets parts by a hash of the term: each part reads
  // every document's hits of its own terms in document order, so each
  // posting list comes out ascending and the same for any number of threads.
  std::vector<std::vector<std::pair<std::string, Json>>> parts(kBuckets);
  parallel_for(kBuckets, jobs, [&](size_t b) {
    std::unordered_map<std::string, Term> all;
    for (uint32_t id = 0; id < hits.size(); ++id) {
      for (uint32_t k = starts[id][b]; k < starts[id][b + 1]; ++k) {
        const auto& [key, hit] = *hits[id][k];
        Term& t = all[key];
        uint32_t mask = 0;
        for (const std::string& s : hit.spellings) {
          auto it = std::find(t.spellings.begin(), t.spellings.end(), s);
          if (it == t.spellings.end()) {
            if (t.spellings.size() >= kMaxVariants) continue;
            t.spellings.push_back(s);
            t.spelling_df.push_back(0);
            it = t.spellings.end() - 1;
          }
          size_t bit = static_cast<size_t>(it - t.spellings.begin());
          ++t.spelling_df[bit];
          mask |= 1u << bit;
        }
        t.postings.push_back({id, weight_of(hit, terms[id].length, average), mask});
      }
    }
    for (auto& [key, t] : all) parts[b].emplace_back(key, encode_term(key, t, index.docs));
  });
  hits.clear();
  terms.clear();
  std::vector<std::pair<std::string, Json>> encoded;
  for (auto& part : parts)
    for (auto& kv : part) encoded.push_back(std::move(kv));
  std::sort(encoded.begin(), encoded.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  index.term_count = encoded.size();
  size_t total_bytes = 0;
  for (const auto& [key, value] : encoded)
    total_bytes += key.size() + (value.is_string() ? value.get_ref<const std::string&>().size() : value.dump().size()) + 6;
  index.shards = static_cast<uint32_t>(std::max<size_t>(1, (total_bytes + kShardBytes - 1) / kShardBytes));
  std::vector<Json> shards(index.shards, Json::object());
  for (auto& [key, value] : encoded) shards[shard_of(key, index.shards)][key] = std::move(value);
  std::vector<OutputFile> shard_files(index.shards);
  parallel_for(index.shards, jobs, [&](size_t s) {
    shard_files[s] = {dir + "t/" + std::to_string(s) + ".json", shards[s].dump(), ""};
  });
  for (auto& f : shard_files) index.files.push_back(std::move(f));

  // Filters: the values the search page offers, each with its documents.
  std::map<std::string, std::vector<uint32_t>> by_kind, by_column, by_year;
  for (uint32_t id = 0; id < docs.size(); ++id) {
    const Item& item = *docs[id];
    by_kind[kind_name(item.kind)].push_back(id);
    for (const auto& c : item.columns) by_column[c].push_back(id);
    by_year[std::to_string(to_civil(item.date, ctx.config.utc_offset_minutes).year)].push_back(id);
  }
  Json filters = {{"kind", Json::object()}, {"column", Json::object()}, {"year", Json::object()}};
  for (Kind k : {Kind::Article, Kind::Infographic, Kind::Video, Kind::Audio, Kind::Document, Kind::Page}) {
    auto it = by_kind.find(kind_name(k));
    if (it == by_kind.end()) continue;
    index.kinds.push_back({it->first, kind_label(ctx, ed.lang, k), it->second.size()});
    filters["kind"][it->first] = encode_ids(it->second);
  }
  for (const auto& col : ctx.config.columns) {
    auto it = by_column.find(col.key);
    if (it == by_column.end()) continue;
    index.columns.push_back({col.key, SiteConfig::title_in(col.title, col.translations, ed.lang), it->second.size()});
    filters["column"][col.key] = encode_ids(it->second);
  }
  for (auto it = by_year.rbegin(); it != by_year.rend(); ++it) {
    index.years.push_back({it->first, it->first, it->second.size()});
    filters["year"][it->first] = encode_ids(it->second);
  }
  index.files.push_back({dir + "f.json", filters.dump(), ""});
  for (auto& r : records) index.files.push_back(std::move(r));

  // Each file's hash on its own thread: 10,000 records are tens of MB.
  std::vector<std::string> hashes(index.files.size());
  parallel_for(index.files.size(), jobs, [&](size_t i) { hashes[i] = short_hash(index.files[i].bytes, 16); });
  std::string all_bytes;
  for (size_t i = 0; i < index.files.size(); ++i) {
    index.bytes += index.files[i].bytes.size();
    all_bytes += index.files[i].path + '\0' + hashes[i];
  }
  index.version = short_hash(all_bytes, 10);
  return index;
}

}  // namespace

std::string search_page_url(const SiteContext& ctx, const std::string& lang) {
  return language_prefix(ctx.config, lang) + "/tim-kiem/";
}

std::vector<SearchIndex> build_search_indexes(const SiteContext& ctx, int jobs) {
  std::vector<SearchIndex> out;
  for (const Edition& ed : ctx.lib.editions) out.push_back(build_one(ctx, ed, jobs));
  return out;
}

}  // namespace bangtin::search
