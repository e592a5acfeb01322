// Options shared by the subcommands, defined once, and their resolution
// into a checked configuration before any input is read.
#ifndef RELSCAN_CLI_COMMON_OPTIONS_H_
#define RELSCAN_CLI_COMMON_OPTIONS_H_

#include <boost/program_options.hpp>
#include <string>
#include <vector>

#include "relscan/segment.h"
#include "relscan/tag.h"
#include "relscan/writer.h"

namespace relscan::cli {

namespace po = boost::program_options;

/// Tells how to read an input: raw text, a tagged stream, or by its first line.
enum class InputMode { kAuto, kText, kStream };
/// Tells when to show the batch progress line on stderr.
enum class ProgressMode { kAuto, kAlways, kNever };

/// The input options: -r, --glob, --files-from, -0, --jobs, --input,
/// --replace-invalid, --paragraphs, --progress.
po::options_description InputOptions();
/// The annotation options: --gazetteer, --anchor, --anchors, --date-order,
/// and --skip when with_skip.
po::options_description AnnotationOptions(bool with_skip = true);

/// The output options: --format and --no-header.
po::options_description OutputOptions(const std::string& formats);

/// The shared options, resolved and checked.
struct CommonConfig {
  std::vector<std::string> inputs;  // as given, before expansion
  bool recursive = false;
  std::string glob = "*.txt";
  std::string files_from;
  bool null_separated = false;
  int jobs = 1;
  InputMode input = InputMode::kAuto;
  ProgressMode progress = ProgressMode::kAuto;
  TagOptions tag;
  Format format = Format::kTsv;
  WriterOptions writer;
};

/// Resolves the shared options; throws UsageError on a bad value.
/// default_format applies when --format is not given and stdout is a pipe;
/// on a terminal the default is the table (unless jsonl_only).
CommonConfig ResolveCommon(const po::variables_map& vm, Format default_format,
                           bool tabular);

/// Splits a comma-separated option value ("GPE,PERSON").
std::vector<std::string> SplitList(const std::string& value);

/// Returns the --label list, uppercased and checked against the known
/// labels; throws UsageError naming an unknown one.
std::vector<std::string> CheckedLabels(const po::variables_map& vm,
                                       const std::vector<std::string>& known,
                                       const std::string& option = "label");

}  // namespace relscan::cli

#endif  // RELSCAN_CLI_COMMON_OPTIONS_H_
