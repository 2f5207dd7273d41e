#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace bangtin {

// FNV-1a, 64 bits: stable across runs and machines, for content-hashed asset
// names and cache keys (not for security).
uint64_t fnv1a64(std::string_view data, uint64_t seed = 14695981039346656037ull);
// The first `digits` hex digits of fnv1a64(data).
std::string short_hash(std::string_view data, int digits = 10);

// XXH3 (libxxhash), 64 bits as 16 hex digits: for bytes that may be large
// (every output file for the manifest, image sources), where FNV-1a's byte
// at a time cost 5% of a build.
inline constexpr const char* kContentHashName = "xxh3-64";
std::string content_hash(std::string_view data);

}  // namespace bangtin
