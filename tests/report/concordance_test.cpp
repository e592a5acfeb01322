// The concordance (lib/report/concordance.cpp) and report inputs
// (lib/report/report_input.cpp): queries, context, sorting, sampling,
// dedupe, linear work, and streams read back as their text.
#include <doctest/doctest.h>

#include <map>
#include <random>
#include <string>
#include <vector>

#include "relscan/concordance.h"
#include "relscan/tag.h"
#include "relscan/writer.h"
#include "report/report_test_util.h"

namespace relscan {
namespace {

using testing::ReportDoc;

std::vector<ConcordanceLine> Find(const ReportDocument& doc, const ConcordanceOptions& o) {
  auto m = ConcordanceMatcher::Create(o);
  REQUIRE_MESSAGE(m.ok(), m.error().message);
  std::vector<ConcordanceLine> lines;
  (*m)->Find(doc, &lines);
  return lines;
}

std::vector<std::string> Matches(const std::vector<ConcordanceLine>& lines) {
  std::vector<std::string> out;
  for (const ConcordanceLine& l : lines) out.push_back(l.match);
  return out;
}

ConcordanceOptions Query(QueryKind kind, const char* query, bool case_sensitive = false) {
  ConcordanceOptions o;
  o.kind = kind;
  o.query = query;
  o.case_sensitive = case_sensitive;
  return o;
}

using Strings = std::vector<std::string>;

TEST_CASE("concordance: words, phrases, patterns and stems") {
  ReportDocument doc = ReportDoc(
      "Israel’s ally, ISRAEL and israel met. The long‑term plan: Israeli long-term goals. "
      "Negotiations were negotiated in Baku.");
  struct Row {
    QueryKind kind;
    const char* query;
    bool case_sensitive;
    Strings expected;
  };
  const Row rows[] = {
      {QueryKind::kWords, "israel", false, {"Israel", "ISRAEL", "israel"}},
      {QueryKind::kWords, "Israel", true, {"Israel"}},
      {QueryKind::kWords, "Israel's", false, {"Israel’s"}},
      {QueryKind::kWords, "long-term plan", false, {"long‑term plan"}},
      {QueryKind::kWords, "LONG‑TERM", false, {"long‑term", "long-term"}},
      {QueryKind::kWords, "met the", false, {}},  // never across sentences
      {QueryKind::kRegex, "isra.*", false, {"Israel", "ISRAEL", "israel", "Israeli"}},
      {QueryKind::kRegex, "Isr.*", true, {"Israel", "Israeli"}},
      {QueryKind::kRegex, "srae", false, {}},  // a pattern matches whole tokens
      {QueryKind::kRegex, "long-\\p{L}+ goals", false, {"long-term goals"}},
      {QueryKind::kRegex, "\\p{Lu}+ and", true, {"ISRAEL and"}},
      {QueryKind::kStem, "negotiation", false, {"Negotiations", "negotiated"}},
      {QueryKind::kStem, "israel's", false, {"Israel’s"}},
  };
  for (const Row& row : rows) {
    std::string query = row.query;
    CAPTURE(query);
    CAPTURE(static_cast<int>(row.kind));
    CHECK(Matches(Find(doc, Query(row.kind, row.query, row.case_sensitive))) == row.expected);
  }
  // Offsets are code points: "Israel" starts the text, "ISRAEL" follows "Israel’s ally, ".
  std::vector<ConcordanceLine> lines = Find(doc, Query(QueryKind::kWords, "israel"));
  REQUIRE(lines.size() == 3);
  CHECK(lines[0].start == 0);
  CHECK(lines[0].end == 6);
  CHECK(lines[1].start == 15);
  CHECK(lines[1].sentence == "s1");
  CHECK(lines[0].after == Strings{"’s", "ally", ",", "ISRAEL", "and"});
  CHECK(lines[1].before == Strings{",", "ally", "’s", "Israel"});
}

TEST_CASE("concordance: bad queries are errors") {
  CHECK_FALSE(ConcordanceMatcher::Create(Query(QueryKind::kRegex, "(unclosed")).ok());
  CHECK_FALSE(ConcordanceMatcher::Create(Query(QueryKind::kWords, "   ")).ok());
  CHECK_FALSE(ConcordanceMatcher::Create(Query(QueryKind::kStem, "war", true)).ok());
  CHECK(ConcordanceMatcher::Create(Query(QueryKind::kRegex, "(a+)+b")).ok());
}

TEST_CASE("concordance: context in characters, tokens or the sentence") {
  ReportDocument doc = ReportDoc(
      "First sentence here.\n\nThe  pipeline\tcarries oil to Ceyhan.\nAnother one follows.");
  struct Row {
    ContextKind context;
    int n;
    const char* left;
    const char* right;
  };
  const Row rows[] = {
      // Whitespace runs show as one space; the space next to the match is not counted.
      {ContextKind::kWidth, 10, "here. The", "carries oi"},  // cut mid-word, as AntConc does
      {ContextKind::kWidth, 12, "ce here. The", "carries oil"},
      {ContextKind::kWidth, 200, "First sentence here. The", "carries oil to Ceyhan. Another one follows."},
      {ContextKind::kWidth, 0, "", ""},
      {ContextKind::kWords, 2, ". The", "carries oil"},  // tokens: "." and "The"
      {ContextKind::kWords, 50, "First sentence here. The", "carries oil to Ceyhan. Another one follows."},
      {ContextKind::kSentence, 0, "The", "carries oil to Ceyhan."},
  };
  for (const Row& row : rows) {
    CAPTURE(static_cast<int>(row.context));
    CAPTURE(row.n);
    ConcordanceOptions o = Query(QueryKind::kWords, "pipeline");
    o.context = row.context;
    o.width = o.words = row.n;
    std::vector<ConcordanceLine> lines = Find(doc, o);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].left == row.left);
    CHECK(lines[0].match == "pipeline");
    CHECK(lines[0].right == row.right);
  }
}

