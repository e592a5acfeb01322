// The tagger: a document run through every pass, as tagged-stream records.
//
//   Tagger tagger(options);                 // one per thread
//   std::vector<Record> out;
//   tagger.Tag(doc, &out);                  // document record, sentences, ...
//
// The records are those of DESIGN.md "The tagged stream": the document
// record (with provenance) first, then sentences in text order. An empty
// document gives the document record alone.
#ifndef RELSCAN_TAG_H_
#define RELSCAN_TAG_H_

#include <functional>
#include <initializer_list>
#include <string>
#include <vector>

#include <map>

#include "relscan/claim.h"
#include "relscan/date.h"
#include "relscan/document.h"
#include "relscan/entity.h"
#include "relscan/figure.h"
#include "relscan/quote.h"
#include "relscan/record.h"
#include "relscan/segment.h"

namespace relscan {

/// Options that shape the tagged stream (recorded in the document record).
struct TagOptions {
  LoadOptions load;
  SegmentOptions segment;
  bool tokens = false;  // sentence records list their tokens' offsets
  bool bytes = false;   // records add bstart/bend byte offsets
  bool entities = true; // run the entity annotator
  bool dates = true;    // run the date annotator
  bool figures = true;  // run the figure annotator
  bool quotes = true;   // run the quote annotator
  bool claims = true;   // run the claim annotator
  /// The gazetteer entities are looked up in (built-in plus --gazetteer);
  /// null: the built-in one, loaded when the entity annotator runs.
  std::shared_ptr<const Gazetteer> gazetteer;
  /// Date options; `dates.anchor` applies to every document without an
  /// entry in `anchors` (document path -> ISO date, from --anchors).
  DateOptions date_options;
  std::shared_ptr<const std::map<std::string, std::string>> anchors;
};

/// Runs only the named annotators (and none of the others); a report asks
/// for what it reads.
void OnlyAnnotators(std::initializer_list<std::string_view> names, TagOptions* options);

/// Returns the names of the annotators that can be switched off.
const std::vector<std::string>& AnnotatorNames();

/// Parses a comma-separated list of annotators to switch off ("entities")
/// into options; an unknown name is an error.
Result<void> SkipAnnotators(std::string_view list, TagOptions* options);

/// Returns relscan's version ("0.1.0").
std::string_view RelscanVersion();
/// Returns the ICU version in use ("72.1").
std::string IcuVersion();

/// Runs the passes over documents and renders their records.
class Tagger {
 public:
  /// Builds the annotators the options switch on, and only those (their
  /// rules and lexicons take most of the start-up time).
  explicit Tagger(TagOptions options);

  /// Hands the records of one document to emit, one at a time, in order.
  void Tag(const Document& doc, const std::function<void(Record&&)>& emit);
  /// Appends the records of one document to out.
  void Tag(const Document& doc, std::vector<Record>* out);

  /// Returns the segmentation of the last document tagged.
  const Segmentation& segmentation() const { return seg_; }
  /// Returns the entities of the last document tagged.
  const std::vector<Entity>& entities() const { return ents_; }
  /// Returns the dates of the last document tagged.
  const std::vector<DateSpan>& dates() const { return dates_; }
  /// Returns the figures of the last document tagged.
  const std::vector<FigureSpan>& figures() const { return figures_; }
  /// Returns the quotations of the last document tagged.
  const QuoteResult& quotes() const { return quotes_; }
  /// Returns the claims of the last document tagged.
  const std::vector<ClaimSpan>& claims() const { return claims_; }
  const TagOptions& options() const { return options_; }

 private:
  TagOptions options_;
  Segmenter segmenter_;
  std::unique_ptr<EntityAnnotator> entities_;
  std::unique_ptr<DateAnnotator> date_annotator_;
  std::unique_ptr<FigureAnnotator> figure_annotator_;
  std::unique_ptr<QuoteAnnotator> quote_annotator_;
  std::unique_ptr<ClaimAnnotator> claim_annotator_;
  Segmentation seg_;
  std::vector<Entity> ents_;
  std::vector<DateSpan> dates_;
  std::vector<FigureSpan> figures_;
  QuoteResult quotes_;
  std::vector<ClaimSpan> claims_;
};

/// Builds the document record (provenance) for a document.
Record DocumentRecord(const Document& doc, const TagOptions& options);

/// Returns the id of the i-th (0-based) sentence: "s1", "s2", ...
std::string SentenceId(size_t index);

/// Builds the stream record of an entity; id is 0-based.
Record EntityRecord(const Document& doc, const Entity& e, size_t id, bool bytes);
/// Builds the stream record of a date; id is 0-based; `anchor` is the
/// document anchor date, written when the value was resolved against it.
Record DateRecord(const Document& doc, const DateSpan& d, size_t id, bool bytes,
                  const std::string& anchor);
/// Builds the stream record of a figure; id is 0-based.
Record FigureRecord(const Document& doc, const FigureSpan& f, size_t id, bool bytes);
/// Builds the stream record of a quotation; id is 0-based.
Record QuoteRecord(const Document& doc, const QuoteSpan& q, size_t id, bool bytes);
/// Builds the stream record of a claim; id is 0-based; `evidence` lists the
/// ids of the records that overlap its sentence.
Record ClaimRecord(const Document& doc, const Segmentation& seg, const ClaimSpan& c, size_t id,
                   bool bytes, Array evidence);
/// Builds the record of a quote mark left unpaired (kind "unpaired").
Record UnpairedRecord(const Document& doc, const UnpairedMark& m, int32_t sentence);
/// Returns an exact decimal ("4850000000", "0.9") as a JSON number value.
Value DecimalValue(const std::string& decimal);

}  // namespace relscan

#endif  // RELSCAN_TAG_H_
