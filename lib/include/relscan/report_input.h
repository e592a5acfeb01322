// Report inputs: the tokens, sentences and entity mentions that the
// concordance, collocates and keywords reports read, made the same way from
// raw text and from the tagged stream.
//
//   ReportReader reader({});                       // one per thread
//   ReportDocument d = reader.FromText(std::move(doc));
//   for (const Token& t : d.seg.tokens) Use(d.TokenText(t));
//
//   Result<std::vector<ReportDocument>> ds = reader.FromStream(records);
//
// Raw text is segmented (and, when entities are asked for, annotated with
// the entity annotator alone). A tagged stream is rebuilt: each document's
// sentence records are laid out at their offsets, the gaps between them
// filled with spaces (the segmenter leaves only whitespace between
// sentences), and the text is segmented again for its tokens, as DESIGN.md
// says readers do; sentences, their ids and duplicate_of, and the entity
// records are the stream's own. Both give the same tokens with the same
// offsets, so a report of a stream equals the report of its text.
//
// Offset rule: Token::start/end and Sentence::start/end are code points into
// the document's NFC text; Token::bstart/bend are bytes into
// ReportDocument::doc.text(), which for a stream is the rebuilt text.
#ifndef RELSCAN_REPORT_INPUT_H_
#define RELSCAN_REPORT_INPUT_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "relscan/document.h"
#include "relscan/entity.h"
#include "relscan/record.h"
#include "relscan/result.h"
#include "relscan/segment.h"

namespace relscan {

/// One sentence of a report document.
struct ReportSentence {
  std::string id;                          // "s4", as in the stream
  int64_t start = 0, end = 0;              // code points
  int32_t token_begin = 0, token_end = 0;  // into seg.tokens
  bool duplicate = false;                  // the stream's duplicate_of is set
};

/// One entity mention (TAGSET §1) as reports see it.
struct Mention {
  int64_t start = 0, end = 0;  // code points
  int32_t sentence = 0;        // index into ReportDocument::sentences
  std::string label;           // "GPE"
  std::string canonical;
};

/// One document ready for a report.
struct ReportDocument {
  Document doc;      // path and text (for a stream, the rebuilt text)
  Segmentation seg;  // tokens and compound parts; seg.sentences is unused
  std::vector<ReportSentence> sentences;
  std::vector<Mention> mentions;  // in text order
  bool has_entities = false;      // mentions were looked for

  /// Returns a token's text as written.
  std::string_view TokenText(const Token& t) const {
    return std::string_view(doc.text()).substr(t.bstart, t.bend - t.bstart);
  }
  /// Returns the text of bytes [b, e) of the document.
  std::string_view Bytes(int64_t b, int64_t e) const {
    return std::string_view(doc.text()).substr(b, e - b);
  }
};

/// Options for ReportReader.
struct ReportInputOptions {
  SegmentOptions segment;
  bool entities = false;  // annotate raw text with entities; require them in streams
  std::shared_ptr<const Gazetteer> gazetteer;  // for entities; null: the built-in one
};

/// Turns raw text or stream records into report documents.
///
/// Holds a Segmenter (and an EntityAnnotator), so one reader serves one thread.
class ReportReader {
 public:
  explicit ReportReader(ReportInputOptions options);
  ~ReportReader();
  ReportReader(const ReportReader&) = delete;
  ReportReader& operator=(const ReportReader&) = delete;

  /// Segments a raw-text document (and finds its entities when asked).
  ReportDocument FromText(Document doc);
  /// Rebuilds the documents of one stream's records, in order. An error
  /// names the document: a sentence that overlaps the one before or whose
  /// text does not fit its offsets, or, when entities are asked for, a
  /// stream tagged without the entity annotator.
  Result<std::vector<ReportDocument>> FromStream(const std::vector<Record>& records,
                                                 const std::string& path);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace relscan

#endif  // RELSCAN_REPORT_INPUT_H_
