// Quotations (TAGSET §4): quote marks paired by kind, block quotations,
// SPEECH vs TITLE vs TERM, and who is speaking.
//
//   QuoteAnnotator quotes;                              // const, shareable
//   std::vector<NamedSpan> names = ...;                 // from the entities
//   QuoteResult r = quotes.Annotate(doc, seg, names);
//   for (const QuoteSpan& q : r.quotes)
//     Use(QuoteLabelName(q.label), doc.Slice(q.start, q.end), q.speaker, q.cue);
//   // Aliyev told journalists: “No one can interfere ….”
//   //   -> SPEECH "No one can interfere ….", speaker "Ilham Aliyev", cue "told"
//   // then classified as “secret,”  -> TERM "secret" (the comma is outside)
//   // titled “Azerbaijan’s Discreet Symbiosis with Israel.”  -> TITLE
//
// Marks are paired by kind (“ ” „ ‘ ’ « » ‹ › " ' `` '' and the
// Congressional Record's ''…''), with nesting, in time linear in the
// document. An apostrophe (`Israel’s`, `countries’`, `Samu‘`) is not a mark;
// a mark left without its partner is listed in QuoteResult::unpaired and
// never swallows the text after it; a quotation reopened at the start of
// the next paragraph is one span. Cue verbs and phrases, title words and
// term markers are plain-text lexicons under lib/data/quotes/; every span
// names the rule and the data line behind its label and speaker in `rule`.
//
// Offset rule: start/end are code point offsets into Document::text(), end
// exclusive; bstart/bend are the byte offsets of the same span. A span is
// the quoted text without its marks; SPEECH keeps the speaker's own final
// period, TERM and TITLE leave out a comma or period of the outer sentence.
#ifndef RELSCAN_QUOTE_H_
#define RELSCAN_QUOTE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "relscan/document.h"
#include "relscan/segment.h"

namespace relscan {

/// The three quotation labels of TAGSET §4.
enum class QuoteLabel : uint8_t { kSpeech, kTitle, kTerm };

/// Returns the TAGSET spelling of a label ("SPEECH", "TITLE", "TERM").
std::string_view QuoteLabelName(QuoteLabel label);

/// A span the quote annotator may use to name speakers (from the entity annotator).
struct NamedSpan {
  int64_t bstart = 0, bend = 0;  // bytes into Document::text()
  std::string label;             // "PERSON", "ORG", ... (TAGSET §1)
  std::string canonical;         // "Ilham Aliyev"
};

/// One quotation.
struct QuoteSpan {
  int64_t start = 0, end = 0, bstart = 0,
          bend = 0;                // code points, bytes: the text WITHOUT the marks
  std::vector<int32_t> sentences;  // indices into Segmentation::sentences, first one first
  QuoteLabel label = QuoteLabel::kTerm;
  std::optional<std::string> speaker;  // canonical name, or the noun phrase without its article
  std::optional<std::string> speaker_text;  // the words naming the speaker, when they differ
  std::optional<std::string> cue;  // the reporting verb or phrase ("told", "compared … to")
  bool block = false;              // a block quotation (whole paragraph)
  std::string rule;                // why this label and this speaker, for --explain
};

/// A quote mark left without its partner.
struct UnpairedMark {
  int64_t start = 0, bstart = 0;  // code points, bytes
  std::string mark;               // the mark as written ("“", "''")
};

/// Everything the quote annotator found in one document.
struct QuoteResult {
  std::vector<QuoteSpan> quotes;       // in text order of their opening marks
  std::vector<UnpairedMark> unpaired;  // in text order
  int64_t pairing_steps = 0;           // work done pairing marks (linear in the marks)
};

/// Finds the quotations of a segmented document.
///
/// Const and without state of its own after construction: one instance may
/// serve many threads.
class QuoteAnnotator {
 public:
  QuoteAnnotator();
  ~QuoteAnnotator();
  QuoteAnnotator(const QuoteAnnotator&) = delete;
  QuoteAnnotator& operator=(const QuoteAnnotator&) = delete;

  /// Finds the quotations of a segmented document; `names` are its entity spans in text order.
  QuoteResult Annotate(const Document& doc, const Segmentation& seg,
                       const std::vector<NamedSpan>& names) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace relscan

#endif  // RELSCAN_QUOTE_H_
