// Scoring a tagged stream against gold (TAGSET.md "Scoring").
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "relscan/eval.h"
#include "relscan/fold.h"

namespace relscan {
namespace {

constexpr std::array<std::string_view, 6> kKinds = {"sentence", "entity", "date",
                                                    "figure",   "quote",  "claim"};

// TAGSET "Scoring": labels are part of the key for these kinds only.
bool HasLabels(std::string_view kind) {
  return kind == "entity" || kind == "date" || kind == "figure" || kind == "quote";
}

struct Attribute {
  std::string_view name;
  bool is_name;  // compared with SameName / SimilarName
};

// The attributes TAGSET defines for each kind, in report order.
std::vector<Attribute> AttributesOf(std::string_view kind) {
  if (kind == "entity") return {{"canonical", true}};
  if (kind == "date") return {{"value", false}, {"mod", false}};
  if (kind == "figure") return {{"value", false}, {"mod", false}, {"unit", false}};
  if (kind == "quote") return {{"speaker", true}};
  if (kind == "claim") return {{"label", false}, {"stance", false}, {"source", true}};
  return {};
}

struct Span {
  int64_t start = 0;
  int64_t end = 0;
  std::string label;  // empty for kinds matched by span alone
  bool optional = false;
  const Record* record = nullptr;
};

bool Overlap(const Span& a, const Span& b) {
  return std::max(a.start, b.start) < std::min(a.end, b.end);
}

int64_t OverlapLength(const Span& a, const Span& b) {
  return std::max<int64_t>(0, std::min(a.end, b.end) - std::max(a.start, b.start));
}

Error Malformed(std::string_view side, size_t index, std::string_view what,
                const std::string& path) {
  Error e =
      MakeError(ErrorCode::kMalformed, fmt::format("{} record {}: {}", side, index + 1, what));
  e.path = path;
  return e;
}

// Reads a whole, non-negative offset; returns false when there is none.
bool ReadOffset(const Record& r, std::string_view name, int64_t* out) {
  const Value* v = r.Get(name);
  if (v == nullptr || !v->is_number()) return false;
  double d = v->AsDouble();
  if (!(d >= 0) || d != std::trunc(d)) return false;
  *out = v->AsInt();
  return true;
}

Result<Span> ReadSpan(const Record& r, std::string_view kind, std::string_view side, size_t index,
                      const std::string& path) {
  Span s;
  s.record = &r;
  if (!ReadOffset(r, "start", &s.start)) {
    return Malformed(side, index, "\"start\" is missing or not a whole number >= 0", path);
  }
  if (!ReadOffset(r, "end", &s.end)) {
    return Malformed(side, index, "\"end\" is missing or not a whole number >= 0", path);
  }
  if (s.end < s.start) return Malformed(side, index, "\"end\" is before \"start\"", path);
  if (HasLabels(kind)) {
    const Value* label = r.Get("label");
    if (label == nullptr || !label->is_string()) {
      return Malformed(side, index, fmt::format("{} has no \"label\" string", kind), path);
    }
    s.label = label->AsString();
  }
  const Value* optional = r.Get("optional");
  s.optional = optional != nullptr && optional->AsBool();
  return s;
}

// The outcome of matching one kind's spans.
struct Matching {
  std::vector<int64_t> gold_to_system;  // -1: unmatched (and every optional span)
  std::vector<bool> system_matched;
  std::vector<bool> system_ignored;  // absorbed by an optional gold span
};

// Indices of spans sorted by start (then input order), with the longest
// length, so that the spans overlapping [start, end) are found by a binary
// search instead of a scan of all of them.
class StartIndex {
 public:
  explicit StartIndex(const std::vector<Span>& spans, std::vector<size_t> subset)
      : spans_(spans), order_(std::move(subset)) {
    std::stable_sort(order_.begin(), order_.end(),
                     [&](size_t a, size_t b) { return spans_[a].start < spans_[b].start; });
    for (size_t i : order_) max_length_ = std::max(max_length_, spans_[i].end - spans_[i].start);
  }