// The character context as its definition says: whitespace runs are one
// space; up to width characters on each side, skipping the whitespace next
// to the match, never starting (left) or ending (right) with a space.
std::vector<std::string> Units(std::string_view text) {
  std::vector<std::string> units;
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space) {
      if (units.empty() || units.back() != " ") units.push_back(" ");
    } else {
      units.emplace_back(text.substr(i, len));
    }
    i += len;
  }
  return units;
}

std::string ExpectedRight(std::string_view after, int width) {
  std::vector<std::string> u = Units(after);
  size_t k = !u.empty() && u[0] == " " ? 1 : 0;
  std::vector<std::string> taken(u.begin() + k, u.begin() + std::min(u.size(), k + width));
  if (!taken.empty() && taken.back() == " ") taken.pop_back();
  std::string out;
  for (const std::string& x : taken) out += x;
  return out;
}

std::string ExpectedLeft(std::string_view before, int width) {
  std::vector<std::string> u = Units(before);
  if (!u.empty() && u.back() == " ") u.pop_back();
  size_t from = u.size() > static_cast<size_t>(width) ? u.size() - width : 0;
  std::vector<std::string> taken(u.begin() + from, u.end());
  if (!taken.empty() && taken.front() == " ") taken.erase(taken.begin());
  std::string out;
  for (const std::string& x : taken) out += x;
  return out;
}

TEST_CASE("concordance: character context on random texts agrees with its definition") {
  const char* const kPieces[] = {"a", "bc", " ", "  ", "\n", "\t", "\xC3\xA9", "\xE2\x80\x99",
                                 "xyz", ",", " the ", "The"};
  std::mt19937 rng(11);
  int lines_checked = 0;
  for (int round = 0; round < 300; ++round) {
    std::string text = "the";
    for (int i = rng() % 40; i > 0; --i) text += kPieces[rng() % 12];
    text += " the";
    ReportDocument doc = ReportDoc(text);
    for (int width : {0, 1, 2, 3, 5, 8, 13, 40}) {
      ConcordanceOptions o = Query(QueryKind::kWords, "the");
      o.width = width;
      for (const ConcordanceLine& l : Find(doc, o)) {
        int64_t b = doc.doc.CpToByte(l.start), e = doc.doc.CpToByte(l.end);
        std::string_view t = doc.doc.text();
        CAPTURE(text);
        CAPTURE(width);
        CHECK(l.left == ExpectedLeft(t.substr(0, b), width));
        CHECK(l.right == ExpectedRight(t.substr(e), width));
        ++lines_checked;
      }
    }
  }
  CHECK(lines_checked > 3000);
}

TEST_CASE("concordance: entity selectors find mentions by label and canonical form") {
  ReportDocument doc = ReportDoc(
      "President Ilham Aliyev welcomed the decision of Israel. Aliyev spoke in Baku.", "e.txt",
      true);
  ConcordanceOptions o;
  o.kind = QueryKind::kEntity;
  o.entity = "ilham ALIYEV";
  CHECK(Matches(Find(doc, o)) == Strings{"Ilham Aliyev", "Aliyev"});
  o.entity.clear();
  o.label = "GPE";
  CHECK(Matches(Find(doc, o)) == Strings{"Israel", "Baku"});
  o.label = "ORG";
  CHECK(Find(doc, o).empty());
}

