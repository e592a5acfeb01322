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

}  // namespace relscan

#endif  // RELSCAN_REPORT_H_
