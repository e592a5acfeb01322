// The entity annotator (lib/annotate): one table of cases per rule family,
// each an invented sentence with the entities it must (and must not) give.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "relscan/document.h"
#include "relscan/entity.h"
#include "relscan/segment.h"

namespace relscan {
namespace {

// "LABEL text" or "LABEL text => canonical" or "... [role]".
std::vector<std::string> Tag(std::string_view text, std::shared_ptr<const Gazetteer> g = {}) {
  Result<Document> doc = LoadDocument(text, "t.txt", {});
  REQUIRE(doc.ok());
  Segmenter segmenter;
  Segmentation seg = segmenter.Segment(*doc, {});
  EntityAnnotator annotator(g ? g : Gazetteer::BuiltIn());
  std::vector<std::string> out;
  for (const Entity& e : annotator.Annotate(*doc, seg)) {
    std::string s = std::string(EntityLabelName(e.label)) + " " +
                    std::string(doc->Slice(e.start, e.end));
    if (e.canonical != doc->Slice(e.start, e.end)) s += " => " + e.canonical;
    if (!e.role.empty()) s += " [" + e.role + "]";
    out.push_back(s);
  }
  return out;
}

struct Row {
  const char* text;
  std::vector<std::string> entities;
};

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : " | ") + s;
  return out;
}

void CheckRows(const std::vector<Row>& rows) {
  for (const Row& row : rows) {
    std::string text = row.text;
    CAPTURE(text);
    CHECK(Join(Tag(row.text)) == Join(row.entities));
  }
}

TEST_CASE("entities: a sentence-initial title, and roles after an organization") {
  CheckRows({
      // The title is a common word at the start of the sentence, still a title.
      {"Foreign Minister Sameh Shoukry later took the case further.",
       {"PERSON Sameh Shoukry [Foreign Minister]"}},
      // A month before the title is no part of the role.
      {"In April President Obama will welcome the delegation.",
       {"PERSON Obama [President]"}},
      // An organization's name before the title: both are found.
      {"European Commission President Ursula von der Leyen spoke.",
       {"ORG European Commission", "PERSON Ursula von der Leyen [President]"}},
      {"He met the Foreign Ministry Spokesperson Maria Zakharova.",
       {"ORG Foreign Ministry", "PERSON Maria Zakharova [Spokesperson]"}},
      // Unknown words set off by commas after a title, in any case.
      {"The African Union's chairperson, Moussa Faki Mahamat, said so.",
       {"ORG African Union", "PERSON Moussa Faki Mahamat"}},
      {"Minister of Economy, Moussa Faki Mahamat, said so.",
       {"PERSON Moussa Faki Mahamat [Minister of Economy]"}},
      // Not after an ordinary noun.
      {"The harbour, Moussa Faki Mahamat, was busy.", {}},
  });
}

TEST_CASE("entities: name particles, and short forms of a name given in full") {
  CheckRows({
      {"He met Charles de Gaulle in Paris.", {"PERSON Charles de Gaulle", "GPE Paris"}},
      // A particle joined by a hyphen (U+2011 here); the surname alone later.
      {"Egyptian President Abdel Fattah el\u2011Sisi spoke. Later Sisi left.",
       {"NORP Egyptian", "PERSON Abdel Fattah el\u2011Sisi [President]",
        "PERSON Sisi => Abdel Fattah el\u2011Sisi"}},
      // A given name alone: the one person so named in full.
      {"Prime Minister Abiy Ahmed opened the dam. Abiy spoke for an hour.",
       {"PERSON Abiy Ahmed [Prime Minister]", "PERSON Abiy => Abiy Ahmed"}},
      // The first word of an organization named in full, with a generic head.
      {"The Wagner Group arrived. Wagner's fighters stayed.",
       {"ORG Wagner Group", "ORG Wagner => Wagner Group"}},
      // Initials and a surname; not a clock's "P.M." before a zone.
      {"Chairman C.C. Wei spoke at 6:00 P.M. Eastern.", {"PERSON C.C. Wei [Chairman]"}},
      // A lone given name inside a sentence; not at its start.
      {"Thanks, Sarah. Sarah said no.", {"PERSON Sarah"}},
      // "of" is an English connector, not a particle: the name stops there.
      {"President Kassym-Jomart Tokayev of Kazakhstan arrived.",
       {"PERSON Kassym-Jomart Tokayev [President]", "GPE Kazakhstan"}},
  });
}

