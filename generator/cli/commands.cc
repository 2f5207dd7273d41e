#include "cli/commands.h"

#include <algorithm>

namespace bangtin {

const std::vector<Command>& commands() {
  static const std::vector<Command> table{
      {"build", "build the portal into public/ (or --output)", run_build},
      {"check", "check the content as a build would, without writing", run_check},
      {"serve", "preview on localhost, rebuilt and reloaded on every save", run_serve},
      {"new", "start a new item from its archetype: bangtin new article \"Tiêu đề\"", run_new},
      {"report", "count published items per unit, kind, column and month; CSV, JSON and quotas", run_report},
  };
  return table;
}

static size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::string closest_command(const std::string& word) {
  std::string best;
  size_t best_d = 3;  // farther than this is no suggestion
  for (const auto& c : commands()) {
    size_t d = edit_distance(word, c.name);
    if (d < best_d) best_d = d, best = c.name;
  }
  return best;
}

}  // namespace bangtin
