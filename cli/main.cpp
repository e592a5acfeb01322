// relscan: the program. Everything is in the command table (cli/command.cpp).
#include <csignal>
#include <cstdio>
#include <exception>

#include "command.h"

int main(int argc, char** argv) {
  // A closed pipe shows up as EPIPE from write(), handled as a quiet end.
  std::signal(SIGPIPE, SIG_IGN);
  try {
    return relscan::cli::Main(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "relscan: fatal: %s\n", e.what());
    return 1;
  }
}