TEST_CASE("concordance: --dedupe skips sentences that repeat an earlier one") {
  ReportDocument doc = ReportDoc(
      "Oil flows through the long pipeline. Gas does not. Oil flows through the long pipeline.");
  ConcordanceOptions o = Query(QueryKind::kWords, "pipeline");
  CHECK(Find(doc, o).size() == 2);
  o.dedupe = true;
  std::vector<ConcordanceLine> lines = Find(doc, o);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].sentence == "s1");
}

ConcordanceLine Line(uint64_t order, Strings before, Strings after, const char* match = "x") {
  ConcordanceLine l;
  l.order = order;
  l.match = match;
  l.before = std::move(before);
  l.after = std::move(after);
  return l;
}

std::vector<uint64_t> Orders(const std::vector<ConcordanceLine>& lines) {
  std::vector<uint64_t> out;
  for (const ConcordanceLine& l : lines) out.push_back(l.order);
  return out;
}

TEST_CASE("concordance: multi-level sorts by folded tokens, stable by position") {
  std::vector<ConcordanceLine> lines = {
      Line(0, {"the"}, {"Oil", "rose"}),  Line(1, {"a"}, {"gas", "fell"}),
      Line(2, {"The"}, {"oil", "fell"}),  Line(3, {}, {"oil", "rose"}),
      Line(4, {"an"}, {"’s", "rose"}),   Line(5, {"the"}, {"gas", "fell"}, "X"),
  };
  struct Row {
    const char* keys;
    std::vector<uint64_t> order;
  };
  const Row rows[] = {
      {"position", {0, 1, 2, 3, 4, 5}},
      // ’s folds to 's, which sorts before letters; Oil and oil are equal.
      {"R1", {4, 1, 5, 0, 2, 3}},
      {"R1,R2", {4, 1, 5, 2, 0, 3}},
      // A missing token sorts first.
      {"L1", {3, 1, 4, 0, 2, 5}},
      {"L1,R2", {3, 1, 4, 2, 5, 0}},
      {"R2,L1,R1", {1, 5, 2, 3, 4, 0}},
      {"match,R1", {4, 1, 5, 0, 2, 3}},  // X folds to x
  };
  for (const Row& row : rows) {
    std::string keys = row.keys;
    CAPTURE(keys);
    Result<std::vector<SortKey>> k = ParseSortKeys(row.keys);
    REQUIRE(k.ok());
    std::vector<ConcordanceLine> sorted = lines;
    if (!k->empty()) std::reverse(sorted.begin(), sorted.end());  // order must not matter
    SortLines(*k, &sorted);
    CHECK(Orders(sorted) == row.order);
  }
  for (const char* bad : {"R6", "L0", "X1", "R1,", "", "match,foo"}) {
    std::string keys = bad;
    CAPTURE(keys);
    CHECK_FALSE(ParseSortKeys(bad).ok());
  }
}

std::vector<uint64_t> Sample(size_t n, uint64_t seed, size_t offered) {
  LineSampler s(n, seed);
  for (uint64_t i = 0; i < offered; ++i) s.Add(Line(i, {}, {}));
  return Orders(s.Take());
}

TEST_CASE("concordance: samples are reproducible, in position order, and uniform") {
  CHECK(Sample(5, 42, 100) == Sample(5, 42, 100));
  CHECK(Sample(5, 42, 100) != Sample(5, 43, 100));
  std::vector<uint64_t> s = Sample(5, 42, 100);
  CHECK(s.size() == 5);
  CHECK(std::is_sorted(s.begin(), s.end()));
  CHECK(Sample(10, 1, 4) == std::vector<uint64_t>{0, 1, 2, 3});  // fewer lines than asked
  CHECK(Sample(0, 1, 4).empty());
  // One line of four over 4,000 seeds: each about 1,000 times.
  std::map<uint64_t, int> hits;
  for (uint64_t seed = 0; seed < 4000; ++seed) ++hits[Sample(1, seed, 4).front()];
  for (uint64_t i = 0; i < 4; ++i) {
    CAPTURE(i);
    CHECK(hits[i] > 850);
    CHECK(hits[i] < 1150);
  }
}

TEST_CASE("concordance: work is linear in the text, whatever the pattern") {
  // Work counted at n and 10n sentences: bytes of tokens the matcher looks at.
  std::string sentence = "Aaaa aaaaaaa aaa aaaaaaaaaa aab a ab aaaaaaaaaaaaaaaaaaaaaaaaaaaa. ";
  for (const char* pattern : {"(a+)+b", "(a|aa)+ (a|aa)+$", "a.*a.*a.*b", "aab"}) {
    std::string p = pattern;
    CAPTURE(p);
    int64_t work[2];
    int sizes[2] = {100, 1000};
    for (int k = 0; k < 2; ++k) {
      std::string text;
      for (int i = 0; i < sizes[k]; ++i) text += sentence;
      auto m = ConcordanceMatcher::Create(Query(QueryKind::kRegex, pattern));
      REQUIRE(m.ok());
      std::vector<ConcordanceLine> lines;
      (*m)->Find(ReportDoc(text), &lines);
      work[k] = (*m)->work();
    }
    double ratio = static_cast<double>(work[1]) / static_cast<double>(work[0]);
    CHECK(ratio > 9.5);
    CHECK(ratio < 10.5);
  }
}

