// Keywords: frequency lists with dispersion, keyness against a reference,
// and count tables that merge exactly.
//
//   ItemCounter counter({});                        // one per thread
//   ItemCounts doc = counter.Count(report_document);
//   CountTable table({});
//   table.Add(doc);                                 // and every other document
//   std::vector<Record> rows = FrequencyRows(table, &docs, {});
//
//   KeynessScores k = Keyness(a, b, c, d);          // one item, two corpora
//
// Items are the segmenter's word tokens (every token with all_tokens; the
// possessive 's is not a word), folded (FoldForMatch), typography-folded
// with case kept (kCase), or Snowball English stems of the folded form
// (kStem); with ngram > 1, runs of n consecutive counted tokens in one
// sentence, joined by a space. A token that is not counted (punctuation,
// numbers and the possessive, unless all_tokens) breaks a run. The size of
// a corpus, N, is the number of items counted before stopwords are
// removed: for unigrams, its word tokens.
//
// Count tables keep, for each item, its frequency, the number of
// documents it occurs in and the sums over documents of p = f/N_doc and
// p² that Juilland's D needs, as integers in units of 2^-60, so that sums
// are exact and merging is independent of order.
#ifndef RELSCAN_KEYWORDS_H_
#define RELSCAN_KEYWORDS_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "relscan/record.h"
#include "relscan/report_input.h"
#include "relscan/result.h"
#include "relscan/segment.h"

namespace relscan {

class Stemmer;

/// Names the form items are counted in.
enum class ItemForm { kFold, kCase, kStem };

/// The options that decide what is counted; a count table records them.
struct CountOptions {
  ItemForm form = ItemForm::kFold;
  int ngram = 1;               // 1 to 5
  bool split_hyphens = false;  // count the parts of hyphen compounds
  bool all_tokens = false;     // count numbers, punctuation, symbols, possessives
  bool dedupe = false;         // skip sentences that repeat an earlier one
  ParagraphMode paragraphs = ParagraphMode::kAuto;  // shapes sentences
};

/// Returns the options as written in a count table's header
/// ("form=fold\tngram=1\t...").
std::string CountOptionsText(const CountOptions& options);

/// Hashes strings and views alike, so look-ups by a view allocate nothing.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};
template <typename V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

/// The item frequencies of one document, or of a corpus taken whole.
struct ItemCounts {
  std::string doc;
  int64_t tokens = 0;  // N: items counted, before stopword removal
  StringMap<int64_t> freq;
};

/// Counts the items of documents.
///
/// Holds a Stemmer: one counter serves one thread.
class ItemCounter {
 public:
  explicit ItemCounter(CountOptions options);
  ~ItemCounter();
  /// Returns the counts of one document.
  ItemCounts Count(const ReportDocument& doc);
  /// Returns the form of one word as items are counted (folded, or stemmed).
  std::string Form(std::string_view word, bool is_word);

 private:
  CountOptions options_;
  std::unique_ptr<Stemmer> stemmer_;
};

/// An unsigned fixed-point number in units of 2^-60.
using Fixed = unsigned __int128;
/// Returns round(num * 2^60 / den) for den > 0 and num * 2^60 < 2^128.
Fixed FixedRatio(Fixed num, Fixed den);
/// Returns a fixed-point number as a double.
double FixedToDouble(Fixed x);

/// One item's totals in a count table.
struct ItemTotals {
  int64_t freq = 0;
  int64_t docs = 0;  // range: documents it occurs in
  Fixed sum_p = 0;   // Σ f_i/N_i over documents, in 2^-60
  Fixed sum_p2 = 0;  // Σ (f_i/N_i)² over documents, in 2^-60
};

/// Counts of a corpus that merge exactly: a sum of documents.
struct CountTable {
  CountOptions options;
  int64_t tokens = 0;     // N
  int64_t documents = 0;  // documents with at least one item
  StringMap<ItemTotals> items;

