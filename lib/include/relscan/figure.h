// Figures (TAGSET §3): cardinals, ordinals, money, percentages and
// quantities, with exact decimal values.
//
//   FigureAnnotator figures;
//   std::vector<std::pair<int64_t, int64_t>> taken = ...;  // date and name bytes
//   for (const FigureSpan& f : figures.Annotate(doc, seg, taken))
//     Use(FigureLabelName(f.label), doc.Slice(f.start, f.end), f.value, f.unit);
//   // "close to $5 billion" -> MONEY "$5 billion" 5000000000 USD, mod APPROX;
//   // "some 70,000 former Azerbaijanis" -> CARDINAL "70,000", mod APPROX,
//   // of "former Azerbaijanis"; "nine-tenths" -> CARDINAL 0.9.
//
// Values are exact decimals written as strings ("4850000000", "0.9"),
// scaled by decimal arithmetic, never binary floating point. Rules are RE2
// patterns in lib/data/figures/figure_rules.tsv plus token-context checks;
// every span names its rule (data file:line) in `rule`. Numbers the date
// annotator took (years, days) and numbers inside names are left alone:
// the caller passes their byte ranges as `taken`.
//
// Offset rule: start/end are code point offsets into Document::text(), end
// exclusive; bstart/bend are the byte offsets of the same span.
#ifndef RELSCAN_FIGURE_H_
#define RELSCAN_FIGURE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "relscan/document.h"
#include "relscan/segment.h"

namespace relscan {

/// The five figure labels of TAGSET §3 (OntoNotes names).
enum class FigureLabel : uint8_t { kCardinal, kOrdinal, kMoney, kPercent, kQuantity };

/// Returns the TAGSET spelling of a label ("CARDINAL", "MONEY", ...).
std::string_view FigureLabelName(FigureLabel label);

/// One figure.
struct FigureSpan {
  int64_t start = 0, end = 0, bstart = 0, bend = 0;  // code points, bytes
  int32_t sentence = 0;           // index into Segmentation::sentences
  FigureLabel label = FigureLabel::kCardinal;
  std::string value;              // exact decimal: "4850000000", "0.9", "40"
  std::string unit;               // "USD", "%", "pp", "km", "nmi"; "" for none
  std::string mod;                // "", "APPROX", "MORE_THAN", "LESS_THAN"
  std::string of;                 // the counted noun ("followers"), CARDINAL only
  std::optional<std::pair<std::string, std::string>> range;  // exact decimals
  std::string rule;               // "lib/data/figures/figure_rules.tsv:30"
};

/// Finds the figures of a segmented document.
///
/// Const and without state of its own: one instance may serve many threads.
class FigureAnnotator {
 public:
  FigureAnnotator();
  ~FigureAnnotator();

  /// Returns the figures of a document in text order; `taken` are byte
  /// ranges of spans the figure rules must not touch (dates, names).
  std::vector<FigureSpan> Annotate(const Document& doc, const Segmentation& seg,
                                   const std::vector<std::pair<int64_t, int64_t>>& taken) const;
};

/// Returns the problems found in the built-in figure rules (for tests).
std::vector<std::string> FigureRuleErrors();

}  // namespace relscan

#endif  // RELSCAN_FIGURE_H_
