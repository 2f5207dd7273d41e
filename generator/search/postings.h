// The compact text form of the index's number lists, and the hash that
// places a term in a shard. A posting list of 10,000 documents must fit in a
// few tens of KB for a phone, and JSON arrays of numbers take 5–7 bytes a
// posting: here a small number takes one character. search.js decodes it.
//
// Each number is written in base 32, lowest digits first, each digit one
// character of kAlphabet: the first 32 characters end a number, the last 32
// say that more digits follow. No character needs escaping in JSON.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bangtin::search {

inline constexpr std::string_view kAlphabet =
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";

void append_number(std::string& out, uint64_t n);
// Reads numbers written by append_number; false on a malformed string.
bool read_numbers(std::string_view text, std::vector<uint64_t>& out);

// Ascending document ids as gaps: 3, 4, 9 → 4, 1, 5 (the first counted from -1).
std::string encode_ids(const std::vector<uint32_t>& ids);

// A set of document ids, a subset of `within` (ascending; all of 0..docs-1
// when null), in whichever form is shortest: the gaps as above; "~" and a
// bitmap, six documents a character (bit j of character i is document
// 6i + j, trailing empty characters left out); or "!" and the gaps of the
// documents of `within` that are not in the set. A word in most documents
// costs a sixth of a character a document as a bitmap, and next to nothing
// as the few documents without it.
std::string encode_set(const std::vector<uint32_t>& ids, uint32_t docs, const std::vector<uint32_t>* within = nullptr);
// Reads any form back, ascending; false on a malformed string.
bool read_set(std::string_view text, uint32_t docs, const std::vector<uint32_t>* within, std::vector<uint32_t>& out);

// Which shard holds a term: FNV-1a (32 bits) of its UTF-8 bytes, modulo the
// number of shards.
uint32_t shard_of(std::string_view term, uint32_t shards);

}  // namespace bangtin::search
