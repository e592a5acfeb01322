// Documents: input bytes turned into checked, NFC-normalized UTF-8 text.
//
// LoadDocument decodes UTF-8 (or UTF-16 with a byte-order mark), refuses
// binary input (NUL bytes) and invalid UTF-8 (or replaces it with U+FFFD),
// drops a BOM, and normalizes to NFC. Every character is kept, CR included:
//
//   Result<Document> doc = LoadDocument(bytes, "essay.txt", {});
//   doc->text();                       // NFC UTF-8
//   doc->CpToByte(12);                 // code point offset -> byte offset
//
// Offset rule (TAGSET.md): spans are code point offsets into text(), end
// exclusive; byte offsets are into the UTF-8 encoding of text().
#ifndef RELSCAN_DOCUMENT_H_
#define RELSCAN_DOCUMENT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "relscan/result.h"

namespace relscan {

/// Maps code point offsets to byte offsets and back for one UTF-8 text.
///
/// Keeps one byte offset every kStride code points, so it costs a few bytes
/// per 64 characters, and is the identity for ASCII text. The map does not
/// hold the text; each look-up is given the text it was built from.
class OffsetMap {
 public:
  static constexpr int64_t kStride = 64;

  OffsetMap() = default;
  /// Builds the map for a valid UTF-8 text.
  explicit OffsetMap(std::string_view utf8);

  /// Returns the byte offset of code point offset cp (0 <= cp <= size()).
  int64_t CpToByte(std::string_view utf8, int64_t cp) const;
  /// Returns the code point offset of a byte offset on a character boundary.
  int64_t ByteToCp(std::string_view utf8, int64_t byte) const;
  /// Returns the number of code points.
  int64_t size() const { return cps_; }
  /// Says whether the text is all ASCII (offsets coincide).
  bool ascii() const { return ascii_; }

 private:
  std::vector<int64_t> checkpoints_;  // byte offset of every kStride-th code point
  int64_t cps_ = 0;
  bool ascii_ = true;
};

/// Names how the input bytes were encoded.
enum class SourceEncoding { kUtf8, kUtf8Bom, kUtf16Le, kUtf16Be };

/// Options for LoadDocument.
struct LoadOptions {
  bool replace_invalid = false;  // substitute U+FFFD for invalid sequences
  bool sha256 = true;            // hash the bytes (Document::sha256)
};

/// Holds one input document as NFC UTF-8 with its offset map.
class Document {
 public:
  Document() = default;
  Document(std::string path, std::string text, SourceEncoding encoding,
           std::string sha256, int64_t replaced);
  Document(Document&&) = default;
  Document& operator=(Document&&) = default;
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  /// Returns the path as given ("<stdin>" for standard input).
  const std::string& path() const { return path_; }
  /// Returns the NFC-normalized UTF-8 text.
  const std::string& text() const { return text_; }
  /// Returns the byte offset of a code point offset into text().
  int64_t CpToByte(int64_t cp) const { return offsets_.CpToByte(text_, cp); }
  /// Returns the code point offset of a byte offset into text().
  int64_t ByteToCp(int64_t byte) const { return offsets_.ByteToCp(text_, byte); }
  /// Says whether text() is all ASCII.
  bool ascii() const { return offsets_.ascii(); }
  /// Returns the number of code points in text().
  int64_t chars() const { return offsets_.size(); }
  /// Returns the encoding the input was read in.
  SourceEncoding encoding() const { return encoding_; }
  /// Returns the SHA-256 (hex) of the input bytes as read.
  /// The SHA-256 of the file's bytes; empty when loaded without it
  /// (LoadOptions::sha256 off: reports, which write no document record).
  const std::string& sha256() const { return sha256_; }
  /// Returns how many invalid sequences were replaced by U+FFFD.
  int64_t replaced() const { return replaced_; }
  /// Returns text()[cp_start, cp_end) as UTF-8.
  std::string_view Slice(int64_t cp_start, int64_t cp_end) const;

 private:
  std::string path_;
  std::string text_;
  OffsetMap offsets_;
  SourceEncoding encoding_ = SourceEncoding::kUtf8;
  std::string sha256_;
  int64_t replaced_ = 0;
};

/// Decodes, checks and normalizes bytes read from path into a Document.
Result<Document> LoadDocument(std::string_view bytes, std::string path,
                              const LoadOptions& options);
/// The same, taking the bytes: a UTF-8 text already in NFC (most are)
/// becomes the document's text without a copy.
Result<Document> LoadOwnedDocument(std::string&& bytes, std::string path,
                                   const LoadOptions& options);

/// Reads a whole file ("-" reads standard input) into bytes.
Result<std::string> ReadFileBytes(const std::string& path);

/// Returns the SHA-256 of bytes as 64 lowercase hex digits.
std::string Sha256Hex(std::string_view bytes);

/// Returns the name of an encoding as written in provenance ("utf-8").
std::string_view EncodingName(SourceEncoding encoding);

}  // namespace relscan

#endif  // RELSCAN_DOCUMENT_H_
