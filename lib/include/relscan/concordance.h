// Concordance: keyword-in-context lines for a word, a phrase, RE2 patterns,
// a stem, or entity mentions.
//
//   ConcordanceOptions o;
//   o.query = "Iran";                               // folded: IRAN, iran
//   Result<std::unique_ptr<ConcordanceMatcher>> m = ConcordanceMatcher::Create(o);
//   std::vector<ConcordanceLine> lines;
//   (*m)->Find(report_document, &lines);            // in text order
//   SortLines(*ParseSortKeys("R1,R2"), &lines);     // AntConc-style levels
//   WriteConcordanceLine(lines[0], writer);        // or ConcordanceRow(...)
//
// A query is a sequence of tokens cut by the segmenter, as the text is:
// "Israel's" is the word Israel then the possessive, "long-term" one
// compound token. Tokens match when their folded forms (FoldForMatch: case
// and typography; typography only with case_sensitive) are equal. Matches
// never cross a sentence. With kRegex, the query is RE2 patterns separated
// by spaces, each of which must match one whole token (typography folded;
// case ignored unless case_sensitive): RE2 runs in time linear in the token,
// so the search is linear in the text. With kStem, tokens match when their
// Snowball English stems are equal. With kEntity, the entity mentions with
// the label and canonical form asked for are the matches.
//
// Offset rule: ConcordanceLine::start/end are code points into the
// document's NFC text, end exclusive.
#ifndef RELSCAN_CONCORDANCE_H_
#define RELSCAN_CONCORDANCE_H_

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <random>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "relscan/record.h"
#include "relscan/report_input.h"
#include "relscan/result.h"
#include "relscan/writer.h"

namespace relscan {

/// Names what a query is.
enum class QueryKind { kWords, kRegex, kStem, kEntity };
/// Names how much context a line shows.
enum class ContextKind { kWidth, kWords, kSentence };

/// Options of the concordance.
struct ConcordanceOptions {
  QueryKind kind = QueryKind::kWords;
  std::string query;            // word or phrase, patterns, or a word to stem
  bool case_sensitive = false;  // compare case (typography is still folded)
  std::string label;            // kEntity: keep this label ("GPE"); "" for all
  std::string entity;           // kEntity: keep this canonical form; "" for all
  ContextKind context = ContextKind::kWidth;
  int width = 40;               // kWidth: characters each side
  int words = 5;                // kWords: tokens each side
  bool dedupe = false;          // skip sentences that repeat an earlier one
  int keep_tokens = 5;          // tokens kept each side (before, after): 0 to 5
};

/// One keyword-in-context line.
struct ConcordanceLine {
  std::string doc, sentence;   // the document and the sentence id ("s4")
  int64_t start = 0, end = 0;  // the match, in code points
  std::string left, match, right;  // whitespace runs shown as one space
  std::vector<std::string> before, after;  // tokens: before[0] is L1, after[0] is R1
  uint64_t order = 0;          // position in the output before sorting
};

/// Finds the lines of a query in report documents.
///
/// Holds a Segmenter and a Stemmer: one matcher serves one thread.
class ConcordanceMatcher {
 public:
  /// Compiles a query; an empty query or an invalid pattern is an error.
  static Result<std::unique_ptr<ConcordanceMatcher>> Create(const ConcordanceOptions& options);
  ~ConcordanceMatcher();

  /// Hands the lines of one document to emit, in text order (order left 0).
  void Find(const ReportDocument& doc, const std::function<void(ConcordanceLine&&)>& emit);
  /// The same for sentences [sentence_begin, sentence_end) of the document
  /// (matches never cross a sentence, so ranges split the work exactly).
  void Find(const ReportDocument& doc, size_t sentence_begin, size_t sentence_end,
            const std::function<void(ConcordanceLine&&)>& emit);
  /// Appends the lines of one document, in text order.
  void Find(const ReportDocument& doc, std::vector<ConcordanceLine>* out);
  /// Returns the bytes of token text compared so far: the work counted by
  /// the linear-time tests.
  int64_t work() const;

 private:
  ConcordanceMatcher();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// One level of a concordance sort: a token left or right of the match, or
/// the match itself.
struct SortKey {
  enum class Side { kLeft, kMatch, kRight } side = Side::kMatch;
  int index = 0;  // 1..5 for kLeft and kRight
};

/// Parses "R1,R2,L1", "match" or "position" (no keys); up to L5 and R5.
Result<std::vector<SortKey>> ParseSortKeys(std::string_view spec);

/// Sorts lines by the keys' folded tokens (a missing token first), then by
/// their order: a stable sort, so that equal lines keep their positions.
void SortLines(const std::vector<SortKey>& keys, std::vector<ConcordanceLine>* lines);

/// Keeps a uniform random sample of n lines from lines offered one at a
/// time (reservoir sampling, Algorithm R), reproducible for a seed: the
/// generator is std::mt19937_64, and bounded draws use rejection sampling,
/// not std::uniform_int_distribution, whose output the standard leaves open.
class LineSampler {
 public:
  LineSampler(size_t n, uint64_t seed) : n_(n), rng_(seed) {}
  /// Offers the next line.
  void Add(ConcordanceLine line);
  /// Returns the sample, in the order the lines were offered.
  std::vector<ConcordanceLine> Take();

 private:
  uint64_t Below(uint64_t bound);
  size_t n_;
  uint64_t seen_ = 0;
  std::mt19937_64 rng_;
  std::vector<ConcordanceLine> kept_;
};

/// Returns the columns of the concordance in tabular formats.
const std::vector<std::string>& ConcordanceColumns();

/// Returns the record of a line: the columns, then L1..L3 and R1..R3 (null
/// where the document has no such token).
Record ConcordanceRow(const ConcordanceLine& line);
/// Returns the field names of that record, in order.
std::span<const std::string_view> ConcordanceFieldNames();
/// Sets *cells to the record's values, viewing the line's text.
void ConcordanceCells(const ConcordanceLine& line, std::array<Cell, 13>* cells);
/// Writes the record of a line without building it (RecordWriter::WriteRow).
void WriteConcordanceLine(const ConcordanceLine& line, RecordWriter* writer);

}  // namespace relscan

#endif  // RELSCAN_CONCORDANCE_H_
