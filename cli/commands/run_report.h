// The loop every per-document report shares: expand inputs, load records
// (tagging raw text, or reading a stream), turn them into rows, write rows.
#ifndef RELSCAN_CLI_COMMANDS_RUN_REPORT_H_
#define RELSCAN_CLI_COMMANDS_RUN_REPORT_H_

#include <functional>
#include <string>
#include <vector>

#include "../batch.h"
#include "../command.h"
#include "../common_options.h"
#include "relscan/record.h"

namespace relscan::cli {

/// Turns the records of one input into report rows (runs on a worker).
using RowMaker = std::function<std::vector<Record>(const std::vector<Record>&)>;

/// Runs a per-document report over every input and writes its rows.
ExitCode RunReport(Invocation& inv, CommonConfig config,
                   const std::vector<std::string>& columns, const RowMaker& rows);

}  // namespace relscan::cli

#endif  // RELSCAN_CLI_COMMANDS_RUN_REPORT_H_
