// Token-context helpers shared by the date and figure annotators: finding
// the tokens around a span, their folded text, and the modifier phrase
// before a figure or a duration (TAGSET §2 and §3: `about`, `over`, `under`
// stay outside the span and set `mod`).
//
//   int32_t k = TokenAtOrAfter(seg, sentence, span_bend);   // the next token
//   std::optional<SpanModifier> m = ModifierBefore(doc, seg, sentence, bstart);
//   if (m) span.mod = m->mod;                                // "APPROX"
#ifndef RELSCAN_ANNOTATE_TOKEN_CONTEXT_H_
#define RELSCAN_ANNOTATE_TOKEN_CONTEXT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "relscan/document.h"
#include "relscan/segment.h"

namespace relscan {

/// Returns the index of the first token of sentence s that starts at or
/// after byte b, or s.token_end when there is none.
int32_t TokenAtOrAfter(const Segmentation& seg, const Sentence& s, int64_t b);
/// Returns the index of the last token of sentence s that ends at or
/// before byte b, or s.token_begin - 1 when there is none.
int32_t TokenEndingBy(const Segmentation& seg, const Sentence& s, int64_t b);
/// Returns the index of the token of sentence s that contains byte b, or -1.
int32_t TokenContaining(const Segmentation& seg, const Sentence& s, int64_t b);
/// Returns a token's text as written.
std::string_view TokenText(const Document& doc, const Token& t);
/// Returns a token's text folded for matching (case, hyphens, apostrophes).
std::string TokenKey(const Document& doc, const Token& t);

/// A modifier phrase found before a span.
struct SpanModifier {
  std::string mod;     // "APPROX", "MORE_THAN", "LESS_THAN", or "" (`only`)
  int64_t bstart = 0;  // where the phrase starts, bytes
  std::string source;  // "lib/data/figures/modifiers.tsv:12"
};

/// Returns the modifier phrase of lib/data/figures/modifiers.tsv that ends
/// right before byte b (only spaces between), longest first; nullopt if none.
std::optional<SpanModifier> ModifierBefore(const Document& doc, const Segmentation& seg,
                                           const Sentence& s, int64_t b);

}  // namespace relscan

#endif  // RELSCAN_ANNOTATE_TOKEN_CONTEXT_H_