TEST_CASE("entities: a phrase whose initials spell the acronym after it is a name") {
  CheckRows({
      // The inner demonym does not win; the acronym takes the name later.
      {"The utility Ethiopian Electric Power (EEP) sells power. EEP grew.",
       {"ORG Ethiopian Electric Power", "ORG EEP => Ethiopian Electric Power",
        "ORG EEP => Ethiopian Electric Power"}},
      // Connectors carry no initial; the abbreviation takes the expansion
      // the text defines (TAGSET §1).
      {"The Organization of Petroleum Exporting Countries (OPEC) met.",
       {"ORG Organization of Petroleum Exporting Countries",
        "ORG OPEC => Organization of Petroleum Exporting Countries"}},
      // So do the abbreviation's other mentions, and the expansion the
      // built-in list would shorten to the abbreviation.
      {"The North Atlantic Treaty Organization (NATO) met. NATO grew.",
       {"ORG North Atlantic Treaty Organization",
        "ORG NATO => North Atlantic Treaty Organization",
        "ORG NATO => North Atlantic Treaty Organization"}},
      // Initials that do not spell it: no name.
      {"It sells Cheap Green Power (XYZ) now.", {}},
  });
}

TEST_CASE("entities: head words Body and Initiative make organizations") {
  CheckRows({
      {"The WTO Appellate Body ruled.", {"ORG WTO Appellate Body"}},
      {"Officials of the Nile Basin Initiative met.", {"ORG Nile Basin Initiative"}},
  });
}

TEST_CASE("entities: a dash joins names into a headed name, else they stay apart") {
  CheckRows({
      // After "an" too: a name starts it, so it is no generic phrase.
      {"They signed an Indonesia\u2013EU Comprehensive Economic Partnership Agreement.",
       {"LAW Indonesia\u2013EU Comprehensive Economic Partnership Agreement"}},
      {"The Israel\u2013Lebanon deal held.", {"GPE Israel", "GPE Lebanon"}},
  });
}

TEST_CASE("entities: numbered facilities, operations, capitals-only acronyms") {
  CheckRows({
      {"Troops left Air Base 201 last year.", {"FAC Air Base 201"}},
      {"Operation Barkhane ended.", {"EVENT Operation Barkhane"}},
      {"France launched Operation Serval quickly.", {"GPE France", "EVENT Operation Serval"}},
      {"The Operation Room opened.", {"FAC Operation Room"}},
      // A name listed with its lowercase particle matches as written; a
      // lowercase compound's parts are no names ("post-Soviet").
      {"Fighters loyal to al-Qaeda moved into post-Soviet states.", {"ORG al-Qaeda"}},
      // "WHO" is listed in capitals: "Who" is a question word.
      {"Who filled the vacuum?", {}},
      {"The WHO warned.", {"ORG WHO => World Health Organization"}},
      // The longest candidate before the bracket is the expansion.
      {"The United Nations Stabilization Mission in Mali (MINUSMA) left. MINUSMA closed.",
       {"ORG United Nations Stabilization Mission in Mali",
        "ORG MINUSMA => United Nations Stabilization Mission in Mali",
        "ORG MINUSMA => United Nations Stabilization Mission in Mali"}},
  });
}

TEST_CASE("entities: a sentence-initial function word is not part of a name") {
  CheckRows({
      {"The Clean Water Act was adopted.", {"LAW Clean Water Act"}},
      {"At Weda Bay, the smelters run day and night.", {"LOC Weda Bay"}},
      // In a heading every word is capitalized: a head word alone proves little.
      {"The Energy Crisis\n\nPrices rose.", {}},
  });
}

TEST_CASE("entities: titles are roles, not part of the name") {
  CheckRows({
      {"President Ilham Aliyev met Foreign Minister Avigdor Lieberman in Baku.",
       {"PERSON Ilham Aliyev [President]", "PERSON Avigdor Lieberman [Foreign Minister]",
        "GPE Baku"}},
      {"They met Minister of Economy Mikayil Jabbarov on Monday.",
       {"PERSON Mikayil Jabbarov [Minister of Economy]"}},
      {"The talks were led by Prime Minister Benjamin Netanyahu.",
       {"PERSON Benjamin Netanyahu [Prime Minister]"}},
      {"The President spoke at length.", {}},
  });
}

TEST_CASE("entities: possessives are left out") {
  CheckRows({
      {"Israel\xE2\x80\x99s decision pleased Baku\xE2\x80\x99s leaders.",
       {"GPE Israel", "GPE Baku"}},
      {"It was Armenia's turn.", {"GPE Armenia"}},
  });
}

TEST_CASE("entities: an acronym defined in the text takes its expansion") {
  CheckRows({
      {"The Caspian Energy Forum (CEF) met in Baku. Later the CEF grew.",
       {"ORG Caspian Energy Forum", "ORG CEF => Caspian Energy Forum", "GPE Baku",
        "ORG CEF => Caspian Energy Forum"}},
      {"Delegates of the OSCE met.", {"ORG OSCE => Organization for Security and Co-operation in Europe"}},
  });
}