  // Calls f(index) for each span that may overlap s, in order of start.
  template <typename F>
  void ForCandidates(const Span& s, F f) const {
    int64_t from = s.start - max_length_;
    auto it = std::lower_bound(order_.begin(), order_.end(), from,
                               [&](size_t i, int64_t v) { return spans_[i].start < v; });
    for (; it != order_.end() && spans_[*it].start < s.end; ++it) f(*it);
  }

 private:
  const std::vector<Span>& spans_;
  std::vector<size_t> order_;
  int64_t max_length_ = 0;
};

std::vector<size_t> AllIndices(size_t n) {
  std::vector<size_t> v(n);
  for (size_t i = 0; i < n; ++i) v[i] = i;
  return v;
}

// Gold spans in order of start, then end, then file order.
std::vector<size_t> GoldOrder(const std::vector<Span>& gold) {
  std::vector<size_t> order;
  for (size_t i = 0; i < gold.size(); ++i) {
    if (!gold[i].optional) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return std::tie(gold[a].start, gold[a].end) < std::tie(gold[b].start, gold[b].end);
  });
  return order;
}

// TAGSET "Scoring": a system span left unmatched that overlaps an optional
// gold span, whatever its label, is neither rewarded nor penalized.
void IgnoreNearOptional(const std::vector<Span>& gold, const std::vector<Span>& system,
                        Matching* m) {
  std::vector<size_t> optional;
  for (size_t i = 0; i < gold.size(); ++i) {
    if (gold[i].optional) optional.push_back(i);
  }
  if (optional.empty()) return;
  StartIndex index(gold, std::move(optional));
  for (size_t i = 0; i < system.size(); ++i) {
    if (m->system_matched[i]) continue;
    index.ForCandidates(system[i], [&](size_t g) {
      if (Overlap(gold[g], system[i])) m->system_ignored[i] = true;
    });
  }
}

Matching MatchStrict(const std::vector<Span>& gold, const std::vector<Span>& system) {
  Matching m{std::vector<int64_t>(gold.size(), -1), std::vector<bool>(system.size(), false),
             std::vector<bool>(system.size(), false)};
  // Each key holds its system spans in stream order; a gold span takes the
  // first one left, so a repeated system span is left over as a false positive.
  std::map<std::tuple<int64_t, int64_t, std::string_view>, std::vector<size_t>> by_key;
  for (size_t i = system.size(); i-- > 0;) {
    by_key[{system[i].start, system[i].end, system[i].label}].push_back(i);
  }
  for (size_t g : GoldOrder(gold)) {
    auto it = by_key.find({gold[g].start, gold[g].end, gold[g].label});
    if (it == by_key.end() || it->second.empty()) continue;
    size_t s = it->second.back();
    it->second.pop_back();
    m.gold_to_system[g] = static_cast<int64_t>(s);
    m.system_matched[s] = true;
  }
  IgnoreNearOptional(gold, system, &m);
  return m;
}

Matching MatchLenient(const std::vector<Span>& gold, const std::vector<Span>& system) {
  Matching m{std::vector<int64_t>(gold.size(), -1), std::vector<bool>(system.size(), false),
             std::vector<bool>(system.size(), false)};
  StartIndex index(system, AllIndices(system.size()));
  for (size_t g : GoldOrder(gold)) {
    int64_t best = -1;
    int64_t best_overlap = 0;
    // Candidates come in order of start, so keeping the first of equal
    // overlaps breaks ties by the earliest start.
    index.ForCandidates(gold[g], [&](size_t s) {
      if (m.system_matched[s] || system[s].label != gold[g].label) return;
      int64_t overlap = OverlapLength(gold[g], system[s]);
      if (overlap > best_overlap) {
        best_overlap = overlap;
        best = static_cast<int64_t>(s);
      }
    });
    if (best < 0) continue;
    m.gold_to_system[g] = best;
    m.system_matched[static_cast<size_t>(best)] = true;
  }
  IgnoreNearOptional(gold, system, &m);
  return m;
}

double Ratio(int64_t a, int64_t b) {
  return b == 0 ? 0.0 : static_cast<double>(a) / static_cast<double>(b);
}

Record Row(std::string_view kind, std::string_view label, std::string_view measure) {
  Record r;
  for (const std::string& column : EvalColumns()) r.Add(column, Value());
  r.Set("kind", kind).Set("label", label).Set("measure", measure);
  return r;
}

// One span row; label "*" counts every label.
Record SpanRow(std::string_view kind, std::string_view label, std::string_view measure,
               const std::vector<Span>& gold, const std::vector<Span>& system, const Matching& m) {
  auto counts = [&](const Span& s) { return label == "*" || s.label == label; };
  int64_t n_gold = 0, tp = 0, fp = 0;
  for (size_t i = 0; i < gold.size(); ++i) {
    if (gold[i].optional || !counts(gold[i])) continue;
    ++n_gold;
    if (m.gold_to_system[i] >= 0) ++tp;
  }
  for (size_t i = 0; i < system.size(); ++i) {
    if (counts(system[i]) && !m.system_matched[i] && !m.system_ignored[i]) ++fp;
  }
  int64_t n_system = tp + fp;
  double precision = Ratio(tp, n_system);
  double recall = Ratio(tp, n_gold);
  double f1 = precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
  Record r = Row(kind, label, measure);
  r.Set("gold", n_gold).Set("system", n_system).Set("tp", tp).Set("fp", fp);
  r.Set("fn", n_gold - tp).Set("precision", precision).Set("recall", recall).Set("f1", f1);
  return r;
}

// Compares JSON values; objects key by key whatever the order of their keys.
bool SameValue(const Value& a, const Value& b) {
  if (a.type() == Value::Type::kObject && b.type() == Value::Type::kObject) {
    const Object& x = a.AsObject();
    const Object& y = b.AsObject();
    if (x.size() != y.size()) return false;
    for (const auto& [key, value] : x) {
      auto it = std::find_if(y.begin(), y.end(), [&](const auto& kv) { return kv.first == key; });
      if (it == y.end() || !SameValue(value, it->second)) return false;
    }
    return true;
  }
  if (a.type() == Value::Type::kArray && b.type() == Value::Type::kArray) {
    const Array& x = a.AsArray();
    const Array& y = b.AsArray();
    if (x.size() != y.size()) return false;
    for (size_t i = 0; i < x.size(); ++i) {
      if (!SameValue(x[i], y[i])) return false;
    }
    return true;
  }
  return a == b;
}

void AddAttributeRows(std::string_view kind, const std::vector<Span>& gold,
                      const std::vector<Span>& system, const Matching& strict,
                      std::vector<Record>* rows) {
  for (const Attribute& attribute : AttributesOf(kind)) {
    int64_t n = 0, correct = 0, similar = 0;
    for (size_t g = 0; g < gold.size(); ++g) {
      if (strict.gold_to_system[g] < 0) continue;
      const Value* want = gold[g].record->Get(attribute.name);
      if (want == nullptr || want->is_null()) continue;
      ++n;
      const Value* got =
          system[static_cast<size_t>(strict.gold_to_system[g])].record->Get(attribute.name);
      if (got == nullptr) continue;
      if (attribute.is_name && want->is_string() && got->is_string()) {
        correct += SameName(want->AsString(), got->AsString());
        similar += SimilarName(want->AsString(), got->AsString());
      } else {
        bool same = SameValue(*want, *got);
        correct += same;
        similar += same;
      }
    }
    auto add = [&](std::string_view measure, int64_t right) {
      Record r = Row(kind, "*", measure);
      r.Set("attribute", attribute.name).Set("n", n).Set("correct", right);
      r.Set("accuracy", Ratio(right, n));
      rows->push_back(std::move(r));
    };
    add("attr", correct);
    if (attribute.is_name) add("attr-lenient", similar);
  }
}

void ScoreKind(std::string_view kind, const std::vector<Span>& gold,
               const std::vector<Span>& system, std::vector<Record>* rows) {
  Matching strict = MatchStrict(gold, system);
  Matching lenient = MatchLenient(gold, system);
  rows->push_back(SpanRow(kind, "*", "strict", gold, system, strict));
  rows->push_back(SpanRow(kind, "*", "lenient", gold, system, lenient));
  if (HasLabels(kind)) {
    std::vector<std::string_view> labels;
    for (const Span& s : gold) labels.push_back(s.label);
    for (const Span& s : system) labels.push_back(s.label);
    std::sort(labels.begin(), labels.end());
    labels.erase(std::unique(labels.begin(), labels.end()), labels.end());
    for (std::string_view label : labels) {
      rows->push_back(SpanRow(kind, label, "strict", gold, system, strict));
      rows->push_back(SpanRow(kind, label, "lenient", gold, system, lenient));
    }
  }
  AddAttributeRows(kind, gold, system, strict, rows);
}

std::string Quoted(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += ", ";
    out += "'" + item + "'";
  }
  return out;
}

