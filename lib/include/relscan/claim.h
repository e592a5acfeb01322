// Claims (TAGSET §5): which sentences assert something that could be argued
// with or checked, of what type, how firmly, and in whose voice.
//
//   ClaimAnnotator claims;                          // const: share it freely
//   ClaimEvidence ev;
//   ev.entities = &ents; ev.figures = &figs; ev.dates = &dates; ev.quotes = &quotes;
//   for (const ClaimSpan& c : claims.Annotate(doc, seg, ev))
//     Use(ClaimTypeName(c.label), c.stance, c.source, seg.sentences[c.sentence]);
//   // "Popular estimates reckon that oil from Azerbaijan meets about 40
//   // percent of Israel's needs." -> STATISTICAL, hedged, "Popular estimates",
//   // cues {"Popular estimates reckon", "about 40 percent"}.
//
// A claim is one whole sentence: headings, speaker labels, stage directions,
// questions, greetings, thanks, procedural lines and bare transitions are
// not claims (CheckClaimCandidate). The rules are cue lexicons in
// lib/data/claims/ (hedges, boosters, causal, predictive, deontic and
// evaluative cues, reporting verbs, formulae), plus what the other
// annotators found: STATISTICAL rests on a figure, sources take entity
// canonical forms, sentences inside a quotation take its speaker. Every
// decision names its cue and data file line in `rule`, for --explain.
//
// Offset rule: a claim is identified by its sentence; its span is the
// sentence's (code point offsets into Document::text(), end exclusive), and
// its cues are substrings of the sentence or of the cue line before it.
#ifndef RELSCAN_CLAIM_H_
#define RELSCAN_CLAIM_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "relscan/date.h"
#include "relscan/document.h"
#include "relscan/entity.h"
#include "relscan/figure.h"
#include "relscan/quote.h"
#include "relscan/segment.h"

namespace relscan {

/// The six claim types of TAGSET §5, in precedence order.
enum class ClaimType : uint8_t {
  kStatistical, kCausal, kPredictive, kNormative, kEvaluative, kFactual
};

/// Returns the TAGSET spelling of a claim type ("STATISTICAL", ...).
std::string_view ClaimTypeName(ClaimType type);
/// Parses a TAGSET claim type name.
std::optional<ClaimType> ParseClaimType(std::string_view name);

/// What the other annotators found, as the claim rules need it (any list may be empty).
struct ClaimEvidence {
  const std::vector<Entity>* entities = nullptr;     // relscan/entity.h
  const std::vector<FigureSpan>* figures = nullptr;  // relscan/figure.h
  const std::vector<DateSpan>* dates = nullptr;      // relscan/date.h
  const std::vector<QuoteSpan>* quotes = nullptr;    // relscan/quote.h
};

/// One claim: a sentence with its type, stance, source and the cues behind them.
struct ClaimSpan {
  int32_t sentence = 0;  // index into Segmentation::sentences; the span is the sentence's
  ClaimType label = ClaimType::kFactual;
  std::vector<ClaimType> types;  // contains label, in precedence order
  std::string stance;            // "hedged", "certain", "plain"
  std::string source;            // "author" or the cited party
  std::optional<std::string> source_text;  // the words as written, when they differ
  std::vector<std::string> cues;           // exact substrings of the sentence or its cue line
  std::string rule;              // the cue behind each decision, for --explain
};

/// Finds the claims of a segmented document.
///
/// The lexicons are parsed once and shared; Annotate is const, so one
/// instance may serve many threads.
class ClaimAnnotator {
 public:
  ClaimAnnotator();
  ~ClaimAnnotator();
  ClaimAnnotator(const ClaimAnnotator&) = delete;
  ClaimAnnotator& operator=(const ClaimAnnotator&) = delete;

  /// Returns the claims of a document in sentence order, at most one a sentence.
  std::vector<ClaimSpan> Annotate(const Document& doc, const Segmentation& seg,
                                  const ClaimEvidence& evidence) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// Names why a sentence is not a claim.
enum class NonClaimReason : uint8_t {
  kNone,            // a claim candidate
  kHeading,         // a title or section heading
  kSpeakerLabel,    // SECRETARY BLINKEN:
  kStageDirection,  // (Applause.)
  kQuestion,        // ends with '?' or opens with an indirect question (If you could…)
  kGreeting,        // Good afternoon, everyone.
  kThanks,          // Thank you very much.
  kProcedural,      // I yield back the balance of my time.
  kTransition,      // And finally.
};

/// Returns the name of a reason ("none", "heading", "question", ...).
std::string_view NonClaimReasonName(NonClaimReason reason);

/// Holds the verdict of CheckClaimCandidate.
struct ClaimCandidacy {
  NonClaimReason reason = NonClaimReason::kNone;
  std::string rule;  // the formula and its data file line, or the test that fired
  /// Says whether the sentence may be a claim.
  bool candidate() const { return reason == NonClaimReason::kNone; }
};

/// Says whether a sentence is a claim candidate at all (not a heading, question, greeting, thanks, procedural line or bare transition), and why not.
ClaimCandidacy CheckClaimCandidate(const Document& doc, const Segmentation& seg, int32_t sentence);

/// Returns the problems found in the built-in claim lexicons (for tests).
std::vector<std::string> ClaimLexiconErrors();

}  // namespace relscan

#endif  // RELSCAN_CLAIM_H_
