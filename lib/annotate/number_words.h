// Spelled numbers for the date and figure annotators: cardinals ("two
// hundred and forty-one"), ordinals ("twenty-first", "78th") and fractions
// ("nine-tenths", "a third"), read from lib/data/figures/number_words.tsv.
//
//   ParseNumber("two hundred and forty-one")->ToString();   // "241"
//   ParseNumber("4.85")->ToString();                        // "4.85"
//   ParseOrdinal("second");                                 // 2
//   ParseFraction("nine\u2011tenths")->ToString();          // "0.9"
//
// Every parser folds case and typography first (FoldForMatch), so U+2011
// and other hyphens join words as '-' does.
#ifndef RELSCAN_ANNOTATE_NUMBER_WORDS_H_
#define RELSCAN_ANNOTATE_NUMBER_WORDS_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "exact_decimal.h"

namespace relscan {

/// Parses a spelled cardinal ("thirty", "a million", "two and a half").
std::optional<Decimal> ParseCardinalWords(std::string_view text);

/// Splits text, case and typography folded, into words at spaces and hyphens.
std::vector<std::string> Words(std::string_view text);
/// Parses digits as written ("70,000", "4.85") or a spelled cardinal.
std::optional<Decimal> ParseNumber(std::string_view text);
/// Parses an ordinal ("second", "twenty-first", "21st", "78th") into its rank.
std::optional<int64_t> ParseOrdinal(std::string_view text);
/// Parses a fraction ("nine-tenths", "a third", "half", "three quarters").
std::optional<Decimal> ParseFraction(std::string_view text);
/// Returns the rule macros for spelled numbers: NW1 (below a hundred),
/// SCALEW, NUMWORD (any spelled cardinal), ORDWORD, DENOM and DENOMS.
std::map<std::string, std::string> NumberWordMacros();

}  // namespace relscan

#endif  // RELSCAN_ANNOTATE_NUMBER_WORDS_H_
