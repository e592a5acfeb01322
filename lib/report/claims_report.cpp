// The claims report and its per-document summary.
#include <algorithm>
#include <map>
#include <set>
#include <unordered_set>

#include "relscan/fold.h"
#include "relscan/report.h"

namespace relscan {
namespace {

const char* const kTypes[] = {"STATISTICAL", "CAUSAL",    "PREDICTIVE",
                              "NORMATIVE",   "EVALUATIVE", "FACTUAL"};
const char* const kStances[] = {"plain", "hedged", "certain"};

// Applies the filters; `duplicates` holds the ids of repeated sentences.
bool Wanted(const Record& r, const ClaimReportOptions& o,
            const std::unordered_set<std::string>& duplicates, const NameForms& names) {
  if (r.GetString("kind") != "claim") return false;
  if (o.dedupe && duplicates.count(r.GetString("doc") + "\t" + r.GetString("sentence"))) return false;
  if (!o.types.empty()) {
    bool any = false;
    for (const Value& t : r.Get("types") ? r.Get("types")->AsArray() : Array{})
      any = any || std::find(o.types.begin(), o.types.end(), t.AsString()) != o.types.end();
    if (!any) return false;
  }
  if (!o.stances.empty() &&
      std::find(o.stances.begin(), o.stances.end(), r.GetString("stance")) == o.stances.end())
    return false;
  if (!o.source.empty()) {
    const std::string& source = r.GetString("source");
    if (o.source == "author") return source == "author";
    if (o.source == "attributed") return source != "author";
    std::string wanted = FoldForMatch(o.source);
    return names.Names(r.GetString("doc"), source, wanted) ||
           FoldForMatch(r.GetString("source_text")) == wanted;
  }
  return true;
}

std::unordered_set<std::string> Duplicates(const std::vector<Record>& records) {
  std::unordered_set<std::string> out;
  for (const Record& r : records)
    if (r.GetString("kind") == "sentence" && r.Get("duplicate_of"))
      out.insert(r.GetString("doc") + "\t" + r.GetString("id"));
  return out;
}

}  // namespace

std::vector<std::string> ClaimColumns(const ClaimReportOptions& options) {
  std::vector<std::string> c = {"doc",    "sentence", "start", "end",      "label", "types",
                                "stance", "source",   "cues",  "evidence", "text"};
  if (options.explain) c.push_back("rule");
  return c;
}

std::vector<Record> ClaimRows(const std::vector<Record>& records,
                              const ClaimReportOptions& options) {
  std::unordered_set<std::string> duplicates = Duplicates(records);
  NameForms names(records);
  std::vector<std::string> columns = ClaimColumns(options);
  std::vector<Record> rows;
  for (const Record& r : records) {
    if (!Wanted(r, options, duplicates, names)) continue;
    Record row;
    for (const std::string& c : columns) {
      const Value* v = r.Get(c);
      row.Add(c, v ? *v : Value());
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<std::string> ClaimSummaryColumns() {
  std::vector<std::string> c = {"doc", "sentences", "claims"};
  for (const char* t : kTypes) c.push_back(std::string(t));
  for (const char* s : kStances) c.push_back(s);
  c.insert(c.end(), {"author", "attributed", "sources", "with_figure", "with_quote",
                     "share_with_figure", "share_with_quote"});
  return c;
}

std::vector<Record> ClaimSummaryRows(const std::vector<Record>& records,
                                     const ClaimReportOptions& options) {
  std::unordered_set<std::string> duplicates = Duplicates(records);
  NameForms names(records);
  struct Counts {
    int64_t sentences = 0, claims = 0, author = 0, attributed = 0, with_figure = 0,
            with_quote = 0;
    std::map<std::string, int64_t> by;
    std::set<std::string> sources;
  };
  std::vector<std::string> order;
  std::map<std::string, Counts> docs;
  for (const Record& r : records) {
    const std::string& doc = r.GetString("doc");
    const std::string& kind = r.GetString("kind");
    if (kind == "document" || (kind == "sentence" && !docs.count(doc))) {
      if (!docs.count(doc)) order.push_back(doc);
      docs[doc];
    }
    if (kind == "sentence" && !r.Get("heading") &&
        !(options.dedupe && r.Get("duplicate_of")))
      ++docs[doc].sentences;
    if (!Wanted(r, options, duplicates, names)) continue;
    Counts& c = docs[doc];
    ++c.claims;
    // The label counts once, by the dominant type; the stance likewise.
    ++c.by[r.GetString("label")];
    ++c.by[r.GetString("stance")];
    const std::string& source = r.GetString("source");
    if (source == "author") {
      ++c.author;
    } else {
      ++c.attributed;
      c.sources.insert(source);
    }
    bool figure = false, quote = false;
    for (const Value& id : r.Get("evidence") ? r.Get("evidence")->AsArray() : Array{}) {
      figure = figure || id.AsString().rfind('f', 0) == 0;
      quote = quote || id.AsString().rfind('q', 0) == 0;
    }
    c.with_figure += figure;
    c.with_quote += quote;
  }
  std::vector<Record> rows;
  for (const std::string& doc : order) {
    const Counts& c = docs[doc];
    Record row;
    row.Add("doc", doc).Add("sentences", c.sentences).Add("claims", c.claims);
    for (const char* t : kTypes) row.Add(t, c.by.count(t) ? c.by.at(t) : 0);
    for (const char* s : kStances) row.Add(s, c.by.count(s) ? c.by.at(s) : 0);
    row.Add("author", c.author).Add("attributed", c.attributed);
    row.Add("sources", static_cast<int64_t>(c.sources.size()));
    row.Add("with_figure", c.with_figure).Add("with_quote", c.with_quote);
    double n = c.claims > 0 ? static_cast<double>(c.claims) : 1.0;
    row.Add("share_with_figure", static_cast<double>(c.with_figure) / n);
    row.Add("share_with_quote", static_cast<double>(c.with_quote) / n);
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace relscan
