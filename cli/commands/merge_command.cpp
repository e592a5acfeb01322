// relscan merge: sums count tables made by 'relscan keywords --counts'.
#include <fmt/format.h>

#include "../command.h"
#include "../output.h"
#include "relscan/document.h"
#include "relscan/keywords.h"

namespace relscan::cli {
namespace {

po::options_description MergeFlags() { return po::options_description("Merge options"); }

ExitCode RunMerge(Invocation& inv) {
  if (inv.args.empty()) throw UsageError{"no input: give the count tables to merge"};
  std::optional<CountTable> merged;
  for (const std::string& path : inv.args) {
    std::string name = path == "-" ? "<stdin>" : path;
    Result<std::string> bytes = ReadFileBytes(path);
    if (!bytes) {
      Error e = bytes.error();
      e.path = name;
      inv.diag->InputError(e);
      continue;
    }
    Result<CountTable> table = ParseCountTable(*bytes, name);
    if (!table) {
      inv.diag->InputError(table.error());
      continue;
    }
    if (!merged) {
      merged = std::move(*table);
      continue;
    }
    Result<void> r = merged->Merge(*table);
    if (!r) {
      Error e = r.error();
      e.path = name;
      inv.diag->InputError(e);
    }
  }
  // A partial sum would pass for the whole: nothing is written after an error.
  if (inv.diag->exit_code() != ExitCode::kOk || !merged) return inv.diag->exit_code();
  StdoutSink sink;
  sink.Write(FormatCountTable(*merged));
  sink.Flush();
  return ExitCode::kOk;
}

}  // namespace

Command MergeCommand() {
  Command c;
  c.name = "merge";
  c.summary = "sum count tables made with the same options into one";
  c.synopsis = "relscan merge FILE...";
  c.description =
      "Reads count tables written by 'relscan keywords --counts' and writes their\n"
      "sum, which 'relscan keywords' reads like a corpus. Tables made with other\n"
      "options are refused; the result does not depend on the order of the files.";
  c.options = MergeFlags;
  c.run = RunMerge;
  return c;
}

}  // namespace relscan::cli
