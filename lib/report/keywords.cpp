// Counting items, count tables, stop words and frequency lists.
#include "relscan/keywords.h"

#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>

#include "relscan/data.h"
#include "relscan/fold.h"
#include "relscan/stemmer.h"
#include "relscan/tag.h"
#include "report_numbers.h"
#include "token_keys.h"

namespace relscan {
namespace {

// Says whether text holds a letter (a compound part that is a word).
bool HasLetter(std::string_view s) {
  for (int32_t i = 0, n = static_cast<int32_t>(s.size()); i < n;) {
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (c >= 0 && u_isalpha(c)) return true;
  }
  return false;
}

std::string_view FormName(ItemForm form) {
  switch (form) {
    case ItemForm::kFold: return "fold";
    case ItemForm::kCase: return "case";
    case ItemForm::kStem: return "stem";
  }
  return "fold";
}

std::string TsvEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '\t': out.append("\\t"); break;
      case '\n': out.append("\\n"); break;
      case '\r': out.append("\\r"); break;
      case '\\': out.append("\\\\"); break;
      default: out.push_back(c);
    }
  }
  return out;
}

bool TsvUnescape(std::string_view s, std::string* out) {
  out->clear();
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\') {
      out->push_back(s[i]);
      continue;
    }
    if (++i == s.size()) return false;
    switch (s[i]) {
      case 't': out->push_back('\t'); break;
      case 'n': out->push_back('\n'); break;
      case 'r': out->push_back('\r'); break;
      case '\\': out->push_back('\\'); break;
      default: return false;
    }
  }
  return true;
}

std::string FixedText(Fixed x) {
  if (x == 0) return "0";
  std::string s;
  while (x > 0) {
    s.push_back(static_cast<char>('0' + static_cast<int>(x % 10)));
    x /= 10;
  }
  std::reverse(s.begin(), s.end());
  return s;
}

bool ParseFixed(std::string_view s, Fixed* out) {
  if (s.empty() || s.size() > 38) return false;
  Fixed x = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    x = x * 10 + static_cast<unsigned>(c - '0');
  }
  *out = x;
  return true;
}

bool ParseInt(std::string_view s, int64_t* out) {
  if (s.empty() || s.size() > 18) return false;
  int64_t x = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    x = x * 10 + (c - '0');
  }
  *out = x;
  return true;
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  while (true) {
    size_t k = line.find('\t');
    out.push_back(line.substr(0, k));
    if (k == std::string_view::npos) break;
    line.remove_prefix(k + 1);
  }
  return out;
}

constexpr std::string_view kMagic = "# relscan counts 1";
constexpr std::string_view kColumns = "item\tfreq\tdocs\tsum_p\tsum_p2";

}  // namespace

std::string CountOptionsText(const CountOptions& o) {
  return fmt::format("form={}\tngram={}\tsplit_hyphens={}\tall_tokens={}\tdedupe={}\tparagraphs={}\trelscan={}",
                     FormName(o.form), o.ngram, o.split_hyphens ? "yes" : "no",
                     o.all_tokens ? "yes" : "no", o.dedupe ? "yes" : "no",
                     ParagraphModeName(o.paragraphs), RelscanVersion());
}

ItemCounter::ItemCounter(CountOptions options)
    : options_(options), stemmer_(std::make_unique<Stemmer>()) {}
ItemCounter::~ItemCounter() = default;

std::string ItemCounter::Form(std::string_view s, bool is_word) {
  std::string buf;
  std::string_view key = KeyOf(s, options_.form == ItemForm::kCase, &buf);
  if (options_.form == ItemForm::kStem && is_word) return stemmer_->Stem(key);
  return std::string(key);
}