  /// Adds one document's counts (a document without items adds nothing).
  void Add(const ItemCounts& doc);
  /// Adds another table made with the same options; otherwise returns an
  /// error naming the options that differ.
  Result<void> Merge(const CountTable& other);
  /// Returns the frequencies alone.
  ItemCounts Frequencies() const;
};

/// Writes a count table: TSV with a header, items in byte order.
std::string FormatCountTable(const CountTable& table);
/// Says whether bytes start like a count table.
bool LooksLikeCountTable(std::string_view bytes);
/// Parses a count table; an error names the line.
Result<CountTable> ParseCountTable(std::string_view bytes, const std::string& path);

/// Holds stop words, matched in the form items are counted in.
class StopList {
 public:
  StopList() = default;
  /// Parses one word a line ('#' starts a comment) into the items' form
  /// (folded, or the stems of the folded words).
  static StopList Parse(std::string_view contents, ItemForm form);
  /// Returns the built-in English list (data/stopwords/english.txt).
  static StopList BuiltIn(ItemForm form);
  bool empty() const { return words_.empty(); }
  size_t size() const { return words_.size(); }
  /// Says whether an item is left out: a stop word, or an n-gram that
  /// starts or ends with one.
  bool Drops(std::string_view item) const;

 private:
  bool IsStop(std::string_view word) const;
  ItemForm form_ = ItemForm::kFold;
  std::unordered_set<std::string, StringHash, std::equal_to<>> words_;
};

/// Returns Juilland's D from the sums of p and p² over n documents:
/// 1 - (σ/μ)/√(n-1), σ the population standard deviation; NaN when n < 2
/// or the item never occurs.
double JuillandD(double sum_p, double sum_p2, int64_t n);

/// Options of frequency lists.
struct FrequencyOptions {
  int64_t min_freq = 1;
  const StopList* stop = nullptr;  // null: keep every item
  std::string sort = "freq";       // freq, item, range, juilland_d, dp
};

/// Says whether a frequency-list sort key is known.
bool IsFrequencySortKey(std::string_view key);

/// Returns the columns of a frequency list (with doc first for --by-doc).
std::vector<std::string> FrequencyColumns(bool by_doc);

/// Returns a corpus's frequency list: freq, per_10k, range, juilland_d, and
/// Gries's dp from the documents' own counts when docs is given (null
/// otherwise), sorted as asked (ties by item).
std::vector<Record> FrequencyRows(const CountTable& table, const std::vector<ItemCounts>* docs,
                                  const FrequencyOptions& options);

/// Returns one document's frequency list: doc, item, freq, per_10k.
std::vector<Record> DocFrequencyRows(const ItemCounts& doc, const FrequencyOptions& options);

/// The keyness of one item: target frequency a in c items, reference
/// frequency b in d items.
struct KeynessScores {
  double ll = 0;         // log-likelihood G², Rayson and Garside (2000)
  double p = 1;          // P(χ²(1) ≥ G²)
  double log_ratio = 0;  // Hardie (2014): log2 of the ratio of relative frequencies
  double pct_diff = 0;   // %DIFF, Gabrielatos and Marchi (2012)
  double bic = 0;        // BIC, Wilson (2013): G² - ln(c + d)
  bool over = false;     // used more in the target than in the reference
};

/// Computes the keyness of one item (see the man page for the formulas).
KeynessScores Keyness(int64_t a, int64_t b, int64_t c, int64_t d);

/// Returns P(χ² ≥ x) for one degree of freedom: erfc(√(x/2)).
double ChiSquareP1(double x);

/// Names a correction of p-values for the number of items tested.
enum class Correction { kHolm, kBonferroni, kNone };

/// Returns p-values adjusted for testing them all: Bonferroni (p·m, at
/// most 1) or Holm's step-down (the running maximum of (m-i+1)·p(i) over
/// the p-values in increasing order, at most 1).
std::vector<double> AdjustP(const std::vector<double>& p, Correction correction);

/// Options of keyness lists.
struct KeynessOptions {
  int64_t min_freq = 1;            // on a + b
  const StopList* stop = nullptr;
  Correction correction = Correction::kHolm;
  double alpha = 0.05;             // keep items with adjusted p < alpha
  std::string sort = "log_ratio";  // item, freq, freq_ref, ll, p, p_adj, log_ratio, pct_diff, bic
};

/// Says whether a keyness sort key is known.
bool IsKeynessSortKey(std::string_view key);

/// Returns the columns of a keyness list (with doc first when with_doc).
std::vector<std::string> KeynessColumns(bool with_doc);

/// Returns the keyness list of target against reference minus `minus`
/// (each document against the rest of the corpus), or against reference
/// when minus is null. Every item of either side is tested; doc names the
/// target in a doc column when not null.
std::vector<Record> KeynessRows(const ItemCounts& target, const ItemCounts& reference,
                                const ItemCounts* minus, const KeynessOptions& options,
                                const std::string* doc);

}  // namespace relscan

#endif  // RELSCAN_KEYWORDS_H_
