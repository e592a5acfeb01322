// The quote annotator's lexicons (lib/data/quotes/) and the token-sequence
// patterns they are written in: cues of reported speech with the place of
// their speaker, term markers, title words and closed-class words.
//
//   const QuoteLexicon& lex = QuoteLexicon::Get();
//   TokenWords words(doc, seg);
//   std::vector<PatternMatch> found;
//   lex.cues.MatchAt(words, k, sentence_end, &found);   // patterns starting at token k
//   lex.cues.pattern(found[0].pattern).source;          // "lib/data/quotes/cues.txt:12"
//
// Pattern syntax (cues.txt header): words separated by spaces, `a|b`
// alternatives, `w?` optional, `…`/`…N`/`…N?` a gap, `!a|b` a negative check on
// the next word, `'s` the possessive clitic. Words match a token's text as
// written with typography folded (’ is '), case kept; the first word may
// be capitalized at a sentence start.
#ifndef RELSCAN_ANNOTATE_QUOTE_LEXICON_H_
#define RELSCAN_ANNOTATE_QUOTE_LEXICON_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "relscan/document.h"
#include "relscan/segment.h"

namespace relscan {

/// Gives the text of tokens as patterns see it: typography folded, case kept.
class TokenWords {
 public:
  TokenWords(const Document& doc, const Segmentation& seg);
  /// Returns token k's text with typography folded (’ -> ', U+2011 -> -).
  std::string_view Word(int32_t k) const;
  /// Returns token k's text folded for matching (lowercase too).
  std::string Key(int32_t k) const;
  /// Returns token k's text as written.
  std::string_view Raw(int32_t k) const;
  /// Says whether token k starts its sentence (an opening mark before it aside).
  bool StartsSentence(int32_t k) const;
  const Segmentation& seg() const { return seg_; }
  const Document& doc() const { return doc_; }

 private:
  const Document& doc_;
  const Segmentation& seg_;
  mutable std::unordered_map<int32_t, std::string> folded_;
};

/// Says where a cue's speaker is.
enum class CueSlot : uint8_t { kSubject, kObject, kGap, kPossessor, kNone };

/// One element of a pattern.
struct PatternElement {
  enum Kind : uint8_t { kWords, kGap, kNot, kPossessive } kind = kWords;
  std::vector<std::string> words;  // alternatives, typography folded
  bool optional = false;
  int max_gap = 6;
};

/// One pattern with its provenance.
struct TokenPattern {
  std::vector<PatternElement> elements;
  CueSlot slot = CueSlot::kNone;
  std::string display;  // the cue as reported, or "" for the words matched
  std::string text;     // the pattern as written
  std::string source;   // "lib/data/quotes/cues.txt:12"
};

/// One match of a pattern: token range [begin, end).
struct PatternMatch {
  int pattern = -1;
  int32_t begin = 0, end = 0;
  int32_t gap_begin = -1, gap_end = -1;  // the first gap, if any
  int32_t possessive = -1;               // the 's token, if any
};

/// A list of token patterns indexed by their first word.
class PatternSet {
 public:
  /// Parses an embedded file: pattern[<TAB>slot[<TAB>display]] a line.
  static PatternSet Load(std::string_view path, bool with_slots);
  /// Appends the matches of every pattern that starts at token k and ends by token hi.
  void MatchAt(const TokenWords& words, int32_t k, int32_t hi,
               std::vector<PatternMatch>* out) const;
  /// Returns the cue text of a match as the record reports it.
  std::string Display(const TokenWords& words, const PatternMatch& m) const;
  const TokenPattern& pattern(int i) const { return patterns_[static_cast<size_t>(i)]; }
  int size() const { return static_cast<int>(patterns_.size()); }
  /// Returns problems found while loading ("file:line: message").
  const std::vector<std::string>& errors() const { return errors_; }

 private:
  int32_t Match(const TokenWords& words, const TokenPattern& p, size_t e, int32_t k, int32_t hi,
                PatternMatch* m) const;
  std::vector<TokenPattern> patterns_;
  std::unordered_map<std::string, std::vector<int>> by_first_;  // first word -> patterns
  std::vector<int> possessive_first_;
  std::vector<std::string> errors_;
};

/// Classes of lib/data/quotes/function_words.txt.
enum WordClass : uint16_t {
  kDet = 1,
  kPron = 2,
  kObj = 4,
  kRel = 8,
  kPrep = 16,
  kConj = 32,
  kAux = 64,
  kAdv = 128,
};

/// Everything the quote annotator reads from lib/data/quotes, parsed once.
struct QuoteLexicon {
  PatternSet cues;   // data/quotes/cues.txt
  PatternSet terms;  // data/quotes/term_cues.txt
  std::unordered_map<std::string, std::pair<bool, std::string>> titles;  // word -> (verb?, source)
  std::unordered_map<std::string, uint16_t> classes;  // lowercase word -> WordClass bits
  std::unordered_map<std::string, int> title_words;   // words of person titles ("president")

  /// Returns the lexicon (built once, thread-safe).
  static const QuoteLexicon& Get();
  /// Returns the WordClass bits of a lowercase word (0 for an open-class word).
  uint16_t ClassOf(std::string_view key) const;
};

}  // namespace relscan

#endif  // RELSCAN_ANNOTATE_QUOTE_LEXICON_H_
