// The figure annotator (lib/annotate/figure_annotator.cpp) and its exact
// decimals and number words: tables of invented sentences, one table per
// family of TAGSET §3 forms, crossed with the separators that apply (hyphen,
// en dash, U+2011, and the thousands separators) and with negative cases.
#include <doctest/doctest.h>

#include <ostream>
#include <string>
#include <vector>

#include "lib/annotate/exact_decimal.h"
#include "lib/annotate/number_words.h"
#include "relscan/date.h"
#include "relscan/document.h"
#include "relscan/figure.h"
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

// Renders a figure as "LABEL text => value", then " unit=U", " mod=M",
// " of=N" and " range=B..E" as they apply.
std::string Render(const Document& doc, const FigureSpan& f) {
  std::string s = std::string(FigureLabelName(f.label)) + " " +
                  std::string(doc.Slice(f.start, f.end)) + " => " + f.value;
  if (!f.unit.empty()) s += " unit=" + f.unit;
  if (!f.mod.empty()) s += " mod=" + f.mod;
  if (!f.of.empty()) s += " of=" + f.of;
  if (f.range) s += " range=" + f.range->first + ".." + f.range->second;
  return s;
}

// Tags figures the way the tagger does: the date annotator first, its spans
// and the given names (substrings of the text) passed as taken.
std::vector<std::string> Figures(const std::string& text,
                                 const std::vector<std::string>& names = {}) {
  Result<Document> doc = LoadDocument(text, "t.txt", {});
  REQUIRE(doc.ok());
  Segmenter segmenter;
  Segmentation seg = segmenter.Segment(*doc, {});
  std::vector<std::pair<int64_t, int64_t>> taken;
  DateAnnotator dates;
  for (const DateSpan& d : dates.Annotate(*doc, seg, {})) taken.emplace_back(d.bstart, d.bend);
  for (const std::string& name : names) {
    size_t at = doc->text().find(name);
    REQUIRE(at != std::string::npos);
    taken.emplace_back(static_cast<int64_t>(at), static_cast<int64_t>(at + name.size()));
  }
  FigureAnnotator annotator;
  std::vector<std::string> out;
  for (const FigureSpan& f : annotator.Annotate(*doc, seg, taken)) {
    CHECK(doc->Slice(f.start, f.end) == std::string_view(doc->text()).substr(
                                            static_cast<size_t>(f.bstart),
                                            static_cast<size_t>(f.bend - f.bstart)));
    CHECK(f.rule.rfind("lib/data/figures/figure_rules.tsv:", 0) == 0);
    out.push_back(Render(*doc, f));
  }
  return out;
}

struct Row {
  std::string text;
  std::vector<std::string> figures;
  std::vector<std::string> names = {};
  friend std::ostream& operator<<(std::ostream& os, const Row& r) { return os << r.text; }
};

void CheckRows(const std::vector<Row>& rows) {
  for (const Row& row : rows) {
    CAPTURE(row);
    CHECK(Joined(Figures(row.text, row.names)) == Joined(row.figures));
  }
}

TEST_CASE("figures: the rule files compile") { CHECK(FigureRuleErrors().empty()); }

