// The quote annotator (lib/annotate/quote_*.cpp): tables of invented
// sentences, one table per construction -- mark pairing, labels, speaker
// sieves, block quotations, transcripts, spans -- plus pairing linearity
// counted in steps at n and 10n marks.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

#include "lib/annotate/quote_lexicon.h"
#include "relscan/data.h"
#include "relscan/document.h"
#include "relscan/quote.h"
#include "relscan/segment.h"

namespace relscan {
namespace {

struct Annotated {
  Document doc;
  Segmentation seg;
  QuoteResult result;
};

// names: "surface=LABEL:canonical;..." -- every occurrence of each surface
// form becomes a name, as the entity annotator would give it.
std::vector<NamedSpan> Names(const std::string& text, const std::string& names) {
  std::vector<NamedSpan> out;
  size_t i = 0;
  while (i < names.size()) {
    size_t semi = names.find(';', i);
    if (semi == std::string::npos) semi = names.size();
    std::string item = names.substr(i, semi - i);
    i = semi + 1;
    size_t eq = item.find('='), colon = item.find(':', eq);
    REQUIRE(eq != std::string::npos);
    REQUIRE(colon != std::string::npos);
    std::string surface = item.substr(0, eq);
    for (size_t at = text.find(surface); at != std::string::npos;
         at = text.find(surface, at + surface.size())) {
      out.push_back({static_cast<int64_t>(at), static_cast<int64_t>(at + surface.size()),
                     item.substr(eq + 1, colon - eq - 1), item.substr(colon + 1)});
    }
  }
  std::sort(out.begin(), out.end(),
            [](const NamedSpan& a, const NamedSpan& b) { return a.bstart < b.bstart; });
  return out;
}

Annotated Annotate(const std::string& text, const std::string& names = "") {
  Annotated a;
  Result<Document> doc = LoadDocument(text, "t.txt", {});
  REQUIRE(doc.ok());
  a.doc = std::move(*doc);
  Segmenter segmenter;
  a.seg = segmenter.Segment(a.doc, {});
  QuoteAnnotator annotator;
  a.result = annotator.Annotate(a.doc, a.seg, Names(text, names));
  return a;
}

// "SPEECH [text] by speaker (speaker_text) cue told block".
std::string Describe(const Annotated& a, const QuoteSpan& q) {
  std::string s =
      std::string(QuoteLabelName(q.label)) + " [" + std::string(a.doc.Slice(q.start, q.end)) + "]";
  if (q.speaker) s += " by " + *q.speaker;
  if (q.speaker_text) s += " (" + *q.speaker_text + ")";
  if (q.cue) s += " cue " + *q.cue;
  if (q.block) s += " block";
  return s;
}

std::string Quotes(const Annotated& a) {
  std::string out;
  for (const QuoteSpan& q : a.result.quotes) out += (out.empty() ? "" : " | ") + Describe(a, q);
  return out;
}

// "[a] [b] / unpaired “@8 \"@20".
std::string Spans(const Annotated& a) {
  std::string out;
  for (const QuoteSpan& q : a.result.quotes)
    out += (out.empty() ? "[" : " [") + std::string(a.doc.Slice(q.start, q.end)) + "]";
  if (!a.result.unpaired.empty()) {
    out += out.empty() ? "unpaired" : " / unpaired";
    for (const UnpairedMark& m : a.result.unpaired)
      out += " " + m.mark + "@" + std::to_string(m.start);
  }
  return out;
}

struct Row {
  std::string text;
  std::string names;  // see Names()
  std::string expected;
};

void CheckQuotes(const std::vector<Row>& rows) {
  for (const Row& row : rows) {
    std::string printed = row.text + (row.names.empty() ? "" : "  {" + row.names + "}");
    CAPTURE(printed);
    CHECK(Quotes(Annotate(row.text, row.names)) == row.expected);
  }
}

TEST_CASE("quote marks: paired by kind, nested, apostrophes left alone") {
  std::vector<Row> rows = {
      {"He said “yes” today.", "", "[yes]"},
      {"“Outer ‘inner’ outer,” he said.", "", "[Outer ‘inner’ outer] [inner]"},
      {"“He said ‘no’ twice,” she wrote.", "", "[He said ‘no’ twice] [no]"},
      {"Israel’s and the countries’ leaders met Zelenskyy‘s aide near Samu‘ , a village.", "", ""},
      {"Rock 'n' roll in the '90s, goin' home with Kazakhstan's envoy.", "", ""},
      {"They call it „Heimat“ there.", "", "[Heimat]"},
      {"Il a dit « non » hier.", "", "[non]"},
      {"Er sagte »ja« gestern.", "", "[ja]"},
      {"The ''Record'' style and the ``typewriter'' style.", "", "[Record] [typewriter]"},
      {"A \"straight\" pair and a 'single' pair.", "", "[straight] [single]"},
      {"It was \"fine\" and 12\" long.", "", "[fine] / unpaired \"@20"},
      {"He said “no and left.", "", "unpaired “@8"},
      {"He said no” and left.", "", "unpaired ”@10"},
      {"The crisis deepened.\" Turkey closed its borders.", "", "unpaired \"@20"},
      {"He wrote “a ‘b” and left.", "", "[a ‘b] / unpaired ‘@12"},
      {"“It goes on.\nA plain paragraph, “and” a pair.", "", "[and] / unpaired “@0"},
      {"“Reopened.\n“Reopened again.\nNever closed.", "", "unpaired “@0 “@11"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.text);
    CHECK(Spans(Annotate(row.text)) == row.expected);
  }
}

TEST_CASE("quote marks: a quotation reopened at the next paragraph is one span") {
  std::vector<Row> rows = {
      {"“The first paragraph goes on.\n“The second one ends here.”\nA plain paragraph.", "",
       "SPEECH [The first paragraph goes on.\n“The second one ends here.]"},
      {"He said: “One.\n“Two.\n“Three, the end.”", "",
       "SPEECH [One.\n“Two.\n“Three, the end.] cue said"},
      // Not reopened: the first mark is unpaired and the quotation stops.
      {"“The first paragraph goes on.\nThe second is plain, “with a term” in it.", "",
       "TERM [with a term]"},
  };
  CheckQuotes(rows);
  Annotated a = Annotate(rows[0].text);
  REQUIRE(a.result.quotes.size() == 1);
  CHECK(a.result.quotes[0].sentences.size() == 2);
  CHECK(a.result.unpaired.empty());
}

TEST_CASE("quote marks: pairing is linear in the number of marks") {
  // Unmatched marks of every shape: openers that stay open (one family,
  // two families on one stack), closers with no opener, and closers that
  // meet a deep stack of openers of another family (a search of the stack
  // for each closer would make this one quadratic).
  struct Shape {
    std::string first, second;  // n/2 copies of each, one mark a copy
  };
  std::vector<Shape> shapes = {{"“a ", "“a "},  {"a” ", "a” "}, {"“a ", "‘b "}, {"\"a ", "‘b "},
                               {"''a ", "«b "}, {"“a ", "b» "}, {"‘a ", "b” "}};
  for (const Shape& shape : shapes) {
    std::string row = shape.first + "... " + shape.second + "...";
    CAPTURE(row);
    int64_t steps[2] = {0, 0};
    size_t unpaired[2] = {0, 0};
    int sizes[2] = {10000, 100000};
    for (int i = 0; i < 2; ++i) {
      std::string text;
      for (int r = 0; r < sizes[i] / 2; ++r) text += shape.first;
      for (int r = 0; r < sizes[i] / 2; ++r) text += shape.second;
      Annotated a = Annotate(text);
      steps[i] = a.result.pairing_steps;
      unpaired[i] = a.result.unpaired.size();
      CHECK(a.result.quotes.empty());
    }
    CAPTURE(steps[0]);
    CAPTURE(steps[1]);
    CHECK(unpaired[0] == 10000);
    CHECK(unpaired[1] == 100000);
    CHECK(steps[0] >= 10000);
    CHECK(steps[1] <= 11 * steps[0]);
  }
}

TEST_CASE("quote labels: SPEECH, TITLE and TERM") {
  CheckQuotes({
      {"Officials spoke of “strategic patience” during the talks.", "",
       "TERM [strategic patience]"},
      {"The community formed an association called “Aziz” last year.", "", "TERM [Aziz]"},
      {"The file, then classified as “secret,” was titled “A Quiet Partnership.”", "",
       "TERM [secret] | TITLE [A Quiet Partnership]"},
      {"The school calls its method “start-up education.” It works.", "",
       "TERM [start-up education]"},
      {"Today the “iceberg” that he had described has melted.", "", "TERM [iceberg]"},
      {"Israel “will act decisively” if needed.", "", "TERM [will act decisively]"},
      {"It was emphasized to me that it was to be the primary “ask” from our side.", "",
       "TERM [ask]"},
      // A quoted predicate after "that" and its subject is the speaker's.
      {"The minister told the Knesset that the deal “protects our security interests” today.", "",
       "SPEECH [protects our security interests] by minister (The minister) cue told"},
      // The clause's own auxiliary may come before its quoted predicate.
      {"The minister remarked that Egypt might “blow up that dam” one day.", "",
       "SPEECH [blow up that dam] by minister (The minister) cue remarked"},
      {"The minister said that the “iceberg” had melted.", "", "TERM [iceberg]"},
      {"She wrote an article titled “why baku matters” last year.", "", "TITLE [why baku matters]"},
      {"Her book “The Prize” won awards.", "", "TITLE [The Prize]"},
      // A long title in title case after a title noun, though a cue precedes.
      {"Hydrologists argued in a 2014 report, “The Grand Ethiopian Renaissance Dam: An "
       "Opportunity for Collaboration and Shared Benefits in the Eastern Nile Basin,” that "
       "it would work.",
       "",
       "TITLE [The Grand Ethiopian Renaissance Dam: An Opportunity for Collaboration and Shared "
       "Benefits in the Eastern Nile Basin]"},
      {"The panel discussed “Energy Security in the Caspian Region” at length.", "",
       "TITLE [Energy Security in the Caspian Region]"},
      {"He compared the alliance to “a marriage that neither side can leave.”", "",
       "SPEECH [a marriage that neither side can leave.] cue compared … to"},
      {"What the adviser called the “tenuous chewing gum and string arrangements” failed.", "",
       "SPEECH [tenuous chewing gum and string arrangements] by adviser (the adviser) cue called"},
      {"The resolution demanded “the right of all states in the area to live in peace.”", "",
       "SPEECH [the right of all states in the area to live in peace.]"},
      {"Two people met. “Nothing was agreed.”", "", "SPEECH [Nothing was agreed.]"},
      {"Locals called those years \"hungry\", \"cold\", and \"bad\", but mostly \"the dark.\"", "",
       "TERM [hungry] | TERM [cold] | TERM [bad] | TERM [the dark]"},
      {"The so-called “Middle Corridor,” a trade route, grew.", "", "TERM [Middle Corridor]"},
      // A cue verb after a determiner is a noun.
      {"The remarks “all options remain open” alarmed Tehran.", "",
       "TERM [all options remain open]"},
      {"Critics say “never” every time.", "", "SPEECH [never] by Critics cue say"},
  });
}

TEST_CASE("quote speakers: one row per sieve") {
  CheckQuotes({
      // The subject of a cue before the quotation.
      {"Aliyev told journalists: “No one can interfere in our affairs.”",
       "Aliyev=PERSON:Ilham Aliyev",
       "SPEECH [No one can interfere in our affairs.] by Ilham Aliyev (Aliyev) cue told"},
      {"President Aliyev told journalists: “We are satisfied.”", "Aliyev=PERSON:Ilham Aliyev",
       "SPEECH [We are satisfied.] by Ilham Aliyev (President Aliyev) cue told"},
      {"In 2008 Aliyev compared the relationship to “an iceberg; most of it is below the surface.”",
       "Aliyev=PERSON:Ilham Aliyev",
       "SPEECH [an iceberg; most of it is below the surface.] by Ilham Aliyev (Aliyev) cue "
       "compared … to"},
      {"The embassy then offered its own conclusion: “Both sides are well satisfied.”", "",
       "SPEECH [Both sides are well satisfied.] by embassy (The embassy) cue offered its own "
       "conclusion"},
      // After the quotation: verb then subject, subject then verb.
      {"“We will not back down,” said the foreign minister.", "",
       "SPEECH [We will not back down] by foreign minister (the foreign minister) cue said"},
      {"“We will not back down,” the minister said on Tuesday.", "",
       "SPEECH [We will not back down] by minister (the minister) cue said"},
      // A prepositional phrase after the subject's head belongs to it.
      {"“The dam is our flag,” one engineer in Addis Ababa told me.",
       "Addis Ababa=GPE:Addis Ababa",
       "SPEECH [The dam is our flag] by one engineer in Addis Ababa cue told"},
      {"“We will not yield,” a spokesman for the ministry said.", "",
       "SPEECH [We will not yield] by spokesman for the ministry (a spokesman for the ministry) "
       "cue said"},
      // Appositives, before and after.
      {"“The hospital is full,” Hugh Hill, a doctor, said.", "Hugh Hill=PERSON:Hugh Hill",
       "SPEECH [The hospital is full] by Hugh Hill cue said"},
      {"Hugh Hill, a doctor, said: “The hospital is full.”", "Hugh Hill=PERSON:Hugh Hill",
       "SPEECH [The hospital is full.] by Hugh Hill cue said"},
      // An appositive after an adverb, naming a title further on.
      {"Jens Stoltenberg, then NATO's Secretary General, said: “We are ready.”",
       "Jens Stoltenberg=PERSON:Jens Stoltenberg;NATO=ORG:NATO",
       "SPEECH [We are ready.] by Jens Stoltenberg cue said"},
      {"The Prime Minister of Israel, Benjamin Netanyahu, said: “We will respond.”",
       "Israel=GPE:Israel;Benjamin Netanyahu=PERSON:Benjamin Netanyahu",
       "SPEECH [We will respond.] by Benjamin Netanyahu cue said"},
      {"The President of Armenia said: “We value this partnership.”", "Armenia=GPE:Armenia",
       "SPEECH [We value this partnership.] by President of Armenia (The President of Armenia) "
       "cue said"},
      // according to X, in the words of X, as X put it.
      {"According to the World Bank, “growth will slow sharply next year.”",
       "World Bank=ORG:World Bank",
       "SPEECH [growth will slow sharply next year.] by World Bank (the World Bank) cue "
       "according to"},
      {"“Growth will slow,” according to the World Bank.", "World Bank=ORG:World Bank",
       "SPEECH [Growth will slow] by World Bank (the World Bank) cue according to"},
      {"In the words of Nelson Mandela, “it always seems impossible until it is done.”",
       "Nelson Mandela=PERSON:Nelson Mandela",
       "SPEECH [it always seems impossible until it is done.] by Nelson Mandela cue in the "
       "words of"},
      {"As the adviser Robert Komer put it, the goal was “to keep the arms race from starting.”",
       "Robert Komer=PERSON:Robert Komer",
       "SPEECH [to keep the arms race from starting.] by Robert Komer (the adviser Robert "
       "Komer) cue put it"},
      // X was quoted by Y as saying.
      {"President Aliyev was quoted by Haaretz newspaper as saying: “The contracts are done.”",
       "Aliyev=PERSON:Ilham Aliyev;Haaretz=ORG:Haaretz",
       "SPEECH [The contracts are done.] by Ilham Aliyev (President Aliyev) cue as saying"},
      // Relative pronouns: the noun phrase before them, without its
      // prepositional phrase and article.
      {"The advice came from a 2022 World Bank report on Azerbaijan, which emphasized that, "
       "“teachers are the most important drivers of learning.”",
       "World Bank=ORG:World Bank;Azerbaijan=GPE:Azerbaijan",
       "SPEECH [teachers are the most important drivers of learning.] by 2022 World Bank report "
       "(a 2022 World Bank report) cue emphasized"},
      {"Smith, who said “nothing is agreed until everything is agreed,” left early.",
       "Smith=PERSON:John Smith",
       "SPEECH [nothing is agreed until everything is agreed] by John Smith (Smith) cue said"},
      // The possessor of a statement.
      {"The ambassador’s statement that “all options remain open” alarmed Tehran.", "",
       "SPEECH [all options remain open] by ambassador (The ambassador) cue statement"},
      // A split quotation: both halves are the speaker's.
      {"“Israel,” Johnson told the foreign minister on May 26, “will not be alone.”", "",
       "SPEECH [Israel] by Johnson cue told | SPEECH [will not be alone.] by Johnson cue told"},
  });
}

TEST_CASE("quote speakers: pronouns and the previous sentence") {
  CheckQuotes({
      {"Angela Merkel visited Kyiv. “We stand with Ukraine,” she said.",
       "Angela Merkel=PERSON:Angela Merkel;Kyiv=GPE:Kyiv;Ukraine=GPE:Ukraine",
       "SPEECH [We stand with Ukraine] by Angela Merkel (she) cue said"},
      // The nearest compatible mention: a PERSON, not the places after it.
      {"Ilham Aliyev met the press in Baku and Israel. He said: “The door is open.”",
       "Ilham Aliyev=PERSON:Ilham Aliyev;Baku=GPE:Baku;Israel=GPE:Israel",
       "SPEECH [The door is open.] by Ilham Aliyev (He) cue said"},
      {"The Israelis were cautious. They said: “We will wait and see.”", "Israelis=NORP:Israeli",
       "SPEECH [We will wait and see.] by Israeli (They) cue said"},
      // Names inside the quotation are not its speaker.
      {"“Netanyahu is wrong,” he said.", "Netanyahu=PERSON:Benjamin Netanyahu",
       "SPEECH [Netanyahu is wrong] cue said"},
      // A sentence-long quotation after a quotation or a person.
      {"“We stand with Ukraine,” Merkel said. “Our support will not waver.”",
       "Merkel=PERSON:Angela Merkel",
       "SPEECH [We stand with Ukraine] by Angela Merkel (Merkel) cue said | SPEECH [Our support "
       "will not waver.] by Angela Merkel"},
      {"Angela Merkel visited Kyiv on Friday. “We stand with Ukraine and its people.”",
       "Angela Merkel=PERSON:Angela Merkel",
       "SPEECH [We stand with Ukraine and its people.] by Angela Merkel"},
  });
}

TEST_CASE("quote speakers: none found is null, never a guess") {
  CheckQuotes({
      {"He told reporters: “The talks are over.”", "", "SPEECH [The talks are over.] cue told"},
      {"I told him: “Go home.”", "", "SPEECH [Go home.] cue told"},
      {"Olaf Scholz and Angela Merkel met. “Nothing was agreed.”",
       "Olaf Scholz=PERSON:Olaf Scholz;Angela Merkel=PERSON:Angela Merkel",
       "SPEECH [Nothing was agreed.]"},
      // "it" is not resolved.
      {"“Nothing was agreed,” it was said.", "", "SPEECH [Nothing was agreed] cue said"},
  });
}

TEST_CASE("quote blocks: the whole paragraph after a cue line ending in a colon") {
  CheckQuotes({
      {"President Aliyev was quoted by Haaretz newspaper as saying:\nSo far, the contracts have "
       "been close to $5 billion. We are very satisfied.\nThe Next Heading",
       "Aliyev=PERSON:Ilham Aliyev;Haaretz=ORG:Haaretz",
       "SPEECH [So far, the contracts have been close to $5 billion. We are very satisfied.] by "
       "Ilham Aliyev (President Aliyev) cue as saying block"},
      {"The embassy then offered its own conclusion regarding the relationship between the two "
       "countries:\nBoth sides are well satisfied with the state of affairs.",
       "",
       "SPEECH [Both sides are well satisfied with the state of affairs.] by embassy (The "
       "embassy) cue offered its own conclusion block"},
      // A paragraph in quote marks after the cue line is an ordinary quotation.
      {"The minister told parliament:\n“We will not retreat. Not now, not ever.”", "",
       "SPEECH [We will not retreat. Not now, not ever.] by minister (The minister) cue told"},
      // No cue, or a heading after the colon: no block.
      {"The priorities are the following:\nEnergy, trade and transport.", "", ""},
      {"He said:\nPress Briefing\nThe text.", "", ""},
  });
  Annotated a =
      Annotate("He was quoted as saying:\nOne sentence. Two sentences. Three.\nAfter.", "");
  REQUIRE(a.result.quotes.size() == 1);
  CHECK(a.result.quotes[0].block);
  CHECK(a.result.quotes[0].sentences == std::vector<int32_t>{1, 2, 3});
}

TEST_CASE("quote transcripts: a turn is the speaker's own, not a quotation") {
  CheckQuotes({
      // The label's colon is no cue line, and the turn is not a block.
      {"MODERATOR: Our first speaker will say a few words:\nSECRETARY BLINKEN: Thank you. It is "
       "a pleasure to be here.",
       "", ""},
      {"SECRETARY BLINKEN: Let me tell you what I said:\nWe are committed to this partnership.", "",
       ""},
      // "I" in a turn is the turn's speaker; a name in the text gives the canonical form.
      {"Antony Blinken arrived.\nSECRETARY BLINKEN: As I said, “we are committed to this "
       "partnership.”",
       "Antony Blinken=PERSON:Antony Blinken",
       "SPEECH [we are committed to this partnership.] by Antony Blinken (I) cue said"},
      {"MODERATOR: As I said, this call is on background for attribution to “senior "
       "administration officials.”",
       "", "TERM [senior administration officials]"},
      // Within a turn, a cue that names someone else opens a block.
      {"SECRETARY BLINKEN: Let me read what the minister told me:\nWe will sign the memorandum "
       "today.",
       "", "SPEECH [We will sign the memorandum today.] by minister (the minister) cue told block"},
  });
}

TEST_CASE("quote marks: the Congressional Record's '' quotations") {
  CheckQuotes({
      {"Mr. HASTINGS of Florida. Madam Speaker, President Nazarbayev told the Council that, "
       "''Kazakhstan is firmly committed to the principles of the OSCE.''",
       "Nazarbayev=PERSON:Nursultan Nazarbayev",
       "SPEECH [Kazakhstan is firmly committed to the principles of the OSCE.] by Nursultan "
       "Nazarbayev (President Nazarbayev) cue told"},
      {"I applaud Chairman-in-Office Saudabayev's statement that, ''further steps will follow "
       "this year.''",
       "Saudabayev=PERSON:Kanat Saudabayev",
       "SPEECH [further steps will follow this year.] by Kanat Saudabayev "
       "(Chairman-in-Office Saudabayev) cue statement"},
      {"The term ``ask'' is a diplomat's word.", "", "TERM [ask]"},
  });
}

TEST_CASE("quote spans: marks and the outer sentence's punctuation stay out") {
  struct SpanRow {
    std::string text;
    std::string label;
    int64_t start, end, bstart, bend;
  };
  std::vector<SpanRow> rows = {
      // SPEECH keeps the speaker's own period; offsets in code points and bytes.
      {"He said “Ağdam is ours.” Then he left.", "SPEECH", 9, 23, 11, 26},
      // TERM and TITLE leave the comma or period of the outer sentence out.
      {"The cable was “secret,” and old.", "TERM", 15, 21, 17, 23},
      {"It was titled “Azerbaijan’s Discreet Symbiosis.”", "TITLE", 15, 46, 17, 50},
      // SPEECH drops the comma that replaces its period.
      {"“We will win,” he said.", "SPEECH", 1, 12, 3, 14},
      // Spaces inside the marks are not part of the span.
      {"He said « non » hier.", "SPEECH", 10, 13, 11, 14},
  };
  for (const SpanRow& row : rows) {
    CAPTURE(row.text);
    Annotated a = Annotate(row.text);
    REQUIRE(a.result.quotes.size() == 1);
    const QuoteSpan& q = a.result.quotes[0];
    CHECK(std::string(QuoteLabelName(q.label)) == row.label);
    CHECK(q.start == row.start);
    CHECK(q.end == row.end);
    CHECK(q.bstart == row.bstart);
    CHECK(q.bend == row.bend);
  }
}

TEST_CASE("quote sentences: a quotation across sentences lists them all, first first") {
  Annotated a = Annotate(
      "Intro sentence. Aliyev told journalists: “No one can interfere. It is our business. After "
      "all, we do not sue.” Then he left.");
  REQUIRE(a.result.quotes.size() == 1);
  CHECK(a.result.quotes[0].sentences == std::vector<int32_t>{1, 2, 3});
}

TEST_CASE("quote rules name the cue and its data line") {
  Annotated a =
      Annotate("Aliyev told journalists: “We are satisfied.”", "Aliyev=PERSON:Ilham Aliyev");
  REQUIRE(a.result.quotes.size() == 1);
  const std::string& rule = a.result.quotes[0].rule;
  CAPTURE(rule);
  std::string file = "lib/data/quotes/cues.txt:";
  size_t at = rule.find(file);
  REQUIRE(at != std::string::npos);
  int line = std::atoi(rule.c_str() + at + file.size());
  bool found = false;
  for (const data::DataLine& l : data::DataLines(data::Find("data/quotes/cues.txt")))
    if (l.line == line) found = l.text.find("told") != std::string_view::npos;
  CHECK(found);
  CHECK(rule.find("speaker: subject of the cue") != std::string::npos);
}

TEST_CASE("quote lexicons load without errors") {
  const QuoteLexicon& lex = QuoteLexicon::Get();
  std::string errors;
  for (const std::string& e : lex.cues.errors()) errors += e + "\n";
  for (const std::string& e : lex.terms.errors()) errors += e + "\n";
  CHECK(errors == "");
  CHECK(lex.cues.size() > 60);
  CHECK(lex.terms.size() > 20);
  CHECK(lex.titles.count("titled") == 1);
  CHECK(lex.ClassOf("which") == kRel);
  CHECK(lex.title_words.count("president") == 1);
}

TEST_CASE("quote annotator: empty and markless documents") {
  CHECK(Quotes(Annotate("")) == "");
  CHECK(Quotes(Annotate("No quotations here.\nNone at all.")) == "");
  CHECK(Annotate("").result.unpaired.empty());
}

TEST_CASE("QuoteLabelName spells the TAGSET labels") {
  CHECK(QuoteLabelName(QuoteLabel::kSpeech) == "SPEECH");
  CHECK(QuoteLabelName(QuoteLabel::kTitle) == "TITLE");
  CHECK(QuoteLabelName(QuoteLabel::kTerm) == "TERM");
}

}  // namespace
}  // namespace relscan
