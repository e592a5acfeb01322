// The claim annotator's lexicons (lib/data/claims/): cue patterns with the
// class each line gives them, in the pattern syntax of the quote cues
// (lib/data/quotes/cues.txt, read with PatternSet), so that the reporting
// verbs are listed once and shared with the quote annotator.
//
//   const ClaimLexicon& lex = ClaimLexicon::Get();
//   std::vector<PatternMatch> found;
//   lex.hedges.set.MatchAt(words, k, sentence_end, &found);
//   lex.hedges.kind(found[0].pattern);              // "modal"
//   lex.hedges.set.pattern(found[0].pattern).source; // "lib/data/claims/hedges.txt:31"
#ifndef RELSCAN_ANNOTATE_CLAIM_LEXICON_H_
#define RELSCAN_ANNOTATE_CLAIM_LEXICON_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "quote_lexicon.h"

namespace relscan {

/// A pattern file whose lines carry one or two class columns after the pattern.
struct ClassedPatterns {
  PatternSet set;
  std::vector<std::string> kinds;    // column 2 of each pattern's line ("" if none)
  std::vector<std::string> extents;  // column 3 of each pattern's line ("" if none)
  /// Returns the class (column 2) of pattern i.
  const std::string& kind(int i) const { return kinds[static_cast<size_t>(i)]; }
  /// Returns column 3 of pattern i.
  const std::string& extent(int i) const { return extents[static_cast<size_t>(i)]; }
};

/// Everything the claim annotator reads from lib/data/claims, parsed once.
struct ClaimLexicon {
  ClassedPatterns hedges;       // hedges.txt: frame, verb, modal, adverb
  ClassedPatterns boosters;     // boosters.txt: frame, verb, adverb, manner
  ClassedPatterns causal;       // causal_cues.txt: "" (a cue), block
  ClassedPatterns predictive;   // predictive_cues.txt: cue, modal, block
  ClassedPatterns deontic;      // deontic_cues.txt: "" (a cue), block
  ClassedPatterns evaluative;   // evaluative.txt: strong, weak, intensifier
  ClassedPatterns attribution;  // attribution.txt: say, think, factive, ...
  ClassedPatterns formulae;     // formulae.txt: greeting, thanks, ...; extent
  std::unordered_map<std::string, std::string> people;  // word -> "people" | "generic"
  std::vector<std::string> errors;  // "file:line: message"

  /// Returns the lexicon (built once, thread-safe).
  static const ClaimLexicon& Get();
};

}  // namespace relscan

#endif  // RELSCAN_ANNOTATE_CLAIM_LEXICON_H_
