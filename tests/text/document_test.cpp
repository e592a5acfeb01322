// Decoding, checking, normalization and the offset map (lib/text).
#include <doctest/doctest.h>
#include <unicode/unistr.h>

#include <random>
#include <string>

#include "relscan/document.h"
#include "relscan/fold.h"

namespace relscan {
namespace {

Document Load(std::string_view bytes, LoadOptions options = {}) {
  Result<Document> d = LoadDocument(bytes, "t.txt", options);
  REQUIRE_MESSAGE(d.ok(), (d.ok() ? "" : d.error().message));
  return std::move(*d);
}

// An independent code point count: ICU's UTF-8 to UTF-32 conversion.
int64_t CountCodePoints(std::string_view utf8) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  return u.countChar32();
}

TEST_CASE("document: plain UTF-8 is kept byte for byte, CR included") {
  std::string text = "Line one.\r\nLine two.\r\n";
  Document d = Load(text);
  CHECK(d.text() == text);
  CHECK(d.chars() == static_cast<int64_t>(text.size()));
  CHECK(d.encoding() == SourceEncoding::kUtf8);
  CHECK(d.sha256() == Sha256Hex(text));
}

TEST_CASE("document: an empty file is a valid document with no characters") {
  Document d = Load("");
  CHECK(d.chars() == 0);
  CHECK(d.text().empty());
}

TEST_CASE("document: the UTF-8 BOM is dropped") {
  Document d = Load("\xEF\xBB\xBFIsrael");
  CHECK(d.text() == "Israel");
  CHECK(d.encoding() == SourceEncoding::kUtf8Bom);
}

TEST_CASE("document: UTF-16 with a BOM is decoded, both byte orders") {
  // "Baku’s 𝄞" in UTF-16LE and UTF-16BE, with the non-BMP U+1D11E.
  std::string le("\xFF\xFE" "B\0a\0k\0u\0\x19\x20s\0 \0\x34\xD8\x1E\xDD", 20);
  std::string be("\xFE\xFF" "\0B\0a\0k\0u\x20\x19\0s\0 \xD8\x34\xDD\x1E", 20);
  for (const std::string& bytes : {le, be}) {
    Document d = Load(bytes);
    CHECK(d.text() == "Baku\xE2\x80\x99s \xF0\x9D\x84\x9E");
    CHECK(d.chars() == 8);
  }
  CHECK(Load(le).encoding() == SourceEncoding::kUtf16Le);
  CHECK(Load(be).encoding() == SourceEncoding::kUtf16Be);
}

TEST_CASE("document: an unpaired UTF-16 surrogate is an error, or U+FFFD") {
  std::string bad("\xFF\xFE" "a\0\x00\xD8" "b\0", 8);
  Result<Document> d = LoadDocument(bad, "u16.txt", {});
  REQUIRE_FALSE(d.ok());
  CHECK(d.error().code == ErrorCode::kInvalidUtf16);
  CHECK(d.error().byte == 4);
  LoadOptions replace;
  replace.replace_invalid = true;
  CHECK(Load(bad, replace).text() == "a\xEF\xBF\xBD" "b");
}

TEST_CASE("document: NUL bytes make a binary file") {
  Result<Document> d = LoadDocument(std::string("ab\0cd", 5), "bin", {});
  REQUIRE_FALSE(d.ok());
  CHECK(d.error().code == ErrorCode::kBinary);
  CHECK(d.error().byte == 2);
}

TEST_CASE("document: the first invalid UTF-8 sequence is reported with its position") {
  struct Row {
    std::string bytes;
    int64_t byte, line, column;
  };
  Row rows[] = {
      {"abc\xFF", 3, 1, 4},
      {"one\ntwo \xC3\x28", 8, 2, 5},           // C3 without continuation
      {"\xC3\xA9t\xC3\xA9\n\xE2\x82", 6, 2, 1},  // truncated at the end
      {"ok\n\n  \xED\xA0\x80", 6, 3, 3},         // an encoded surrogate
      {"x\xC0\xAF", 1, 1, 2},                    // overlong
  };
  for (const Row& row : rows) {
    CAPTURE(row.bytes);
    Result<Document> d = LoadDocument(row.bytes, "e.txt", {});
    REQUIRE_FALSE(d.ok());
    CHECK(d.error().code == ErrorCode::kInvalidUtf8);
    CHECK(d.error().byte == row.byte);
    CHECK(d.error().line == row.line);
    CHECK(d.error().column == row.column);
    CHECK(d.error().path == "e.txt");
  }
}

TEST_CASE("document: --replace-invalid substitutes U+FFFD per maximal subpart") {
  LoadOptions replace;
  replace.replace_invalid = true;
  Document d = Load("a\xE2\x82z\xFF\xFE", replace);
  // E2 82 is one maximal subpart (one U+FFFD); FF and FE are one each.
  CHECK(d.text() == "a\xEF\xBF\xBDz\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(d.replaced() == 3);
}

TEST_CASE("document: decomposed (NFD) input is normalized to NFC") {
  // "Café" with e + U+0301, and Korean jamo that compose to one syllable.
  Document d = Load("Cafe\xCC\x81 \xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB");
  CHECK(d.text() == "Caf\xC3\xA9 \xED\x95\x9C");
  CHECK(d.chars() == 6);
}

TEST_CASE("offset map: code points and bytes agree with an independent count") {
  std::string text;
  // Mix ASCII, 2-, 3- and 4-byte characters across several checkpoints.
  for (int i = 0; i < 100; ++i) text += "a\xC3\xA9\xE2\x80\x91\xF0\x9F\x98\x80 ";
  Document d = Load(text);
  REQUIRE_FALSE(d.ascii());
  int64_t byte = 0;
  for (int64_t cp = 0; cp <= d.chars(); ++cp) {
    CAPTURE(cp);
    CHECK(d.CpToByte(cp) == byte);
    CHECK(d.ByteToCp(byte) == cp);
    CHECK(CountCodePoints(std::string_view(text).substr(0, byte)) == cp);
    if (byte < static_cast<int64_t>(text.size())) {
      unsigned char b = static_cast<unsigned char>(text[byte]);
      byte += b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    }
  }
}

TEST_CASE("offset map: random texts with long ASCII runs and every character length") {
  // The map counts eight bytes at a time between checkpoints; runs of
  // ASCII of every length put multi-byte characters at every alignment.
  const char* const kChars[] = {"\xC3\xA9", "\xE2\x80\x99", "\xF0\x9F\x98\x80", "\xD0\xB4"};
  std::mt19937 rng(7);
  for (int round = 0; round < 20; ++round) {
    std::string text;
    while (text.size() < 3000) {
      text.append(rng() % 40, 'x');
      text += kChars[rng() % 4];
    }
    Document d = Load(text);
    int64_t byte = 0;
    for (int64_t cp = 0; cp <= d.chars(); ++cp) {
      if (d.CpToByte(cp) != byte || d.ByteToCp(byte) != cp) {
        FAIL_CHECK("round " << round << ": code point " << cp << " is not at byte " << byte);
        break;
      }
      if (byte < static_cast<int64_t>(text.size())) {
        unsigned char b = static_cast<unsigned char>(text[byte]);
        byte += b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
      }
    }
    CHECK(d.chars() == CountCodePoints(text));
  }
}

TEST_CASE("document: the SHA-256 of the bytes, or none when not asked for") {
  // sha256("abc"), FIPS 180-2 appendix B.1.
  CHECK(Load("abc").sha256() ==
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  LoadOptions o;
  o.sha256 = false;
  CHECK(Load("abc", o).sha256().empty());
  CHECK(Load("abc", o).text() == "abc");
}

TEST_CASE("document: loading owned bytes gives what loading a view gives") {
  const std::string texts[] = {
      "plain ASCII\n",
      "Curly \xE2\x80\x9Cquotes\xE2\x80\x9D and Aliyev\xE2\x80\x99s \xE2\x80\x94 dash",
      // NFC except a combining acute after a curly apostrophe's word: ICU decides.
      "Azerbaijan\xE2\x80\x99s cafe\xCC\x81",
      "\xEF\xBB\xBF" "BOM first",
      "\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB jamo",
  };
  for (const std::string& t : texts) {
    Document view = Load(t);
    Result<Document> owned = LoadOwnedDocument(std::string(t), "t.txt", {});
    REQUIRE(owned.ok());
    CHECK(owned->text() == view.text());
    CHECK(owned->chars() == view.chars());
    CHECK(owned->sha256() == view.sha256());
  }
  CHECK(Load("Azerbaijan\xE2\x80\x99s cafe\xCC\x81").text() ==
        "Azerbaijan\xE2\x80\x99s caf\xC3\xA9");
}

TEST_CASE("offset map: slices of a document with non-BMP and NFD input") {
  Document d = Load("\xF0\x9F\x98\x80 Cafe\xCC\x81 Baku");
  CHECK(d.Slice(2, 6) == "Caf\xC3\xA9");
  CHECK(d.Slice(7, 11) == "Baku");
}

TEST_CASE("fold: typography and case fold for look-ups only") {
  CHECK(FoldForMatch("Israel\xE2\x80\x99s Long\xE2\x80\x91Term") == "israel's long-term");
  CHECK(FoldForMatch("\xC3\x89TAT\xC2\xA0X") == "\xC3\xA9tat x");
  CHECK(FoldTypography("U.S.\xE2\x80\x90Israel") == "U.S.-Israel");
}

}  // namespace
}  // namespace relscan
