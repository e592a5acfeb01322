// RecordWriter: one abstraction that renders records in every output format.
//
//   StringSink sink;
//   auto w = MakeWriter(Format::kTsv, &sink, {});
//   w->Begin({"doc", "id", "text"});
//   w->Write(record);                 // values looked up by column name
//   w->End();
//
// jsonl and json write whole records (field order kept); tsv, csv and table
// write the named columns. TSV escapes tab, CR, LF and backslash; CSV quotes
// as RFC 4180 but ends lines with LF; table aligns up to 1,000 buffered rows
// by display width, then streams with the widths it has.
#ifndef RELSCAN_WRITER_H_
#define RELSCAN_WRITER_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "relscan/record.h"
#include "relscan/result.h"

namespace relscan {

/// Receives rendered output; the CLI's sink writes to stdout.
class OutputSink {
 public:
  virtual ~OutputSink() = default;
  /// Takes a chunk of output.
  virtual void Write(std::string_view bytes) = 0;
};

/// Collects output in memory (tests, and workers rendering ahead).
class StringSink : public OutputSink {
 public:
  void Write(std::string_view bytes) override { out_.append(bytes); }
  const std::string& str() const { return out_; }

 private:
  std::string out_;
};

/// Names an output format.
enum class Format { kTable, kTsv, kCsv, kJsonl, kJson };

/// Parses "table", "tsv", "csv", "jsonl" or "json".
Result<Format> ParseFormat(std::string_view name);
/// Returns a format's name.
std::string_view FormatName(Format format);

/// Tells how the table aligns a column.
enum class Align {
  kAuto,   // numbers (and empty cells) right, text left
  kLeft,
  kRight,
};

/// Options shared by the writers.
struct WriterOptions {
  bool header = true;          // tsv, csv and table write a header line
  size_t table_buffer = 1000;  // rows the table buffers to compute widths
  /// The table's alignment of named columns (the others: Align::kAuto);
  /// a concordance right-aligns its left context so matches line up.
  std::vector<std::pair<std::string, Align>> align;
};

/// One cell of a row written without building a Record: a string (viewed,
/// not copied), an integer or null.
struct Cell {
  enum class Kind : uint8_t { kNull, kString, kInt };
  Kind kind = Kind::kNull;
  std::string_view text;
  int64_t number = 0;

  static Cell Null() { return {}; }
  static Cell Str(std::string_view s) { return {Kind::kString, s, 0}; }
  static Cell Int(int64_t n) { return {Kind::kInt, {}, n}; }
};

/// Returns the record {names[i]: cells[i]}.
Record RowRecord(std::span<const std::string_view> names, std::span<const Cell> cells);

/// Renders records to a sink in one format.
class RecordWriter {
 public:
  virtual ~RecordWriter() = default;
  /// Starts the output; columns name the fields tabular formats show.
  virtual void Begin(const std::vector<std::string>& columns) = 0;
  /// Writes one record.
  virtual void Write(const Record& record) = 0;
  /// Writes the record {names[i]: cells[i]}, as Write would, without
  /// building it: jsonl, tsv and csv render the cells straight into the
  /// line (the hot path of large reports); the others build the Record.
  /// names should be one array kept for the whole output (a static one):
  /// tsv and csv work out which cell each column shows once per array.
  virtual void WriteRow(std::span<const std::string_view> names, std::span<const Cell> cells);
  /// Finishes the output (flushes a buffered table, closes a JSON array).
  virtual void End() = 0;
};

/// Creates the writer for a format.
std::unique_ptr<RecordWriter> MakeWriter(Format format, OutputSink* sink,
                                         const WriterOptions& options);

/// Renders one value as a table cell: strings as is, arrays joined by ",".
std::string CellText(const Value& value);

/// Returns the number of terminal columns text takes (wide East Asian
/// characters count 2, combining marks and format characters 0).
int DisplayWidth(std::string_view utf8);

}  // namespace relscan

#endif  // RELSCAN_WRITER_H_
