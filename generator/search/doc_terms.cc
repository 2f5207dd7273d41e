#include "search/doc_terms.h"

#include <algorithm>

#include "core/text.h"

namespace bangtin::search {

namespace {

constexpr uint32_t kNone = UINT32_MAX;
// Caches beyond this many entries start over, so a huge site cannot grow
// them without bound.
constexpr size_t kMaxCached = 1 << 20;

size_t slot_of(uint32_t term, size_t mask) { return (term * 0x9E3779B1u) & mask; }

}  // namespace

TermCollector::Forms& TermCollector::forms_of(const RawToken& token) {
  // FNV-1a: words are a few bytes, and this runs for every word of the site.
  uint64_t hash = 14695981039346656037ull;
  for (char c : token.text) hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  size_t mask = word_slots_.size() - 1;
  size_t at = static_cast<size_t>(hash ^ (hash >> 32)) & mask;
  for (; word_slots_[at].index != 0; at = (at + 1) & mask) {
    const WordSlot& s = word_slots_[at];
    if (s.hash == hash && words_[s.index - 1].text == token.text) return words_[s.index - 1];
  }
  std::string exact = lower_for_search(token.text);
  // CJK terms keep their marks: folded is exact.
  std::string folded = token.cjk ? exact : fold_for_search(token.text);
  std::vector<Prefix> prefixes;
  if (!token.cjk)
    for (WordPrefix& p : word_prefixes(exact, folded)) {
      std::string key = prefix_key(p.folded);
      prefixes.push_back({lexicon_.intern(key), lexicon_.intern(p.exact), std::move(key)});
    }
  words_.push_back({std::string(token.text), lexicon_.intern(exact), lexicon_.intern(folded), std::move(folded),
                    std::move(prefixes)});
  word_slots_[at] = {hash, static_cast<uint32_t>(words_.size())};
  if (words_.size() * 2 > word_slots_.size()) {
    std::vector<WordSlot> bigger(word_slots_.size() * 2);
    mask = bigger.size() - 1;
    for (const WordSlot& s : word_slots_) {
      if (s.index == 0) continue;
      size_t i = static_cast<size_t>(s.hash ^ (s.hash >> 32)) & mask;
      while (bigger[i].index != 0) i = (i + 1) & mask;
      bigger[i] = s;
    }
    word_slots_.swap(bigger);
  }
  return words_.back();
}

uint32_t TermCollector::pair_of(const Forms& a, uint32_t second, std::string_view second_text) {
  // A beginning's key is a string of its own, so its number is never a
  // word's: "dai h*" and "dai hoi" cannot share a slot.
  uint64_t key = (uint64_t{a.folded} << 32) | second;
  size_t mask = pair_keys_.size() - 1;
  size_t at = static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> 20) & mask;
  for (; pair_keys_[at] != kNoPair; at = (at + 1) & mask)
    if (pair_keys_[at] == key) return pair_terms_[at];
  std::string text;
  text.reserve(a.folded_text.size() + 1 + second_text.size());
  text.append(a.folded_text).append(1, ' ').append(second_text);
  uint32_t term = lexicon_.intern(text);
  pair_keys_[at] = key;
  pair_terms_[at] = term;
  if (++pair_count_ * 2 > pair_keys_.size()) {
    std::vector<uint64_t> keys(pair_keys_.size() * 2, kNoPair);
    std::vector<uint32_t> terms(keys.size());
    mask = keys.size() - 1;
    for (size_t i = 0; i < pair_keys_.size(); ++i) {
      if (pair_keys_[i] == kNoPair) continue;
      size_t s = static_cast<size_t>((pair_keys_[i] * 0x9E3779B97F4A7C15ull) >> 20) & mask;
      while (keys[s] != kNoPair) s = (s + 1) & mask;
      keys[s] = pair_keys_[i];
      terms[s] = pair_terms_[i];
    }
    pair_keys_.swap(keys);
    pair_terms_.swap(terms);
  }
  return term;
}

uint32_t TermCollector::add(uint32_t term, uint32_t tf, uint8_t flags, uint32_t spelling) {
  size_t mask = table_.size() - 1;
  size_t at = slot_of(term, mask);
  while (table_[at] != 0 && doc_.hits[table_[at] - 1].term != term) at = (at + 1) & mask;
  if (table_[at] == 0) {
    doc_.hits.push_back({term, 0, 0, 0});
    spelling_of_.push_back({kNone, kNone, kNone});
    source_of_.push_back({});
    table_[at] = static_cast<uint32_t>(doc_.hits.size());
    if (doc_.hits.size() * 2 > table_.size()) {
      table_.assign(table_.size() * 2, 0);
      mask = table_.size() - 1;
      for (uint32_t i = 0; i < doc_.hits.size(); ++i) {
        size_t s = slot_of(doc_.hits[i].term, mask);
        while (table_[s] != 0) s = (s + 1) & mask;
        table_[s] = i + 1;
      }
    }
    at = kNone;  // found below by index
  }
  uint32_t index = at == kNone ? static_cast<uint32_t>(doc_.hits.size() - 1) : table_[at] - 1;
  Hit& h = doc_.hits[index];
  h.tf = static_cast<uint16_t>(std::min<uint32_t>(UINT16_MAX, h.tf + tf));
  h.flags |= flags;
  Spellings& s = spelling_of_[index];
  if (spelling == kNone || s.first == spelling) return index;
  if (s.first == kNone) {
    s.first = spelling;
    return index;
  }
  // Another spelling of the term in this document: a word has few.
  for (uint32_t m = s.head; m != kNone; m = more_[m].next)
    if (more_[m].spelling == spelling) return index;
  uint32_t added = static_cast<uint32_t>(more_.size());
  more_.push_back({spelling, kNone});
  if (s.tail == kNone) s.head = added;
  else more_[s.tail].next = added;
  s.tail = added;
  return index;
}

