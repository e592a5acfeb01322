// Collocates: the words that occur near a node word, with association
// measures computed from one 2×2 contingency table per collocate.
//
//   CollocateOptions o;
//   o.node = "sanctions";                          // folded like a query
//   Result<std::unique_ptr<CollocateCounter>> c = CollocateCounter::Create(o);
//   CollocateCounts all;
//   all.Merge((*c)->Count(report_document));       // every document
//   std::vector<Record> rows = CollocateRows(all, o);
//
// Words are the segmenter's word tokens (compounds whole; numbers,
// punctuation and the possessive are skipped and do not count towards a
// window). A window reaches `left` words before and `right` words after
// each occurrence of the node, within its sentence. Overlapping windows are
// merged and node positions left out (Evert 2008, §5.2), so each position
// is counted once:
//
//              collocate    other
//   window       O11         O12       R1 = window positions
//   outside      O21         O22       R2 = N - R1
//                C1 = f(c)   C2        N  = words in the corpus
//
// E11 = R1·C1/N: the window size enters the expected frequency through R1
// (about f(node)·(left + right)). Dice and logDice use the node's frequency
// in place of R1, as Rychlý (2008) defines logDice.
#ifndef RELSCAN_COLLOCATES_H_
#define RELSCAN_COLLOCATES_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "relscan/keywords.h"
#include "relscan/record.h"
#include "relscan/report_input.h"
#include "relscan/result.h"

namespace relscan {

/// Options of the collocates report.
struct CollocateOptions {
  std::string node;             // one word
  bool case_sensitive = false;  // keep case in the node and collocates
  int left = 5, right = 5;      // window, in words
  int64_t min_freq = 1;         // on O11
  std::string by = "log_dice";  // the measure rows are sorted by
  bool dedupe = false;          // skip sentences that repeat an earlier one
};

/// The association scores of one collocate.
struct CollocationScores {
  double expected = 0;  // E11 = R1·C1/N
  double mi = 0;        // log2(O11/E11)                 Church and Hanks (1990)
  double mi3 = 0;       // log2(O11³/E11)                Daille (1994)
  double t_score = 0;   // (O11 - E11)/√O11              Church et al. (1991)
  double ll = 0;        // 2 Σ O_ij ln(O_ij/E_ij)        Dunning (1993)
  double dice = 0;      // 2·O11/(f(node) + C1)          Smadja et al. (1996)
  double log_dice = 0;  // 14 + log2(Dice)               Rychlý (2008)
  double delta_p_c_given_n = 0;  // O11/R1 - O21/R2      Gries (2013)
  double delta_p_n_given_c = 0;  // O11/C1 - O12/C2      Gries (2013)
};

/// Scores a collocate: o11 co-occurrences in r1 window positions, c1 its
/// corpus frequency, n the corpus size, f_node the node's frequency.
CollocationScores ScoreCollocation(double o11, double r1, double c1, double n, double f_node);

/// The counts collocates are scored from; documents add up.
struct CollocateCounts {
  struct Co {
    int64_t o11 = 0, left = 0, right = 0;
  };
  int64_t tokens = 0;  // N
  int64_t node = 0;    // f(node)
  int64_t window = 0;  // R1
  StringMap<int64_t> freq;  // every word's corpus frequency
  StringMap<Co> co;         // the words in windows

  /// Adds another document's or corpus's counts.
  void Merge(const CollocateCounts& other);
};

/// Counts the node's windows in documents.
class CollocateCounter {
 public:
  /// Checks the options: the node must be one word, the window 0 to 50
  /// each side and not empty, the measure known.
  static Result<std::unique_ptr<CollocateCounter>> Create(const CollocateOptions& options);
  /// Returns the counts of one document.
  CollocateCounts Count(const ReportDocument& doc) const;

 private:
  CollocateOptions options_;
  std::string node_;
};

/// Says whether a measure name is known (for --by).
bool IsCollocateMeasure(std::string_view name);

/// Returns the columns of the collocates report.
const std::vector<std::string>& CollocateColumns();

/// Returns one row per collocate with O11 >= min_freq, sorted by the
/// measure, highest first (ties by collocate).
std::vector<Record> CollocateRows(const CollocateCounts& counts, const CollocateOptions& options);

}  // namespace relscan

#endif  // RELSCAN_COLLOCATES_H_
