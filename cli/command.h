// The command table: one entry per subcommand drives dispatch, help, "did
// you mean" hints and the NAME line of each man page.
#ifndef RELSCAN_CLI_COMMAND_H_
#define RELSCAN_CLI_COMMAND_H_

#include <boost/program_options.hpp>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics.h"

namespace relscan::cli {

namespace po = boost::program_options;

/// What a command's Run function is given: parsed options and positionals.
struct Invocation {
  po::variables_map vm;
  std::vector<std::string> args;  // positional arguments
  Diagnostics* diag = nullptr;
};

/// One subcommand.
struct Command {
  std::string name;
  std::vector<std::string> aliases;
  std::string summary;   // one line: help listing and man page NAME
  std::string synopsis;  // "relscan tag [OPTIONS] [FILE...]"
  std::string description;  // a paragraph for --help
  std::function<po::options_description()> options;  // all its options
  std::function<ExitCode(Invocation&)> run;
};

/// Returns every subcommand, in help order.
const std::vector<Command>& Commands();
/// Finds a subcommand by name or alias, or returns nullptr.
const Command* FindCommand(std::string_view name);
/// Returns the command name nearest to a typo, or "" when none is close.
std::string SuggestCommand(std::string_view typo);
/// Returns a command's --help text.
std::string CommandHelp(const Command& command);
/// Returns the program's --help text.
std::string ProgramHelp();
/// Runs the program: dispatch on argv[1], parse, run; returns the exit code.
int Main(int argc, char** argv);

// The commands, one file each under cli/commands/.
Command TagCommand();
Command EntitiesCommand();
Command DatesCommand();
Command FiguresCommand();
Command QuotesCommand();
Command ClaimsCommand();
Command ConcordanceCommand();
Command CollocatesCommand();
Command KeywordsCommand();
Command MergeCommand();
Command SentencesCommand();
Command EvalCommand();
Command HelpCommand();

}  // namespace relscan::cli

#endif  // RELSCAN_CLI_COMMAND_H_
