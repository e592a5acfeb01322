// Reports: rows computed from tagged-stream records.
//
// A report reads the records of `relscan tag` (made in process from raw
// text, or read back from a stream) and returns rows for a RecordWriter:
//
//   for (const Record& s : records)
//     if (s.GetString("kind") == "sentence") writer->Write(SentenceRow(s));
#ifndef RELSCAN_REPORT_H_
#define RELSCAN_REPORT_H_

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "relscan/record.h"

namespace relscan {

/// Says which names a person or organization goes by in each document:
/// (doc, folded canonical) -> the folded surface forms of its mentions.
class NameForms {
 public:
  /// Collects the forms of the entity records among `records`.
  explicit NameForms(const std::vector<Record>& records);
  /// Says whether `wanted` (folded) names `name` in `doc`: the name itself,
  /// or a surface form of the entity whose canonical form it is.
  bool Names(const std::string& doc, std::string_view name, const std::string& wanted) const;

 private:
  std::map<std::pair<std::string, std::string>, std::set<std::string>> forms_;
};

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

/// Options of the dates and figures reports.
struct SpanReportOptions {
  std::vector<std::string> labels;  // keep only these labels (empty: all)
  bool explain = false;             // figures: add the rule column
  bool sort_by_value = false;       // dates: a timeline, by value then offset
};

/// Returns the columns of the dates report: doc, sentence, start, end,
/// label, text, value, mod, anchor, rule.
std::vector<std::string> DateColumns(const SpanReportOptions& options);
/// Returns the dates-report rows for the date records among `records`.
std::vector<Record> DateRows(const std::vector<Record>& records, const SpanReportOptions& options);

/// Returns the columns of the figures report: doc, sentence, start, end,
/// label, text, value, unit, mod, of (and rule with explain).
std::vector<std::string> FigureColumns(const SpanReportOptions& options);
/// Returns the figures-report rows for the figure records among `records`.
std::vector<Record> FigureRows(const std::vector<Record>& records, const SpanReportOptions& options);

/// Options of the quotes report.
struct QuoteReportOptions {
  std::vector<std::string> labels;  // keep only these labels (empty: all)
  std::string speaker;              // keep quotations whose speaker matches
  bool explain = false;             // add the rule, and list unpaired marks
};

/// Returns the columns of the quotes report: doc, sentence, start, end,
/// label, speaker, cue, text (and rule with explain).
std::vector<std::string> QuoteColumns(const QuoteReportOptions& options);
/// Returns the quotes-report rows; `speaker` matches the canonical speaker
/// or the words that name it, case and typography folded.
std::vector<Record> QuoteRows(const std::vector<Record>& records, const QuoteReportOptions& options);

/// Options of the claims report.
struct ClaimReportOptions {
  std::vector<std::string> types;     // keep claims with one of these types
  std::vector<std::string> stances;   // keep these stances
  std::string source;                 // "author", "attributed", or a name
  bool dedupe = false;                // skip sentences that repeat an earlier one
  bool explain = false;               // add the rule column
};

/// Returns the columns of the claims report: doc, sentence, start, end,
/// label, types, stance, source, cues, evidence, text (and rule).
std::vector<std::string> ClaimColumns(const ClaimReportOptions& options);
/// Returns the claims-report rows for the claim records among `records`.
std::vector<Record> ClaimRows(const std::vector<Record>& records, const ClaimReportOptions& options);

/// Returns the columns of the claims summary.
std::vector<std::string> ClaimSummaryColumns();
/// Returns one row per document: claims counted by type, stance and
/// source, and the share backed by a figure or a quotation.
std::vector<Record> ClaimSummaryRows(const std::vector<Record>& records,
                                     const ClaimReportOptions& options);

}  // namespace relscan

#endif  // RELSCAN_REPORT_H_
