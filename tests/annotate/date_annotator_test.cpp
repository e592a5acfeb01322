// The date annotator (lib/annotate/date_annotator.cpp): tables of invented
// sentences, one table per family of TAGSET §2 forms, each crossed with the
// separators that apply (hyphen, en dash, U+2011) and with negative cases.
#include <doctest/doctest.h>

#include <ostream>
#include <string>
#include <vector>

#include "relscan/date.h"
#include "relscan/document.h"
#include "relscan/segment.h"

namespace relscan {
namespace {

// Joins spans with " | ", so that a failed CHECK prints them.
std::string Joined(const std::vector<std::string>& spans) {
  std::string out;
  for (const std::string& s : spans) out += (out.empty() ? "" : " | ") + s;
  return out;
}

constexpr const char* kSeparators[] = {"-", "\xE2\x80\x93", "\xE2\x80\x91"};  // -, en dash, U+2011
constexpr const char* kHyphens[] = {"-", "\xE2\x80\x91"};                       // -, U+2011

// Renders a span as "LABEL text => value", then " mod=M", " range=B..E",
// " tz=Z", " ambiguous", " anchor=N" (a text anchor: the index of the date)
// or " doc" (resolved against the document anchor), as they apply.
std::string Render(const Document& doc, const DateSpan& d) {
  std::string s = std::string(DateLabelName(d.label)) + " " +
                  std::string(doc.Slice(d.start, d.end)) + " => " + d.value.value_or("null");
  if (!d.mod.empty()) s += " mod=" + d.mod;
  if (d.range) s += " range=" + d.range->first + ".." + d.range->second;
  if (!d.tz.empty()) s += " tz=" + d.tz;
  if (d.ambiguous) s += " ambiguous";
  if (d.anchor >= 0) s += " anchor=" + std::to_string(d.anchor);
  if (d.anchored_to_document) s += " doc";
  return s;
}

std::vector<std::string> Dates(const std::string& text, const DateOptions& options = {},
                               DateAnchor* anchor = nullptr) {
  Result<Document> doc = LoadDocument(text, "t.txt", {});
  REQUIRE(doc.ok());
  Segmenter segmenter;
  Segmentation seg = segmenter.Segment(*doc, {});
  DateAnnotator annotator;
  std::vector<std::string> out;
  for (const DateSpan& d : annotator.Annotate(*doc, seg, options)) {
    CHECK(doc->Slice(d.start, d.end) == std::string_view(doc->text()).substr(
                                            static_cast<size_t>(d.bstart),
                                            static_cast<size_t>(d.bend - d.bstart)));
    CHECK(d.rule.rfind("lib/data/dates/date_rules.tsv:", 0) == 0);
    out.push_back(Render(*doc, d));
  }
  if (anchor != nullptr) *anchor = annotator.anchor();
  return out;
}

struct Row {
  std::string text;
  std::vector<std::string> dates;
  friend std::ostream& operator<<(std::ostream& os, const Row& r) { return os << r.text; }
};

void CheckRows(const std::vector<Row>& rows, const DateOptions& options = {}) {
  for (const Row& row : rows) {
    CAPTURE(row);
    CHECK(Joined(Dates(row.text, options)) == Joined(row.dates));
  }
}

TEST_CASE("dates: the rule files compile") { CHECK(DateRuleErrors().empty()); }

TEST_CASE("dates: full dates in every common order") {
  CheckRows({
      {"Parliament passed it on 18 November 2022 to approve funding.",
       {"DATE 18 November 2022 => 2022-11-18"}},
      {"It was signed on November 18, 2022, in Baku.", {"DATE November 18, 2022 => 2022-11-18"}},
      {"The statement is dated Jan. 20, 2010 in the record.", {"DATE Jan. 20, 2010 => 2010-01-20"}},
      {"The file was created on 2022-11-18 at the office.", {"DATE 2022-11-18 => 2022-11-18"}},
      {"It was a 13 January 2009 cable from the embassy.", {"DATE 13 January 2009 => 2009-01-13"}},
      {"They met on Tuesday, October 11, 2022 in Washington.",
       {"DATE Tuesday, October 11, 2022 => 2022-10-11"}},
      {"They met on the 15th of July 2021 in Baku.", {"DATE the 15th of July 2021 => 2021-07-15"}},
      {"NOVEMBER 18, 2022 was the date.", {"DATE NOVEMBER 18, 2022 => 2022-11-18"}},
      // Not a real date: no span.
      {"The form said 31 February 2022 by mistake.", {"DATE February 2022 => 2022-02"}},
  });
}

TEST_CASE("dates: all-numeric dates are ambiguous unless a part is above 12") {
  CheckRows({
      {"The memo of 05/06/2022 was leaked.", {"DATE 05/06/2022 => 2022-05-06 ambiguous"}},
      {"The memo of 25/06/2022 was leaked.", {"DATE 25/06/2022 => 2022-06-25"}},
      {"The memo of 06/25/2022 was leaked.", {"DATE 06/25/2022 => 2022-06-25"}},
      {"The memo of 2022/06/25 was leaked.", {"DATE 2022/06/25 => 2022-06-25"}},
      {"The memo of 13/13/2022 was leaked.", {}},
  });
  DateOptions dmy;
  dmy.order = DateOrder::kDmy;
  CheckRows({{"The memo of 05/06/2022 was leaked.", {"DATE 05/06/2022 => 2022-06-05 ambiguous"}}},
            dmy);
}

TEST_CASE("dates: month and year, day and month, month alone") {
  CheckRows({
      {"By December 2016, the visit had happened.", {"DATE December 2016 => 2016-12"}},
      {"The talks of May 2008 were secret.", {"DATE May 2008 => 2008-05"}},
      {"He arrived in March of 1989 and left.", {"DATE March of 1989 => 1989-03"}},
      {"They will meet on July 15 in Baku.", {"DATE July 15 => XXXX-07-15"}},
      {"They will meet on 15 July in Baku.", {"DATE 15 July => XXXX-07-15"}},
      {"They will meet on the 15th of July in Baku.", {"DATE the 15th of July => XXXX-07-15"}},
      {"The ministerial meets in October.", {"DATE October => XXXX-10"}},
      // May, March and August need a day or a year: they are also words.
      {"This may surprise many people.", {}},
      {"May I ask a question?", {}},
      {"The soldiers march in March and rest in May.", {}},
      {"Crowds will March on the capital.", {}},
      {"It was an August gathering of the great.", {}},
  });
}

TEST_CASE("dates: four-digit numbers are years only in a date context") {
  CheckRows({
      {"It was started in 2006 with help.", {"DATE 2006 => 2006"}},
      {"It has worked with the ministry since 2018.", {"DATE 2018 => 2018"}},
      {"During the 2020 war, the city was bombarded.", {"DATE 2020 => 2020"}},
      {"The infamous 2011 Wikileaks cable dump made it public.", {"DATE 2011 => 2011"}},
      {"The fourth ambassador (2005) served there.", {"DATE 2005 => 2005"}},
      {"2022 was a year of change.", {"DATE 2022 => 2022"}},
      {"It happened in 1965, 1966 and 1967.",
       {"DATE 1965 => 1965", "DATE 1966 => 1966", "DATE 1967 => 1967"}},
      // Counts are figures, not dates.
      {"With 241 middle schools, it is a leader.", {}},
      {"The system reached 3914 MW of capacity.", {}},
      {"A capacity of 2000 MW is planned.", {}},
      {"It trained 1500 teachers last term.", {}},
      {"A total of 1500 soldiers took part.", {}},
      {"In 2019, 2000 people died.", {"DATE 2019 => 2019"}},
      {"It fielded between 1500 and 2000 troops.", {}},
  });
}

TEST_CASE("dates: ranges with every separator are one span") {
  std::vector<Row> rows;
  for (const char* sep : kSeparators) {
    std::string s(sep);
    rows.push_back({"He was ambassador (2005" + s + "2009) in Baku.",
                    {"DATE 2005" + s + "2009 => 2005/2009 range=2005..2009"}});
    rows.push_back({"The budget for 2012" + s + "13 was cut.",
                    {"DATE 2012" + s + "13 => 2012/2013 range=2012..2013"}});
    rows.push_back({"Fighting on 5" + s + "10 June 1967 ended it.",
                    {"DATE 5" + s + "10 June 1967 => 1967-06-05/1967-06-10 range=1967-06-05..1967-06-10"}});
    rows.push_back({"In the Winter 2021" + s + "2022 edition he wrote.",
                    {"DATE Winter 2021" + s + "2022 => 2021-WI"}});
    // A range that runs backwards is not a range.
    rows.push_back({"He counted 2009" + s + "2005 votes.", {}});
  }
  rows.push_back({"The crisis lasted from 1992 to 1995 in Armenia.",
                  {"DATE 1992 to 1995 => 1992/1995 range=1992..1995"}});
  rows.push_back({"It grew between 2005 and 2009 steadily.",
                  {"DATE 2005 and 2009 => 2005/2009 range=2005..2009"}});
  rows.push_back({"From late January to mid-March 1993, pipelines were hit.",
                  {"DATE late January to mid-March 1993 => 1993-01/1993-03 range=1993-01..1993-03"}});
  rows.push_back({"They stayed from 2005 until 2009 in Baku.",
                  {"DATE 2005 until 2009 => 2005/2009 range=2005..2009"}});
  CheckRows(rows);
}

TEST_CASE("dates: decades, centuries, early, mid and late") {
  std::vector<Row> rows = {
      {"It was started in the late 1990s with help.", {"DATE the late 1990s => 199 mod=END"}},
      {"Its origins go back to the early 1990s.", {"DATE the early 1990s => 199 mod=START"}},
      {"The crisis of the 1990s was severe.", {"DATE the 1990s => 199"}},
      {"In early 2022, the company signed.", {"DATE early 2022 => 2022 mod=START"}},
      {"In late 2021 the talks resumed.", {"DATE late 2021 => 2021 mod=END"}},
      {"It shapes the 21st century in Eurasia.", {"DATE the 21st century => 20"}},
      {"By the end of 2010 it was done.", {"DATE the end of 2010 => 2010 mod=END"}},
  };
  for (const char* hy : kHyphens) {
    std::string h(hy);
    rows.push_back({"It offers twenty" + h + "first" + h + "century skills.",
                    {"DATE twenty" + h + "first" + h + "century => 20"}});
    rows.push_back({"By mid" + h + "2021 it had grown.", {"DATE mid" + h + "2021 => 2021 mod=MID"}});
    rows.push_back({"In the mid" + h + "1990s it grew.", {"DATE the mid" + h + "1990s => 199 mod=MID"}});
  }
  CheckRows(rows);
}

TEST_CASE("dates: seasons, quarters and halves") {
  CheckRows({
      {"They planned an attack in the spring of 2008.", {"DATE the spring of 2008 => 2008-SP"}},
      {"By the winter of 1994-95, power was rationed.", {"DATE the winter of 1994-95 => 1994-WI"}},
      {"At that point in the fall of 2021 we restarted.", {"DATE the fall of 2021 => 2021-FA"}},
      {"Sales rose in the first quarter of 2021.", {"DATE the first quarter of 2021 => 2021-Q1"}},
      {"Sales rose in 2021-Q1 and fell.", {"DATE 2021-Q1 => 2021-Q1"}},
      {"Sales rose in Q3 2021 and fell.", {"DATE Q3 2021 => 2021-Q3"}},
      {"Growth slowed in the second half of 2021.", {"DATE the second half of 2021 => 2021-H2"}},
      {"Growth slowed in H2 2021 after all.", {"DATE H2 2021 => 2021-H2"}},
      // A season without a year is not a date; `fall` is also a verb.
      {"Prices fall in spring.", {}},
  });
}

TEST_CASE("dates: fuzzy references") {
  CheckRows({
      {"In recent years, Israel showcased it.", {"DATE recent years => PAST_REF"}},
      {"Israel more recently opened an embassy.", {"DATE recently => PAST_REF"}},
      {"It currently meets about half of the needs.", {"DATE currently => PRESENT_REF"}},
      {"Today, undoubtedly, it has melted.", {"DATE Today => PRESENT_REF"}},
      {"And now, with the announcement, it is placed well.", {"DATE now => PRESENT_REF"}},
      {"It is the path to growth in the decades to come.",
       {"DATE the decades to come => FUTURE_REF"}},
      {"After thirty years, the future seems bright.",
       {"DURATION thirty years => P30Y", "DATE the future => FUTURE_REF"}},
      {"Demand will expand in the coming decades.", {"DATE the coming decades => FUTURE_REF"}},
      {"In those days cooperation was discreet.", {"DATE those days => PAST_REF"}},
      // Adjectives and bare adverbs are not tagged (notes, "Not tagged").
      {"The recent announcement pleased everyone.", {}},
      {"It was a future-altering project.", {}},
      {"It protects them from future dangers.", {}},
      {"The future embassy will open.", {}},
      {"They later established a commission.", {}},
      {"Both have long-term conflicts.", {}},
      {"So far, so good.", {}},
  });
}

TEST_CASE("dates: durations, with modifiers outside the span") {
  std::vector<Row> rows = {
      {"For most of the thirty years of the relationship, it was quiet.",
       {"DURATION thirty years => P30Y"}},
      {"It is a short distance (under three hours by air).",
       {"DURATION three hours => PT3H mod=LESS_THAN"}},
      {"Advocates spoke out for many years.", {"DURATION many years => PXY"}},
      {"It developed over decades.", {"DURATION decades => PXDE"}},
      {"Over the past year, the Americans learned.", {"DURATION the past year => P1Y"}},
      {"It rose over the past two decades.", {"DURATION the past two decades => P2DE"}},
      {"It repeated itself over the years.", {"DURATION the years => PXY"}},
      {"For thousands of years, roads crossed here.", {"DURATION thousands of years => PXML"}},
      {"It lasted two and a half years.", {"DURATION two and a half years => P2.5Y"}},
      {"It took nearly 30 minutes.", {"DURATION 30 minutes => PT30M mod=APPROX"}},
      {"They talked for over 10 hours.", {"DURATION 10 hours => PT10H mod=MORE_THAN"}},
      // `years` alone is not a duration; `over` before a non-number sets no mod.
      {"In the years since I left, much changed.", {}},
      {"The 19th and 20th centuries saw wars.", {}},
  };
  for (const char* sep : kSeparators) {
    std::string s(sep);
    rows.push_back({"It only lasted 3" + s + "4 years in all.",
                    {"DURATION 3" + s + "4 years => P3Y range=P3Y..P4Y"}});
  }
  for (const char* hy : kHyphens) {
    std::string h(hy);
    rows.push_back({"It was a 30" + h + "year relationship.", {"DURATION 30" + h + "year => P30Y"}});
  }
  CheckRows(rows);
}

TEST_CASE("dates: clock times and sets") {
  CheckRows({
      {"The call began at 7:30 P.M. EDT from Washington.",
       {"TIME 7:30 P.M. EDT => T19:30 tz=EDT"}},
      {"It ended at 12:32 P.M. EDT sharp.", {"TIME 12:32 P.M. EDT => T12:32 tz=EDT"}},
      {"The call is at 6:00 P.M. Eastern.", {"TIME 6:00 P.M. Eastern => T18:00 tz=Eastern"}},
      {"It opens at 9 a.m. daily.", {"TIME 9 a.m. => T09:00", "SET daily => P1D"}},
      {"The plant closed at 16:03 yesterday.", {"TIME 16:03 => T16:03", "DATE yesterday => null"}},
      {"The summit is held every year.", {"SET every year => P1Y"}},
      {"It is reviewed annually by the board.", {"SET annually => P1Y"}},
      {"Elections are held every four years.", {"SET every four years => P4Y"}},
      // A rate after a count: "a year", "per day".
      {"The dam holds back 74 billion cubic meters a year.", {"SET a year => P1Y"}},
      {"They meet twice a month, for 1-2 hours per day.",
       {"SET a month => P1M", "DURATION 1-2 hours => PT1H range=PT1H..PT2H", "SET per day => P1D"}},
      // "a" as the count, after a word that takes a length of time.
      {"They stayed for more than a year.", {"DURATION a year => P1Y"}},
      {"It took a quarter of a century and half a year.",
       {"DURATION a quarter of a century => P25Y", "DURATION half a year => P6M"}},
      // With no count before it, "a year" is no rate.
      {"A year is a long time.", {}},
      // What is counted, "of", then what of.
      {"It pumps 90,000 barrels of oil a day.", {"SET a day => P1D"}},
      // "barrels a day" is the unit of a figure, not a date.
      {"It pumps 2 million barrels a day.", {}},
      // A ratio is not a time.
      {"The vote was 3:15 in favour.", {}},
  });
}

TEST_CASE("dates: relative expressions and the document anchor") {
  DateOptions anchored;
  anchored.anchor = "2023-09-21";
  CheckRows({
      {"Last year we met, and next month we meet again.",
       {"DATE Last year => 2022 doc", "DATE next month => 2023-10 doc"}},
      {"It began two years ago.", {"DATE two years ago => 2021 doc"}},
      // Fiscal years, tonight, a part of the day after tomorrow.
      {"In fiscal year 2022 and FY2024, and this fiscal year.",
       {"DATE fiscal year 2022 => 2022", "DATE FY2024 => 2024", "DATE this fiscal year => 2023 doc"}},
      {"Tonight we talk; tomorrow morning we meet.",
       {"DATE Tonight => 2023-09-21 doc", "DATE tomorrow morning => 2023-09-22 doc"}},
      // A quarter or a season without a year.
      {"They publish in the spring, after the first quarter.",
       {"DATE the spring => XXXX-SP", "DATE the first quarter => XXXX-Q1"}},
      // "the fall" is no season: "the fall of Kabul".
      {"After the fall of Kabul it changed.", {}},
      // "the coming year" is next year; "the coming years" stay unresolved.
      {"In the coming decade and the coming years it grows.",
       {"DATE the coming decade => 203 doc", "DATE the coming years => FUTURE_REF"}},
      {"This week, we met in New York.", {"DATE This week => 2023-W38 doc"}},
      {"I rise today to speak.", {"DATE today => 2023-09-21 doc"}},
      {"It is now clear.", {"DATE now => PRESENT_REF"}},
      {"This past December we marked it.", {"DATE This past December => 2022-12 doc"}},
      {"We will meet in October.", {"DATE October => 2023-10 doc"}},
      {"On Jan. 20, 2010 he spoke. This past December we met. In April we meet.",
       {"DATE Jan. 20, 2010 => 2010-01-20", "DATE This past December => 2022-12 doc",
        "DATE April => 2010-04 anchor=0"}},
      {"Sales fell in the first half of this year.",
       {"DATE the first half of this year => 2023-H1 doc"}},
      {"It was signed several years ago.", {"DATE several years ago => PAST_REF"}},
      {"It was signed decades ago.", {"DATE decades ago => PAST_REF"}},
  },
            anchored);
  // Without an anchor, never a guess (and never the clock).
  CheckRows({
      {"Last year we met, and next month we meet again.",
       {"DATE Last year => null", "DATE next month => null"}},
      {"It began two years ago.", {"DATE two years ago => null"}},
      {"It was signed several years ago.", {"DATE several years ago => PAST_REF"}},
      {"I rise today to speak.", {"DATE today => PRESENT_REF"}},
      {"We will meet in October.", {"DATE October => XXXX-10"}},
  });
}

TEST_CASE("dates: expressions that refer back to a date in the text") {
  CheckRows({
      {"It passed on 18 November 2022. It was signed a few days later.",
       {"DATE 18 November 2022 => 2022-11-18", "DATE a few days later => null anchor=0"}},
      {"It passed on 18 November 2022. The following year it opened.",
       {"DATE 18 November 2022 => 2022-11-18", "DATE The following year => 2023 anchor=0"}},
      {"It passed on 18 November 2022. Two days later it was signed.",
       {"DATE 18 November 2022 => 2022-11-18", "DATE Two days later => 2022-11-20 anchor=0"}},
      {"On 20 February 1988 it started. On 7 December of the same year, a quake hit.",
       {"DATE 20 February 1988 => 1988-02-20",
        "DATE 7 December of the same year => 1988-12-07 anchor=0"}},
      {"On May 13, 1967, they met. In 1957, a promise was made. On May 22, it closed.",
       {"DATE May 13, 1967 => 1967-05-13", "DATE 1957 => 1957",
        "DATE May 22 => 1967-05-22 anchor=0"}},
      // A bare year is not precise enough for `the following day`.
      {"In 2009 it began. The following day it ended.",
       {"DATE 2009 => 2009", "DATE The following day => null"}},
      {"The following year it opened.", {"DATE The following year => null"}},
  });
}

TEST_CASE("dates: the anchor from a dateline near the top") {
  DateOptions automatic;
  automatic.auto_anchor = true;
  DateAnchor anchor;
  CHECK(Joined(Dates("A Joint Statement\nSeptember 21, 2023\nLast year we met.\n", automatic,
                     &anchor)) ==
        "DATE September 21, 2023 => 2023-09-21 | DATE Last year => 2022 doc");
  CHECK(anchor.value == "2023-09-21");
  CHECK(anchor.rule.rfind("dateline: line 2 (lib/data/dates/date_rules.tsv:", 0) == 0);
  // A date inside a sentence is not a dateline, nor is one below line 5.
  Dates("A Statement\nWe met on September 21, 2023 in New York.\nLast year too.\n", automatic,
        &anchor);
  CHECK(anchor.value.empty());
  Dates("T\na.\nb.\nc.\nd.\ne.\nSeptember 21, 2023\nLast year we met.\n", automatic, &anchor);
  CHECK(anchor.value.empty());
  // --anchor wins over a dateline.
  DateOptions both;
  both.auto_anchor = true;
  both.anchor = "2020-01-01";
  Dates("T\nSeptember 21, 2023\nLast year we met.\n", both, &anchor);
  CHECK(anchor.value == "2020-01-01");
  CHECK(anchor.rule == "--anchor");
}

TEST_CASE("dates: anchors and orders are validated") {
  struct Case {
    const char* anchor;
    bool ok;
  };
  for (const Case& c : std::vector<Case>{{"2023-09-21", true},
                                         {"2024-02-29", true},
                                         {"2023-02-29", false},
                                         {"2023-9-21", false},
                                         {"21/09/2023", false},
                                         {"2023-13-01", false},
                                         {"", false},
                                         {"yesterday", false}}) {
    CAPTURE(c.anchor);
    CHECK(CheckAnchor(c.anchor).ok() == c.ok);
  }
  CHECK(ParseDateOrder("mdy").ok());
  CHECK(*ParseDateOrder("dmy") == DateOrder::kDmy);
  CHECK(!ParseDateOrder("ymd").ok());
  CHECK(DateLabelName(DateLabel::kDuration) == "DURATION");
}

}  // namespace
}  // namespace relscan
