// relscan quotes: quotations with their label, speaker and cue.
#include "../command.h"
#include "../common_options.h"
#include "relscan/report.h"
#include "run_report.h"

namespace relscan::cli {
namespace {

po::options_description QuotesOptions() {
  po::options_description d("Quotes options");
  d.add_options()
      ("label", po::value<std::string>()->value_name("LABELS"),
       "keep only these labels, comma-separated (SPEECH,TITLE,TERM)")
      ("speaker", po::value<std::string>()->value_name("NAME"),
       "keep quotations by this speaker (canonical or as written)")
      ("explain", po::bool_switch(),
       "add the rule or sieve behind each label and speaker, and list unpaired marks");
  po::options_description all;
  all.add(d).add(AnnotationOptions(false)).add(OutputOptions("table, tsv, csv, jsonl or json"))
      .add(InputOptions());
  return all;
}

ExitCode RunQuotes(Invocation& inv) {
  CommonConfig config = ResolveCommon(inv.vm, Format::kTsv, true);
  OnlyAnnotators({"entities", "quotes"}, &config.tag);  // speakers need entities
  config.inputs = inv.args;
  QuoteReportOptions options;
  options.explain = inv.vm["explain"].as<bool>();
  std::vector<std::string> known = {"SPEECH", "TITLE", "TERM"};
  if (options.explain) known.push_back("UNPAIRED");
  options.labels = CheckedLabels(inv.vm, known);
  if (inv.vm.count("speaker")) options.speaker = inv.vm["speaker"].as<std::string>();
  return RunReport(inv, config, QuoteColumns(options), [options](const std::vector<Record>& r) {
    return QuoteRows(r, options);
  });
}

}  // namespace

Command QuotesCommand() {
  Command c;
  c.name = "quotes";
  c.summary = "list quotations: speech, titles and terms, with speakers and cues";
  c.synopsis = "relscan quotes [OPTIONS] [FILE...]";
  c.description =
      "Columns: doc, sentence, start, end, label, speaker, cue, text. SPEECH names\n"
      "its speaker (an entity's canonical form, or the noun phrase) and the cue\n"
      "that introduced it; a speaker that cannot be found is empty, never a guess.";
  c.options = QuotesOptions;
  c.run = RunQuotes;
  return c;
}

}  // namespace relscan::cli
