// The entities report: canonical entities with their mentions.
#include <algorithm>
#include <map>
#include <unordered_map>

#include "relscan/report.h"

namespace relscan {

std::vector<std::string> EntityColumns(const EntityReportOptions& options) {
  std::vector<std::string> c;
  if (options.mentions) {
    c = {"doc", "sentence", "start", "end", "label", "text", "canonical", "role"};
    if (options.explain) c.push_back("rule");
  } else {
    c = {"doc", "label", "canonical", "mentions", "first", "forms"};
    if (options.explain) c.push_back("rules");
  }
  return c;
}

std::vector<Record> EntityRows(const std::vector<Record>& records,
                               const EntityReportOptions& options) {
  auto wanted = [&](const Record& r) {
    if (r.GetString("kind") != "entity") return false;
    if (options.labels.empty()) return true;
    return std::find(options.labels.begin(), options.labels.end(), r.GetString("label")) !=
           options.labels.end();
  };
  auto field = [](const Record& r, const char* name) {
    const Value* v = r.Get(name);
    return v ? *v : Value();
  };
  std::vector<Record> rows;
  if (options.mentions) {
    for (const Record& r : records) {
      if (!wanted(r)) continue;
      Record row;
      for (const char* name : {"doc", "sentence", "start", "end", "label", "text", "canonical", "role"})
        row.Add(name, field(r, name));
      if (options.explain) row.Add("rule", field(r, "rule"));
      rows.push_back(std::move(row));
    }
    return rows;
  }
  struct Group {
    std::string doc, label, canonical;
    int64_t mentions = 0, first = 0;
    size_t order = 0;
    std::vector<std::string> forms, rules;
  };
  std::vector<Group> groups;
  std::map<std::tuple<std::string, std::string, std::string>, size_t> index;
  for (const Record& r : records) {
    if (!wanted(r)) continue;
    auto key = std::make_tuple(r.GetString("doc"), r.GetString("label"), r.GetString("canonical"));
    auto [it, inserted] = index.emplace(key, groups.size());
    if (inserted) {
      Group g;
      g.doc = std::get<0>(key);
      g.label = std::get<1>(key);
      g.canonical = std::get<2>(key);
      g.first = r.GetInt("start");
      g.order = groups.size();
      groups.push_back(std::move(g));
    }
    Group& g = groups[it->second];
    ++g.mentions;
    g.first = std::min(g.first, r.GetInt("start"));
    const std::string& text = r.GetString("text");
    if (std::find(g.forms.begin(), g.forms.end(), text) == g.forms.end()) g.forms.push_back(text);
    const std::string& rule = r.GetString("rule");
    if (!rule.empty() && std::find(g.rules.begin(), g.rules.end(), rule) == g.rules.end())
      g.rules.push_back(rule);
  }
  // Documents keep their input order; within one, most mentioned first.
  std::unordered_map<std::string, size_t> doc_order;
  for (const Group& g : groups) doc_order.emplace(g.doc, doc_order.size());
  std::stable_sort(groups.begin(), groups.end(), [&](const Group& a, const Group& b) {
    size_t da = doc_order[a.doc], db = doc_order[b.doc];
    if (da != db) return da < db;
    if (a.mentions != b.mentions) return a.mentions > b.mentions;
    return a.first < b.first;
  });
  for (Group& g : groups) {
    Record row;
    row.Add("doc", g.doc).Add("label", g.label).Add("canonical", g.canonical);
    row.Add("mentions", g.mentions).Add("first", g.first);
    Array forms;
    for (std::string& f : g.forms) forms.push_back(Value(std::move(f)));
    row.Add("forms", Value(std::move(forms)));
    if (options.explain) {
      Array rules;
      for (std::string& f : g.rules) rules.push_back(Value(std::move(f)));
      row.Add("rules", Value(std::move(rules)));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace relscan
