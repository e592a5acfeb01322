// relscan claims: typed, stance-marked, attributed claims with evidence.
#include <cctype>

#include "../command.h"
#include "../common_options.h"
#include "relscan/report.h"
#include "run_report.h"

namespace relscan::cli {
namespace {

po::options_description ClaimsOptions() {
  po::options_description d("Claims options");
  d.add_options()
      ("type", po::value<std::string>()->value_name("TYPES"),
       "keep claims with one of these types, comma-separated "
       "(STATISTICAL,CAUSAL,PREDICTIVE,NORMATIVE,EVALUATIVE,FACTUAL)")
      ("stance", po::value<std::string>()->value_name("STANCES"),
       "keep these stances, comma-separated (plain,hedged,certain)")
      ("source", po::value<std::string>()->value_name("SOURCE"),
       "keep claims by 'author', 'attributed' ones, or those of one source (a name)")
      ("summary", po::bool_switch(),
       "one row per document: counts by type, stance and source, share backed by a figure or quote")
      ("dedupe", po::bool_switch(), "count sentences repeated verbatim (pull quotes) once")
      ("explain", po::bool_switch(), "add the cue behind each decision");
  po::options_description all;
  all.add(d).add(AnnotationOptions(false)).add(OutputOptions("table, tsv, csv, jsonl or json"))
      .add(InputOptions());
  return all;
}

ExitCode RunClaims(Invocation& inv) {
  CommonConfig config = ResolveCommon(inv.vm, Format::kTsv, true);
  config.inputs = inv.args;
  ClaimReportOptions options;
  options.types = CheckedLabels(
      inv.vm, {"STATISTICAL", "CAUSAL", "PREDICTIVE", "NORMATIVE", "EVALUATIVE", "FACTUAL"},
      "type");
  for (std::string s : CheckedLabels(inv.vm, {"PLAIN", "HEDGED", "CERTAIN"}, "stance")) {
    for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    options.stances.push_back(s);
  }
  if (inv.vm.count("source")) {
    options.source = inv.vm["source"].as<std::string>();
    std::string lower = options.source;
    for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (lower == "author" || lower == "attributed") options.source = lower;
  }
  options.dedupe = inv.vm["dedupe"].as<bool>();
  options.explain = inv.vm["explain"].as<bool>();
  if (inv.vm["summary"].as<bool>()) {
    return RunReport(inv, config, ClaimSummaryColumns(),
                     [options](const std::vector<Record>& r) { return ClaimSummaryRows(r, options); });
  }
  return RunReport(inv, config, ClaimColumns(options),
                   [options](const std::vector<Record>& r) { return ClaimRows(r, options); });
}

}  // namespace

Command ClaimsCommand() {
  Command c;
  c.name = "claims";
  c.summary = "list claims with their type, stance, source and evidence";
  c.synopsis = "relscan claims [OPTIONS] [FILE...]";
  c.description =
      "One claim at most a sentence: label (the dominant type), types, stance\n"
      "(plain, hedged, certain), source (author or the cited party), the cues\n"
      "that decided them, and the ids of the records that back it (evidence).\n"
      "--summary compares essays side by side.";
  c.options = ClaimsOptions;
  c.run = RunClaims;
  return c;
}

}  // namespace relscan::cli