// Picks the document of the system stream that the gold file describes.
Result<std::string> SelectDocument(const std::vector<Record>& system, const std::string& gold_path,
                                   const EvalOptions& options) {
  std::vector<std::string> docs;
  for (const Record& r : system) {
    const std::string& doc = r.GetString("doc");
    if (std::find(docs.begin(), docs.end(), doc) == docs.end()) docs.push_back(doc);
  }
  if (!options.doc.empty()) {
    if (std::find(docs.begin(), docs.end(), options.doc) == docs.end()) {
      return MakeError(ErrorCode::kUsage,
                       fmt::format("no document '{}' in the system stream", options.doc));
    }
    return options.doc;
  }
  if (docs.size() <= 1) return docs.empty() ? std::string() : docs.front();
  // `iceberg-melted.claims.jsonl` describes `iceberg-melted.txt`; the longest
  // stem wins so that `iceberg-melted.claims.txt` would be preferred.
  std::string gold_stem = PathStem(gold_path);
  std::vector<std::string> best;
  size_t best_length = 0;
  for (const std::string& doc : docs) {
    std::string stem = PathStem(doc);
    bool fits = gold_stem == stem || (gold_stem.size() > stem.size() &&
                                      gold_stem.starts_with(stem) && gold_stem[stem.size()] == '.');
    if (!fits || stem.size() < best_length) continue;
    if (stem.size() > best_length || best.empty()) best.clear();
    best_length = stem.size();
    best.push_back(doc);
  }
  if (best.size() == 1) return best.front();
  Error e = MakeError(
      ErrorCode::kUsage,
      best.empty()
          ? fmt::format("no document of the system stream matches the gold file's stem '{}' "
                        "(documents: {}); choose one with --doc",
                        gold_stem, Quoted(docs))
          : fmt::format("several documents of the system stream match the gold file's stem "
                        "'{}' ({}); choose one with --doc",
                        gold_stem, Quoted(best)));
  e.path = gold_path;
  return e;
}

