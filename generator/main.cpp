// bangtin: the static site generator for Vietnamese government portals.
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"

#ifdef BANGTIN_JEMALLOC
// Read by jemalloc at start-up (MALLOC_CONF in the environment still wins).
// A 10,000-article build touches about 450 MB once; in 2 MB pages that is
// 10,000 page faults instead of 125,000, and on a virtual machine each fault
// is dear: the build's wall time drops by about a tenth (bench/README.md).
extern "C" {
const char* malloc_conf = "thp:always,metadata_thp:always";
}
#endif

#ifndef BANGTIN_VERSION
#define BANGTIN_VERSION "dev"
#endif

static void usage(std::ostream& out) {
  out << "bangtin " << BANGTIN_VERSION << " — static portals for Vietnamese government offices\n\n"
      << "usage: bangtin COMMAND [options]\n\ncommands:\n";
  for (const auto& c : bangtin::commands()) out << "  " << c.name << std::string(10 - std::string(c.name).size(), ' ') << c.summary << "\n";
  out << "\nrun 'bangtin COMMAND --help' for its options\n";
}

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "help" || args[0] == "--help" || args[0] == "-h") {
    usage(args.empty() ? std::cerr : std::cout);
    return args.empty() ? 2 : 0;
  }
  if (args[0] == "--version" || args[0] == "version") {
    std::cout << "bangtin " << BANGTIN_VERSION << "\n";
    return 0;
  }
  for (const auto& c : bangtin::commands())
    if (args[0] == c.name) return c.run({args.begin() + 1, args.end()});
  std::cerr << "bangtin: unknown command '" << args[0] << "'";
  std::string guess = bangtin::closest_command(args[0]);
  if (!guess.empty()) std::cerr << "; did you mean '" << guess << "'?";
  std::cerr << "\n\n";
  usage(std::cerr);
  return 2;
}