TEST_CASE("entities: nested names are kept whole") {
  CheckRows({
      {"She studied at the Hebrew University of Jerusalem.",
       {"ORG Hebrew University of Jerusalem"}},
      {"Azerbaijan Investment Company invested in the venture.",
       {"ORG Azerbaijan Investment Company"}},
      {"He joined the Ministry of Foreign Affairs of Azerbaijan.",
       {"ORG Ministry of Foreign Affairs of Azerbaijan"}},
      {"A report by the U.S. Embassy in Baku followed.", {"ORG U.S. Embassy in Baku"}},
  });
}

TEST_CASE("entities: hyphen compounds can hold two names") {
  CheckRows({
      {"the Israel\xE2\x80\x91Palestinian conflict", {"GPE Israel", "NORP Palestinian"}},
      {"Israel-Azerbaijan ties grew.", {"GPE Israel", "GPE Azerbaijan"}},
      {"It was a long-term plan.", {}},
  });
}

TEST_CASE("entities: sentence-initial and all-capital words") {
  CheckRows({
      {"Nevertheless, Armenia objected.", {"GPE Armenia"}},
      {"Security cooperation grew quickly.", {}},
      {"Georgia and Turkey agreed.", {"GPE Georgia", "GPE Turkey"}},
      {"The Enhanced Visibility of Strategic Ties Between Israel and Azerbaijan",
       {"GPE Israel", "GPE Azerbaijan"}},
  });
}

TEST_CASE("entities: adjectival forms are NORP, countries GPE") {
  CheckRows({
      {"Azerbaijani oil reached Israeli ports.", {"NORP Azerbaijani", "NORP Israeli"}},
      {"Many Israelis visited Azerbaijan.", {"NORP Israelis => Israeli", "GPE Azerbaijan"}},
      {"Jewish and Muslim leaders met.", {"NORP Jewish", "NORP Muslim"}},
  });
}

TEST_CASE("entities: canonical forms resolve within the document") {
  CheckRows({
      {"Ilham Aliyev spoke first. Later, Aliyev left.",
       {"PERSON Ilham Aliyev", "PERSON Aliyev => Ilham Aliyev"}},
      {"Aliyev spoke first. Later, President Ilham Aliyev left.",
       {"PERSON Aliyev => Ilham Aliyev", "PERSON Ilham Aliyev [President]"}},
      {"The U.S. and the United States are one.",
       {"GPE U.S. => United States", "GPE United States"}},
      {"The State of Israel signed.", {"GPE State of Israel => Israel"}},
  });
}

TEST_CASE("entities: events, laws, facilities and products by head word or gazetteer") {
  CheckRows({
      {"The Abraham Accords came after the Second Karabakh War.",
       {"LAW Abraham Accords", "EVENT Second Karabakh War"}},
      {"They signed the Caspian Transit Agreement in Baku.",
       {"LAW Caspian Transit Agreement", "GPE Baku"}},
      {"Israel built Iron Dome.", {"GPE Israel", "PRODUCT Iron Dome"}},
  });
}

TEST_CASE("entities: user gazetteer entries win over built-in ones") {
  auto g = std::make_shared<Gazetteer>(*Gazetteer::BuiltIn());
  REQUIRE(g->AddTsv("# mine\nGeorgia\tPERSON\tGeorgia O'Keeffe\nZorvath\tORG\n", "mine.tsv", 1).ok());
  CHECK(Join(Tag("Georgia painted for Zorvath.", g)) ==
        "PERSON Georgia => Georgia O'Keeffe | ORG Zorvath");
  Result<void> bad = g->AddTsv("Foo\tBAR\n", "bad.tsv", 1);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().message == "line 1: unknown label 'BAR'");
  CHECK(bad.error().path == "bad.tsv");
}

TEST_CASE("entities: every span names the rule or entry behind it") {
  Result<Document> doc = LoadDocument("President Ilham Aliyev visited Baku.", "t.txt", {});
  REQUIRE(doc.ok());
  Segmenter segmenter;
  Segmentation seg = segmenter.Segment(*doc, {});
  EntityAnnotator annotator(Gazetteer::BuiltIn());
  std::vector<Entity> ents = annotator.Annotate(*doc, seg);
  REQUIRE(ents.size() == 2);
  CHECK(ents[0].rule.rfind("title before name (lib/data/lexicon/person_titles.txt:", 0) == 0);
  CHECK(ents[1].rule.rfind("lib/data/gazetteers/places.tsv:", 0) == 0);
}

}  // namespace
}  // namespace relscan
