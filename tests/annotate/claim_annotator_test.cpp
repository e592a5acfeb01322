// The claim annotator (lib/annotate): tables of invented sentences, each
// with the claim it must give (label, stance, source) or the reason it is
// not a claim, run through the whole pipeline the tagger runs.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "relscan/claim.h"
#include "relscan/date.h"
#include "relscan/document.h"
#include "relscan/entity.h"
#include "relscan/figure.h"
#include "relscan/quote.h"
#include "relscan/segment.h"

namespace relscan {
namespace {

// Everything the pipeline finds in one text, kept alive for the claims.
struct Pipeline {
  Document doc;
  Segmentation seg;
  std::vector<Entity> entities;
  std::vector<DateSpan> dates;
  std::vector<FigureSpan> figures;
  std::vector<QuoteSpan> quotes;
  std::vector<ClaimSpan> claims;

  explicit Pipeline(std::string_view text, bool with_quotes = true) {
    Result<Document> d = LoadDocument(text, "t.txt", {});
    REQUIRE(d.ok());
    doc = std::move(*d);
    Segmenter segmenter;
    seg = segmenter.Segment(doc, {});
    entities = EntityAnnotator(Gazetteer::BuiltIn()).Annotate(doc, seg);
    dates = DateAnnotator().Annotate(doc, seg, {});
    std::vector<std::pair<int64_t, int64_t>> taken;
    for (const DateSpan& x : dates) taken.emplace_back(x.bstart, x.bend);
    for (const Entity& x : entities) taken.emplace_back(x.bstart, x.bend);
    figures = FigureAnnotator().Annotate(doc, seg, taken);
    if (with_quotes) {
      std::vector<NamedSpan> names;
      for (const Entity& e : entities)
        names.push_back({e.bstart, e.bend, std::string(EntityLabelName(e.label)), e.canonical});
      quotes = QuoteAnnotator().Annotate(doc, seg, names).quotes;
    }
    Run();
  }

  void Run() {
    ClaimEvidence ev;
    ev.entities = &entities;
    ev.figures = &figures;
    ev.dates = &dates;
    ev.quotes = &quotes;
    claims = ClaimAnnotator().Annotate(doc, seg, ev);
  }

  // "LABEL stance source" for the claim of sentence i, else "not a claim: reason".
  std::string Row(size_t i) const {
    for (const ClaimSpan& c : claims) {
      if (c.sentence != static_cast<int32_t>(i)) continue;
      return std::string(ClaimTypeName(c.label)) + " " + c.stance + " " + c.source;
    }
    ClaimCandidacy why = CheckClaimCandidate(doc, seg, static_cast<int32_t>(i));
    return "not a claim: " + std::string(NonClaimReasonName(why.reason));
  }

