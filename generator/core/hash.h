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

}  // namespace bangtin