ItemCounts ItemCounter::Count(const ReportDocument& d) {
  ItemCounts out;
  out.doc = d.doc.path();
  const std::vector<Token>& tokens = d.seg.tokens;
  const int n = options_.ngram;
  std::vector<std::string> run;  // the forms of the current run of counted tokens
  std::string gram;
  auto count = [&](std::string_view item) {
    auto it = out.freq.find(item);
    if (it == out.freq.end()) it = out.freq.emplace(std::string(item), 0).first;
    ++it->second;
    ++out.tokens;
  };
  auto push = [&](std::string form) {
    run.push_back(std::move(form));
    if (n == 1) {
      count(run.back());
      run.clear();
      return;
    }
    if (static_cast<int>(run.size()) < n) return;
    gram.clear();
    for (size_t k = run.size() - n; k < run.size(); ++k) {
      if (!gram.empty()) gram.push_back(' ');
      gram.append(run[k]);
    }
    count(gram);
    run.erase(run.begin());
  };
  for (const ReportSentence& s : d.sentences) {
    if (options_.dedupe && s.duplicate) continue;
    run.clear();  // n-grams never cross sentences
    for (int32_t k = s.token_begin; k < s.token_end; ++k) {
      const Token& t = tokens[k];
      std::string_view text = d.TokenText(t);
      if (t.kind == TokenKind::kWord) {
        if (options_.split_hyphens && t.parts_count > 0) {
          for (uint32_t p = t.parts_begin; p < t.parts_begin + t.parts_count; ++p) {
            const Span& part = d.seg.parts[p];
            std::string_view pt = d.Bytes(part.bstart, part.bend);
            bool word = HasLetter(pt);
            if (word || options_.all_tokens) {
              push(Form(pt, word));
            } else {
              run.clear();
            }
          }
          continue;
        }
        push(Form(text, true));
      } else if (options_.all_tokens) {
        push(Form(text, false));
      } else {
        run.clear();  // TAGSET §0: the possessive 's is not a word
      }
    }
  }
  return out;
}

Fixed FixedRatio(Fixed num, Fixed den) {
  Fixed scaled = num << 60;
  return (scaled + den / 2) / den;
}

double FixedToDouble(Fixed x) {
  return static_cast<double>(static_cast<long double>(x) / 1152921504606846976.0L);
}

void CountTable::Add(const ItemCounts& doc) {
  if (doc.tokens <= 0) return;
  tokens += doc.tokens;
  ++documents;
  Fixed n = static_cast<Fixed>(doc.tokens);
  for (const auto& [item, f] : doc.freq) {
    ItemTotals& t = items[item];
    Fixed ff = static_cast<Fixed>(f);
    t.freq += f;
    ++t.docs;
    t.sum_p += FixedRatio(ff, n);
    t.sum_p2 += FixedRatio(ff * ff, n * n);
  }
}

Result<void> CountTable::Merge(const CountTable& other) {
  std::string mine = CountOptionsText(options), theirs = CountOptionsText(other.options);
  if (mine != theirs) {
    std::vector<std::string_view> a = SplitTabs(mine), b = SplitTabs(theirs);
    std::string diff;
    for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
      if (a[i] == b[i]) continue;
      if (!diff.empty()) diff += ", ";
      diff += fmt::format("{} (not {})", b[i], a[i]);
    }
    return MakeError(ErrorCode::kUsage, "count table made with other options: " + diff);
  }
  tokens += other.tokens;
  documents += other.documents;
  for (const auto& [item, t] : other.items) {
    ItemTotals& mine_t = items[item];
    mine_t.freq += t.freq;
    mine_t.docs += t.docs;
    mine_t.sum_p += t.sum_p;
    mine_t.sum_p2 += t.sum_p2;
  }
  return {};
}

ItemCounts CountTable::Frequencies() const {
  ItemCounts out;
  out.tokens = tokens;
  out.freq.reserve(items.size());
  for (const auto& [item, t] : items) out.freq.emplace(item, t.freq);
  return out;
}

