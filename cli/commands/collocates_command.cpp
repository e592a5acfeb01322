// relscan collocates: the words near a node word, with association measures.
#include <fmt/format.h>

#include <memory>

#include "../command.h"
#include "../common_options.h"
#include "../output.h"
#include "relscan/collocates.h"
#include "report_inputs.h"

namespace relscan::cli {
namespace {

po::options_description CollocatesFlags() {
  po::options_description d("Collocates options");
  d.add_options()
      ("window", po::value<std::string>()->value_name("L,R"),
       "words left and right of the node, within its sentence (default: 5,5)")
      ("min-freq", po::value<int64_t>()->value_name("N"),
       "keep collocates seen at least N times in the windows (default: 1)")
      ("by", po::value<std::string>()->value_name("MEASURE"),
       "sort by: log_dice (default), mi, mi3, t_score, ll, dice, delta_p_c_given_n, "
       "delta_p_n_given_c, freq or expected")
      ("case", po::bool_switch(), "match the node and count collocates with their case")
      ("dedupe", po::bool_switch(), "skip sentences that repeat an earlier one (duplicate_of)");
  po::options_description all;
  all.add(d).add(OutputOptions("table, tsv, csv, jsonl or json")).add(InputOptions());
  return all;
}

int ParseSide(const std::string& s) {
  if (s.empty() || s.size() > 3 || s.find_first_not_of("0123456789") != std::string::npos) return -1;
  return std::stoi(s);
}

ExitCode RunCollocates(Invocation& inv) {
  const po::variables_map& vm = inv.vm;
  CommonConfig common = ResolveCommon(vm, Format::kTsv, true);
  common.tag.entities = false;
  CollocateOptions o;
  if (inv.args.empty()) throw UsageError{"no WORD: give the node word, then the files"};
  o.node = inv.args.front();
  common.inputs.assign(inv.args.begin() + 1, inv.args.end());
  if (vm.count("window")) {
    std::string w = vm["window"].as<std::string>();
    size_t comma = w.find(',');
    int l = comma == std::string::npos ? -1 : ParseSide(w.substr(0, comma));
    int r = comma == std::string::npos ? -1 : ParseSide(w.substr(comma + 1));
    if (l < 0 || r < 0 || l > 50 || r > 50 || l + r == 0) {
      throw UsageError{fmt::format("--window must be L,R with 0 to 50 words each side (5,5), not '{}'", w)};
    }
    o.left = l;
    o.right = r;
  }
  if (vm.count("min-freq")) {
    o.min_freq = vm["min-freq"].as<int64_t>();
    if (o.min_freq < 1) throw UsageError{"--min-freq must be 1 or more"};
  }
  if (vm.count("by")) {
    o.by = vm["by"].as<std::string>();
    if (!IsCollocateMeasure(o.by)) {
      throw UsageError{fmt::format("--by: unknown measure '{}' (log_dice, mi, mi3, t_score, ll, dice, "
                                   "delta_p_c_given_n, delta_p_n_given_c, freq, expected)", o.by)};
    }
  }
  o.case_sensitive = vm["case"].as<bool>();
  o.dedupe = vm["dedupe"].as<bool>();
  common.tag.segment.duplicates = o.dedupe;  // nothing else reads them
  Result<std::unique_ptr<CollocateCounter>> counter = CollocateCounter::Create(o);
  if (!counter) throw UsageError{counter.error().message};
  const CollocateCounter& count = **counter;  // Count is const: shared by the workers
  std::vector<std::string> inputs = ExpandInputs(common);
  CollocateCounts total;
  RunInputs<CollocateCounts>(
      inputs, common,
      [&](const std::string& path, DocOutput* out) {
        CollocateCounts counts;
        ReportInput in = LoadReportInput(path, common, false, false, out);
        for (const ReportDocument& d : in.docs) counts.Merge(count.Count(d));
        return counts;
      },
      [&](CollocateCounts& counts, DocOutput& out) {
        for (const Error& e : out.errors) inv.diag->InputError(e);
        total.Merge(counts);
      });
  StdoutSink sink;
  std::unique_ptr<RecordWriter> writer = MakeWriter(common.format, &sink, common.writer);
  writer->Begin(CollocateColumns());
  for (const Record& r : CollocateRows(total, o)) writer->Write(r);
  writer->End();
  sink.Flush();
  return inv.diag->exit_code();
}

}  // namespace

Command CollocatesCommand() {
  Command c;
  c.name = "collocates";
  c.summary = "rank the words near a node word by MI, t-score, log-likelihood, logDice and more";
  c.synopsis = "relscan collocates [OPTIONS] WORD [FILE...]";
  c.description =
      "Columns: collocate, freq (in the windows), left, right, coll_freq, expected,\n"
      "mi, mi3, t_score, ll, dice, log_dice, delta_p_c_given_n, delta_p_n_given_c.\n"
      "Windows stay within a sentence; the man page gives every formula.";
  c.options = CollocatesFlags;
  c.run = RunCollocates;
  return c;
}

}  // namespace relscan::cli