TEST_CASE("report input: a tagged stream gives the tokens and lines of its text") {
  const char* texts[] = {
      "Israel’s  envoy met\n\nthe U.S. team in Baku.\r\nThey signed a long‑term deal. Pull quotes "
      "repeat whole sentences here. Pull quotes repeat whole sentences here.",
      "", "One line only"};
  for (const char* text : texts) {
    std::string t = text;
    CAPTURE(t);
    Result<Document> d = LoadDocument(text, "s.txt", {});
    REQUIRE(d.ok());
    TagOptions tag;
    tag.entities = false;
    Tagger tagger(tag);
    std::vector<Record> records;
    tagger.Tag(*d, &records);
    ReportReader reader({});
    Result<std::vector<ReportDocument>> from_stream = reader.FromStream(records, "s.jsonl");
    REQUIRE(from_stream.ok());
    REQUIRE(from_stream->size() == 1);
    const ReportDocument& s = from_stream->front();
    ReportDocument x = ReportDoc(text, "s.txt");
    REQUIRE(s.seg.tokens.size() == x.seg.tokens.size());
    for (size_t i = 0; i < x.seg.tokens.size(); ++i) {
      CAPTURE(i);
      CHECK(s.seg.tokens[i].start == x.seg.tokens[i].start);
      CHECK(s.seg.tokens[i].end == x.seg.tokens[i].end);
      CHECK(s.seg.tokens[i].kind == x.seg.tokens[i].kind);
      CHECK(s.TokenText(s.seg.tokens[i]) == x.TokenText(x.seg.tokens[i]));
    }
    REQUIRE(s.sentences.size() == x.sentences.size());
    for (size_t i = 0; i < x.sentences.size(); ++i) {
      CAPTURE(i);
      CHECK(s.sentences[i].id == x.sentences[i].id);
      CHECK(s.sentences[i].token_begin == x.sentences[i].token_begin);
      CHECK(s.sentences[i].token_end == x.sentences[i].token_end);
      CHECK(s.sentences[i].duplicate == x.sentences[i].duplicate);
    }
    ConcordanceOptions o = Query(QueryKind::kRegex, ".*");
    std::vector<ConcordanceLine> a = Find(s, o), b = Find(x, o);
    REQUIRE(a.size() == b.size());
    for (size_t i = 0; i < a.size(); ++i) {
      CAPTURE(i);
      CHECK(a[i].left == b[i].left);
      CHECK(a[i].right == b[i].right);
      CHECK(a[i].start == b[i].start);
    }
  }
}

TEST_CASE("report input: a stream tagged without entities cannot select mentions") {
  Result<Document> d = LoadDocument("Israel and Baku.", "s.txt", {});
  REQUIRE(d.ok());
  TagOptions tag;
  tag.entities = false;
  Tagger tagger(tag);
  std::vector<Record> records;
  tagger.Tag(*d, &records);
  ReportInputOptions with;
  with.entities = true;
  ReportReader reader(with);
  Result<std::vector<ReportDocument>> r = reader.FromStream(records, "s.jsonl");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().path == "s.jsonl");
  CHECK(r.error().message.find("tagged without entities") != std::string::npos);
  // A sentence whose text does not fit its offsets is a malformed stream.
  records[1].Set("end", 3);
  ReportReader plain({});
  CHECK_FALSE(plain.FromStream(records, "s.jsonl").ok());
}

TEST_CASE("concordance: the table right-aligns the left context so matches line up") {
  std::vector<Record> rows;
  for (const char* left : {"a long left context", "short"}) {
    ConcordanceLine l;
    l.doc = "d";
    l.sentence = "s1";
    l.left = left;
    l.match = "oil";
    l.right = "flows";
    rows.push_back(ConcordanceRow(l));
  }
  StringSink sink;
  WriterOptions options;
  options.align = {{"left", Align::kRight}};
  auto w = MakeWriter(Format::kTable, &sink, options);
  w->Begin({"left", "match", "right"});
  for (const Record& r : rows) w->Write(r);
  w->End();
  CHECK(sink.str() ==
        "               left  match  right\n"
        "a long left context  oil    flows\n"
        "              short  oil    flows\n");
  // jsonl carries the tokens around the match; null where there are none.
  CHECK(rows[0].Get("L1")->is_null());
  CHECK(rows[0].Get("R3") != nullptr);
}

}  // namespace
}  // namespace relscan