  const ClaimSpan* Claim(size_t i) const {
    for (const ClaimSpan& c : claims)
      if (c.sentence == static_cast<int32_t>(i)) return &c;
    return nullptr;
  }
};

struct Row {
  const char* text;  // one sentence (or a context and the sentence last)
  const char* want;  // "LABEL stance source" or "not a claim: reason"
};

// Checks the last sentence of each text.
void CheckRows(const std::vector<Row>& rows) {
  for (const Row& row : rows) {
    Pipeline p(row.text);
    REQUIRE(!p.seg.sentences.empty());
    std::string got = p.Row(p.seg.sentences.size() - 1);
    std::string text = row.text;
    CAPTURE(text);
    CHECK(got == std::string(row.want));
  }
}

TEST_CASE("claims: the lexicons load without errors") {
  std::vector<std::string> errors = ClaimLexiconErrors();
  std::string all;
  for (const std::string& e : errors) all += e + "\n";
  CAPTURE(all);
  CHECK(errors.empty());
}

TEST_CASE("claims: type names round-trip in precedence order") {
  const ClaimType order[] = {ClaimType::kStatistical, ClaimType::kCausal, ClaimType::kPredictive,
                             ClaimType::kNormative, ClaimType::kEvaluative, ClaimType::kFactual};
  const char* names[] = {"STATISTICAL", "CAUSAL", "PREDICTIVE", "NORMATIVE", "EVALUATIVE",
                         "FACTUAL"};
  for (int i = 0; i < 6; ++i) {
    std::string row = names[i];
    CAPTURE(row);
    CHECK(ClaimTypeName(order[i]) == names[i]);
    CHECK(ParseClaimType(names[i]) == order[i]);
  }
  CHECK(!ParseClaimType("OPINION").has_value());
}

TEST_CASE("claims: each type") {
  CheckRows({
      // STATISTICAL: money, percent, a quantity with a unit, a predicated rank, a count.
      {"Georgia spent $2.3 billion on rail upgrades last year.", "STATISTICAL plain author"},
      {"Hydropower supplies nearly 30 percent of Armenia's electricity.",
       "STATISTICAL plain author"},
      {"The new pipeline runs 420 kilometers across the steppe.", "STATISTICAL plain author"},
      {"Kazakhstan is the largest uranium producer, and Norway is the third-largest exporter.",
       "STATISTICAL plain author"},
      {"Some 12,000 refugees crossed the border in a single week.", "STATISTICAL plain author"},
      {"Thousands of volunteers rebuilt the schools.", "STATISTICAL plain author"},
      // CAUSAL: an explicit cause-and-effect predicate.
      {"The drought led to a sharp fall in grain exports.", "CAUSAL plain author"},
      {"The ceasefire held thanks to the monitors on the ground.", "CAUSAL plain author"},
      {"The sanctions were a catalyst for the reforms.", "CAUSAL plain author"},
      // PREDICTIVE: the future.
      {"The new port will open to container traffic next spring.", "PREDICTIVE plain author"},
      {"Trade between the two states is expected to double.", "PREDICTIVE plain author"},
      // NORMATIVE: what should be done, rights claims included.
      {"The donors should fund the desalination plant.", "NORMATIVE plain author"},
      {"It is essential that the talks resume before the winter.", "NORMATIVE plain author"},
      {"No one can dictate our foreign policy.", "NORMATIVE plain author"},
      // EVALUATIVE: a judgement is the point.
      {"The summit was a remarkable success for both delegations.",
       "EVALUATIVE plain author"},
      {"Interestingly, the smaller delegation set the agenda.", "EVALUATIVE plain author"},
      {"The agreement is important for the region.", "EVALUATIVE plain author"},
      // FACTUAL: a checkable event or state.
      {"The delegation met the foreign minister in Tbilisi on 3 March 2021.",
       "FACTUAL plain author"},
      {"Moldova borders Romania and Ukraine.", "FACTUAL plain author"},
  });
}

TEST_CASE("claims: what does not make a type") {
  CheckRows({
      // Identifying counts, ordinals in passing and durations are not STATISTICAL.
      {"The two countries signed a memorandum in Baku.", "FACTUAL plain author"},
      {"She was the fourth envoy to visit the capital.", "FACTUAL plain author"},
      {"The flight between the capitals takes under three hours.", "FACTUAL plain author"},
      {"The ministry published thousands of archived cables.", "FACTUAL plain author"},
      {"Its second largest port, Batumi, was closed.", "FACTUAL plain author"},
      // Purpose, grounding and circumstance are not CAUSAL; a noun "cause" is not.
      {"The ministers met in order to settle the border dispute.", "FACTUAL plain author"},
      {"The plan is based on a survey of the coastline.", "FACTUAL plain author"},
      {"In light of the floods, the ministers met in Yerevan.", "FACTUAL plain author"},
      {"Volunteers from abroad rallied to the cause.", "FACTUAL plain author"},
      // A future reported inside a noun's content clause is not a prediction.
      {"The announcement that Baku will open a consulate surprised no one in Ankara.",
       "EVALUATIVE plain author"},
      // "the need to" is a noun, not a modal.
      {"The memo stressed the need to secure the archives.", "FACTUAL plain author"},
      // A lone attributive adjective inside a report is not a judgement.
      {"The infamous cable was leaked in 2011.", "FACTUAL plain author"},
  });
}

TEST_CASE("claims: the label is the first type in precedence order") {
  CheckRows({
      {"The $40 million grant will be critical to the recovery.", "STATISTICAL plain author"},
      {"The reforms will lead to higher wages.", "CAUSAL plain author"},
      {"The ministry should publish the figures, which will matter greatly.",
       "PREDICTIVE plain author"},
      {"The excellent new law must be enforced.", "NORMATIVE plain author"},
      {"The successful talks ended on 4 May 2022.", "EVALUATIVE plain author"},
  });
  Pipeline p("Remarkably, the reforms caused a 12 percent rise in exports, which will continue.");
  const ClaimSpan* c = p.Claim(0);
  REQUIRE(c != nullptr);
  std::string types;
  for (ClaimType t : c->types) types += std::string(ClaimTypeName(t)) + " ";
  CAPTURE(types);
  CHECK(types == "STATISTICAL CAUSAL PREDICTIVE EVALUATIVE ");
}

TEST_CASE("claims: stance comes from the cue over the claim") {
  CheckRows({
      // Hedged.
      {"The talks may resume in the autumn.", "PREDICTIVE hedged author"},
      {"Perhaps the embargo was a mistake.", "EVALUATIVE hedged author"},
      {"In my view, the embargo caused the shortages.", "CAUSAL hedged author"},
      {"It seems that the border has been quiet since June.", "FACTUAL hedged author"},
      {"It can certainly be argued that the treaty failed.", "FACTUAL hedged author"},
      {"The reforms are perceived to have worked.", "FACTUAL hedged author"},
      {"I believe the talks were productive.", "FACTUAL hedged author"},
      // Certain.
      {"Clearly, the embargo was a mistake.", "EVALUATIVE certain author"},
      {"Of course, the pipeline brought investment.", "CAUSAL certain author"},
      {"It is apparent that the delegation left early.", "FACTUAL certain author"},
      {"The outcome was undoubtedly a setback for the opposition.", "FACTUAL certain author"},
      // Plain: local or concessive cues do not set the stance.
      {"The treaty was, perhaps ironically, signed in Moscow.", "EVALUATIVE plain author"},
      {"While this may have changed, the port is obvious to any visitor.",
       "FACTUAL certain author"},
      {"The minister certainly has critics, but the plan passed the parliament.",
       "FACTUAL plain author"},
      // The future before the pivot is still a type of the claim (claims notes).
      {"There may be delays; still, the line opened in Gyumri.", "PREDICTIVE plain author"},
      {"The envoy described a bond that could last for decades.", "FACTUAL plain author"},
      {"The talks were really held in secret.", "FACTUAL plain author"},
      {"The relationship is genuinely close.", "FACTUAL plain author"},
      {"The plan covers irrigation and perhaps even desalination.", "FACTUAL plain author"},
      {"Officials understood the risk clearly from the start.", "FACTUAL plain author"},
  });
}

TEST_CASE("claims: sources") {
  CheckRows({
      // A reporting verb with its subject: the entity canonical form, else
      // the noun phrase without its article.
      {"Tigran Petrosyan met the press. Petrosyan said that the grid was repaired.",
       "FACTUAL plain Tigran Petrosyan"},
      {"The Financial Times reported that the deal was signed in secret.",
       "FACTUAL plain Financial Times"},
      // An estimate is reported and hedged, like "reckon" (claims notes).
      {"Local analysts estimated that the deal was worth little.",
       "FACTUAL hedged Local analysts"},
      {"Independent surveys indicate that turnout was low.", "FACTUAL plain Independent surveys"},
      {"According to the central bank, inflation fell in March.",
       "FACTUAL plain central bank"},
      {"It was stressed to me by the ambassador that the visit was private.",
       "FACTUAL plain ambassador"},
      {"From Georgia's perspective, the railway is a priority.", "NORMATIVE plain Georgia"},
      // A pronoun names the person last named.
      {"Ruben Vardanyan wrote an essay on the war. He argued that the blockade was illegal.",
       "FACTUAL plain Ruben Vardanyan"},
      // Opinion verbs cite a person or a group of people, not a state.
      {"Many critics viewed the summit as a failure.", "EVALUATIVE plain Many critics"},
      {"Both governments see the corridor as a lifeline.", "EVALUATIVE plain author"},
      // The author's voice: first person, factive, agentless, interpretive,
      // relative clauses, a plural noun that only looks like a verb.
      {"I argued that the embargo was a mistake.", "EVALUATIVE plain author"},
      {"The ministry understands that the grid is fragile.", "FACTUAL plain author"},
      {"It is said that the treaty was drafted in one night.", "FACTUAL plain author"},
      {"The president was telling voters that the crisis was over.", "FACTUAL plain author"},
      {"The pipeline fulfils a plan, which the minister announced that year.",
       "FACTUAL plain author"},
      {"Media reports have long suggested that the mine was closed.",
       "FACTUAL plain Media reports"},
      {"The ministry emphasized its respect for the minorities.", "FACTUAL plain author"},
      // A term in quotation marks is not reported speech.
      {"The campaign was called \xE2\x80\x9CSilk Wind\xE2\x80\x9D by its planners.",
       "FACTUAL plain author"},
  });
}

TEST_CASE("claims: a quotation's later sentences take its speaker") {
  // An inline quotation over two sentences: the second is the speaker's.
  Pipeline p(
      "Nikol Pashinyan told reporters: \xE2\x80\x9CThe border must stay open. "
      "We will not close it.\xE2\x80\x9D");
  REQUIRE(p.seg.sentences.size() == 2);
  std::vector<std::string> rows = {p.Row(0), p.Row(1)};
  std::string got = rows[0] + " | " + rows[1];
  CAPTURE(got);
  CHECK(got == "NORMATIVE plain Nikol Pashinyan | PREDICTIVE plain Nikol Pashinyan");
}

TEST_CASE("claims: a block quotation's sentences take the speaker of its cue line") {
  // The quote spans are given by hand, so that this checks the claim rules
  // alone: the block's sentences take the speaker; the cue is on the cue line.
  std::string text =
      "The minister was quoted by the agency as saying:\n"
      "Exports reached $3 billion. We are very proud of our farmers.\n"
      "Critics disagree.\n";
  Pipeline p(text, /*with_quotes=*/false);
  REQUIRE(p.seg.sentences.size() == 4);
  QuoteSpan q;
  q.bstart = p.seg.sentences[1].bstart;
  q.bend = p.seg.sentences[2].bend;
  q.start = p.seg.sentences[1].start;
  q.end = p.seg.sentences[2].end;
  q.sentences = {1, 2};
  q.label = QuoteLabel::kSpeech;
  q.speaker = "Ashot Minasyan";
  q.speaker_text = "The minister";
  q.cue = "as saying";
  q.block = true;
  p.quotes = {q};
  p.Run();
  struct Want {
    size_t sentence;
    const char* row;
  };
  for (const Want& w : std::vector<Want>{{1, "STATISTICAL plain Ashot Minasyan"},
                                         {2, "EVALUATIVE plain Ashot Minasyan"},
                                         {3, "FACTUAL plain author"}}) {
    std::string row = p.Row(w.sentence);
    CAPTURE(row);
    CHECK(row == std::string(w.row));
  }
  const ClaimSpan* c = p.Claim(1);
  REQUIRE(c != nullptr);
  REQUIRE(!c->cues.empty());
  CHECK(c->cues.front() == "as saying:");
  CHECK(c->source_text == std::optional<std::string>("The minister"));
}

TEST_CASE("claims: non-claims") {
  CheckRows({
      {"Regional Cooperation in the Caspian", "not a claim: heading"},
      {"AMBASSADOR KHAN:\nThe talks went well.\nAMBASSADOR KHAN:", "not a claim: speaker label"},
      {"(Laughter.)", "not a claim: stage direction"},
      {"Why did the talks collapse in 2019?", "not a claim: question"},
      {"Could you say more about the pipeline route.", "not a claim: question"},
      {"I was wondering whether the ministers discussed the tariffs.", "not a claim: question"},
      {"Good morning, everyone.", "not a claim: greeting"},
      {"Hello again.", "not a claim: greeting"},
      {"Nina, it's very good to see you here.", "not a claim: greeting"},
      {"Thank you, Mr. Chairman.", "not a claim: thanks"},
      {"Thanks so much for having me.", "not a claim: thanks"},
      {"And thank you all very much.", "not a claim: thanks"},
      {"I yield back the balance of my time.", "not a claim: procedural"},
      {"I reserve the balance of my time.", "not a claim: procedural"},
      {"Without objection, so ordered.", "not a claim: procedural"},
      {"With that, I'll turn it over to the ambassador.", "not a claim: procedural"},
      {"Next question.", "not a claim: procedural"},
      {"[Senior official] and [senior official], I'll hand it over to you.",
       "not a claim: procedural"},
      {"And I'll leave you with my colleague from the Treasury.", "not a claim: procedural"},
      {"And finally.", "not a claim: transition"},
      {"Let me explain.", "not a claim: transition"},
      // Look-alikes that are claims.
      {"Thanks to the new line, freight costs fell.", "CAUSAL plain author"},
      {"Let me be clear: the border will stay open.", "PREDICTIVE plain author"},
      {"The minister welcomed the delegation in Baku.", "FACTUAL plain author"},
      {"Good governance has returned to the region.", "FACTUAL plain author"},
      {"The question is whether the ceasefire holds.", "FACTUAL plain author"},
  });
}

TEST_CASE("claims: a repeated sentence carries the same claim") {
  Pipeline p(
      "The talks may well fail.\n"
      "Nobody expected that.\n"
      "The talks may well fail.\n");
  REQUIRE(p.seg.sentences.size() == 3);
  std::string first = p.Row(0), repeat = p.Row(2);
  CAPTURE(first);
  CHECK(first == "FACTUAL hedged author");
  CHECK(repeat == first);
}

TEST_CASE("claims: cues are words of the sentence or of its cue line") {
  // An invariant over the reference essay and the transcripts: every cue is
  // an exact substring of its sentence or of the cue line of its quotation.
  for (const char* name : {"iceberg-melted.txt", "wh-israel-lebanon-maritime-press-call.txt",
                           "congrec-hastings-kazakhstan-osce.txt"}) {
    std::ifstream in(std::string(RELSCAN_SOURCE_DIR) + "/corpora/" + name, std::ios::binary);
    REQUIRE(in);
    std::stringstream ss;
    ss << in.rdbuf();
    Pipeline p(ss.str());
    CHECK(!p.claims.empty());
    auto sentence_text = [&p](int32_t i) -> std::string_view {
      if (i < 0) return {};
      const Sentence& s = p.seg.sentences[static_cast<size_t>(i)];
      return p.doc.Slice(s.start, s.end);
    };
    for (const ClaimSpan& c : p.claims) {
      std::string_view text = sentence_text(c.sentence);
      // The cue line: the sentence before a block quotation, or the first
      // sentence of the quotation this sentence continues.
      std::string before;
      for (const QuoteSpan& q : p.quotes) {
        if (q.sentences.empty()) continue;
        if (std::find(q.sentences.begin(), q.sentences.end(), c.sentence) == q.sentences.end())
          continue;
        before += std::string(sentence_text(q.sentences.front() - 1)) + "\n";
        before += std::string(sentence_text(q.sentences.front())) + "\n";
      }
      CHECK(!c.rule.empty());
      CHECK(!c.types.empty());
      CHECK(c.types.front() == c.label);
      for (const std::string& cue : c.cues) {
        std::string row = std::string(name) + ": '" + cue + "' in: " + std::string(text);
        CAPTURE(row);
        CHECK((text.find(cue) != std::string_view::npos ||
               before.find(cue) != std::string::npos));
      }
    }
  }
}

}  // namespace
}  // namespace relscan
