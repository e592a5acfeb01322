// relscan figures: numbers, money, percentages and quantities.
#include "../command.h"
#include "../common_options.h"
#include "relscan/report.h"
#include "run_report.h"

namespace relscan::cli {
namespace {

po::options_description FiguresOptions() {
  po::options_description d("Figures options");
  d.add_options()
      ("label", po::value<std::string>()->value_name("LABELS"),
       "keep only these labels, comma-separated (CARDINAL,ORDINAL,MONEY,PERCENT,QUANTITY)")
      ("explain", po::bool_switch(), "add the rule behind each span");
  po::options_description all;
  all.add(d).add(AnnotationOptions(false)).add(OutputOptions("table, tsv, csv, jsonl or json"))
      .add(InputOptions());
  return all;
}

ExitCode RunFigures(Invocation& inv) {
  CommonConfig config = ResolveCommon(inv.vm, Format::kTsv, true);
  config.inputs = inv.args;
  // Dates and names are closed to the figure rules, so both run first.
  OnlyAnnotators({"entities", "dates", "figures"}, &config.tag);
  SpanReportOptions options;
  options.labels =
      CheckedLabels(inv.vm, {"CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"});
  options.explain = inv.vm["explain"].as<bool>();
  return RunReport(inv, config, FigureColumns(options), [options](const std::vector<Record>& r) {
    return FigureRows(r, options);
  });
}

}  // namespace

Command FiguresCommand() {
  Command c;
  c.name = "figures";
  c.summary = "list numbers, money, percentages and quantities with exact values";
  c.synopsis = "relscan figures [OPTIONS] [FILE...]";
  c.description =
      "Columns: doc, sentence, start, end, label, text, value, unit, mod, of.\n"
      "Values are exact: decimals as written, whole values as integers; a range\n"
      "carries its lower bound as the value.";
  c.options = FiguresOptions;
  c.run = RunFigures;
  return c;
}

}  // namespace relscan::cli
