// Decoding, checking and NFC normalization of input documents.
#include "relscan/document.h"
#include "relscan/swar.h"

#include <openssl/evp.h>
#include <sys/stat.h>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>

#include <fmt/format.h>

namespace relscan {
namespace {

// Returns strerror(err) in the lowercase style of our messages.
std::string ErrnoMessage(int err) {
  std::string m = std::strerror(err);
  if (!m.empty() && m[0] >= 'A' && m[0] <= 'Z' && !(m.size() > 1 && m[1] >= 'A' && m[1] <= 'Z')) {
    m[0] = static_cast<char>(m[0] + 32);
  }
  return m;
}

// Returns the length of a UTF-8 sequence from its lead byte (1 for
// continuation bytes, so that a walk over valid text never stalls).
inline int LeadLength(unsigned char b) {
  if (b < 0xC0) return 1;
  if (b < 0xE0) return 2;
  if (b < 0xF0) return 3;
  return 4;
}

// Returns the length of the valid sequence at p (1..4), or minus the length
// of its maximal ill-formed subpart (Unicode §3.9, "U+FFFD substitution of
// maximal subparts") when it is invalid.
int CheckSequence(const unsigned char* p, const unsigned char* end) {
  unsigned char b = p[0];
  if (b < 0x80) return 1;
  int need;
  unsigned char lo = 0x80, hi = 0xBF;
  if (b >= 0xC2 && b <= 0xDF) {
    need = 1;
  } else if (b >= 0xE0 && b <= 0xEF) {
    need = 2;
    if (b == 0xE0) lo = 0xA0;
    if (b == 0xED) hi = 0x9F;  // no surrogates
  } else if (b >= 0xF0 && b <= 0xF4) {
    need = 3;
    if (b == 0xF0) lo = 0x90;
    if (b == 0xF4) hi = 0x8F;
  } else {
    return -1;
  }
  int i = 1;
  for (; i <= need; ++i) {
    if (p + i >= end) return -i;
    unsigned char c = p[i];
    if (i == 1 ? (c < lo || c > hi) : (c < 0x80 || c > 0xBF)) return -i;
  }
  return need + 1;
}

// Computes the 1-based line and column (in code points) of a byte offset
// into bytes, all of which before it are valid UTF-8.
void LineAndColumn(std::string_view bytes, int64_t byte, int64_t* line,
                   int64_t* column) {
  *line = 1;
  *column = 1;
  for (int64_t i = 0; i < byte;) {
    unsigned char b = static_cast<unsigned char>(bytes[i]);
    if (b == '\n') {
      ++*line;
      *column = 1;
      ++i;
      continue;
    }
    ++*column;
    i += LeadLength(b);
  }
}

// Checks UTF-8; on an invalid sequence either fails or, when replacing,
// writes the text with U+FFFD into *out. Leaves *out empty when the input
// is valid and needs no copy.
Result<int64_t> CheckUtf8(std::string_view bytes, const std::string& path,
                          int64_t offset_base, bool replace, std::string* out) {
  const auto* begin = reinterpret_cast<const unsigned char*>(bytes.data());
  const auto* end = begin + bytes.size();
  const auto* p = begin;
  const auto* copied = begin;
  int64_t replaced = 0;
  while (p < end) {
    // Fast path: eight ASCII bytes at a time.
    if (end - p >= 8 && !swar::HasNonAscii(swar::Load(p))) {
      p += 8;
      continue;
    }
    int n = CheckSequence(p, end);
    if (n > 0) {
      p += n;
      continue;
    }
    if (!replace) {
      Error e;
      e.code = ErrorCode::kInvalidUtf8;
      e.path = path;
      e.byte = (p - begin) + offset_base;
      LineAndColumn(bytes, p - begin, &e.line, &e.column);
      e.message = fmt::format("invalid UTF-8 at {}:{} (byte {})", e.line,
                              e.column, e.byte);
      return e;
    }
    out->append(reinterpret_cast<const char*>(copied), p - copied);
    out->append("\xEF\xBF\xBD");
    ++replaced;
    p += -n;
    copied = p;
  }
  if (replaced > 0) out->append(reinterpret_cast<const char*>(copied), end - copied);
  return replaced;
}

void AppendUtf8(uint32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

// Decodes UTF-16 (after its BOM) to UTF-8; an unpaired surrogate or an odd
// trailing byte is an error unless replacing.
Result<int64_t> DecodeUtf16(std::string_view bytes, bool big_endian,
                            const std::string& path, bool replace,
                            std::string* out) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  size_t n = bytes.size();
  int64_t replaced = 0;
  auto unit = [&](size_t i) -> uint32_t {
    return big_endian ? (p[i] << 8 | p[i + 1]) : (p[i + 1] << 8 | p[i]);
  };
  auto fail = [&](size_t i, const char* what) -> Error {
    Error e;
    e.code = ErrorCode::kInvalidUtf16;
    e.path = path;
    e.byte = static_cast<int64_t>(i) + 2;  // the BOM came first
    e.message = fmt::format("invalid UTF-16 ({}) at byte {}", what, e.byte);
    return e;
  };
  out->reserve(n / 2);
  size_t i = 0;
  for (; i + 1 < n; i += 2) {
    uint32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF && i + 3 < n) {
      uint32_t v = unit(i + 2);
      if (v >= 0xDC00 && v <= 0xDFFF) {
        AppendUtf8(0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00), out);
        i += 2;
        continue;
      }
    }
    if (u >= 0xD800 && u <= 0xDFFF) {
      if (!replace) return fail(i, "unpaired surrogate");
      AppendUtf8(0xFFFD, out);
      ++replaced;
      continue;
    }
    AppendUtf8(u, out);
  }
  if (i < n) {
    if (!replace) return fail(i, "odd number of bytes");
    AppendUtf8(0xFFFD, out);
    ++replaced;
  }
  return replaced;
}

}  // namespace

