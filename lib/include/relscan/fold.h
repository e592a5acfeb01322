// Typography folding for matching: one rule for queries, gazetteer look-ups,
// keyword types and canonical comparisons.
//
//   FoldForMatch("Israel’s Long‑Term") == "israel's long-term"
//
// Folds hyphens (U+2010, U+2011, U+2012, U+2212 to '-'), apostrophes and
// single quotes (U+2019, U+2018, U+02BC to '\''), no-break and thin spaces
// (U+00A0, U+2007, U+2009, U+202F to ' ') and case (Unicode simple case
// folding). Offsets and record text always stay as written; only look-up
// keys are folded.
#ifndef RELSCAN_FOLD_H_
#define RELSCAN_FOLD_H_

#include <string>
#include <string_view>

namespace relscan {

/// Returns the folded form of UTF-8 text: typography and case.
std::string FoldForMatch(std::string_view utf8);

/// Returns text with typography folded but case kept.
std::string FoldTypography(std::string_view utf8);

}  // namespace relscan

#endif  // RELSCAN_FOLD_H_
