// Scoring: a tagged stream measured against a gold file (`relscan eval`).
//
// Evaluate picks the gold file's document out of the system stream, matches
// the spans of each kind present in the gold, and returns one report row per
// kind, label and measure, plus attribute-accuracy rows:
//
//   Result<std::vector<Record>> rows =
//       Evaluate(gold, system, "gold/iceberg-melted.jsonl", {});
//   if (!rows) return rows.error();      // kUsage or kMalformed
//   writer->Begin(EvalColumns());
//   for (const Record& row : *rows) writer->Write(row);
//
// Offset rule (TAGSET.md): spans are matched on their code point offsets
// `start`/`end` (end exclusive); byte offsets `bstart`/`bend` are ignored.
//
// Document: a gold file describes one document. With EvalOptions::doc set,
// the system records of that document are scored; else a stream of one
// document is scored as is; else the document whose path stem (file name
// without its last extension) equals the gold file's stem, or is a prefix of
// it followed by '.', is scored (gold `iceberg-melted.claims.jsonl` scores
// `corpora/iceberg-melted.txt`); the longest such stem wins, and no or
// several candidates are a kUsage error that lists the documents.
//
// Matching (TAGSET.md "Scoring"): only the kinds present in the gold (or
// those in EvalOptions::kinds) are scored; "document" records are skipped.
// The key is kind + offsets, plus the label for entities, dates, figures and
// quotes; sentences and claims match by span alone. Strict needs equal
// offsets; lenient needs overlapping ones, each gold span (in order of start)
// taking the free system span that overlaps it most (ties: the earliest
// start). Both are one-to-one, so a repeated system span is a false positive
// the second time. Gold spans marked `"optional": true` are not counted, and
// a system span left unmatched that overlaps one of them (whatever its label)
// is neither a true nor a false positive.
//
// Rows have the columns of EvalColumns(), every one present (null where it
// does not apply), in this order: for each kind in order of first appearance
// in the gold, `strict` and `lenient` for all labels (`*`), then `strict` and
// `lenient` for each label (sorted; entities, dates, figures and quotes
// only), then the attribute rows. In span rows `gold` counts the gold spans
// scored (optional ones left out) and `system` the system spans scored (those
// absorbed by optional gold spans left out), so that gold = tp + fn and
// system = tp + fp; precision, recall and f1 are 0 when undefined.
//
// Attribute rows (`measure` `attr`, and `attr-lenient` for names) count over
// strict matches whose gold attribute is present and not null: `n`,
// `correct` and `accuracy`. The attributes are `canonical` (entity), `value`
// and `mod` (date), `value`, `mod` and `unit` (figure), `speaker` (quote), and
// `label`, `stance` and `source` (claim). A system attribute that is missing
// is wrong; numbers compare numerically (70000 = 70000.0) and objects key by
// key; names (`canonical`, `speaker`, `source`) compare with SameName, and
// their `attr-lenient` row with SimilarName.
//
// Errors: an unknown kind in EvalOptions::kinds, or an EvalOptions::doc not
// in the stream, is kUsage. A record without a "kind" string, or a scored
// record (gold, or of the chosen document) without whole-number "start" and
// "end" or, for entities, dates, figures and quotes, a "label" string, is
// kMalformed; the message names the record ("gold record 3: ...", 1-based).
#ifndef RELSCAN_EVAL_H_
#define RELSCAN_EVAL_H_

#include <string>
#include <string_view>
#include <vector>

#include "relscan/record.h"
#include "relscan/result.h"

namespace relscan {

/// Holds the options of Evaluate.
struct EvalOptions {
  std::vector<std::string> kinds;  // empty: the kinds present in the gold
  std::string doc;                 // empty: pick by the gold file's stem
};

/// Scores system records against gold records and returns report rows.
Result<std::vector<Record>> Evaluate(const std::vector<Record>& gold,
                                     const std::vector<Record>& system,
                                     const std::string& gold_path, const EvalOptions& options);

/// Says whether a kind is one that Evaluate can score ("sentence", "entity", ...).
bool IsScoredKind(std::string_view kind);

/// Returns the report's columns, in order.
const std::vector<std::string>& EvalColumns();

/// Returns the stem of a path: its file name without the last extension.
std::string PathStem(std::string_view path);

/// Returns a name folded for comparison: case, typography, spaces, article.
std::string NormalizeName(std::string_view name);

/// Says whether two names are equal once normalized with NormalizeName.
bool SameName(std::string_view gold, std::string_view system);

/// Says whether two names are equal or one holds the other as whole words.
bool SimilarName(std::string_view gold, std::string_view system);

}  // namespace relscan

#endif  // RELSCAN_EVAL_H_