OffsetMap::OffsetMap(std::string_view utf8) {
  const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
  size_t n = utf8.size();
  size_t i = 0;
  // All-ASCII texts need no checkpoints at all.
  while (i + 8 <= n && !swar::HasNonAscii(swar::Load(p + i))) i += 8;
  while (i < n && p[i] < 0x80) ++i;
  if (i == n) {
    cps_ = static_cast<int64_t>(n);
    return;
  }
  ascii_ = false;
  checkpoints_.reserve(n / kStride + 2);
  int64_t cp = 0;
  for (i = 0; i < n;) {
    // Eight bytes at a time while no checkpoint falls among them: the code
    // points are the bytes that are not continuation bytes (10xxxxxx).
    if (i + 8 <= n && cp % kStride != 0) {
      int64_t leads = swar::CountLeadBytes(swar::Load(p + i));
      // The word must not end inside a character either: its next byte
      // (if any) starts one.
      if (cp % kStride + leads < kStride && (i + 8 == n || (p[i + 8] & 0xC0) != 0x80)) {
        cp += leads;
        i += 8;
        continue;
      }
    }
    if (cp % kStride == 0) checkpoints_.push_back(static_cast<int64_t>(i));
    i += LeadLength(p[i]);
    ++cp;
  }
  cps_ = cp;
  if (cp % kStride == 0) checkpoints_.push_back(static_cast<int64_t>(n));
}

int64_t OffsetMap::CpToByte(std::string_view utf8, int64_t cp) const {
  if (ascii_) return cp;
  const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
  int64_t byte = checkpoints_[cp / kStride];
  for (int64_t k = cp % kStride; k > 0; --k) byte += LeadLength(p[byte]);
  return byte;
}

