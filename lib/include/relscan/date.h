// Dates, times, durations and sets (TAGSET §2), normalized as TIMEX3 values.
//
//   DateAnnotator dates;                         // one per thread
//   DateOptions opt;
//   opt.anchor = "2023-01-01";                   // or opt.auto_anchor = true
//   for (const DateSpan& d : dates.Annotate(doc, seg, opt))
//     Use(DateLabelName(d.label), doc.Slice(d.start, d.end), d.value);
//   // "18 November 2022" -> DATE 2022-11-18; "the late 1990s" -> DATE 199,
//   // mod END; "under three hours" -> DURATION PT3H over "three hours",
//   // mod LESS_THAN; "a few days later" -> DATE null, anchor: the date before.
//
// Rules are RE2 patterns in lib/data/dates/date_rules.tsv plus token-context
// checks; every span names its rule (data file:line) in `rule`. Relative
// expressions are resolved against the document anchor (`last year`) or the
// nearest earlier absolute date in the text (`the following year`), never
// against the clock; without one their value is null.
//
// Offset rule: start/end are code point offsets into Document::text(), end
// exclusive; bstart/bend are the byte offsets of the same span.
#ifndef RELSCAN_DATE_H_
#define RELSCAN_DATE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "relscan/document.h"
#include "relscan/result.h"
#include "relscan/segment.h"

namespace relscan {

/// The four TIMEX3 types of TAGSET §2.
enum class DateLabel : uint8_t { kDate, kDuration, kTime, kSet };

/// Returns the TAGSET spelling of a label ("DATE", "DURATION", "TIME", "SET").
std::string_view DateLabelName(DateLabel label);

/// Orders the parts of an all-numeric date such as 05/06/2022.
enum class DateOrder { kMdy, kDmy };

/// Parses "mdy" or "dmy".
Result<DateOrder> ParseDateOrder(std::string_view name);

/// Options for DateAnnotator::Annotate.
struct DateOptions {
  std::string anchor;        // the document's date, "2023-01-01"; empty: none
  bool auto_anchor = false;  // take the anchor from a dateline near the top
  DateOrder order = DateOrder::kMdy;  // for ambiguous all-numeric dates
};

/// One date, time, duration or set expression.
struct DateSpan {
  int64_t start = 0, end = 0, bstart = 0, bend = 0;  // code points, bytes
  int32_t sentence = 0;                  // index into Segmentation::sentences
  DateLabel label = DateLabel::kDate;
  std::optional<std::string> value;      // TIMEX3 value; nullopt = null
  std::string mod;                       // "", "START", "END", "MID", "APPROX",
                                         // "LESS_THAN", "MORE_THAN"
  std::optional<std::pair<std::string, std::string>> range;  // begin, end
  int32_t anchor = -1;                   // index of the DateSpan it was resolved
                                         // against (or would be), or -1
  bool anchored_to_document = false;     // resolved against the document anchor
  std::string tz;                        // "EDT"
  bool ambiguous = false;                // an all-numeric date of unknown order
  std::string rule;                      // "lib/data/dates/date_rules.tsv:41"
};

/// Holds the anchor of a document and how it was found.
struct DateAnchor {
  std::string value;  // "2023-09-21", or "" when there is none
  std::string rule;   // "--anchor", or "dateline: line 3 (lib/data/dates/...:27)"
};

/// Finds the dates of a segmented document.
///
/// The compiled rules are shared and read-only; the anchor of the last call
/// is kept in the instance, so one instance serves one thread.
class DateAnnotator {
 public:
  DateAnnotator();
  ~DateAnnotator();
  DateAnnotator(const DateAnnotator&) = delete;
  DateAnnotator& operator=(const DateAnnotator&) = delete;

  /// Returns the date spans of a document in text order.
  std::vector<DateSpan> Annotate(const Document& doc, const Segmentation& seg,
                                 const DateOptions& options) const;

  /// Returns the anchor used by the last call ("" if none) and how it was found.
  const DateAnchor& anchor() const { return anchor_; }

 private:
  mutable DateAnchor anchor_;
};

/// Returns the anchor date found by --anchor auto, or "" (and its rule).
DateAnchor FindDatelineAnchor(const Document& doc, const Segmentation& seg);

/// Validates an --anchor value (YYYY-MM-DD, a real calendar date).
Result<void> CheckAnchor(std::string_view anchor);

/// Returns the problems found in the built-in date rules (for tests).
std::vector<std::string> DateRuleErrors();

}  // namespace relscan

#endif  // RELSCAN_DATE_H_