TEST_CASE("figures: exact decimals") {
  struct Case {
    const char* text;
    int scale;
    const char* want;  // nullptr: does not parse
  };
  for (const Case& c : std::vector<Case>{{"4.85", 9, "4850000000"},
                                         {"1.2", 6, "1200000"},
                                         {"0.9", 0, "0.9"},
                                         {"70,000", 0, "70000"},
                                         {"70 000", 0, "70000"},
                                         {"70\xC2\xA0" "000", 0, "70000"},
                                         {"70\xE2\x80\x89" "000", 0, "70000"},
                                         {"70\xE2\x80\xAF" "000", 0, "70000"},
                                         {"1,234,567.25", 0, "1234567.25"},
                                         {"3.50", 0, "3.5"},
                                         {"0.000001", 9, "1000"},
                                         {"7,00", 0, nullptr},
                                         {"1,0000", 0, nullptr},
                                         {"4.", 0, nullptr},
                                         {"", 0, nullptr}}) {
    CAPTURE(c.text);
    std::optional<Decimal> d = Decimal::Parse(c.text);
    if (c.want == nullptr) {
      CHECK(!d.has_value());
    } else {
      REQUIRE(d.has_value());
      CHECK(d->Scaled(c.scale).ToString() == c.want);
    }
  }
  CHECK(Decimal::Parse("0.1")->Plus(*Decimal::Parse("0.2")).ToString() == "0.3");
  CHECK(Decimal::Ratio(9, 10)->ToString() == "0.9");
  CHECK(Decimal::Ratio(1, 3)->ToString() == "0.3333333333");
  CHECK(Decimal::Ratio(2, 3)->ToString() == "0.6666666667");
  CHECK(Decimal::FromInt(5).Times(*Decimal::Parse("1.5")).ToString() == "7.5");
}

TEST_CASE("figures: number words") {
  struct Case {
    const char* text;
    const char* want;  // nullptr: not a spelled cardinal
  };
  for (const Case& c : std::vector<Case>{{"two", "2"},
                                         {"thirty", "30"},
                                         {"forty-one", "41"},
                                         {"forty\xE2\x80\x91one", "41"},
                                         {"two hundred and forty-one", "241"},
                                         {"one hundred thousand", "100000"},
                                         {"two million five hundred thousand", "2500000"},
                                         {"a million", "1000000"},
                                         {"a dozen", "12"},
                                         {"two and a half", "2.5"},
                                         {"nineteen hundred", "1900"},
                                         {"one two", nullptr},
                                         {"and two", nullptr},
                                         {"twenty twenty", nullptr},
                                         {"half", nullptr}}) {
    CAPTURE(c.text);
    std::optional<Decimal> d = ParseCardinalWords(c.text);
    if (c.want == nullptr) {
      CHECK(!d.has_value());
    } else {
      REQUIRE(d.has_value());
      CHECK(d->ToString() == c.want);
    }
  }
  CHECK(ParseOrdinal("second") == 2);
  CHECK(ParseOrdinal("twenty-first") == 21);
  CHECK(ParseOrdinal("78th") == 78);
  CHECK(ParseOrdinal("21st") == 21);
  CHECK(!ParseOrdinal("21xx").has_value());
  CHECK(ParseFraction("nine\xE2\x80\x91tenths")->ToString() == "0.9");
  CHECK(ParseFraction("a third")->ToString() == "0.3333333333");
  CHECK(ParseFraction("three quarters")->ToString() == "0.75");
  CHECK(ParseFraction("half")->ToString() == "0.5");
}

TEST_CASE("figures: cardinals with thousands separators and spelled numbers") {
  CheckRows({
      {"The two small countries are squeezed.", {"CARDINAL two => 2 of=countries"}},
      {"With 241 middle schools, high schools, and vocational colleges, it leads.",
       {"CARDINAL 241 => 241 of=middle schools, high schools, and vocational colleges"}},
      // A verb with its object after "and" is no second head.
      {"The park employs 80,000 workers and hosts the smelters.",
       {"CARDINAL 80,000 => 80000 of=workers"}},
      {"Some 70,000 former Azerbaijanis who live there.",
       {"CARDINAL 70,000 => 70000 mod=APPROX of=former Azerbaijanis"}},
      {"Its page has over 5,000 followers now.",
       {"CARDINAL 5,000 => 5000 mod=MORE_THAN of=followers"}},
      {"It counts 70 000 members.", {"CARDINAL 70 000 => 70000 of=members"}},
      {"It counts 70\xC2\xA0" "000 members.", {"CARDINAL 70\xC2\xA0" "000 => 70000 of=members"}},
      {"It counts 70\xE2\x80\x89" "000 members.", {"CARDINAL 70\xE2\x80\x89" "000 => 70000 of=members"}},
      {"It counts 70\xE2\x80\xAF" "000 members.", {"CARDINAL 70\xE2\x80\xAF" "000 => 70000 of=members"}},
      {"It trained two hundred and forty-one teachers.",
       {"CARDINAL two hundred and forty-one => 241 of=teachers"}},
      {"An earthquake of 6.9 magnitude struck.", {"CARDINAL 6.9 => 6.9"}},
      {"It reached 1.2m people.", {"CARDINAL 1.2m => 1200000 of=people"}},
      {"They arrested two Hezbollah militants in possession of explosives.",
       {"CARDINAL two => 2 of=Hezbollah militants"}},
      {"It developed far beyond one individual or party over decades.",
       {"CARDINAL one => 1 of=individual or party"}},
      {"In fact, all three of them agreed.", {"CARDINAL three => 3"}},
  });
}

