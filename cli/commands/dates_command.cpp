// relscan dates: dates, durations, times and sets with TIMEX3 values.
#include "../command.h"
#include "../common_options.h"
#include "relscan/report.h"
#include "run_report.h"

namespace relscan::cli {
namespace {

po::options_description DatesOptions() {
  po::options_description d("Dates options");
  d.add_options()
      ("label", po::value<std::string>()->value_name("LABELS"),
       "keep only these labels, comma-separated (DATE,DURATION,TIME,SET)")
      ("sort", po::value<std::string>()->value_name("KEY"),
       "'position' (default) or 'value' for a timeline");
  po::options_description all;
  all.add(d).add(AnnotationOptions(false)).add(OutputOptions("table, tsv, csv, jsonl or json"))
      .add(InputOptions());
  return all;
}

ExitCode RunDates(Invocation& inv) {
  CommonConfig config = ResolveCommon(inv.vm, Format::kTsv, true);
  config.inputs = inv.args;
  SpanReportOptions options;
  options.labels = CheckedLabels(inv.vm, {"DATE", "DURATION", "TIME", "SET"});
  if (inv.vm.count("sort")) {
    std::string key = inv.vm["sort"].as<std::string>();
    if (key == "value") {
      options.sort_by_value = true;
    } else if (key != "position") {
      throw UsageError{"--sort must be 'position' or 'value', not '" + key + "'"};
    }
  }
  OnlyAnnotators({"dates"}, &config.tag);
  return RunReport(inv, config, DateColumns(options), [options](const std::vector<Record>& r) {
    return DateRows(r, options);
  });
}

}  // namespace

Command DatesCommand() {
  Command c;
  c.name = "dates";
  c.summary = "list dates, durations, times and sets with their TIMEX3 values";
  c.synopsis = "relscan dates [OPTIONS] [FILE...]";
  c.description =
      "Columns: doc, sentence, start, end, label, text, value, mod, anchor, rule.\n"
      "Relative dates resolve against --anchor (or a dateline with --anchor auto)\n"
      "or the nearest earlier date in the text, whose id is the anchor; never the clock.";
  c.options = DatesOptions;
  c.run = RunDates;
  return c;
}

}  // namespace relscan::cli
