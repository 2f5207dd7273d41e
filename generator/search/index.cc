#include "search/index.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <map>
#include <unordered_map>

#include "core/hash.h"
#include "core/parallel.h"
#include "core/text.h"
#include "outputs/json_text.h"
#include "search/doc_terms.h"
#include "search/lexicon.h"
#include "search/plain_text.h"
#include "search/postings.h"
#include "search/records.h"
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
  float tf = static_cast<float>(h.tf);
  float sat = tf / (tf + k1 * norm);
  return 1 + static_cast<uint32_t>(std::lround(sat * 14)) + ((h.flags & kInTitle) ? 12 : 0) +
         ((h.flags & kInNumber) ? 4 : 0);
}

// Every term's postings (by Lexicon::dense()), in document order, with the
// weight and the spellings each needs: a counting sort over every
// document's hits, in document order. Each document's hits are freed once
// sorted, and a term's postings and spellings end up side by side, so
// encoding reads memory in order.
struct Grouped {
  struct Ref {
    uint32_t doc;
    uint8_t weight, spellings;
  };
  std::vector<uint32_t> start;           // term → first Ref; start[size] = end
  std::vector<Ref> refs;
  std::vector<uint32_t> spelling_start;  // term → first of its spellings
  std::vector<uint32_t> spellings;       // Lexicon numbers, per posting in order
};

Grouped group_by_term(const Lexicon& lexicon, std::vector<DocTerms>& terms, float average, int jobs) {
  // In parts of consecutive documents, one per thread: each part counts its
  // hits per term, then writes them after those of the parts before it, so
  // the order is the documents' whatever the number of parts.
  size_t parts = std::max<size_t>(1, std::min<size_t>(terms.size(), static_cast<size_t>(jobs <= 0 ? default_jobs() : jobs)));
  auto first_doc = [&](size_t part) { return part * terms.size() / parts; };
  uint32_t n = lexicon.size();
  std::vector<std::vector<uint32_t>> next(parts), next_spelling(parts);
  parallel_for(parts, jobs, [&](size_t part) {
    next[part].assign(n, 0);
    next_spelling[part].assign(n, 0);
    for (size_t doc = first_doc(part); doc < first_doc(part + 1); ++doc)
      for (Hit& h : terms[doc].hits) {
        h.term = lexicon.dense(h.term);  // from here on
        ++next[part][h.term];
        next_spelling[part][h.term] += h.spellings;
      }
  });
  Grouped out;
  out.start.assign(n + 1, 0);
  out.spelling_start.assign(n + 1, 0);
  for (uint32_t t = 0; t < n; ++t) {
    uint32_t at = out.start[t], spelling_at = out.spelling_start[t];
    for (size_t part = 0; part < parts; ++part) {
      uint32_t count = next[part][t], spellings = next_spelling[part][t];
      next[part][t] = at;
      next_spelling[part][t] = spelling_at;
      at += count;
      spelling_at += spellings;
    }
    out.start[t + 1] = at;
    out.spelling_start[t + 1] = spelling_at;
  }
  out.refs.resize(out.start.back());
  out.spellings.resize(out.spelling_start.back());
  parallel_for(parts, jobs, [&](size_t part) {
    for (size_t doc = first_doc(part); doc < first_doc(part + 1); ++doc) {
      DocTerms& d = terms[doc];
      const uint32_t* spelling = d.spellings.data();
      for (const Hit& h : d.hits) {
        out.refs[next[part][h.term]++] = {static_cast<uint32_t>(doc), static_cast<uint8_t>(weight_of(h, d.length, average)),
                                          h.spellings};
        for (uint32_t k = 0; k < h.spellings; ++k) out.spellings[next_spelling[part][h.term]++] = *spelling++;
      }
      d = DocTerms();
    }
  });
  return out;
}

