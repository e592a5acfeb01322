// The segmenter gives the same result however it runs. The fast path
// gives the tokens that ICU's word iterator alone gives
// (SegmentOptions::icu_only) on every corpus text, on every short string
// over an alphabet with a character of each class the fast path handles and
// of several it sends to ICU, and on random longer strings; blocks segmented
// on several threads give what one thread gives.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "relscan/document.h"
#include "relscan/segment.h"

namespace relscan {
namespace {

// Tokens and sentences as one comparable string.
std::string Describe(const Document& doc, const Segmentation& s) {
  std::string out;
  for (const Token& t : s.tokens) {
    out += std::to_string(t.bstart) + "-" + std::to_string(t.bend) + ":" +
           std::to_string(t.start) + "-" + std::to_string(t.end) + ":" +
           std::string(TokenKindName(t.kind)) + (t.abbreviation ? "A" : "") + "/" +
           std::to_string(t.parts_count) + "@" +
           std::to_string(t.parts_count > 0 ? t.parts_begin : 0) + " ";
  }
  out += "|";
  for (const Span& p : s.parts) out += std::to_string(p.bstart) + "-" + std::to_string(p.bend) + " ";
  out += "|";
  for (const Sentence& x : s.sentences) {
    out += std::to_string(x.token_begin) + "-" + std::to_string(x.token_end) + ":" +
           std::to_string(x.start) + "-" + std::to_string(x.end) + ":" + std::to_string(x.para) +
           ":" + std::to_string(static_cast<int>(x.heading)) + ":" + std::to_string(x.turn) +
           ":" + std::to_string(x.duplicate_of) + " ";
  }
  out += "|";
  for (const std::string& t : s.turns) out += t + ";";
  out += "|";
  for (const Paragraph& p : s.paragraphs)
    out += std::to_string(p.start) + "-" + std::to_string(p.end) + " ";
  (void)doc;
  return out;
}

struct Both {
  std::string fast, icu;
};

Both Compare(Segmenter& segmenter, std::string_view text) {
  Result<Document> d = LoadDocument(text, "t.txt", {});
  REQUIRE(d.ok());
  SegmentOptions fast, icu;
  icu.icu_only = true;
  return {Describe(*d, segmenter.Segment(*d, fast)), Describe(*d, segmenter.Segment(*d, icu))};
}

// The alphabet: letters (ASCII, Latin-1, Latin Extended-A), digits, each
// mid class, other punctuation the fast path knows, and characters it sends
// to ICU (underscore, '@', ':', a combining acute, NBSP, a Hebrew letter,
// a CJK ideograph, a Cyrillic letter, an en space, a non-breaking hyphen),
// with ASCII whitespace.
const std::vector<std::string> kAlphabet = {
    "a", "Z", "\xC3\xA9", "\xC5\x9F", "1", "0", ".", ",", ";", ":", "'", "\xE2\x80\x99",
    "\xE2\x80\x98", "\"", "-", "\xE2\x80\x94", "\xE2\x80\x9C", "$", "%", "(", "_", "@",
    "\xCC\x81", "\xC2\xA0", "\xD7\x97", "\xE6\x97\xA5", "\xD0\xB4", " ", "\n", "`", "s", "S",
    "\t", "\r", "\xE2\x80\x82", "\xE2\x80\x91"};

TEST_CASE("fast path: every string of up to three characters of the alphabet") {
  Segmenter segmenter;
  const size_t k = kAlphabet.size();
  int compared = 0;
  for (size_t a = 0; a < k; ++a) {
    for (size_t b = 0; b <= k; ++b) {
      for (size_t c = 0; c <= k; ++c) {
        if (b == k && c < k) continue;  // each shorter string once
        std::string s = kAlphabet[a] + (b < k ? kAlphabet[b] : "") + (c < k ? kAlphabet[c] : "");
        Both r = Compare(segmenter, s);
        if (r.fast != r.icu) {
          FAIL_CHECK("'" << s << "': fast " << r.fast << " vs ICU " << r.icu);
        }
        ++compared;
      }
    }
  }
  CHECK(compared == static_cast<int>(k + k * k + k * k * k));
}

TEST_CASE("fast path: random strings of the alphabet") {
  Segmenter segmenter;
  std::mt19937 rng(20261128);
  std::uniform_int_distribution<size_t> pick(0, kAlphabet.size() - 1);
  std::uniform_int_distribution<int> length(4, 24);
  for (int n = 0; n < 20000; ++n) {
    std::string s;
    for (int i = length(rng); i > 0; --i) s += kAlphabet[pick(rng)];
    Both r = Compare(segmenter, s);
    if (r.fast != r.icu) {
      FAIL_CHECK("'" << s << "': fast " << r.fast << " vs ICU " << r.icu);
    }
  }
}

// The corpus texts, whole.
std::vector<std::pair<std::string, std::string>> CorpusTexts() {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::filesystem::path(RELSCAN_SOURCE_DIR) / "corpora")) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    out.emplace_back(entry.path().filename().string(), ss.str());
  }
  return out;
}