void TermCollector::add(uint32_t term, const Field& f, uint32_t spelling) {
  add(term, f.weight, static_cast<uint8_t>((f.title ? kInTitle : 0) | (f.number ? kInNumber : 0)), spelling);
}

// Once per document, not per occurrence: a beginning's hit takes the
// weights and flags of every word (or pair) it begins, summed, and the
// spellings of every way those words are written.
void TermCollector::add_prefixes() {
  size_t hits = doc_.hits.size();  // the words' and pairs' hits; beginnings come after
  for (size_t i = 0; i < hits; ++i) {
    Source from = source_of_[i];
    if (!from.word) continue;
    uint32_t tf = doc_.hits[i].tf;
    uint8_t flags = doc_.hits[i].flags;
    if (!from.first) {
      for (const Prefix& p : from.word->prefixes) add(p.key, tf, flags, kNone);
      continue;
    }
    for (size_t k = 0; k < std::min(kPairPrefixLetters, from.word->prefixes.size()); ++k) {
      const Prefix& p = from.word->prefixes[k];
      add(pair_of(*from.first, p.key, p.key_text), tf, flags, kNone);
    }
  }
  for (const Forms* w : written_)
    for (const Prefix& p : w->prefixes) add(p.key, 0, 0, p.exact);
}

DocTerms TermCollector::finish() {
  add_prefixes();
  for (uint32_t i = 0; i < doc_.hits.size(); ++i) {
    size_t first = doc_.spellings.size();
    const Spellings& s = spelling_of_[i];
    if (s.first != kNone) doc_.spellings.push_back(s.first);
    // (A term written more than 255 ways in one document keeps 255.)
    for (uint32_t m = s.head; m != kNone && doc_.spellings.size() - first < UINT8_MAX; m = more_[m].next)
      doc_.spellings.push_back(more_[m].spelling);
    doc_.hits[i].spellings = static_cast<uint8_t>(doc_.spellings.size() - first);
  }
  std::fill(table_.begin(), table_.end(), 0);
  spelling_of_.clear();
  more_.clear();
  source_of_.clear();
  written_.clear();
  if (words_.size() > kMaxCached) {
    words_.clear();
    std::fill(word_slots_.begin(), word_slots_.end(), WordSlot());
  }
  if (pair_count_ > kMaxCached) {
    std::fill(pair_keys_.begin(), pair_keys_.end(), kNoPair);
    pair_count_ = 0;
  }
  DocTerms out = std::move(doc_);
  out.hits.shrink_to_fit();
  doc_ = DocTerms();
  return out;
}

DocTerms TermCollector::collect(const std::vector<Field>& fields) {
  ++documents_;
  for (const Field& f : fields) {
    std::string text = to_nfc(f.text);
    tokens_.clear();
    raw_tokens(text, tokens_);
    if (f.weight <= 2 && !f.title) doc_.length += static_cast<float>(tokens_.size());
    const Forms* prev = nullptr;
    for (const RawToken& t : tokens_) {
      Forms& forms = forms_of(t);
      uint8_t flags = static_cast<uint8_t>((f.title ? kInTitle : 0) | (f.number ? kInNumber : 0));
      uint32_t hit = add(forms.folded, f.weight, flags, t.cjk ? kNone : forms.exact);
      if (t.cjk) {
        prev = nullptr;
        continue;
      }
      if (!source_of_[hit].word) source_of_[hit] = {&forms, nullptr};
      if (forms.last_doc != documents_) {
        forms.last_doc = documents_;
        written_.push_back(&forms);
      }
      if (prev && t.joined) {
        uint32_t pair = add(pair_of(*prev, forms.folded, forms.folded_text), f.weight, flags, kNone);
        if (!source_of_[pair].word) source_of_[pair] = {&forms, prev};
      }
      prev = &forms;
    }
    if (f.number) {
      std::string key = number_key(f.text);
      if (!key.empty()) add(lexicon_.intern(key), f, kNone);
    }
  }
  return finish();
}

}  // namespace bangtin::search