std::string FormatCountTable(const CountTable& table) {
  std::vector<const std::pair<const std::string, ItemTotals>*> rows;
  rows.reserve(table.items.size());
  for (const auto& kv : table.items) rows.push_back(&kv);
  std::sort(rows.begin(), rows.end(), [](auto* a, auto* b) { return a->first < b->first; });
  std::string out;
  out.reserve(64 * rows.size() + 512);
  out.append(kMagic).append("\n");
  out.append("# options\t").append(CountOptionsText(table.options)).append("\n");
  out.append(fmt::format("# tokens\t{}\n# documents\t{}\n", table.tokens, table.documents));
  out.append("# sum_p, sum_p2: sums over documents of f/N and (f/N)^2, in units of 2^-60\n");
  out.append(kColumns).append("\n");
  for (auto* kv : rows) {
    const ItemTotals& t = kv->second;
    out.append(TsvEscape(kv->first));
    out.append(fmt::format("\t{}\t{}\t", t.freq, t.docs));
    out.append(FixedText(t.sum_p)).push_back('\t');
    out.append(FixedText(t.sum_p2)).push_back('\n');
  }
  return out;
}

bool LooksLikeCountTable(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  std::string_view line = bytes.substr(0, bytes.find('\n'));
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line == kMagic;
}

Result<CountTable> ParseCountTable(std::string_view bytes, const std::string& path) {
  CountTable table;
  int64_t line_no = 0;
  auto fail = [&](const std::string& what) {
    Error e = MakeError(ErrorCode::kMalformed, fmt::format("line {}: {}", line_no, what));
    e.path = path;
    e.line = line_no;
    return e;
  };
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  bool columns = false, have_options = false, have_tokens = false, have_docs = false;
  std::string item;
  while (!bytes.empty()) {
    size_t nl = bytes.find('\n');
    std::string_view line = bytes.substr(0, nl);
    bytes.remove_prefix(nl == std::string_view::npos ? bytes.size() : nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line_no == 1) {
      if (line != kMagic) return fail(fmt::format("not a count table (expected '{}')", kMagic));
      continue;
    }
    if (!columns) {
      if (line == kColumns) {
        if (!have_options || !have_tokens || !have_docs)
          return fail("the header lacks options, tokens or documents");
        columns = true;
        continue;
      }
      if (!line.starts_with("#")) return fail("expected a '#' header line or the column names");
      std::vector<std::string_view> f = SplitTabs(line);
      if (f[0] == "# options") {
        CountOptions& o = table.options;
        bool form = false, ngram = false, split = false, all = false, dedupe = false,
             paragraphs = false, version = false;
        for (size_t i = 1; i < f.size(); ++i) {
          size_t eq = f[i].find('=');
          if (eq == std::string_view::npos) return fail(fmt::format("bad option '{}'", f[i]));
          std::string_view k = f[i].substr(0, eq), v = f[i].substr(eq + 1);
          auto yes_no = [&](bool* out) {
            if (v != "yes" && v != "no") return false;
            *out = v == "yes";
            return true;
          };
          bool ok = true;
          if (k == "form") {
            form = true;
            if (v == "fold") o.form = ItemForm::kFold;
            else if (v == "case") o.form = ItemForm::kCase;
            else if (v == "stem") o.form = ItemForm::kStem;
            else ok = false;
          } else if (k == "ngram") {
            int64_t g = 0;
            ngram = true;
            ok = ParseInt(v, &g) && g >= 1 && g <= 5;
            o.ngram = static_cast<int>(g);
          } else if (k == "split_hyphens") {
            split = ok = yes_no(&o.split_hyphens);
          } else if (k == "all_tokens") {
            all = ok = yes_no(&o.all_tokens);
          } else if (k == "dedupe") {
            dedupe = ok = yes_no(&o.dedupe);
          } else if (k == "paragraphs") {
            Result<ParagraphMode> m = ParseParagraphMode(v);
            paragraphs = ok = m.ok();
            if (ok) o.paragraphs = *m;
          } else if (k == "relscan") {
            version = true;
            if (v != RelscanVersion()) {
              return fail(fmt::format("made by relscan {}, not {}: count again", v, RelscanVersion()));
            }
          } else {
            ok = false;
          }
          if (!ok) return fail(fmt::format("bad option '{}'", f[i]));
        }
        if (!(form && ngram && split && all && dedupe && paragraphs && version))
          return fail("the options line lacks an option");
        have_options = true;
      } else if (f[0] == "# tokens" && f.size() == 2) {
        if (!ParseInt(f[1], &table.tokens)) return fail("bad token count");
        have_tokens = true;
      } else if (f[0] == "# documents" && f.size() == 2) {
        if (!ParseInt(f[1], &table.documents)) return fail("bad document count");
        have_docs = true;
      }
      continue;  // other '#' lines are comments
    }
    if (line.empty()) continue;
    std::vector<std::string_view> f = SplitTabs(line);
    if (f.size() != 5) return fail(fmt::format("expected 5 fields, found {}", f.size()));
    if (!TsvUnescape(f[0], &item) || item.empty()) return fail("bad item");
    ItemTotals t;
    if (!ParseInt(f[1], &t.freq) || !ParseInt(f[2], &t.docs) || !ParseFixed(f[3], &t.sum_p) ||
        !ParseFixed(f[4], &t.sum_p2)) {
      return fail("bad number");
    }
    if (t.docs > table.documents || t.freq < t.docs) return fail("counts do not add up");
    if (!table.items.emplace(item, t).second) return fail(fmt::format("item '{}' twice", item));
  }
  if (!columns) {
    ++line_no;
    return fail("the table ends before its column names");
  }
  return table;
}