TEST_CASE("fast path: every corpus text") {
  Segmenter segmenter;
  std::vector<std::pair<std::string, std::string>> texts = CorpusTexts();
  CHECK(texts.size() >= 7);
  for (const auto& [name, text] : texts) {
    Both r = Compare(segmenter, text);
    CHECK_MESSAGE(r.fast == r.icu, name);
  }
}

TEST_CASE("threads: blocks of paragraphs segment as the whole text does") {
  // Small blocks, so that every text is cut many times: turns carried over
  // a cut (transcripts), duplicates across blocks, paragraphs of both modes.
  Segmenter one, many;
  std::vector<std::pair<std::string, std::string>> texts = CorpusTexts();
  REQUIRE(texts.size() >= 7);
  std::string all;
  for (const auto& [name, text] : texts) all += text + "\n";
  texts.emplace_back("all corpus texts", all + all);
  texts.emplace_back("CRLF", "SECRETARY BLINKEN: Good morning.\r\n\r\nWe met. It went well.\r\n"
                             "\r\nQ Thanks. Any news?\r\n\r\nWe met. It went well.\r\n");
  for (const auto& [name, text] : texts) {
    Result<Document> d = LoadDocument(text, name, {});
    REQUIRE(d.ok());
    SegmentOptions seq;
    std::string expected = Describe(*d, one.Segment(*d, seq));
    for (int threads : {2, 3, 8}) {
      SegmentOptions par;
      par.threads = threads;
      par.block_bytes = 16;
      Segmentation s = many.Segment(*d, par);
      CHECK_MESSAGE(Describe(*d, s) == expected, name << " with " << threads << " threads");
    }
  }
}

TEST_CASE("duplicates off: the same segmentation with no duplicate_of") {
  std::string text = "We met the minister today in Baku. It went well.\n\n"
                     "We met the minister today in Baku. Then we left.\n";
  Result<Document> d = LoadDocument(text, "t.txt", {});
  REQUIRE(d.ok());
  Segmenter segmenter;
  SegmentOptions on, off;
  off.duplicates = false;
  Segmentation a = segmenter.Segment(*d, on), b = segmenter.Segment(*d, off);
  REQUIRE(a.sentences.size() == 4);
  CHECK(a.sentences[2].duplicate_of == 0);
  for (Sentence& x : a.sentences) x.duplicate_of = -1;
  CHECK(Describe(*d, a) == Describe(*d, b));
}

TEST_CASE("threads: a block boundary inside a speaker's turn keeps the turn") {
  std::string text;
  for (int i = 0; i < 50; ++i) {
    text += "SECRETARY BLINKEN: We talked about it at length today.\n";
    for (int k = 0; k < 20; ++k) text += "We went on talking about the region.\n";
    text += "A Heading\n";
    text += "After the heading there is no speaker.\n";
  }
  Result<Document> d = LoadDocument(text, "t.txt", {});
  REQUIRE(d.ok());
  Segmenter segmenter;
  SegmentOptions par;
  par.threads = 4;
  par.block_bytes = 100;
  Segmentation s = segmenter.Segment(*d, par);
  REQUIRE(s.turns.size() == 50);
  int in_turn = 0, no_turn = 0;
  for (const Sentence& x : s.sentences) {
    if (x.heading != HeadingKind::kNone) continue;
    std::string_view t = std::string_view(d->text()).substr(x.bstart, x.bend - x.bstart);
    if (t.starts_with("We ")) {
      CHECK(x.turn >= 0);
      ++in_turn;
    } else if (t.starts_with("After")) {
      CHECK(x.turn == -1);
      ++no_turn;
    }
  }
  CHECK(in_turn == 50 * 21);
  CHECK(no_turn == 50);
}

}  // namespace
}  // namespace relscan
