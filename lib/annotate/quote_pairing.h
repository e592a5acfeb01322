// Quote-mark pairing for the quote annotator (TAGSET §4): which punctuation
// tokens are quote marks, which open and which close, and which pairs they
// form, in one pass over the tokens with a stack.
//
//   PairingResult p = PairQuoteMarks(doc, seg);
//   for (const MarkPair& q : p.pairs) Use(seg.tokens[q.open], seg.tokens[q.close]);
//   p.unpaired;   // token indices of marks left without a partner
//   p.steps;      // work done: linear in the number of tokens
//
// Curly marks say which way they face; straight marks, '' and ’ are read
// from the characters around them (a space before and a letter after
// opens). An apostrophe is not a mark: ’ or ' after a letter with no
// single quotation open (`countries’`), ‘ glued to the letter before it
// (`Samu‘`), an elision (`’90s`, `'em`). Marks pair only within a
// paragraph, except a quotation whose paragraph ends open and whose next
// paragraph starts with the same opening mark: that is one quotation, and
// the repeated mark is listed in `continued`.
#ifndef RELSCAN_ANNOTATE_QUOTE_PAIRING_H_
#define RELSCAN_ANNOTATE_QUOTE_PAIRING_H_

#include <cstdint>
#include <vector>

#include "relscan/document.h"
#include "relscan/segment.h"

namespace relscan {

/// Families of quote marks: an opening mark pairs with a closing mark of its family.
enum class MarkFamily : uint8_t {
  kDouble,          // “ ” „
  kSingle,          // ‘ ’ ‚
  kAngleDouble,     // « »
  kAngleSingle,     // ‹ ›
  kStraightDouble,  // "
  kStraightSingle,  // '
  kTypewriter,      // `` … '' and the Congressional Record's '' … ''
};

/// One pair of marks: token indices into Segmentation::tokens.
struct MarkPair {
  int32_t open = 0, close = 0;
  MarkFamily family = MarkFamily::kDouble;
  int32_t depth = 0;               // 0 for an outermost quotation
  std::vector<int32_t> continued;  // opening marks repeated at later paragraphs' starts
};

/// What pairing found in one document.
struct PairingResult {
  std::vector<MarkPair> pairs;    // in order of their opening marks
  std::vector<int32_t> unpaired;  // token indices, in text order
  int64_t steps = 0;              // marks read, pushes, pops and checks
};

/// Pairs the quote marks of a segmented document, in time linear in its tokens.
PairingResult PairQuoteMarks(const Document& doc, const Segmentation& seg);

}  // namespace relscan

#endif  // RELSCAN_ANNOTATE_QUOTE_PAIRING_H_
