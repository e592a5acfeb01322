// relscan keywords (freq): frequency lists, keyness, count tables.
#include <fmt/format.h>

#include <memory>

#include "../command.h"
#include "../common_options.h"
#include "../output.h"
#include "relscan/document.h"
#include "relscan/keywords.h"
#include "report_inputs.h"

namespace relscan::cli {
namespace {

po::options_description KeywordsFlags() {
  po::options_description items("Item options");
  items.add_options()
      ("case", po::bool_switch(), "count forms with their case (typography is still folded)")
      ("stem", po::bool_switch(), "count Snowball English stems")
      ("ngram", po::value<int>()->value_name("N"), "count runs of N words, 1 to 5 (default: 1)")
      ("split-hyphens", po::bool_switch(), "count the parts of hyphen compounds")
      ("all-tokens", po::bool_switch(), "count numbers, punctuation and symbols too")
      ("dedupe", po::bool_switch(), "skip sentences that repeat an earlier one (duplicate_of)");
  po::options_description list("List options");
  list.add_options()
      ("stopwords", po::value<std::string>()->value_name("LIST"),
       "leave out stop words: 'default' (built-in English), 'none' (the default) or a FILE")
      ("min-freq", po::value<int64_t>()->value_name("N"), "keep items seen at least N times")
      ("by-doc", po::bool_switch(), "one list for each document")
      ("sort", po::value<std::string>()->value_name("KEY"), "sort by this column")
      ("counts", po::bool_switch(), "write a count table for 'relscan merge' instead of a list");
  po::options_description key("Keyness options");
  key.add_options()
      ("reference", po::value<std::vector<std::string>>()->value_name("FILE"),
       "compare with this reference corpus (text, stream or count table); repeatable")
      ("reference-rest", po::bool_switch(), "compare each document with all the others")
      ("correction", po::value<std::string>()->value_name("METHOD"),
       "adjust p for the items tested: 'holm' (default), 'bonferroni' or 'none'")
      ("alpha", po::value<double>()->value_name("P"),
       "keep items with adjusted p below P (default: 0.05; 1 keeps all)");
  po::options_description all;
  all.add(items).add(list).add(key).add(OutputOptions("table, tsv, csv, jsonl or json"))
      .add(InputOptions());
  return all;
}

enum class Mode { kFrequency, kKeyness, kRest, kCounts };

struct Config {
  CommonConfig common;
  CountOptions count;
  Mode mode = Mode::kFrequency;
  bool by_doc = false;
  std::vector<std::string> references;
  StopList stop;
  FrequencyOptions freq;
  KeynessOptions keyness;
};

Config Resolve(Invocation& inv) {
  const po::variables_map& vm = inv.vm;
  Config c;
  c.common = ResolveCommon(vm, Format::kTsv, true);
  c.common.tag.entities = false;
  c.common.inputs = inv.args;
  CountOptions& o = c.count;
  bool case_kept = vm["case"].as<bool>(), stem = vm["stem"].as<bool>();
  if (case_kept && stem) throw UsageError{"--stem counts lowercase stems: drop --case"};
  o.form = stem ? ItemForm::kStem : case_kept ? ItemForm::kCase : ItemForm::kFold;
  if (vm.count("ngram")) {
    o.ngram = vm["ngram"].as<int>();
    if (o.ngram < 1 || o.ngram > 5) throw UsageError{"--ngram must be between 1 and 5"};
  }
  o.split_hyphens = vm["split-hyphens"].as<bool>();
  o.all_tokens = vm["all-tokens"].as<bool>();
  o.dedupe = vm["dedupe"].as<bool>();
  c.common.tag.segment.duplicates = o.dedupe;  // nothing else reads them
  o.paragraphs = c.common.tag.segment.paragraphs;
  c.by_doc = vm["by-doc"].as<bool>();
  bool counts = vm["counts"].as<bool>();
  bool rest = vm["reference-rest"].as<bool>();
  if (vm.count("reference")) c.references = vm["reference"].as<std::vector<std::string>>();
  if (rest && !c.references.empty()) throw UsageError{"give --reference or --reference-rest, not both"};
  if (rest && c.by_doc) throw UsageError{"--reference-rest already makes one list for each document: drop --by-doc"};
  bool keyness = rest || !c.references.empty();
  if (counts) {
    for (const char* name : {"min-freq", "stopwords", "sort", "format", "correction", "alpha"}) {
      if (vm.count(name)) {
        throw UsageError{fmt::format(
            "--counts writes every item for 'relscan merge': --{} applies when the table is read",
            name)};
      }
    }
    if (c.by_doc || keyness) throw UsageError{"--counts writes one table: it takes no --by-doc, --reference or --reference-rest"};
    c.mode = Mode::kCounts;
    return c;
  }
  c.mode = rest ? Mode::kRest : keyness ? Mode::kKeyness : Mode::kFrequency;
  if (!keyness && (vm.count("correction") || vm.count("alpha"))) {
    throw UsageError{"--correction and --alpha apply to keyness (--reference or --reference-rest)"};
  }
  int64_t min_freq = 1;
  if (vm.count("min-freq")) {
    min_freq = vm["min-freq"].as<int64_t>();
    if (min_freq < 1) throw UsageError{"--min-freq must be 1 or more"};
  }
  c.freq.min_freq = c.keyness.min_freq = min_freq;
  std::string stop = vm.count("stopwords") ? vm["stopwords"].as<std::string>() : "none";
  if (stop == "default") {
    c.stop = StopList::BuiltIn(o.form);
  } else if (stop != "none") {
    // An option file: read and checked before any input (exit 2).
    Result<std::string> bytes = ReadFileBytes(stop);
    if (!bytes) {
      Error e = bytes.error();
      e.path = stop;
      throw UsageError{"--stopwords " + Describe(e)};
    }
    Result<Document> text = LoadDocument(*bytes, stop, {});
    if (!text) throw UsageError{"--stopwords " + Describe(text.error())};
    c.stop = StopList::Parse(text->text(), o.form);
  }
  c.freq.stop = c.keyness.stop = c.stop.empty() ? nullptr : &c.stop;
  if (vm.count("sort")) {
    std::string key = vm["sort"].as<std::string>();
    if (keyness) {
      if (!IsKeynessSortKey(key)) {
        throw UsageError{fmt::format(
            "--sort: unknown key '{}' (item, freq, freq_ref, ll, p, p_adj, log_ratio, pct_diff, bic)", key)};
      }
      c.keyness.sort = key;
    } else if (c.by_doc) {
      if (key != "freq" && key != "item") throw UsageError{fmt::format("--sort: with --by-doc, 'freq' or 'item', not '{}'", key)};
      c.freq.sort = key;
    } else {
      if (!IsFrequencySortKey(key)) {
        throw UsageError{fmt::format("--sort: unknown key '{}' (item, freq, range, juilland_d, dp)", key)};
      }
      c.freq.sort = key;
    }
  }
  if (vm.count("correction")) {
    std::string v = vm["correction"].as<std::string>();
    if (v == "holm") c.keyness.correction = Correction::kHolm;
    else if (v == "bonferroni") c.keyness.correction = Correction::kBonferroni;
    else if (v == "none") c.keyness.correction = Correction::kNone;
    else throw UsageError{fmt::format("--correction must be 'holm', 'bonferroni' or 'none', not '{}'", v)};
  }
  if (vm.count("alpha")) {
    c.keyness.alpha = vm["alpha"].as<double>();
    if (!(c.keyness.alpha > 0 && c.keyness.alpha <= 1)) throw UsageError{"--alpha must be above 0 and at most 1"};
  }
  return c;
}

// Each worker thread counts with its own counter (it holds a stemmer).
ItemCounter& ThreadCounter(const CountOptions& options) {
  thread_local std::unique_ptr<ItemCounter> counter;
  thread_local std::string counter_key;
  std::string key = CountOptionsText(options);
  if (!counter || counter_key != key) {
    counter = std::make_unique<ItemCounter>(options);
    counter_key = std::move(key);
  }
  return *counter;
}

// What one input gives: each document's counts, or a count table.
struct Counted {
  std::string path;
  std::vector<ItemCounts> docs;
  std::optional<CountTable> table;
};

// Counts inputs into table (and, when keep_docs, each document into docs).
// A count table made with other options, or one given where documents are
// needed, is an input error.
void CountInputs(const std::vector<std::string>& inputs, const Config& c, bool keep_docs,
                 bool tables_allowed, Invocation& inv, CountTable* table,
                 std::vector<ItemCounts>* docs, bool* had_table,
                 const std::function<void(ItemCounts&)>& each_doc = nullptr) {
  RunInputs<Counted>(
      inputs, c.common,
      [&](const std::string& path, DocOutput* out) {
        Counted counted;
        counted.path = path == "-" ? "<stdin>" : path;
        ReportInput in = LoadReportInput(path, c.common, false, true, out);
        counted.table = std::move(in.counts);
        ItemCounter& counter = ThreadCounter(c.count);
        for (const ReportDocument& d : in.docs) counted.docs.push_back(counter.Count(d));
        return counted;
      },
      [&](Counted& counted, DocOutput& out) {
        for (const Error& e : out.errors) inv.diag->InputError(e);
        if (counted.table) {
          Error e;
          if (!tables_allowed) {
            e = MakeError(ErrorCode::kUsage, "a count table has no documents: --by-doc and "
                                             "--reference-rest need raw text or a tagged stream");
          } else if (Result<void> r = table->Merge(*counted.table); !r) {
            e = r.error();
          } else {
            *had_table = true;
            return;
          }
          e.path = counted.path;
          inv.diag->InputError(e);
          return;
        }
        for (ItemCounts& d : counted.docs) {
          table->Add(d);
          if (each_doc) each_doc(d);
          if (keep_docs) docs->push_back(std::move(d));
        }
      });
}

ExitCode RunKeywords(Invocation& inv) {
  Config c = Resolve(inv);
  std::vector<std::string> inputs = ExpandInputs(c.common);
  StdoutSink sink;
  CountTable table;
  table.options = c.count;
  std::vector<ItemCounts> docs;
  bool had_table = false;

  if (c.mode == Mode::kCounts) {
    CountInputs(inputs, c, false, true, inv, &table, &docs, &had_table);
    sink.Write(FormatCountTable(table));
    sink.Flush();
    return inv.diag->exit_code();
  }

  CountTable reference;
  reference.options = c.count;
  if (c.mode == Mode::kKeyness) {
    // The reference is read first: its errors come before the list.
    // Its own batch: one large reference file may be split over --jobs
    // threads, and many are read one per thread (ExpandInputs decides).
    Config rc = c;
    rc.common.inputs = c.references;
    rc.common.files_from.clear();
    std::vector<std::string> ref_inputs = ExpandInputs(rc.common);
    std::vector<ItemCounts> none;
    bool ref_table = false;
    CountInputs(ref_inputs, rc, false, true, inv, &reference, &none, &ref_table);
    if (reference.tokens == 0) {
      inv.diag->InputError(MakeError(ErrorCode::kMalformed, "the reference corpus has no items"));
      return inv.diag->exit_code();
    }
  }

  bool with_doc = c.by_doc || c.mode == Mode::kRest;
  std::vector<std::string> columns = c.mode == Mode::kFrequency ? FrequencyColumns(c.by_doc)
                                                                : KeynessColumns(with_doc);
  std::unique_ptr<RecordWriter> writer = MakeWriter(c.common.format, &sink, c.common.writer);
  writer->Begin(columns);
  ItemCounts ref_freq = reference.Frequencies();

  if (c.by_doc) {
    // One list a document, written as each document is delivered.
    CountInputs(inputs, c, false, false, inv, &table, &docs, &had_table, [&](ItemCounts& d) {
      std::vector<Record> rows = c.mode == Mode::kFrequency
                                     ? DocFrequencyRows(d, c.freq)
                                     : KeynessRows(d, ref_freq, nullptr, c.keyness, &d.doc);
      for (const Record& r : rows) writer->Write(r);
    });
  } else if (c.mode == Mode::kRest) {
    CountInputs(inputs, c, true, false, inv, &table, &docs, &had_table);
    if (docs.size() < 2) {
      inv.diag->InputError(MakeError(
          ErrorCode::kMalformed, "--reference-rest needs at least two documents with words"));
    } else {
      ItemCounts total = table.Frequencies();
      for (const ItemCounts& d : docs) {
        if (d.tokens == 0) continue;
        for (const Record& r : KeynessRows(d, total, &d, c.keyness, &d.doc)) writer->Write(r);
      }
    }
  } else if (c.mode == Mode::kKeyness) {
    CountInputs(inputs, c, false, true, inv, &table, &docs, &had_table);
    if (table.tokens > 0) {
      for (const Record& r : KeynessRows(table.Frequencies(), ref_freq, nullptr, c.keyness, nullptr))
        writer->Write(r);
    }
  } else {
    // Gries's DP needs every document's own counts, which a table lacks.
    CountInputs(inputs, c, true, true, inv, &table, &docs, &had_table);
    for (const Record& r : FrequencyRows(table, had_table ? nullptr : &docs, c.freq))
      writer->Write(r);
  }
  writer->End();
  sink.Flush();
  return inv.diag->exit_code();
}

}  // namespace

Command KeywordsCommand() {
  Command c;
  c.name = "keywords";
  c.aliases = {"freq"};
  c.summary = "count words and n-grams, their dispersion, and their keyness against a reference";
  c.synopsis = "relscan keywords [OPTIONS] [FILE...]\n"
               "       relscan keywords [OPTIONS] --reference FILE [FILE...]\n"
               "       relscan keywords --counts [OPTIONS] [FILE...] > counts.tsv";
  c.description =
      "Frequency list columns: item, freq, per_10k, range, juilland_d, dp.\n"
      "With --reference or --reference-rest, a keyness list: item, freq, freq_ref,\n"
      "per_10k, per_10k_ref, ll, p, p_adj, log_ratio, pct_diff, bic, use; by\n"
      "default the items with adjusted p < 0.05, by log ratio.";
  c.options = KeywordsFlags;
  c.run = RunKeywords;
  return c;
}

}  // namespace relscan::cli
