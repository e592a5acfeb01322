// Batches: expanding inputs, running documents on worker threads, writing
// their results in input order, and the progress line.
#ifndef RELSCAN_CLI_BATCH_H_
#define RELSCAN_CLI_BATCH_H_

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "common_options.h"
#include "diagnostics.h"
#include "relscan/record.h"
#include "relscan/result.h"
#include "relscan/tag.h"

namespace relscan::cli {

/// Expands the inputs: --files-from, directories with -r (sorted, --glob),
/// and "-" for stdin when nothing is given. Throws UsageError when the
/// --files-from file cannot be read, or when there is no input and stdin is
/// a terminal.
/// With one input, its segmentation may use config.jobs threads
/// (SegmentOptions::threads); with more, each input is segmented on one.
std::vector<std::string> ExpandInputs(CommonConfig& config);

/// What processing one input produced.
struct DocOutput {
  std::vector<Record> records;
  std::string rendered;       // output already rendered by the worker
  std::vector<Error> errors;  // reported in input order, with the records
  int64_t bytes = 0;          // input size, for the progress line
};

/// Shows "relscan: 12/50 files, 3.4 MB, 25.1 MB/s" on stderr.
class Progress {
 public:
  Progress(ProgressMode mode, size_t total);
  /// Counts one finished input of the given size.
  void Done(int64_t bytes);
  /// Ends the progress line.
  void Finish();

 private:
  void Show(bool final);
  bool enabled_;
  size_t total_, done_ = 0;
  int64_t bytes_ = 0;
  std::chrono::steady_clock::time_point start_, last_;
};

/// Runs work on every input with up to jobs threads, holding at most
/// 2 * jobs finished documents, and hands results to deliver in input order
/// on the calling thread. An exception from deliver stops the batch.
void RunBatch(const std::vector<std::string>& inputs, int jobs,
              const std::function<DocOutput(const std::string&)>& work,
              const std::function<void(DocOutput&)>& deliver, Progress* progress);

/// Loads one input and hands its stream records to emit, in order: a
/// tagged stream is parsed, raw text is tagged with a per-thread Tagger.
/// Errors go to out->errors, and out->bytes gets the input's size.
void LoadRecords(const std::string& path, const CommonConfig& config,
                 const std::function<void(Record&&)>& emit, DocOutput* out);
/// Reads one input into bytes; on failure adds the error (named after the
/// input, "<stdin>" for "-") to out->errors and returns false. Sets
/// out->bytes for the progress line.
bool ReadInput(const std::string& path, DocOutput* out, std::string* bytes);

/// Returns this thread's Tagger for the configuration's tag options.
Tagger& ThreadTagger(const CommonConfig& config);

/// Loads one input's stream records into DocOutput::records.
DocOutput LoadRecords(const std::string& path, const CommonConfig& config);

/// Says whether a format renders each record on its own, so that workers
/// can render ahead (tsv, csv, jsonl) and the writer only concatenates.
bool RendersPerRecord(Format format);

/// Sorts records into documents, keeping order: the records of each "doc".
std::vector<std::vector<const Record*>> GroupByDocument(const std::vector<Record>& records);

}  // namespace relscan::cli

#endif  // RELSCAN_CLI_BATCH_H_