// Kinds to score, in order of first appearance in the gold, then any other
// kinds asked for, in the order asked.
Result<std::vector<std::string>> SelectKinds(const std::vector<Record>& gold,
                                             const EvalOptions& options) {
  for (const std::string& kind : options.kinds) {
    if (std::find(kKinds.begin(), kKinds.end(), kind) == kKinds.end()) {
      std::vector<std::string> known(kKinds.begin(), kKinds.end());
      return MakeError(ErrorCode::kUsage,
                       fmt::format("unknown kind '{}' (kinds: {})", kind, Quoted(known)));
    }
  }
  auto wanted = [&](const std::string& kind) {
    return options.kinds.empty() ||
           std::find(options.kinds.begin(), options.kinds.end(), kind) != options.kinds.end();
  };
  std::vector<std::string> kinds;
  auto add = [&](const std::string& kind) {
    if (kind != "document" && wanted(kind) &&
        std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) {
      kinds.push_back(kind);
    }
  };
  for (const Record& r : gold) add(r.GetString("kind"));
  for (const std::string& kind : options.kinds) add(kind);
  return kinds;
}

}  // namespace

bool IsScoredKind(std::string_view kind) {
  return std::find(kKinds.begin(), kKinds.end(), kind) != kKinds.end();
}

const std::vector<std::string>& EvalColumns() {
  static const std::vector<std::string> kColumns = {
      "kind", "label",     "measure", "attribute", "gold", "system",  "tp",      "fp",
      "fn",   "precision", "recall",  "f1",        "n",    "correct", "accuracy"};
  return kColumns;
}