int64_t OffsetMap::ByteToCp(std::string_view utf8, int64_t byte) const {
  if (ascii_) return byte;
  auto it = std::upper_bound(checkpoints_.begin(), checkpoints_.end(), byte);
  int64_t k = (it - checkpoints_.begin()) - 1;
  const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
  int64_t b = checkpoints_[k];
  int64_t cp = k * kStride;
  while (b < byte) {
    b += LeadLength(p[b]);
    ++cp;
  }
  return cp;
}

Document::Document(std::string path, std::string text, SourceEncoding encoding,
                   std::string sha256, int64_t replaced)
    : path_(std::move(path)),
      text_(std::move(text)),
      offsets_(text_),
      encoding_(encoding),
      sha256_(std::move(sha256)),
      replaced_(replaced) {}

std::string_view Document::Slice(int64_t cp_start, int64_t cp_end) const {
  int64_t b = CpToByte(cp_start);
  int64_t e = CpToByte(cp_end);
  return std::string_view(text_).substr(b, e - b);
}

std::string_view EncodingName(SourceEncoding encoding) {
  switch (encoding) {
    case SourceEncoding::kUtf8: return "utf-8";
    case SourceEncoding::kUtf8Bom: return "utf-8-bom";
    case SourceEncoding::kUtf16Le: return "utf-16le";
    case SourceEncoding::kUtf16Be: return "utf-16be";
  }
  return "utf-8";
}

std::string Sha256Hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &len, EVP_sha256(), nullptr);
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(len * 2);
  for (unsigned int i = 0; i < len; ++i) {
    out.push_back(kHex[digest[i] >> 4]);
    out.push_back(kHex[digest[i] & 15]);
  }
  return out;
}

Result<std::string> ReadFileBytes(const std::string& path) {
  std::string bytes;
  if (path == "-") {
    char buf[1 << 16];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, stdin)) > 0) bytes.append(buf, n);
    if (std::ferror(stdin)) {
      Error e = MakeError(ErrorCode::kIo, "cannot read standard input");
      e.path = "<stdin>";
      return e;
    }
    return bytes;
  }
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    Error e = MakeError(errno == ENOENT ? ErrorCode::kNotFound : ErrorCode::kIo,
                        errno == ENOENT ? std::string("no such file")
                                        : ErrnoMessage(errno));
    e.path = path;
    return e;
  }
  if (S_ISDIR(st.st_mode)) {
    Error e = MakeError(ErrorCode::kIsDirectory, "is a directory (use -r)");
    e.path = path;
    return e;
  }
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    Error e = MakeError(ErrorCode::kIo, fmt::format("cannot open: {}", ErrnoMessage(errno)));
    e.path = path;
    return e;
  }
  if (S_ISREG(st.st_mode)) bytes.reserve(static_cast<size_t>(st.st_size));
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) bytes.append(buf, n);
  bool failed = std::ferror(f);
  int err = errno;
  std::fclose(f);
  if (failed) {
    Error e = MakeError(ErrorCode::kIo, fmt::format("cannot read: {}", ErrnoMessage(err)));
    e.path = path;
    return e;
  }
  return bytes;
}

namespace {

// Says whether valid UTF-8 is NFC because every character is NFC_QC=Yes
// with canonical combining class 0 (UAX #15's quick check can then only
// answer yes). Curly quotes and dashes pass; a text that fails is checked
// by ICU in full.
bool TriviallyNfc(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  UChar32 last = -1;  // the last character checked, and passed
  for (size_t i = 0; i < n;) {
    if (i + 8 <= n && !swar::HasNonAscii(swar::Load(p + i))) {
      i += 8;
      continue;
    }
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    UChar32 c;
    int32_t k = static_cast<int32_t>(i);
    U8_NEXT(p, k, static_cast<int32_t>(n), c);
    i = static_cast<size_t>(k);
    if (c == last) continue;
    if (c < 0 || u_getCombiningClass(c) != 0 ||
        u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) != UNORM_YES) {
      return false;
    }
    last = c;
  }
  return true;
}

