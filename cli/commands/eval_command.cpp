// relscan eval GOLD SYSTEM: precision, recall and F1 against a gold file.
#include <fmt/format.h>

#include "../batch.h"
#include "../command.h"
#include "../common_options.h"
#include "../output.h"
#include "relscan/document.h"
#include "relscan/eval.h"
#include "relscan/stream.h"
#include "relscan/tag.h"

namespace relscan::cli {
namespace {

po::options_description EvalOptionsDescription() {
  po::options_description d("Eval options");
  d.add_options()
      ("kinds", po::value<std::string>()->value_name("KINDS"),
       "score only these kinds (comma-separated: sentence,entity,...)")
      ("doc", po::value<std::string>()->value_name("DOC"), "the document of the system stream to score");
  po::options_description all;
  all.add(d).add(OutputOptions("table, tsv, csv, jsonl or json"));
  return all;
}

std::vector<std::string> SplitComma(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t k = s.find(',', start);
    if (k == std::string::npos) k = s.size();
    if (k > start) out.push_back(s.substr(start, k - start));
    start = k + 1;
  }
  return out;
}

ExitCode RunEval(Invocation& inv) {
  CommonConfig config = ResolveCommon(inv.vm, Format::kTsv, true);
  if (inv.args.size() != 2) {
    throw UsageError{"eval needs two files: GOLD SYSTEM (see 'relscan eval --help')"};
  }
  EvalOptions options;
  if (inv.vm.count("kinds")) options.kinds = SplitComma(inv.vm["kinds"].as<std::string>());
  // Options are checked before any file is read.
  for (const std::string& kind : options.kinds) {
    if (!IsScoredKind(kind)) {
      throw UsageError{fmt::format(
          "unknown kind '{}' in --kinds (sentence, entity, date, figure, quote, claim)", kind)};
    }
  }
  if (inv.vm.count("doc")) options.doc = inv.vm["doc"].as<std::string>();

  const std::string& gold_path = inv.args[0];
  Result<std::string> gold_bytes = ReadFileBytes(gold_path);
  if (!gold_bytes) {
    Error e = gold_bytes.error();
    e.path = gold_path;
    inv.diag->InputError(e);
    return inv.diag->exit_code();
  }
  StreamOptions gold_options;
  gold_options.require_doc = false;
  Result<std::vector<Record>> gold = ParseStream(*gold_bytes, gold_path, gold_options);
  if (!gold) {
    inv.diag->InputError(gold.error());
    return inv.diag->exit_code();
  }
  // The system side is a tagged stream, or raw text tagged here.
  config.input = InputMode::kAuto;
  DocOutput system = LoadRecords(inv.args[1], config);
  for (const Error& e : system.errors) inv.diag->InputError(e);
  if (!system.errors.empty()) return inv.diag->exit_code();

  Result<std::vector<Record>> rows = Evaluate(*gold, system.records, gold_path, options);
  if (!rows) {
    if (rows.error().code == ErrorCode::kUsage) throw UsageError{rows.error().message};
    inv.diag->InputError(rows.error());
    return inv.diag->exit_code();
  }
  StdoutSink sink;
  std::unique_ptr<RecordWriter> writer = MakeWriter(config.format, &sink, config.writer);
  writer->Begin(EvalColumns());
  for (const Record& r : *rows) writer->Write(r);
  writer->End();
  sink.Flush();
  return inv.diag->exit_code();
}

}  // namespace

Command EvalCommand() {
  Command c;
  c.name = "eval";
  c.summary = "score a tagged stream against gold annotations";
  c.synopsis = "relscan eval [OPTIONS] GOLD SYSTEM";
  c.description =
      "GOLD is a JSON Lines file in the TAGSET gold format; SYSTEM is a tagged\n"
      "stream (or a raw text, tagged first). Reports precision, recall and F1\n"
      "per kind and label, strict and lenient, and attribute accuracy with n.";
  c.options = EvalOptionsDescription;
  c.run = RunEval;
  return c;
}

}  // namespace relscan::cli
