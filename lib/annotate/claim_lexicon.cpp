// Lexicons of lib/data/claims, read with the quote annotator's PatternSet.
#include "claim_lexicon.h"

#include <fmt/format.h>

#include <cstdlib>
#include <set>

#include "relscan/data.h"

namespace relscan {
namespace {

std::vector<std::string_view> Columns(std::string_view line) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i <= line.size()) {
    size_t j = line.find('\t', i);
    if (j == std::string_view::npos) j = line.size();
    if (j > i) out.push_back(line.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

// Loads a pattern file and the class columns of its lines; a class outside
// `kinds` (when given) or `extents` (when given) is an error.
ClassedPatterns LoadClassed(std::string_view path, const std::set<std::string>& kinds,
                            const std::set<std::string>& extents,
                            std::vector<std::string>* errors) {
  ClassedPatterns out;
  out.set = PatternSet::Load(path, false);
  for (const std::string& e : out.set.errors()) errors->push_back(e);
  // PatternSet keeps the line of each pattern in its source ("…:12").
  std::unordered_map<int, std::vector<std::string_view>> by_line;
  for (const data::DataLine& l : data::DataLines(data::Find(path))) {
    by_line[l.line] = Columns(l.text);
  }
  for (int i = 0; i < out.set.size(); ++i) {
    const std::string& source = out.set.pattern(i).source;
    int line = std::atoi(source.substr(source.rfind(':') + 1).c_str());
    const std::vector<std::string_view>& cols = by_line[line];
    std::string kind = cols.size() > 1 ? std::string(cols[1]) : "";
    std::string extent = cols.size() > 2 ? std::string(cols[2]) : "";
    if (!kinds.empty() && !kinds.count(kind)) {
      errors->push_back(fmt::format("{}: unknown class '{}'", source, kind));
    }
    if (!extents.empty() && !extents.count(extent)) {
      errors->push_back(fmt::format("{}: unknown extent '{}'", source, extent));
    }
    out.kinds.push_back(std::move(kind));
    out.extents.push_back(std::move(extent));
  }
  if (out.set.size() == 0) errors->push_back(fmt::format("lib/{}: no patterns", path));
  return out;
}

}  // namespace

const ClaimLexicon& ClaimLexicon::Get() {
  static const ClaimLexicon kLexicon = [] {
    ClaimLexicon lex;
    std::vector<std::string>* e = &lex.errors;
    lex.hedges = LoadClassed("data/claims/hedges.txt", {"frame", "verb", "modal", "adverb"}, {}, e);
    lex.boosters =
        LoadClassed("data/claims/boosters.txt", {"frame", "verb", "adverb", "manner"}, {}, e);
    lex.causal = LoadClassed("data/claims/causal_cues.txt", {"", "block"}, {}, e);
    lex.predictive =
        LoadClassed("data/claims/predictive_cues.txt", {"cue", "modal", "block"}, {}, e);
    lex.deontic = LoadClassed("data/claims/deontic_cues.txt", {"", "block"}, {}, e);
    lex.evaluative = LoadClassed("data/claims/evaluative.txt", {"strong", "weak", "intensifier"}, {}, e);
    lex.attribution = LoadClassed(
        "data/claims/attribution.txt",
        {"say", "think", "factive", "agentless", "interpretive", "passive", "perspective", "skip"},
        {}, e);
    lex.formulae = LoadClassed("data/claims/formulae.txt",
                               {"greeting", "thanks", "procedural", "transition", "question",
                                "connective", "filler"},
                               {"whole", "open", "anywhere", "-"}, e);
    constexpr std::string_view kPeople = "data/claims/people_nouns.txt";
    for (const data::DataLine& l : data::DataLines(data::Find(kPeople))) {
      std::vector<std::string_view> cols = Columns(l.text);
      if (cols.size() != 2 || (cols[1] != "people" && cols[1] != "generic")) {
        e->push_back(fmt::format("lib/{}:{}: expected word<TAB>people|generic", kPeople, l.line));
        continue;
      }
      lex.people[std::string(cols[0])] = std::string(cols[1]);
    }
    return lex;
  }();
  return kLexicon;
}

}  // namespace relscan
