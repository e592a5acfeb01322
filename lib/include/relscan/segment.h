// Sentences and tokens: ICU proposes, relscan decides.
//
// ICU's word BreakIterator proposes word, number and punctuation segments
// (for chunks of common characters a fast path applies the same UAX #29
// rules, tested to give the same tokens); a pass of our own then builds the final tokens (hyphen compounds joined
// with their parts, the possessive 's split off, abbreviations with their
// period, `` and '' as one mark) and decides sentence ends from the
// abbreviation data, the next word, closing quote marks and paragraphs:
//
//   Segmenter seg;                                 // one per thread
//   Segmentation s = seg.Segment(doc, {});
//   for (const Sentence& x : s.sentences) Use(doc.Slice(x.start, x.end));
//
// Offset rule: start/end are code point offsets into Document::text(), end
// exclusive; bstart/bend are the byte offsets of the same span.
#ifndef RELSCAN_SEGMENT_H_
#define RELSCAN_SEGMENT_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "relscan/document.h"
#include "relscan/result.h"

namespace relscan {

/// Tells what a token is.
enum class TokenKind : uint8_t {
  kWord,        // letters (hyphen compounds with a letter included)
  kNumber,      // 70,000 or 4.85 (and compounds of numbers, 3-4)
  kPunct,       // punctuation, quote marks included
  kSymbol,      // currency and math symbols, %, and other symbols
  kPossessive,  // the clitic 's / ’s split from the word before it
};

/// A code point span with its byte span.
struct Span {
  int64_t start = 0, end = 0;    // code points
  int64_t bstart = 0, bend = 0;  // bytes
};

/// One token. Offsets are 32-bit (a document is under 2 GiB) to keep the
/// token array small: a 20 MB essay has some four million tokens.
struct Token {
  uint32_t start = 0, end = 0;    // code points
  uint32_t bstart = 0, bend = 0;  // bytes
  uint32_t parts_begin = 0;       // hyphen compound parts: Segmentation::parts
  uint16_t parts_count = 0;       // 0 for tokens that are not compounds
  TokenKind kind = TokenKind::kWord;
  bool abbreviation = false;      // a word with its final period (U.S., Dr.)
};

/// One paragraph: a line (or block of lines) with content, trimmed.
struct Paragraph {
  int64_t start = 0, end = 0;
  int64_t bstart = 0, bend = 0;
};

/// Why a sentence is marked heading (TAGSET §0).
enum class HeadingKind : uint8_t { kNone, kTitle, kSpeakerLabel, kStageDirection };

/// One sentence.
struct Sentence {
  int64_t start = 0, end = 0;
  int64_t bstart = 0, bend = 0;
  int32_t para = 0;              // 1-based paragraph number
  int32_t token_begin = 0, token_end = 0;  // into Segmentation::tokens
  HeadingKind heading = HeadingKind::kNone;
  int32_t turn = -1;             // index into Segmentation::turns, or -1
  int32_t duplicate_of = -1;     // index of the first identical sentence, or -1
};

/// Everything the segmenter found in one document.
struct Segmentation {
  std::vector<Paragraph> paragraphs;
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
  std::vector<Span> parts;        // parts of hyphen compounds
  std::vector<std::string> turns; // speaker label names, in order of appearance
};

/// Chooses how paragraphs are separated.
enum class ParagraphMode { kAuto, kLine, kBlank };

/// Options for Segmenter::Segment.
struct SegmentOptions {
  ParagraphMode paragraphs = ParagraphMode::kAuto;
  /// Every word boundary from ICU's iterator, the fast path for common
  /// characters off. Both give the same tokens (tests/segment check it);
  /// this is for those tests and for benchmarks.
  bool icu_only = false;
  /// Threads for one document: a text of at least 2 x block_bytes is cut
  /// into blocks of whole paragraphs (one per thread) segmented at once and
  /// joined; the result is the same as with one thread.
  int threads = 1;
  int64_t block_bytes = int64_t{1} << 20;
  /// Says whether a text of n bytes is cut into blocks (with threads > 1);
  /// the tagger and the concordance split their own work at the same size.
  bool Splits(int64_t n) const { return threads > 1 && block_bytes > 0 && n >= 2 * block_bytes; }
  /// Find verbatim repeats (Sentence::duplicate_of); off, every sentence
  /// has duplicate_of -1 (for readers that never look).
  bool duplicates = true;
};

/// Parses "line", "blank" or "auto".
Result<ParagraphMode> ParseParagraphMode(std::string_view name);
/// Returns the name of a paragraph mode.
std::string_view ParagraphModeName(ParagraphMode mode);
/// Returns the name of a token kind ("word", "number", ...).
std::string_view TokenKindName(TokenKind kind);

/// Segments documents into paragraphs, sentences and tokens.
///
/// Holds an ICU BreakIterator, so one Segmenter serves one thread.
class Segmenter {
 public:
  Segmenter();
  ~Segmenter();
  Segmenter(const Segmenter&) = delete;
  Segmenter& operator=(const Segmenter&) = delete;

  /// Segments a whole document.
  Segmentation Segment(const Document& doc, const SegmentOptions& options);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace relscan

#endif  // RELSCAN_SEGMENT_H_
