// Reports: rows computed from tagged-stream records.
//
// A report reads the records of `relscan tag` (made in process from raw
// text, or read back from a stream) and returns rows for a RecordWriter:
//
//   for (const Record& s : records)
//     if (s.GetString("kind") == "sentence") writer->Write(SentenceRow(s));
#ifndef RELSCAN_REPORT_H_
#define RELSCAN_REPORT_H_

#include <string>
#include <vector>

#include "relscan/record.h"

namespace relscan {

/// Returns the columns of the sentences report, in order.
const std::vector<std::string>& SentenceColumns();

/// Returns the sentences-report row for a sentence record (heading false,
/// turn and duplicate_of null when the record leaves them out).
Record SentenceRow(const Record& sentence);

/// Options of the entities report.
struct EntityReportOptions {
  bool mentions = false;            // one row a mention, not a canonical entity
  bool explain = false;             // add the rule behind each span
  std::vector<std::string> labels;  // keep only these labels (empty: all)
};

/// Returns the columns of the entities report, in order.
std::vector<std::string> EntityColumns(const EntityReportOptions& options);

/// Returns the entities-report rows for the records of one or more
/// documents: by default one row per canonical entity per document (label,
/// canonical, mentions, first offset, distinct surface forms), sorted by
/// mentions, ties broken by the first offset.
std::vector<Record> EntityRows(const std::vector<Record>& records,
                               const EntityReportOptions& options);

}  // namespace relscan

#endif  // RELSCAN_REPORT_H_