StopList StopList::Parse(std::string_view contents, ItemForm form) {
  StopList s;
  s.form_ = form;
  Stemmer stemmer;
  for (const data::DataLine& line : data::DataLines(contents)) {
    std::string w = FoldForMatch(line.text);
    if (form == ItemForm::kStem) w = stemmer.Stem(w);
    s.words_.insert(std::move(w));
  }
  return s;
}

StopList StopList::BuiltIn(ItemForm form) {
  return Parse(data::Find("data/stopwords/english.txt"), form);
}

bool StopList::IsStop(std::string_view word) const {
  if (form_ == ItemForm::kCase) return words_.count(FoldForMatch(word)) > 0;
  return words_.find(word) != words_.end();
}

bool StopList::Drops(std::string_view item) const {
  if (words_.empty()) return false;
  size_t first = item.find(' ');
  if (first == std::string_view::npos) return IsStop(item);
  return IsStop(item.substr(0, first)) || IsStop(item.substr(item.rfind(' ') + 1));
}

double JuillandD(double sum_p, double sum_p2, int64_t n) {
  if (n < 2 || sum_p <= 0) return std::nan("");
  double dn = static_cast<double>(n);
  double mean = sum_p / dn;
  double var = std::max(0.0, sum_p2 / dn - mean * mean);
  double d = 1.0 - (std::sqrt(var) / mean) / std::sqrt(dn - 1.0);
  // The variance comes from a difference of sums, exact to about 1e-16:
  // an item in one document must show 0, and one spread evenly 1.
  if (d < 1e-9) return 0.0;
  if (d > 1.0 - 1e-9) return 1.0;
  return d;
}

bool IsFrequencySortKey(std::string_view key) {
  return key == "freq" || key == "item" || key == "range" || key == "juilland_d" || key == "dp";
}

std::vector<std::string> FrequencyColumns(bool by_doc) {
  if (by_doc) return {"doc", "item", "freq", "per_10k"};
  return {"item", "freq", "per_10k", "range", "juilland_d", "dp"};
}

namespace {

struct FreqRow {
  const std::string* item;
  int64_t freq = 0, range = 0;
  double d = 0, dp = 0;
};

// Sorts rows by a key: numbers descending, items ascending, ties by item.
template <typename Row, typename Number>
void SortRows(std::vector<Row>* rows, bool by_item, bool ascending, Number number) {
  std::sort(rows->begin(), rows->end(), [&](const Row& a, const Row& b) {
    if (!by_item) {
      double x = number(a), y = number(b);
      // NaN (no value) last.
      bool nx = std::isnan(x), ny = std::isnan(y);
      if (nx != ny) return ny;
      if (!nx && x != y) return ascending ? x < y : x > y;
    }
    return *a.item < *b.item;
  });
}

}  // namespace

