// The tagged stream: JSON Lines of records, read back by every report.
//
//   Result<std::vector<Record>> recs = ParseStream(bytes, "tagged.jsonl");
//   if (!recs) Report(recs.error());   // "line 3: expected a JSON object"
//
// A stream starts with a relscan document record; LooksLikeStream tells a
// stream from raw text by its first line (--input auto).
#ifndef RELSCAN_STREAM_H_
#define RELSCAN_STREAM_H_

#include <string>
#include <string_view>
#include <vector>

#include "relscan/record.h"
#include "relscan/result.h"

namespace relscan {

/// Says whether the first line of bytes parses as a relscan document record.
bool LooksLikeStream(std::string_view bytes);

/// Options for ParseStream.
struct StreamOptions {
  bool require_doc = true;  // every record must name its document ("doc")
};

/// Parses JSON Lines into records; the error names the 1-based line.
Result<std::vector<Record>> ParseStream(std::string_view bytes,
                                        const std::string& path,
                                        const StreamOptions& options = {});

/// Parses one JSON object into a record.
Result<Record> ParseRecord(std::string_view json);

}  // namespace relscan

#endif  // RELSCAN_STREAM_H_
