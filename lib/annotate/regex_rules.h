// Regex rules read from a data file, matched over one sentence at token
// boundaries; shared by the date and the figure annotators (DESIGN.md
// "Rules": an RE2 pattern over a sentence, plus token-context predicates in
// C++, plus provenance).
//
//   RegexRuleSet rules = RegexRuleSet::Load("data/dates/date_rules.tsv", macros);
//   std::vector<RuleMatch> found;
//   rules.Find(doc.text(), bounds, &found);     // bounds: one sentence's tokens
//   rules.rule(found[0].rule).source;           // "lib/data/dates/date_rules.tsv:41"
//
// A rule file has three kinds of lines besides '#' comments:
//   @NAME<TAB>pattern                               a macro, used as {NAME}
//   name<TAB>label<TAB>action<TAB>check<TAB>pattern  a rule
// Patterns are RE2 syntax, matched case-insensitively and leftmost-longest;
// `(?-i:...)` makes a part case-sensitive. A group named `span` marks the
// part of the match that becomes the span (the rest is context, since RE2
// has no lookaround); without it the whole match is the span. A match
// counts only when the match and its span start and end on token (or
// hyphen-compound part) boundaries. Offsets are bytes into Document::text().
#ifndef RELSCAN_ANNOTATE_REGEX_RULES_H_
#define RELSCAN_ANNOTATE_REGEX_RULES_H_

#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "relscan/segment.h"

namespace re2 {
class RE2;
}  // namespace re2

namespace relscan {

/// Lists the byte offsets where a span may start or end within one sentence.
struct Boundaries {
  int64_t bstart = 0, bend = 0;      // the sentence, bytes
  std::vector<int64_t> starts, ends;  // sorted: token and compound-part edges
  /// Says whether a span may start at byte b.
  bool IsStart(int64_t b) const;
  /// Says whether a span may end at byte b.
  bool IsEnd(int64_t b) const;
};

/// Returns the boundaries of sentence s (its tokens and their parts).
Boundaries SentenceBoundaries(const Segmentation& seg, const Sentence& s);

/// Holds one compiled rule with its provenance.
struct RegexRule {
  std::string name;    // "day_month_year"
  std::string label;   // "DATE", or "NONE" for a rule that only blocks others
  std::string action;  // how the annotator turns groups into a value
  std::string check;   // token-context predicates, comma-separated, or ""
  std::string source;  // "lib/data/dates/date_rules.tsv:41"
  std::string pattern;  // after macro expansion
  std::shared_ptr<re2::RE2> re;
  std::map<std::string, int, std::less<>> groups;  // named groups
  int span_group = 0;                              // 0: the whole match
};

/// Holds one match: the span and every group, as byte ranges.
struct RuleMatch {
  int rule = -1;
  int64_t mstart = 0, mend = 0;  // the whole match, context included
  int64_t bstart = 0, bend = 0;  // the span
  std::vector<std::pair<int64_t, int64_t>> groups;  // {-1,-1}: did not take part
};

/// Compiles the rules of one data file and finds their matches.
///
/// Const after Load, so one set may serve many threads.
class RegexRuleSet {
 public:
  RegexRuleSet();
  ~RegexRuleSet();
  RegexRuleSet(RegexRuleSet&&) noexcept;
  RegexRuleSet& operator=(RegexRuleSet&&) noexcept;

  /// Loads the embedded file `path` (relative to lib/) with extra macros;
  /// bad lines are listed in errors() and skipped.
  static RegexRuleSet Load(std::string_view path,
                           const std::map<std::string, std::string>& macros);

  /// Returns the rules that may match text[bstart, bend) (one RE2::Set
  /// pass); empty when none does.
  std::vector<int> MayMatch(std::string_view text, int64_t bstart, int64_t bend) const;
  /// Appends the matches of the given rules within the sentence in bounds.
  void Find(std::string_view text, const Boundaries& bounds, const std::vector<int>& which,
            std::vector<RuleMatch>* out) const;
  /// Appends the matches of every rule within the sentence in bounds.
  void Find(std::string_view text, const Boundaries& bounds, std::vector<RuleMatch>* out) const;

  /// Returns rule i.
  const RegexRule& rule(int i) const { return rules_[static_cast<size_t>(i)]; }
  /// Returns the number of rules.
  int size() const { return static_cast<int>(rules_.size()); }
  /// Returns problems found while loading ("file:line: message").
  const std::vector<std::string>& errors() const { return errors_; }

  /// Returns the text of a named group of match m, or "" if it did not take part.
  std::string_view Group(std::string_view text, const RuleMatch& m, std::string_view name) const;
  /// Says whether a named group of match m took part.
  bool Has(const RuleMatch& m, std::string_view name) const;
  /// Returns the byte range of a named group, or {-1,-1}.
  std::pair<int64_t, int64_t> GroupRange(const RuleMatch& m, std::string_view name) const;

 private:
  struct Prefilter;
  std::vector<RegexRule> rules_;
  std::vector<std::string> errors_;
  std::unique_ptr<Prefilter> prefilter_;
};

/// Builds a case-sensitive alternation of literal words, longest first:
/// "(?-i:January|Jan\\.)".
std::string CaseSensitiveAlternation(const std::vector<std::string>& words);
/// Builds an alternation of literal words, longest first: "(?:spring|fall)".
std::string Alternation(const std::vector<std::string>& words);
/// Escapes text for use as a literal in a pattern, turning a space into
/// {S} (one or more spaces of any kind) and a hyphen into {HY}.
std::string LiteralPattern(std::string_view text);

/// Folds a phrase (case, typography) and collapses its spaces, so that
/// "the  end of" finds "the end of" in a word list.
std::string PhraseKey(std::string_view s);

/// Keeps, among rule candidates of one sentence, the longest of those that
/// overlap (then the earlier rule, then the earlier one), in text order.
/// A candidate has `start`, `end` (code points) and `match` (a RuleMatch).
template <typename Candidate>
std::vector<Candidate> KeepLongest(std::vector<Candidate> found) {
  std::sort(found.begin(), found.end(), [](const Candidate& a, const Candidate& b) {
    if (a.end - a.start != b.end - b.start) return a.end - a.start > b.end - b.start;
    if (a.match.rule != b.match.rule) return a.match.rule < b.match.rule;
    return a.start < b.start;
  });
  std::vector<Candidate> kept;
  for (Candidate& c : found) {
    bool overlaps = false;
    for (const Candidate& k : kept) {
      if (c.match.bstart < k.match.bend && k.match.bstart < c.match.bend) {
        overlaps = true;
        break;
      }
    }
    if (!overlaps) kept.push_back(std::move(c));
  }
  std::sort(kept.begin(), kept.end(),
            [](const Candidate& a, const Candidate& b) { return a.start < b.start; });
  return kept;
}

}  // namespace relscan

#endif  // RELSCAN_ANNOTATE_REGEX_RULES_H_
