// The inputs of the corpus reports (concordance, collocates, keywords):
// raw text segmented, tagged streams rebuilt, count tables parsed, on worker
// threads, delivered in input order.
#ifndef RELSCAN_CLI_COMMANDS_REPORT_INPUTS_H_
#define RELSCAN_CLI_COMMANDS_REPORT_INPUTS_H_

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "../batch.h"
#include "../common_options.h"
#include "relscan/keywords.h"
#include "relscan/report_input.h"

namespace relscan::cli {

/// What one input holds for a report.
struct ReportInput {
  std::vector<ReportDocument> docs;
  std::optional<CountTable> counts;  // the input was a count table
};

/// Loads one input: raw text is segmented (and tagged with entities when
/// entities is set), a tagged stream is rebuilt, and a count table (first
/// line "# relscan counts 1") is parsed when accept_counts is set, else
/// refused. Errors go to out->errors; out->bytes gets the input's size.
ReportInput LoadReportInput(const std::string& path, const CommonConfig& config, bool entities,
                            bool accept_counts, DocOutput* out);

/// Runs work on every input with config.jobs threads (RunBatch) and hands
/// each result to deliver in input order, with the DocOutput that carries
/// its errors and rendered output.
template <typename T>
void RunInputs(const std::vector<std::string>& inputs, const CommonConfig& config,
               const std::function<T(const std::string&, DocOutput*)>& work,
               const std::function<void(T&, DocOutput&)>& deliver) {
  // RunBatch hands out paths; ours are slot numbers, so that each result
  // lives in its own slot until it is delivered (and freed) in order.
  std::vector<std::string> keys;
  keys.reserve(inputs.size());
  for (size_t i = 0; i < inputs.size(); ++i) keys.push_back(std::to_string(i));
  std::vector<std::optional<T>> slots(inputs.size());
  size_t next = 0;
  Progress progress(config.progress, inputs.size());
  RunBatch(
      keys, config.jobs,
      [&](const std::string& key) {
        size_t i = std::stoul(key);
        DocOutput out;
        slots[i].emplace(work(inputs[i], &out));
        return out;
      },
      [&](DocOutput& out) {
        size_t i = next++;
        deliver(*slots[i], out);
        slots[i].reset();
      },
      &progress);
  progress.Finish();
}

}  // namespace relscan::cli

#endif  // RELSCAN_CLI_COMMANDS_REPORT_INPUTS_H_