// The postings of one term, its spellings tracked as the first
// kMaxVariants met in document order.
Term term_of(const Lexicon& lexicon, const Grouped& g, uint32_t term) {
  Term t;
  std::vector<uint32_t> spelling_ids;
  t.postings.reserve(g.start[term + 1] - g.start[term]);
  const uint32_t* spelling = g.spellings.data() + g.spelling_start[term];
  for (uint32_t r = g.start[term]; r < g.start[term + 1]; ++r) {
    const Grouped::Ref& ref = g.refs[r];
    uint32_t mask = 0;
    for (uint32_t k = 0; k < ref.spellings; ++k) {
      uint32_t s = *spelling++;
      auto it = std::find(spelling_ids.begin(), spelling_ids.end(), s);
      if (it == spelling_ids.end()) {
        if (spelling_ids.size() >= kMaxVariants) continue;
        spelling_ids.push_back(s);
        t.spelling_df.push_back(0);
        it = spelling_ids.end() - 1;
      }
      size_t bit = static_cast<size_t>(it - spelling_ids.begin());
      ++t.spelling_df[bit];
      mask |= 1u << bit;
    }
    t.postings.push_back({ref.doc, ref.weight, mask});
  }
  for (uint32_t s : spelling_ids) t.spellings.emplace_back(lexicon.text(s));
  return t;
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

  // Each worker cuts whole documents into terms, with caches of its own,
  // taking the next document as it finishes one.
  Lexicon lexicon;
  std::vector<DocTerms> terms(docs.size());
  std::vector<std::string> records(docs.size());
  std::map<Kind, std::string> kind_labels;
  for (Kind k : kAllKinds) kind_labels[k] = kind_label(ctx, ed.lang, k);
  std::atomic<size_t> next_doc{0};
  size_t workers = std::max<size_t>(1, std::min<size_t>(docs.size(), static_cast<size_t>(jobs <= 0 ? default_jobs() : jobs)));
  parallel_for(workers, jobs, [&](size_t) {
    TermCollector collector(lexicon);
    for (size_t i; (i = next_doc.fetch_add(1)) < docs.size();) {
      const Item& item = *docs[i];
      std::vector<Field> fields = fields_of(ctx, item);
      terms[i] = collector.collect(fields);
      Record r{ctx.href(item.url), item.title, kind_name(item.kind), kind_labels.at(item.kind),
               ctx.day_display(item.date, ed.lang), format_iso(item.date, ctx.config.utc_offset_minutes),
               item.summary, item.document ? item.document->number : ""};
      records[i] = record_json(r, fields.back().text);
    }
  });

  float total = 0;
  for (const auto& d : terms) total += d.length;
  float average = docs.empty() ? 0 : total / static_cast<float>(docs.size());

  // Each term's postings in document order, whatever order the workers
  // met them in; then each term encoded on its own.
  lexicon.freeze();
  Grouped grouped = group_by_term(lexicon, terms, average, jobs);
  terms.clear();
  terms.shrink_to_fit();
  std::vector<uint32_t> present;  // terms with postings (the rest are spellings only)
  for (uint32_t t = 0; t < lexicon.size(); ++t)
    if (grouped.start[t + 1] > grouped.start[t]) present.push_back(t);
  // Keys are views into the lexicon, which outlives them.
  std::vector<std::string_view> keys(present.size());
  std::vector<std::string> values(present.size());
  std::vector<size_t> sizes(present.size());
  constexpr size_t kEncodeParts = 256;
  parallel_for(kEncodeParts, jobs, [&](size_t part) {
    for (size_t i = part * present.size() / kEncodeParts; i < (part + 1) * present.size() / kEncodeParts; ++i) {
      uint32_t t = present[i];
      keys[i] = lexicon.text(lexicon.id_at(t));
      Term term = term_of(lexicon, grouped, t);
      Json value = encode_term(keys[i], term, index.docs);
      values[i] = json_text(value);
      // Shard sizes are counted as the postings text (without its quotes)
      // or the whole value, plus the key and punctuation.
      sizes[i] = keys[i].size() + values[i].size() - (value.is_string() ? 2 : 0) + 6;
    }
  });
  grouped = Grouped();
  index.term_count = present.size();
  size_t total_bytes = 0;
  for (size_t s : sizes) total_bytes += s;
  index.shards = static_cast<uint32_t>(std::max<size_t>(1, (total_bytes + kShardBytes - 1) / kShardBytes));
  std::vector<std::vector<uint32_t>> in_shard(index.shards);
  for (uint32_t i = 0; i < present.size(); ++i) in_shard[shard_of(keys[i], index.shards)].push_back(i);
  std::vector<OutputFile> shard_files(index.shards);
  parallel_for(index.shards, jobs, [&](size_t s) {
    std::vector<uint32_t>& list = in_shard[s];
    std::sort(list.begin(), list.end(), [&](uint32_t a, uint32_t b) { return keys[a] < keys[b]; });
    std::string out = "{";
    for (uint32_t i : list) {
      if (out.size() > 1) out += ',';
      append_json_string(out, keys[i]);
      out += ':';
      out += values[i];
    }
    out += '}';
    shard_files[s] = {dir + "t/" + std::to_string(s) + ".json", std::move(out), ""};
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
  index.files.push_back({dir + "f.json", json_text(filters), ""});
  for (auto& f : record_files(dir, records)) index.files.push_back(std::move(f));
  records.clear();

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
