#include "core/hash.h"

#include <xxhash.h>

#include <cstdio>

namespace bangtin {

uint64_t fnv1a64(std::string_view data, uint64_t seed) {
  uint64_t h = seed;
  for (unsigned char c : data) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

std::string short_hash(std::string_view data, int digits) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(fnv1a64(data)));
  return std::string(buf, static_cast<size_t>(digits > 16 ? 16 : digits));
}

std::string content_hash(std::string_view data) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(XXH3_64bits(data.data(), data.size())));
  return std::string(buf, 16);
}

}  // namespace bangtin