TEST_CASE("figures: approximate counts and fractions") {
  std::vector<Row> rows = {
      {"It taught hundreds of thousands of young Israelis.",
       {"CARDINAL hundreds of thousands => 100000 mod=MORE_THAN of=young Israelis"}},
      {"It made public thousands of secret diplomatic reports.",
       {"CARDINAL thousands => 1000 mod=MORE_THAN of=diplomatic reports"}},
      {"It trained hundreds of Azerbaijani teachers.",
       {"CARDINAL hundreds => 100 mod=MORE_THAN of=Azerbaijani teachers"}},
      {"Tens of thousands marched.", {"CARDINAL Tens of thousands => 10000 mod=MORE_THAN"}},
      {"About a third of the gas comes from there.", {"CARDINAL a third => 0.3333333333 mod=APPROX of=gas"}},
      {"Two thirds of voters agreed.", {"CARDINAL Two thirds => 0.6666666667 of=voters"}},
      {"Half of the budget went there.", {"CARDINAL Half => 0.5 of=budget"}},
      // `tens` alone and test `scores` are not counts; a third country is an ordinal.
      {"The test scores rose.", {}},
      {"A third country joined.", {"ORDINAL third => 3"}},
  };
  for (const char* hy : kHyphens) {
    std::string h(hy);
    rows.push_back({"An iceberg; nine" + h + "tenths of it is below.", {"CARDINAL nine" + h + "tenths => 0.9"}});
    rows.push_back({"One" + h + "third of it is below.", {"CARDINAL One" + h + "third => 0.3333333333"}});
  }
  CheckRows(rows);
}

TEST_CASE("figures: money with signs, codes, words and scale words") {
  std::vector<Row> rows = {
      {"The contracts have been close to $5 billion.",
       {"MONEY $5 billion => 5000000000 unit=USD mod=APPROX"}},
      {"More precisely, $4.85 billion.", {"MONEY $4.85 billion => 4850000000 unit=USD"}},
      {"It cost 500 billion CFA francs.", {"MONEY 500 billion CFA francs => 500000000000 unit=XOF"}},
      {"It raised \xE2\x82\xAC" "3bn last year.", {"MONEY \xE2\x82\xAC" "3bn => 3000000000 unit=EUR"}},
      {"It costs \xC2\xA3" "40 million in all.", {"MONEY \xC2\xA3" "40 million => 40000000 unit=GBP"}},
      {"It donated 50 million dollars to it.", {"MONEY 50 million dollars => 50000000 unit=USD"}},
      {"The price fell from 400 AMD a unit.", {"MONEY 400 AMD => 400 unit=AMD"}},
      {"It paid USD 5 million for it.", {"MONEY USD 5 million => 5000000 unit=USD"}},
      {"It paid 10,000 manat for it.", {"MONEY 10,000 manat => 10000 unit=AZN"}},
      {"It paid 300 shekels for it.", {"MONEY 300 shekels => 300 unit=ILS"}},
      {"It paid $1.2m for it.", {"MONEY $1.2m => 1200000 unit=USD"}},
      {"It paid \xE2\x82\xAA" "20 for it.", {"MONEY \xE2\x82\xAA" "20 => 20 unit=ILS"}},
      // A currency sign may touch a name; the number may not.
      {"It owes US$2.5 trillion in all.", {"MONEY US$2.5 trillion => 2500000000000 unit=USD"},
       {"US"}},
  };
  for (const char* sep : kSeparators) {
    std::string s(sep);
    rows.push_back({"Deals worth $3" + s + "5 billion were signed.",
                    {"MONEY $3" + s + "5 billion => 3000000000 unit=USD range=3000000000..5000000000"}});
    rows.push_back({"It went down to 160" + s + "170 AMD a unit.",
                    {"MONEY 160" + s + "170 AMD => 160 unit=AMD range=160..170"}});
  }
  CheckRows(rows);
}

