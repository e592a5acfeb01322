// Collocates: counting the node's windows and scoring what is in them.
#include "relscan/collocates.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "relscan/segment.h"
#include "report_numbers.h"
#include "token_keys.h"

namespace relscan {

CollocationScores ScoreCollocation(double o11, double r1, double c1, double n, double f_node) {
  CollocationScores s;
  double o12 = r1 - o11, o21 = c1 - o11, o22 = n - r1 - c1 + o11;
  double r2 = n - r1, c2 = n - c1;
  double e11 = r1 * c1 / n, e12 = r1 * c2 / n, e21 = r2 * c1 / n, e22 = r2 * c2 / n;
  s.expected = e11;
  s.mi = std::log2(o11 / e11);
  s.mi3 = std::log2(o11 * o11 * o11 / e11);
  s.t_score = (o11 - e11) / std::sqrt(o11);
  auto term = [](double o, double e) { return o > 0 ? o * std::log(o / e) : 0.0; };
  s.ll = std::max(0.0, 2.0 * (term(o11, e11) + term(o12, e12) + term(o21, e21) + term(o22, e22)));
  s.dice = 2.0 * o11 / (f_node + c1);
  s.log_dice = 14.0 + std::log2(s.dice);
  s.delta_p_c_given_n = o11 / r1 - (r2 > 0 ? o21 / r2 : 0.0);
  s.delta_p_n_given_c = o11 / c1 - (c2 > 0 ? o12 / c2 : 0.0);
  return s;
}

void CollocateCounts::Merge(const CollocateCounts& other) {
  tokens += other.tokens;
  node += other.node;
  window += other.window;
  for (const auto& [w, f] : other.freq) freq[w] += f;
  for (const auto& [w, c] : other.co) {
    Co& mine = co[w];
    mine.o11 += c.o11;
    mine.left += c.left;
    mine.right += c.right;
  }
}

namespace {

constexpr const char* kMeasures[] = {"freq",      "expected", "mi",   "mi3",
                                     "t_score",   "ll",       "dice", "log_dice",
                                     "delta_p_c_given_n", "delta_p_n_given_c"};

}  // namespace

bool IsCollocateMeasure(std::string_view name) {
  for (const char* m : kMeasures)
    if (name == m) return true;
  return false;
}

Result<std::unique_ptr<CollocateCounter>> CollocateCounter::Create(const CollocateOptions& options) {
  if (options.left < 0 || options.right < 0 || options.left > 50 || options.right > 50 ||
      options.left + options.right == 0) {
    return MakeError(ErrorCode::kUsage, "the window must be 0 to 50 words each side, and not 0,0");
  }
  if (!IsCollocateMeasure(options.by)) {
    return MakeError(ErrorCode::kUsage, fmt::format("unknown measure '{}'", options.by));
  }
  Result<Document> q = LoadDocument(options.node, "<node>", {});
  if (!q) return MakeError(ErrorCode::kUsage, "the node word is not valid UTF-8");
  Segmenter segmenter;
  Segmentation seg = segmenter.Segment(*q, {});
  if (seg.tokens.size() != 1 || seg.tokens[0].kind != TokenKind::kWord) {
    return MakeError(ErrorCode::kUsage,
                     fmt::format("the node must be one word, not '{}'", options.node));
  }
  std::unique_ptr<CollocateCounter> c(new CollocateCounter());
  c->options_ = options;
  std::string buf;
  c->node_ = std::string(KeyOf(q->text(), options.case_sensitive, &buf));
  return c;
}

CollocateCounts CollocateCounter::Count(const ReportDocument& d) const {
  CollocateCounts out;
  const std::vector<Token>& tokens = d.seg.tokens;
  std::vector<std::string_view> words;
  std::vector<bool> is_node;
  std::vector<int64_t> next_node;
  std::string buf;
  const int64_t L = options_.left, R = options_.right;
  for (const ReportSentence& s : d.sentences) {
    if (options_.dedupe && s.duplicate) continue;
    words.clear();
    is_node.clear();
    for (int32_t k = s.token_begin; k < s.token_end; ++k) {
      if (tokens[k].kind != TokenKind::kWord) continue;
      std::string_view key = KeyOf(d.TokenText(tokens[k]), options_.case_sensitive, &buf);
      auto it = out.freq.find(key);
      if (it == out.freq.end()) it = out.freq.emplace(std::string(key), 0).first;
      ++it->second;
      ++out.tokens;
      bool node = it->first == node_;
      out.node += node;
      words.push_back(it->first);  // the map's key outlives the loop
      is_node.push_back(node);
    }
    int64_t n = static_cast<int64_t>(words.size());
    next_node.assign(n, -1);
    for (int64_t j = n - 1, next = -1; j >= 0; --j) {
      next_node[j] = next;
      if (is_node[j]) next = j;
    }
    // Each position once (merged windows), nodes left out (Evert 2008, §5.2).
    for (int64_t j = 0, prev = -1; j < n; ++j) {
      if (is_node[j]) {
        prev = j;
        continue;
      }
      int64_t q = next_node[j];
      bool right = prev >= 0 && j - prev <= R;
      bool left = q >= 0 && q - j <= L;
      if (!left && !right) continue;
      ++out.window;
      CollocateCounts::Co& co = out.co[std::string(words[j])];
      ++co.o11;
      // In two windows, the nearer node decides (a tie goes right).
      if (right && (!left || j - prev <= q - j)) ++co.right;
      else ++co.left;
    }
  }
  return out;
}

const std::vector<std::string>& CollocateColumns() {
  static const std::vector<std::string> kColumns = {
      "collocate", "freq", "left", "right", "coll_freq", "expected", "mi", "mi3", "t_score",
      "ll", "dice", "log_dice", "delta_p_c_given_n", "delta_p_n_given_c"};
  return kColumns;
}

std::vector<Record> CollocateRows(const CollocateCounts& counts, const CollocateOptions& options) {
  struct Row {
    const std::string* word;
    const CollocateCounts::Co* co;
    int64_t c1;
    CollocationScores s;
  };
  std::vector<Row> rows;
  double n = static_cast<double>(counts.tokens);
  for (const auto& [w, co] : counts.co) {
    if (co.o11 < options.min_freq) continue;
    auto it = counts.freq.find(w);
    int64_t c1 = it == counts.freq.end() ? co.o11 : it->second;
    rows.push_back({&w, &co, c1,
                    ScoreCollocation(static_cast<double>(co.o11), static_cast<double>(counts.window),
                                     static_cast<double>(c1), n, static_cast<double>(counts.node))});
  }
  const std::string& by = options.by;
  auto number = [&](const Row& r) -> double {
    if (by == "freq") return static_cast<double>(r.co->o11);
    if (by == "expected") return r.s.expected;
    if (by == "mi") return r.s.mi;
    if (by == "mi3") return r.s.mi3;
    if (by == "t_score") return r.s.t_score;
    if (by == "ll") return r.s.ll;
    if (by == "dice") return r.s.dice;
    if (by == "delta_p_c_given_n") return r.s.delta_p_c_given_n;
    if (by == "delta_p_n_given_c") return r.s.delta_p_n_given_c;
    return r.s.log_dice;
  };
  std::sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
    double x = number(a), y = number(b);
    if (x != y) return x > y;
    return *a.word < *b.word;
  });
  std::vector<Record> out;
  out.reserve(rows.size());
  for (const Row& r : rows) {
    Record rec;
    rec.fields().reserve(14);
    rec.Add("collocate", *r.word).Add("freq", r.co->o11).Add("left", r.co->left);
    rec.Add("right", r.co->right).Add("coll_freq", r.c1);
    AddMeasure(&rec, "expected", r.s.expected);
    AddMeasure(&rec, "mi", r.s.mi);
    AddMeasure(&rec, "mi3", r.s.mi3);
    AddMeasure(&rec, "t_score", r.s.t_score);
    AddMeasure(&rec, "ll", r.s.ll);
    AddMeasure(&rec, "dice", r.s.dice);
    AddMeasure(&rec, "log_dice", r.s.log_dice);
    AddMeasure(&rec, "delta_p_c_given_n", r.s.delta_p_c_given_n);
    AddMeasure(&rec, "delta_p_n_given_c", r.s.delta_p_n_given_c);
    out.push_back(std::move(rec));
  }
  return out;
}

}  // namespace relscan
