// relscan entities: named entities, by canonical entity or by mention.
#include <cctype>

#include "../command.h"
#include "../common_options.h"
#include "relscan/entity.h"
#include "relscan/report.h"
#include "run_report.h"

namespace relscan::cli {
namespace {

po::options_description EntitiesOptions() {
  po::options_description d("Entities options");
  d.add_options()
      ("mentions", po::bool_switch(), "one row a mention instead of one a canonical entity")
      ("label", po::value<std::string>()->value_name("LABELS"),
       "keep only these labels, comma-separated (GPE,PERSON)")
      ("explain", po::bool_switch(), "add the rule or gazetteer entry behind each span");
  po::options_description all;
  all.add(d).add(AnnotationOptions(false)).add(OutputOptions("table, tsv, csv, jsonl or json"))
      .add(InputOptions());
  return all;
}

ExitCode RunEntities(Invocation& inv) {
  CommonConfig config = ResolveCommon(inv.vm, Format::kTsv, true);
  OnlyAnnotators({"entities"}, &config.tag);
  config.inputs = inv.args;
  EntityReportOptions options;
  options.mentions = inv.vm["mentions"].as<bool>();
  options.explain = inv.vm["explain"].as<bool>();
  if (inv.vm.count("label")) {
    std::string labels = inv.vm["label"].as<std::string>();
    for (char& ch : labels) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    for (const std::string& l : SplitList(labels)) {
      if (!ParseEntityLabel(l)) {
        throw UsageError{"--label: unknown label '" + l +
                         "' (PERSON, NORP, ORG, GPE, LOC, FAC, EVENT, PRODUCT, WORK_OF_ART, LAW)"};
      }
      options.labels.push_back(l);
    }
  }
  return RunReport(inv, config, EntityColumns(options),
                   [options](const std::vector<Record>& records) {
                     return EntityRows(records, options);
                   });
}

}  // namespace

Command EntitiesCommand() {
  Command c;
  c.name = "entities";
  c.summary = "list named entities with their canonical forms and mentions";
  c.synopsis = "relscan entities [OPTIONS] [FILE...]";
  c.description =
      "By default one row per canonical entity per document: label, canonical,\n"
      "mentions, first offset and the distinct surface forms, most mentioned\n"
      "first. --mentions lists every mention with its sentence, offsets and role.";
  c.options = EntitiesOptions;
  c.run = RunEntities;
  return c;
}

}  // namespace relscan::cli
