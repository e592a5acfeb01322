#include "command.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <sstream>

#include "output.h"
#include "relscan/tag.h"

namespace relscan::cli {

const std::vector<Command>& Commands() {
  static const std::vector<Command> kCommands = {
      TagCommand(), EntitiesCommand(), DatesCommand(), FiguresCommand(), QuotesCommand(), ClaimsCommand(),
      ConcordanceCommand(), CollocatesCommand(), KeywordsCommand(), MergeCommand(),
      SentencesCommand(), EvalCommand(), HelpCommand()};
  return kCommands;
}

const Command* FindCommand(std::string_view name) {
  for (const Command& c : Commands()) {
    if (c.name == name) return &c;
    for (const std::string& a : c.aliases)
      if (a == name) return &c;
  }
  return nullptr;
}

namespace {

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] != b[j - 1])});
      diag = up;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string SuggestCommand(std::string_view typo) {
  std::string best;
  size_t best_d = std::string::npos;
  auto consider = [&](const std::string& name) {
    size_t d = EditDistance(typo, name);
    if (d < best_d) {
      best_d = d;
      best = name;
    }
  };
  for (const Command& c : Commands()) {
    consider(c.name);
    for (const std::string& a : c.aliases) consider(a);
  }
  // Close enough to be a typo: at most a third of the word wrong.
  if (best_d <= std::max<size_t>(2, typo.size() / 3)) return best;
  return "";
}

std::string CommandHelp(const Command& c) {
  std::ostringstream out;
  out << "usage: " << c.synopsis << "\n\n" << c.summary << "\n";
  if (!c.description.empty()) out << "\n" << c.description << "\n";
  po::options_description d = c.options();
  d.add_options()("help,h", "show this help");
  out << "\n" << d;
  if (c.name != "help") out << "\nSee 'man relscan-" << c.name << "' for details and examples.\n";
  return out.str();
}

std::string ProgramHelp() {
  std::string out =
      "usage: relscan <command> [OPTIONS] [FILE...]\n"
      "       relscan help <command> | relscan <command> --help\n"
      "       relscan --version\n\n"
      "Reads essays the way a careful researcher does: sentences, names,\n"
      "dates, figures, quotations and claims, as records for pipelines.\n\n"
      "Commands:\n";
  for (const Command& c : Commands()) {
    out += fmt::format("  {:<12}{}\n", c.name, c.summary);
  }
  out += "\nSee 'relscan help <command>' or 'man relscan' for more.\n";
  return out;
}

int Main(int argc, char** argv) {
  Diagnostics diag;
  std::vector<std::string> argv_rest(argv + 1, argv + argc);
  if (argv_rest.empty()) {
    std::fputs(ProgramHelp().c_str(), stderr);
    return static_cast<int>(ExitCode::kUsage);
  }
  const std::string& first = argv_rest[0];
  if (first == "--help" || first == "-h") {
    std::fputs(ProgramHelp().c_str(), stdout);
    return 0;
  }
  if (first == "--version" || first == "-V") {
    std::printf("relscan %s (ICU %s)\n", std::string(RelscanVersion()).c_str(),
                IcuVersion().c_str());
    return 0;
  }
  if (!first.empty() && first[0] == '-') {
    diag.UsageProblem(fmt::format("unknown option '{}' (a command comes first; see 'relscan --help')", first));
    return static_cast<int>(ExitCode::kUsage);
  }
  const Command* cmd = FindCommand(first);
  if (cmd == nullptr) {
    std::string hint = SuggestCommand(first);
    if (hint.empty()) {
      std::fprintf(stderr, "relscan: '%s' is not a relscan command; see 'relscan --help'\n",
                   first.c_str());
    } else {
      std::fprintf(stderr, "relscan: '%s' is not a relscan command; did you mean '%s'?\n",
                   first.c_str(), hint.c_str());
    }
    return static_cast<int>(ExitCode::kUsage);
  }
  po::options_description visible = cmd->options();
  visible.add_options()("help,h", "show this help");
  po::options_description all;
  all.add(visible);
  all.add_options()("args", po::value<std::vector<std::string>>(), "positional arguments");
  po::positional_options_description positional;
  positional.add("args", -1);
  Invocation inv;
  inv.diag = &diag;
  try {
    std::vector<std::string> rest(argv_rest.begin() + 1, argv_rest.end());
    int style = po::command_line_style::default_style &
                ~po::command_line_style::allow_guessing;
    po::store(po::command_line_parser(rest).options(all).positional(positional).style(style).run(),
              inv.vm);
    po::notify(inv.vm);
  } catch (const po::error& e) {
    diag.UsageProblem(fmt::format("{} (see 'relscan {} --help')", e.what(), cmd->name));
    return static_cast<int>(ExitCode::kUsage);
  }
  if (inv.vm.count("help")) {
    std::fputs(CommandHelp(*cmd).c_str(), stdout);
    return 0;
  }
  if (inv.vm.count("args")) inv.args = inv.vm["args"].as<std::vector<std::string>>();
  try {
    ExitCode code = cmd->run(inv);
    return static_cast<int>(code);
  } catch (const UsageError& e) {
    diag.UsageProblem(e.message);
    return static_cast<int>(ExitCode::kUsage);
  } catch (const BrokenPipe&) {
    return 0;  // the reader has all it wanted
  }
}

}  // namespace relscan::cli
