// Work over an index range on a few threads. Each call fn(i) writes only to
// slot i of a preallocated result, so the output never depends on scheduling.
#pragma once
#include <cstddef>
#include <functional>

namespace bangtin {

// jobs <= 0 means one per hardware thread. Rethrows the first exception.
void parallel_for(size_t n, int jobs, const std::function<void(size_t)>& fn);
int default_jobs();

}  // namespace bangtin