TEST_CASE("figures: percentages and percentage points are distinct") {
  std::vector<Row> rows = {
      {"It meets about 40 percent of the needs.", {"PERCENT 40 percent => 40 unit=% mod=APPROX"}},
      {"It meets 36% of the needs.", {"PERCENT 36% => 36 unit=%"}},
      {"It meets 36 per cent of the needs.", {"PERCENT 36 per cent => 36 unit=%"}},
      {"Support rose 2.5 percentage points in a month.", {"PERCENT 2.5 percentage points => 2.5 unit=pp"}},
      {"It rose from 18 to 25 percent.", {"PERCENT 18 to 25 percent => 18 unit=% range=18..25"}},
      {"It rose to less than 3% of output.", {"PERCENT 3% => 3 unit=% mod=LESS_THAN"}},
  };
  for (const char* sep : kSeparators) {
    std::string s(sep);
    rows.push_back({"It rose by 18" + s + "25% in all.", {"PERCENT 18" + s + "25% => 18 unit=% range=18..25"}});
  }
  CheckRows(rows);
}

TEST_CASE("figures: quantities with normalized unit symbols") {
  CheckRows({
      {"It lies less than 300 nautical miles north of Israel.",
       {"QUANTITY 300 nautical miles => 300 unit=nmi mod=LESS_THAN"}},
      {"It is located only 15 kilometers north of the border.",
       {"QUANTITY 15 kilometers => 15 unit=km"}},
      {"The system reached 3914 MW of capacity.", {"QUANTITY 3914 MW => 3914 unit=MW"}},
      {"The plant is 100km away.", {"QUANTITY 100km => 100 unit=km"}},
      {"The price for 1 kWh fell.", {"QUANTITY 1 kWh => 1 unit=kWh"}},
      // A scale word before a unit is part of the number, as in "$4.85
      // billion"; the industry symbol written as such keeps its unit.
      {"It exports 10 billion cubic meters a year.",
       {"QUANTITY 10 billion cubic meters => 10000000000 unit=m3"}},
      {"It exports 10 bcm of gas.", {"QUANTITY 10 bcm => 10 unit=bcm"}},
      // As a modifier, joined by a hyphen.
      {"A 1,950-kilometre pipeline runs west.", {"QUANTITY 1,950-kilometre => 1950 unit=km"}},
      {"It pumps 240,000 barrels per day.", {"QUANTITY 240,000 barrels per day => 240000 unit=bbl/d"}},
      {"It covers 86,600 square kilometres.", {"QUANTITY 86,600 square kilometres => 86600 unit=km2"}},
      {"It shipped 2 million tonnes of grain.", {"QUANTITY 2 million tonnes => 2000000 unit=t"}},
      {"It has 2 GW of wind.", {"QUANTITY 2 GW => 2 unit=GW"}},
      {"It stored 5 m3 of water.", {"QUANTITY 5 m3 => 5 unit=m3"}},
      {"It produces up to 960 MW of electricity.", {"QUANTITY 960 MW => 960 unit=MW mod=LESS_THAN"}},
  });
}