std::string PathStem(std::string_view path) {
  size_t slash = path.find_last_of('/');
  if (slash != std::string_view::npos) path.remove_prefix(slash + 1);
  size_t dot = path.find_last_of('.');
  // A leading dot (".hidden") starts the name, not an extension.
  if (dot != std::string_view::npos && dot > 0) path = path.substr(0, dot);
  return std::string(path);
}

std::string NormalizeName(std::string_view name) {
  std::string folded = FoldForMatch(name);
  std::string out;
  bool space = false;
  for (char c : folded) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  for (std::string_view article : {"the ", "a ", "an "}) {
    if (std::string_view(out).starts_with(article) && out.size() > article.size()) {
      return out.substr(article.size());
    }
  }
  return out;
}

bool SameName(std::string_view gold, std::string_view system) {
  return NormalizeName(gold) == NormalizeName(system);
}

bool SimilarName(std::string_view gold, std::string_view system) {
  std::string a = NormalizeName(gold);
  std::string b = NormalizeName(system);
  if (a == b) return true;
  if (a.empty() || b.empty()) return false;
  if (a.size() < b.size()) std::swap(a, b);
  // Whole words only, so that `Iran` does not match `Iranian`; bytes of
  // multibyte characters count as word characters.
  auto word = [](char c) {
    auto u = static_cast<unsigned char>(c);
    return u >= 0x80 || (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
  };
  for (size_t at = a.find(b); at != std::string::npos; at = a.find(b, at + 1)) {
    bool left = at == 0 || !word(a[at - 1]) || !word(b.front());
    size_t after = at + b.size();
    bool right = after == a.size() || !word(a[after]) || !word(b.back());
    if (left && right) return true;
  }
  return false;
}

Result<std::vector<Record>> Evaluate(const std::vector<Record>& gold,
                                     const std::vector<Record>& system,
                                     const std::string& gold_path, const EvalOptions& options) {
  for (size_t i = 0; i < gold.size(); ++i) {
    const Value* kind = gold[i].Get("kind");
    if (kind == nullptr || !kind->is_string()) {
      return Malformed("gold", i, "no \"kind\" string", gold_path);
    }
  }
  for (size_t i = 0; i < system.size(); ++i) {
    const Value* kind = system[i].Get("kind");
    if (kind == nullptr || !kind->is_string()) {
      return Malformed("system", i, "no \"kind\" string", "");
    }
  }
  Result<std::vector<std::string>> kinds = SelectKinds(gold, options);
  if (!kinds) return kinds.error();
  Result<std::string> doc = SelectDocument(system, gold_path, options);
  if (!doc) return doc.error();

  // Spans per scored kind, in input order.
  std::map<std::string, std::pair<std::vector<Span>, std::vector<Span>>, std::less<>> spans;
  for (const std::string& kind : *kinds) spans[kind];
  for (size_t i = 0; i < gold.size(); ++i) {
    auto it = spans.find(gold[i].GetString("kind"));
    if (it == spans.end()) continue;
    Result<Span> s = ReadSpan(gold[i], it->first, "gold", i, gold_path);
    if (!s) return s.error();
    it->second.first.push_back(std::move(*s));
  }
  for (size_t i = 0; i < system.size(); ++i) {
    if (system[i].GetString("doc") != *doc) continue;
    auto it = spans.find(system[i].GetString("kind"));
    if (it == spans.end()) continue;
    Result<Span> s = ReadSpan(system[i], it->first, "system", i, "");
    if (!s) return s.error();
    s->optional = false;  // only gold spans can be optional
    it->second.second.push_back(std::move(*s));
  }

  std::vector<Record> rows;
  for (const std::string& kind : *kinds) {
    const auto& [g, s] = spans[kind];
    ScoreKind(kind, g, s, &rows);
  }
  return rows;
}

}  // namespace relscan