std::vector<Record> FrequencyRows(const CountTable& table, const std::vector<ItemCounts>* docs,
                                  const FrequencyOptions& options) {
  std::vector<FreqRow> rows;
  StringMap<size_t> index;
  for (const auto& [item, t] : table.items) {
    if (t.freq < options.min_freq) continue;
    if (options.stop != nullptr && options.stop->Drops(item)) continue;
    FreqRow r;
    r.item = &item;
    r.freq = t.freq;
    r.range = t.docs;
    r.d = JuillandD(FixedToDouble(t.sum_p), FixedToDouble(t.sum_p2), table.documents);
    r.dp = std::nan("");
    if (docs != nullptr) index.emplace(item, rows.size());
    rows.push_back(r);
  }
  if (docs != nullptr && table.tokens > 0) {
    // Gries's DP = ½ Σ_i |f_i/f - N_i/N| over all documents; a document
    // without the item adds N_i/N, so start from ½ (Σ_i N_i/N = 1) and add
    // ½ (|v_i - s_i| - s_i) for each document that has it.
    std::vector<double> acc(rows.size(), 0.0);
    double n = static_cast<double>(table.tokens);
    for (const ItemCounts& d : *docs) {
      if (d.tokens <= 0) continue;
      double s = static_cast<double>(d.tokens) / n;
      for (const auto& [item, f] : d.freq) {
        auto it = index.find(item);
        if (it == index.end()) continue;
        double v = static_cast<double>(f) / static_cast<double>(rows[it->second].freq);
        acc[it->second] += std::fabs(v - s) - s;
      }
    }
    for (size_t i = 0; i < rows.size(); ++i) rows[i].dp = std::clamp(0.5 * (1.0 + acc[i]), 0.0, 1.0);
  }
  const std::string& key = options.sort;
  SortRows(&rows, key == "item", false, [&](const FreqRow& r) {
    if (key == "range") return static_cast<double>(r.range);
    if (key == "juilland_d") return r.d;
    if (key == "dp") return r.dp;
    return static_cast<double>(r.freq);
  });
  std::vector<Record> out;
  out.reserve(rows.size());
  double n = static_cast<double>(table.tokens);
  for (const FreqRow& r : rows) {
    Record rec;
    rec.fields().reserve(6);
    rec.Add("item", *r.item).Add("freq", r.freq);
    AddMeasure(&rec, "per_10k", n > 0 ? static_cast<double>(r.freq) / n * 1e4 : std::nan(""));
    rec.Add("range", r.range);
    AddMeasure(&rec, "juilland_d", r.d);
    AddMeasure(&rec, "dp", r.dp);
    out.push_back(std::move(rec));
  }
  return out;
}

std::vector<Record> DocFrequencyRows(const ItemCounts& doc, const FrequencyOptions& options) {
  std::vector<FreqRow> rows;
  for (const auto& [item, f] : doc.freq) {
    if (f < options.min_freq) continue;
    if (options.stop != nullptr && options.stop->Drops(item)) continue;
    FreqRow r;
    r.item = &item;
    r.freq = f;
    rows.push_back(r);
  }
  SortRows(&rows, options.sort == "item", false,
           [](const FreqRow& r) { return static_cast<double>(r.freq); });
  std::vector<Record> out;
  out.reserve(rows.size());
  double n = static_cast<double>(doc.tokens);
  for (const FreqRow& r : rows) {
    Record rec;
    rec.Add("doc", doc.doc).Add("item", *r.item).Add("freq", r.freq);
    AddMeasure(&rec, "per_10k", static_cast<double>(r.freq) / n * 1e4);
    out.push_back(std::move(rec));
  }
  return out;
}

}  // namespace relscan
