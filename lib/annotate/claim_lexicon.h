// The claim annotator's lexicons (lib/data/claims/): cue patterns with the
// class each line gives them, in the pattern syntax of the quote cues
// (lib/data/quotes/cues.txt, parsed with PatternSet::Load), so that the
// reporting verbs are listed once and shared with the quote annotator.
//
//   const ClaimLexicon& lex = ClaimLexicon::Get();
//   SentenceMatches m = lex.MatchSentence(words, kinds, s.token_begin);  // all sets
//   for (const PatternMatch& x : m.of[kHedges]) lex.hedges.kind(x.pattern);   // "modal"
//   lex.hedges.set.pattern(x.pattern).source;     // "lib/data/claims/hedges.txt:31"
//
// MatchSentence finds what PatternSet::MatchAt would find at each token of a
// sentence (same elements, same fewest-words gaps, a capitalized first word
// at the sentence start), but folds each word once and looks each token up
// once for all nine sets, which keeps the claim pass within the speed budget.
#ifndef RELSCAN_ANNOTATE_CLAIM_LEXICON_H_
#define RELSCAN_ANNOTATE_CLAIM_LEXICON_H_

#include <cstdint>
#include <functional>
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

/// Names the pattern sets a sentence is matched against.
enum CueSetId : uint8_t {
  kHedges, kBoosters, kCausal, kPredictive, kDeontic, kEvaluative, kAttribution, kFormulae,
  kQuoteCues, kCueSetCount
};

/// Holds the matches of every set in one sentence, in order of their first token.
struct SentenceMatches {
  std::vector<PatternMatch> of[kCueSetCount];
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

  /// Returns the pattern set `id` (kQuoteCues: lib/data/quotes/cues.txt).
  const PatternSet& Set(CueSetId id) const;

  /// Returns the matches of every set in one sentence, given its tokens'
  /// words (typography folded, case kept) and kinds; offsets are `lo` plus
  /// the index into `words`.
  SentenceMatches MatchSentence(const std::vector<std::string_view>& words,
                                const std::vector<TokenKind>& kinds, int32_t lo) const;

  /// Returns the lexicon (built once, thread-safe).
  static const ClaimLexicon& Get();

 private:
  struct Candidate {
    CueSetId set;
    int pattern;
  };
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::unordered_map<std::string, std::vector<Candidate>, Hash, std::equal_to<>> first_words_;
  std::vector<Candidate> possessive_first_;  // patterns that start with 's
};

}  // namespace relscan

#endif  // RELSCAN_ANNOTATE_CLAIM_LEXICON_H_
