// Keyness: log-likelihood, log ratio, %DIFF and BIC of items in a target
// corpus against a reference corpus.
#include <algorithm>
#include <cmath>
#include <numeric>

#include "relscan/keywords.h"
#include "report_numbers.h"

namespace relscan {

double ChiSquareP1(double x) {
  if (!(x > 0)) return 1.0;
  return std::erfc(std::sqrt(x / 2.0));
}

KeynessScores Keyness(int64_t a, int64_t b, int64_t c, int64_t d) {
  KeynessScores k;
  double nan = std::nan("");
  if (c <= 0 || d <= 0) return {nan, nan, nan, nan, nan, false};
  double A = static_cast<double>(a), B = static_cast<double>(b);
  double C = static_cast<double>(c), D = static_cast<double>(d);
  // Rayson and Garside (2000): E_i = N_i Σ O / Σ N, G² = 2 Σ O_i ln(O_i/E_i),
  // over the two cells of the item (0 ln 0 = 0).
  double e1 = C * (A + B) / (C + D), e2 = D * (A + B) / (C + D);
  double g2 = 0;
  if (a > 0) g2 += A * std::log(A / e1);
  if (b > 0) g2 += B * std::log(B / e2);
  k.ll = std::max(0.0, 2.0 * g2);
  k.p = ChiSquareP1(k.ll);
  // Hardie (2014): a zero frequency counts as 0.5 in the log ratio.
  double a5 = a > 0 ? A : 0.5, b5 = b > 0 ? B : 0.5;
  k.log_ratio = std::log2((a5 / C) / (b5 / D));
  // Gabrielatos and Marchi (2012), normalized per million; a zero reference
  // frequency becomes 1E-18 (Gabrielatos 2018).
  double nt = A / C * 1e6, nr = B / D * 1e6;
  if (nr == 0) nr = 1e-18;
  k.pct_diff = (nt - nr) * 100.0 / nr;
  // Wilson (2013): BIC = G² - df ln N, df = 1, N = c + d.
  k.bic = k.ll - std::log(C + D);
  k.over = A / C > B / D;
  return k;
}

std::vector<double> AdjustP(const std::vector<double>& p, Correction correction) {
  size_t m = p.size();
  std::vector<double> out(p);
  if (correction == Correction::kNone || m == 0) return out;
  double dm = static_cast<double>(m);
  if (correction == Correction::kBonferroni) {
    for (double& x : out) x = std::min(1.0, x * dm);
    return out;
  }
  // Holm (1979): in increasing order, p(i) (m - i + 1), made monotone.
  std::vector<size_t> order(m);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return p[a] < p[b]; });
  double running = 0;
  for (size_t i = 0; i < m; ++i) {
    double adj = std::min(1.0, p[order[i]] * static_cast<double>(m - i));
    running = std::max(running, adj);
    out[order[i]] = running;
  }
  return out;
}

bool IsKeynessSortKey(std::string_view key) {
  return key == "item" || key == "freq" || key == "freq_ref" || key == "ll" || key == "p" ||
         key == "p_adj" || key == "log_ratio" || key == "pct_diff" || key == "bic";
}

std::vector<std::string> KeynessColumns(bool with_doc) {
  std::vector<std::string> c = {"item", "freq", "freq_ref", "per_10k", "per_10k_ref", "ll",
                                "p",    "p_adj", "log_ratio", "pct_diff", "bic",     "use"};
  if (with_doc) c.insert(c.begin(), "doc");
  return c;
}

std::vector<Record> KeynessRows(const ItemCounts& target, const ItemCounts& reference,
                                const ItemCounts* minus, const KeynessOptions& options,
                                const std::string* doc) {
  struct Row {
    const std::string* item;
    int64_t a, b;
    KeynessScores k;
    double p_adj = 1;
  };
  int64_t c = target.tokens;
  int64_t d = reference.tokens - (minus ? minus->tokens : 0);
  auto ref_freq = [&](const std::string& item) -> int64_t {
    auto it = reference.freq.find(item);
    int64_t b = it == reference.freq.end() ? 0 : it->second;
    if (minus != nullptr) {
      auto m = minus->freq.find(item);
      if (m != minus->freq.end()) b -= m->second;
    }
    return b;
  };
  std::vector<Row> rows;
  auto consider = [&](const std::string& item, int64_t a, int64_t b) {
    if (a + b <= 0 || a + b < options.min_freq) return;
    if (options.stop != nullptr && options.stop->Drops(item)) return;
    rows.push_back({&item, a, b, Keyness(a, b, c, d)});
  };
  for (const auto& [item, a] : target.freq) consider(item, a, ref_freq(item));
  for (const auto& [item, total] : reference.freq) {
    if (target.freq.count(item)) continue;
    consider(item, 0, ref_freq(item));
  }
  std::vector<double> p;
  p.reserve(rows.size());
  for (const Row& r : rows) p.push_back(std::isnan(r.k.p) ? 1.0 : r.k.p);
  std::vector<double> adj = AdjustP(p, options.correction);
  std::vector<Row> kept;
  for (size_t i = 0; i < rows.size(); ++i) {
    rows[i].p_adj = adj[i];
    if (options.alpha >= 1 || adj[i] < options.alpha) kept.push_back(rows[i]);
  }
  const std::string& key = options.sort;
  bool ascending = key == "p" || key == "p_adj";
  auto number = [&](const Row& r) -> double {
    if (key == "freq") return static_cast<double>(r.a);
    if (key == "freq_ref") return static_cast<double>(r.b);
    if (key == "ll") return r.k.ll;
    if (key == "p") return r.k.p;
    if (key == "p_adj") return r.p_adj;
    if (key == "pct_diff") return r.k.pct_diff;
    if (key == "bic") return r.k.bic;
    return r.k.log_ratio;
  };
  std::sort(kept.begin(), kept.end(), [&](const Row& x, const Row& y) {
    if (key != "item") {
      double u = number(x), v = number(y);
      bool nu = std::isnan(u), nv = std::isnan(v);
      if (nu != nv) return nv;
      if (!nu && u != v) return ascending ? u < v : u > v;
    }
    return *x.item < *y.item;
  });
  std::vector<Record> out;
  out.reserve(kept.size());
  double dc = static_cast<double>(c), dd = static_cast<double>(d);
  for (const Row& r : kept) {
    Record rec;
    rec.fields().reserve(13);
    if (doc != nullptr) rec.Add("doc", *doc);
    rec.Add("item", *r.item).Add("freq", r.a).Add("freq_ref", r.b);
    AddMeasure(&rec, "per_10k", static_cast<double>(r.a) / dc * 1e4);
    AddMeasure(&rec, "per_10k_ref", static_cast<double>(r.b) / dd * 1e4);
    AddMeasure(&rec, "ll", r.k.ll);
    AddMeasure(&rec, "p", r.k.p);
    AddMeasure(&rec, "p_adj", r.p_adj);
    AddMeasure(&rec, "log_ratio", r.k.log_ratio);
    AddMeasure(&rec, "pct_diff", r.k.pct_diff);
    AddMeasure(&rec, "bic", r.k.bic);
    rec.Add("use", r.k.over ? "over" : "under");
    out.push_back(std::move(rec));
  }
  return out;
}

}  // namespace relscan
