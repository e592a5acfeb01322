// The dates and figures reports: one row a span, projected from records.
#include <algorithm>

#include "relscan/fold.h"
#include "relscan/report.h"

namespace relscan {
namespace {

std::vector<Record> Project(const std::vector<Record>& records, std::string_view kind,
                            const std::vector<std::string>& columns,
                            const SpanReportOptions& options) {
  std::vector<Record> rows;
  for (const Record& r : records) {
    if (r.GetString("kind") != kind) continue;
    if (!options.labels.empty() &&
        std::find(options.labels.begin(), options.labels.end(), r.GetString("label")) ==
            options.labels.end())
      continue;
    Record row;
    row.fields().reserve(columns.size());
    for (const std::string& c : columns) {
      const Value* v = r.Get(c);
      row.Add(c, v ? *v : Value());
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace

std::vector<std::string> DateColumns(const SpanReportOptions&) {
  return {"doc", "sentence", "start", "end", "label", "text", "value", "mod", "anchor", "rule"};
}

std::vector<Record> DateRows(const std::vector<Record>& records, const SpanReportOptions& options) {
  std::vector<Record> rows = Project(records, "date", DateColumns(options), options);
  if (options.sort_by_value) {
    // A timeline: ISO values sort as strings ("2008" < "2008-05" <
    // "2009"); spans without a value (relative, unresolved) go last.
    std::stable_sort(rows.begin(), rows.end(), [](const Record& a, const Record& b) {
      const Value* va = a.Get("value");
      const Value* vb = b.Get("value");
      bool ha = va && va->is_string(), hb = vb && vb->is_string();
      if (ha != hb) return ha;
      if (ha && va->AsString() != vb->AsString()) return va->AsString() < vb->AsString();
      return false;
    });
  }
  return rows;
}

std::vector<std::string> FigureColumns(const SpanReportOptions& options) {
  std::vector<std::string> c = {"doc",  "sentence", "start", "end", "label",
                                "text", "value",    "unit",  "mod", "of"};
  if (options.explain) c.push_back("rule");
  return c;
}

std::vector<Record> FigureRows(const std::vector<Record>& records,
                               const SpanReportOptions& options) {
  return Project(records, "figure", FigureColumns(options), options);
}

NameForms::NameForms(const std::vector<Record>& records) {
  for (const Record& r : records) {
    if (r.GetString("kind") != "entity") continue;
    forms_[{r.GetString("doc"), FoldForMatch(r.GetString("canonical"))}].insert(
        FoldForMatch(r.GetString("text")));
  }
}

bool NameForms::Names(const std::string& doc, std::string_view name,
                      const std::string& wanted) const {
  std::string folded = FoldForMatch(name);
  if (folded == wanted) return true;
  auto it = forms_.find({doc, folded});
  return it != forms_.end() && it->second.count(wanted) > 0;
}

std::vector<std::string> QuoteColumns(const QuoteReportOptions& options) {
  std::vector<std::string> c = {"doc", "sentence", "start", "end", "label", "speaker", "cue", "text"};
  if (options.explain) c.push_back("rule");
  return c;
}

std::vector<Record> QuoteRows(const std::vector<Record>& records,
                              const QuoteReportOptions& options) {
  std::vector<std::string> columns = QuoteColumns(options);
  std::string wanted = FoldForMatch(options.speaker);
  // "--speaker Aliyev" finds the quotations of Ilham Aliyev: the surface
  // forms of an entity name it as well as its canonical form.
  NameForms names(wanted.empty() ? std::vector<Record>() : records);
  std::vector<Record> rows;
  for (const Record& r : records) {
    const std::string& kind = r.GetString("kind");
    bool unpaired = kind == "unpaired";
    if (kind != "quote" && !(unpaired && options.explain && options.speaker.empty())) continue;
    std::string label = unpaired ? "UNPAIRED" : r.GetString("label");
    if (!options.labels.empty() &&
        std::find(options.labels.begin(), options.labels.end(), label) == options.labels.end())
      continue;
    if (!wanted.empty() && !names.Names(r.GetString("doc"), r.GetString("speaker"), wanted) &&
        FoldForMatch(r.GetString("speaker_text")) != wanted)
      continue;
    Record row;
    for (const std::string& c : columns) {
      const Value* v = r.Get(c);
      row.Add(c, c == "label" ? Value(label) : v ? *v : Value());
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace relscan
