// Paragraphs, tokens and sentences (lib/segment), as TAGSET §0 defines them.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "relscan/document.h"
#include "relscan/segment.h"

namespace relscan {
namespace {

struct Segmented {
  Document doc;
  Segmentation seg;

  std::vector<std::string> Sentences() const {
    std::vector<std::string> out;
    for (const Sentence& s : seg.sentences) out.emplace_back(doc.Slice(s.start, s.end));
    return out;
  }
  std::vector<std::string> Tokens() const {
    std::vector<std::string> out;
    for (const Token& t : seg.tokens) out.emplace_back(doc.Slice(t.start, t.end));
    return out;
  }
  const Token& TokenAt(std::string_view text) const {
    for (const Token& t : seg.tokens)
      if (doc.Slice(t.start, t.end) == text) return t;
    FAIL("no token " << text);
    return seg.tokens.front();
  }
};

Segmented Run(std::string_view text, ParagraphMode mode = ParagraphMode::kAuto) {
  Result<Document> d = LoadDocument(text, "t.txt", {});
  REQUIRE(d.ok());
  Segmenter segmenter;
  SegmentOptions options;
  options.paragraphs = mode;
  Segmentation seg = segmenter.Segment(*d, options);
  return {std::move(*d), std::move(seg)};
}

using Strings = std::vector<std::string>;

TEST_CASE("sentences: ends, abbreviations, decimals and quote marks") {
  struct Row {
    const char* text;
    Strings sentences;
  };
  const Row rows[] = {
      {"It works. It ends.", {"It works.", "It ends."}},
      {"The U.S. Embassy in Baku agreed.", {"The U.S. Embassy in Baku agreed."}},
      {"They moved to the U.S. The embassy followed.",
       {"They moved to the U.S.", "The embassy followed."}},
      {"It was built in the U.S.", {"It was built in the U.S."}},
      {"Mr. Blinken met Dr. Aliyev.", {"Mr. Blinken met Dr. Aliyev."}},
      {"Antony J. Blinken spoke.", {"Antony J. Blinken spoke."}},
      {"It cost $4.85 billion. Then it rose.", {"It cost $4.85 billion.", "Then it rose."}},
      {"Oil, gas, etc. are traded. Prices fell.", {"Oil, gas, etc. are traded.", "Prices fell."}},
      {"He said: \xE2\x80\x9CIt is over. We won.\xE2\x80\x9D Then he left.",
       {"He said: \xE2\x80\x9CIt is over.", "We won.\xE2\x80\x9D", "Then he left."}},
      {"\xE2\x80\x9CWhy?\xE2\x80\x9D he asked. Nobody knew.",
       {"\xE2\x80\x9CWhy?\xE2\x80\x9D he asked.", "Nobody knew."}},
      {"It was \xE2\x80\x9Csecret,\xE2\x80\x9D he said.",
       {"It was \xE2\x80\x9Csecret,\xE2\x80\x9D he said."}},
      {"Really?! Yes.", {"Really?!", "Yes."}},
      {"(Applause.) Thank you.", {"(Applause.)", "Thank you."}},
      {"It is\xE2\x80\xA6 After all, it is.", {"It is\xE2\x80\xA6", "After all, it is."}},
      {"We met at 7 p.m. and left.", {"We met at 7 p.m. and left."}},
  };
  for (const Row& row : rows) {
    CAPTURE(row.text);
    CHECK(Run(row.text).Sentences() == row.sentences);
  }
}

TEST_CASE("sentences: never cross a paragraph, and carry its number") {
  Segmented s = Run("First line without end\nSecond line. Third.\n\n");
  CHECK(s.Sentences() == Strings{"First line without end", "Second line.", "Third."});
  REQUIRE(s.seg.sentences.size() == 3);
  CHECK(s.seg.sentences[0].para == 1);
  CHECK(s.seg.sentences[1].para == 2);
  CHECK(s.seg.sentences[2].para == 2);
}

TEST_CASE("paragraphs: line, blank and auto") {
  const char* wrapped = "A hard-wrapped paragraph that goes\non to a second line.\n\nAnother one\nhere.\n";
  Segmented blank = Run(wrapped, ParagraphMode::kBlank);
  CHECK(blank.seg.paragraphs.size() == 2);
  CHECK(blank.Sentences().front() == "A hard-wrapped paragraph that goes\non to a second line.");
  Segmented line = Run(wrapped, ParagraphMode::kLine);
  CHECK(line.seg.paragraphs.size() == 4);
  // auto: blank lines between multi-line blocks mean 'blank'.
  CHECK(Run(wrapped).seg.paragraphs.size() == 2);
  // auto: one paragraph a line (no blank lines) means 'line'.
  CHECK(Run("One.\nTwo.\nThree.\n").seg.paragraphs.size() == 3);
  // auto: blank lines between single lines are still 'line'.
  CHECK(Run("One.\n\nTwo.\n\nThree.\n").seg.paragraphs.size() == 3);
  // Blank lines are never sentences; CRLF line ends are paragraph breaks.
  Segmented crlf = Run("One.\r\n\r\n   \r\nTwo.\r\n");
  CHECK(crlf.Sentences() == Strings{"One.", "Two."});
}

TEST_CASE("headings: short lines without final punctuation") {
  Segmented s = Run(
      "The Iceberg Melted\n"
      "A sentence follows here.\n"
      "A Change in Policy\n"
      "Ends with a colon:\n"
      "Washington, D.C.\n");
  REQUIRE(s.seg.sentences.size() == 5);
  CHECK(s.seg.sentences[0].heading == HeadingKind::kTitle);
  CHECK(s.seg.sentences[1].heading == HeadingKind::kNone);
  CHECK(s.seg.sentences[2].heading == HeadingKind::kTitle);
  CHECK(s.seg.sentences[3].heading == HeadingKind::kNone);
  CHECK(s.seg.sentences[4].heading == HeadingKind::kTitle);
}

TEST_CASE("transcripts: speaker labels are headings and start a turn") {
  Segmented s = Run(
      "SECRETARY BLINKEN: Good afternoon. Welcome.\n"
      "We will sign today.\n"
      "(The Memorandum of Understanding is signed.)\n"
      "Mr. HASTINGS of Florida. Madam Speaker, I rise today.\n"
      "Q Thanks for doing this.\n");
  CHECK(s.Sentences() == Strings{"SECRETARY BLINKEN:", "Good afternoon.", "Welcome.",
                                 "We will sign today.",
                                 "(The Memorandum of Understanding is signed.)",
                                 "Mr. HASTINGS of Florida.", "Madam Speaker, I rise today.",
                                 "Q", "Thanks for doing this."});
  auto turn = [&](size_t i) {
    int32_t t = s.seg.sentences[i].turn;
    return t < 0 ? std::string() : s.seg.turns[t];
  };
  CHECK(s.seg.sentences[0].heading == HeadingKind::kSpeakerLabel);
  CHECK(turn(0) == "");
  CHECK(turn(1) == "SECRETARY BLINKEN");
  CHECK(turn(3) == "SECRETARY BLINKEN");  // the turn goes on across paragraphs
  CHECK(s.seg.sentences[4].heading == HeadingKind::kStageDirection);
  CHECK(s.seg.sentences[5].heading == HeadingKind::kSpeakerLabel);
  CHECK(turn(6) == "Mr. HASTINGS of Florida");
  CHECK(s.seg.sentences[7].heading == HeadingKind::kSpeakerLabel);
  CHECK(turn(8) == "Q");
}

TEST_CASE("duplicates: verbatim repeats point at the first occurrence") {
  Segmented s = Run(
      "The two countries have quietly come together. Much else happened.\n"
      "The two countries have quietly come together.\n"
      "Thank you. Thank you.\n");
  REQUIRE(s.seg.sentences.size() == 5);
  CHECK(s.seg.sentences[0].duplicate_of == -1);
  CHECK(s.seg.sentences[2].duplicate_of == 0);
  // Short formulae recur naturally and are not marked.
  CHECK(s.seg.sentences[4].duplicate_of == -1);
}

TEST_CASE("tokens: words, numbers, punctuation and symbols") {
  Segmented s = Run("Some 70,000 people paid $4.85 (about 40%).");
  CHECK(s.Tokens() == Strings{"Some", "70,000", "people", "paid", "$", "4.85", "(",
                              "about", "40", "%", ")", "."});
  CHECK(s.TokenAt("70,000").kind == TokenKind::kNumber);
  CHECK(s.TokenAt("4.85").kind == TokenKind::kNumber);
  CHECK(s.TokenAt("$").kind == TokenKind::kSymbol);
  CHECK(s.TokenAt("%").kind == TokenKind::kSymbol);
  CHECK(s.TokenAt("(").kind == TokenKind::kPunct);
  CHECK(s.TokenAt("people").kind == TokenKind::kWord);
}

TEST_CASE("tokens: hyphen compounds are one token with parts") {
  struct Row {
    const char* text;
    const char* compound;
    Strings parts;
  };
  const Row rows[] = {
      {"a long-term plan", "long-term", {"long", "term"}},
      {"a long\xE2\x80\x90term plan", "long\xE2\x80\x90term", {"long", "term"}},
      {"the Baku\xE2\x80\x91Tbilisi\xE2\x80\x91" "Ceyhan pipeline",
       "Baku\xE2\x80\x91Tbilisi\xE2\x80\x91" "Ceyhan", {"Baku", "Tbilisi", "Ceyhan"}},
      {"the U.S.-Israel ties", "U.S.-Israel", {"U.S.", "Israel"}},
      {"for 3-4 years", "3-4", {"3", "4"}},
  };
  for (const Row& row : rows) {
    CAPTURE(row.text);
    Segmented s = Run(row.text);
    const Token& t = s.TokenAt(row.compound);
    Strings parts;
    for (uint32_t k = 0; k < t.parts_count; ++k) {
      const Span& p = s.seg.parts[t.parts_begin + k];
      parts.emplace_back(s.doc.Slice(p.start, p.end));
    }
    CHECK(parts == row.parts);
  }
  // An en dash or a spaced hyphen does not join.
  CHECK(Run("2012\xE2\x80\x93" "13").Tokens() == Strings{"2012", "\xE2\x80\x93", "13"});
  CHECK(Run("pre - war").Tokens() == Strings{"pre", "-", "war"});
}

TEST_CASE("tokens: the possessive is its own token; apostrophes inside words are not") {
  Segmented s = Run("Israel\xE2\x80\x99s and Baku's O'Neill countries\xE2\x80\x99 \xE2\x80\x98" "ask\xE2\x80\x99");
  CHECK(s.Tokens() == Strings{"Israel", "\xE2\x80\x99s", "and", "Baku", "'s", "O'Neill",
                              "countries", "\xE2\x80\x99", "\xE2\x80\x98", "ask",
                              "\xE2\x80\x99"});
  CHECK(s.TokenAt("\xE2\x80\x99s").kind == TokenKind::kPossessive);
  CHECK(s.TokenAt("\xE2\x80\x98").kind == TokenKind::kPunct);
}

TEST_CASE("tokens: `` and '' are one quote mark each") {
  Segmented s = Run("He said, ``It is done.''");
  CHECK(s.Tokens() == Strings{"He", "said", ",", "``", "It", "is", "done", ".", "''"});
}

TEST_CASE("tokens: offsets are code points, bytes kept beside them") {
  Segmented s = Run("\xC3\x89tat \xF0\x9F\x98\x80 Baku");
  const Token& t = s.TokenAt("Baku");
  CHECK(t.start == 7);
  CHECK(t.end == 11);
  CHECK(t.bstart == 11);
  CHECK(t.bend == 15);
}

}  // namespace
}  // namespace relscan
