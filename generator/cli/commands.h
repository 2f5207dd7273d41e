// Subcommands. Each parses its own flags and returns the exit status:
// 0 built, 1 the content has errors, 2 the command line is wrong.
#pragma once
#include <string>
#include <vector>

namespace bangtin {

struct Command {
  const char* name;
  const char* summary;
  int (*run)(const std::vector<std::string>& args);
};

const std::vector<Command>& commands();
int run_build(const std::vector<std::string>& args);
int run_check(const std::vector<std::string>& args);
int run_new(const std::vector<std::string>& args);
int run_serve(const std::vector<std::string>& args);
int run_report(const std::vector<std::string>& args);
// The command whose name is closest to `word`, for "did you mean".
std::string closest_command(const std::string& word);

}  // namespace bangtin
