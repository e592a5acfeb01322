// relscan help [COMMAND]
#include <fmt/format.h>

#include <cstdio>

#include "../command.h"

namespace relscan::cli {
namespace {

ExitCode RunHelp(Invocation& inv) {
  if (inv.args.empty()) {
    std::fputs(ProgramHelp().c_str(), stdout);
    return ExitCode::kOk;
  }
  const Command* cmd = FindCommand(inv.args[0]);
  if (cmd == nullptr) {
    std::string hint = SuggestCommand(inv.args[0]);
    throw UsageError{hint.empty()
                         ? fmt::format("'{}' is not a relscan command", inv.args[0])
                         : fmt::format("'{}' is not a relscan command; did you mean '{}'?",
                                       inv.args[0], hint)};
  }
  std::fputs(CommandHelp(*cmd).c_str(), stdout);
  return ExitCode::kOk;
}

}  // namespace

Command HelpCommand() {
  Command c;
  c.name = "help";
  c.summary = "show help for relscan or one of its commands";
  c.synopsis = "relscan help [COMMAND]";
  c.options = [] { return po::options_description(); };
  c.run = RunHelp;
  return c;
}

}  // namespace relscan::cli
