// relscan sentences: one row a sentence.
#include "../command.h"
#include "../common_options.h"
#include "relscan/report.h"
#include "run_report.h"

namespace relscan::cli {
namespace {

po::options_description SentencesOptions() {
  po::options_description all;
  all.add(OutputOptions("table, tsv, csv, jsonl or json")).add(InputOptions());
  return all;
}

ExitCode RunSentences(Invocation& inv) {
  CommonConfig config = ResolveCommon(inv.vm, Format::kTsv, true);
  OnlyAnnotators({}, &config.tag);  // sentences need no annotator
  config.inputs = inv.args;
  return RunReport(inv, config, SentenceColumns(), [](const std::vector<Record>& records) {
    std::vector<Record> rows;
    for (const Record& r : records) {
      if (r.GetString("kind") == "sentence") rows.push_back(SentenceRow(r));
    }
    return rows;
  });
}

}  // namespace

Command SentencesCommand() {
  Command c;
  c.name = "sentences";
  c.summary = "list sentences with their paragraph, heading, turn and repeats";
  c.synopsis = "relscan sentences [OPTIONS] [FILE...]";
  c.description =
      "Columns: doc, id, para, start, end, heading, turn, duplicate_of, text.\n"
      "Offsets are code points into the NFC text; end is exclusive.";
  c.options = SentencesOptions;
  c.run = RunSentences;
  return c;
}

}  // namespace relscan::cli