// Loads bytes; owned, when not null, holds them and may be taken.
Result<Document> Load(std::string_view bytes, std::string* owned, std::string path,
                      const LoadOptions& options);

}  // namespace

Result<Document> LoadDocument(std::string_view bytes, std::string path,
                              const LoadOptions& options) {
  return Load(bytes, nullptr, std::move(path), options);
}

Result<Document> LoadOwnedDocument(std::string&& bytes, std::string path,
                                   const LoadOptions& options) {
  std::string owned = std::move(bytes);
  return Load(owned, &owned, std::move(path), options);
}

namespace {

Result<Document> Load(std::string_view bytes, std::string* owned, std::string path,
                      const LoadOptions& options) {
  // Token offsets are 32-bit (segment.h), and ICU's UTF-8 walks and the
  // normalizer take int32_t lengths.
  if (bytes.size() >= (uint64_t{1} << 31)) {
    Error e = MakeError(ErrorCode::kIo, "file too large (2 GiB at most)");
    e.path = path;
    return e;
  }
  std::string sha = options.sha256 ? Sha256Hex(bytes) : std::string();
  SourceEncoding encoding = SourceEncoding::kUtf8;
  std::string decoded;  // holds the text when it differs from bytes
  int64_t replaced = 0;
  bool have_decoded = false;

  // UTF-16 is sniffed before the binary check: its text is full of NULs.
  if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') ||
                            (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
    bool be = bytes[0] == '\xFE';
    encoding = be ? SourceEncoding::kUtf16Be : SourceEncoding::kUtf16Le;
    Result<int64_t> r = DecodeUtf16(bytes.substr(2), be, path,
                                    options.replace_invalid, &decoded);
    if (!r) return r.error();
    replaced = *r;
    have_decoded = true;
  } else {
    int64_t base = 0;
    if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") {
      bytes.remove_prefix(3);
      base = 3;
      encoding = SourceEncoding::kUtf8Bom;
    }
    if (const void* nul = std::memchr(bytes.data(), 0, bytes.size())) {
      Error e;
      e.code = ErrorCode::kBinary;
      e.path = path;
      e.byte = static_cast<const char*>(nul) - bytes.data() + base;
      e.message = fmt::format("binary file (NUL byte at byte {})", e.byte);
      return e;
    }
    Result<int64_t> r =
        CheckUtf8(bytes, path, base, options.replace_invalid, &decoded);
    if (!r) return r.error();
    replaced = *r;
    have_decoded = replaced > 0;
  }
  std::string_view text = have_decoded ? std::string_view(decoded) : bytes;
  if (text.size() >= (uint64_t{1} << 31)) {  // UTF-16 grows as UTF-8
    Error e = MakeError(ErrorCode::kIo, "file too large (2 GiB of UTF-8 text at most)");
    e.path = path;
    return e;
  }

  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) {
    return MakeError(ErrorCode::kInternal, u_errorName(status));
  }
  icu::StringPiece piece(text.data(), static_cast<int32_t>(text.size()));
  std::string normalized;
  if (TriviallyNfc(text) || nfc->isNormalizedUTF8(piece, status)) {
    // The text is the bytes as read: take them when they are ours.
    if (owned != nullptr && !have_decoded && text.data() == owned->data() &&
        text.size() == owned->size()) {
      normalized = std::move(*owned);
    } else {
      normalized.assign(text);
    }
  } else {
    status = U_ZERO_ERROR;
    normalized.reserve(text.size());
    icu::StringByteSink<std::string> sink(&normalized);
    nfc->normalizeUTF8(0, piece, sink, nullptr, status);
  }
  if (U_FAILURE(status)) {
    Error e = MakeError(ErrorCode::kInternal,
                        fmt::format("cannot normalize: {}", u_errorName(status)));
    e.path = path;
    return e;
  }
  return Document(std::move(path), std::move(normalized), encoding,
                  std::move(sha), replaced);
}

}  // namespace

}  // namespace relscan