TEST_CASE("figures: ordinals, hyphenated ones included") {
  std::vector<Row> rows = {
      {"He was Israel's fourth ambassador to Azerbaijan.", {"ORDINAL fourth => 4"}},
      {"The first event was a victory.", {"ORDINAL first => 1"}},
      {"It was held during the 78th session.", {"ORDINAL 78th => 78"}},
      {"It was Azerbaijan's second largest city.", {"ORDINAL second => 2"}},
      // Not ordinals: a fixed title, names, a unit of time, fixed phrases.
      {"He met the first lady of Azerbaijan.", {}},
      {"It won the Second Karabakh War quickly.", {}},
      {"Wait a second.", {}},
      {"At first, nobody came.", {}},
      {"He bought a second-hand car.", {}},
  };
  for (const char* hy : kHyphens) {
    std::string h(hy);
    rows.push_back({"Israel is the second" + h + "largest consumer of its oil.", {"ORDINAL second => 2"}});
    rows.push_back({"It was the first" + h + "ever summit.", {"ORDINAL first => 1"}});
  }
  CheckRows(rows);
}

TEST_CASE("figures: what is not a figure") {
  CheckRows({
      // `one` as a pronoun (TAGSET §3; notes).
      {"No one can interfere in our affairs.", {}},
      {"This one is founded on mutual benefit.", {}},
      {"It is more than one that is centered on politics.", {}},
      {"They help one another.", {}},
      // Years and dates are dates (the date annotator took them).
      {"In 2009, the newspaper reported it.", {}},
      {"It passed on 18 November 2022 in Baku.", {}},
      {"It lasted three hours.", {}},
      // Figures inside names and codes.
      {"The C5+1 Presidential Summit met.", {}},
      {"The GCC+3 format and the G20 met.", {}},
      {"It sold A\xE2\x80\x93" "4 Skyhawk aircraft.", {}},
      {"Security Council Resolution 242 called for withdrawal.", {}},
      {"Unit 2 followed in March.", {}},
      {"Call 202-456-1111 for details.", {}},
      {"Call +1 202 456 1111 for details.", {}},
      {"After the 9/11 attacks, 24/7 news took over.", {}},
      {"The Three Seas Initiative met.", {}},
      {"The forum of the Second Armenia War met.", {}, {"Second Armenia War"}},
  });
  // A range runs upwards: `3-1` is a score, two numbers.
  CheckRows({{"They won 3-1 in the final.", {"CARDINAL 3 => 3", "CARDINAL 1 => 1"}},
             {"They won 1-3 in the final.", {"CARDINAL 1-3 => 1 range=1..3"}}});
  // A list number opening a paragraph is not a figure; the count after it is.
  CheckRows({
      {"1. Two delegations will meet.", {"CARDINAL Two => 2 of=delegations"}},
      {"Intro.\n2) Three delegations will meet.", {"CARDINAL Three => 3 of=delegations"}},
  });
}

TEST_CASE("figures: modifiers stay outside the span and set mod") {
  struct Case {
    const char* modifier;
    const char* mod;  // "" for none
  };
  for (const Case& c : std::vector<Case>{{"about", "APPROX"},
                                         {"around", "APPROX"},
                                         {"some", "APPROX"},
                                         {"roughly", "APPROX"},
                                         {"approximately", "APPROX"},
                                         {"nearly", "APPROX"},
                                         {"almost", "APPROX"},
                                         {"close to", "APPROX"},
                                         {"over", "MORE_THAN"},
                                         {"more than", "MORE_THAN"},
                                         {"at least", "MORE_THAN"},
                                         {"under", "LESS_THAN"},
                                         {"less than", "LESS_THAN"},
                                         {"fewer than", "LESS_THAN"},
                                         {"no more than", "LESS_THAN"},
                                         {"only", ""},
                                         {"exactly", ""}}) {
    std::string row = std::string("They sent ") + c.modifier + " 5,000 troops.";
    CAPTURE(row);
    std::string want = "CARDINAL 5,000 => 5000";
    if (*c.mod != '\0') want += std::string(" mod=") + c.mod;
    want += " of=troops";
    CHECK(Joined(Figures(row)) == want);
  }
}

}  // namespace
}  // namespace relscan
