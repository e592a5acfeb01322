// relscan concordance (kwic): keyword-in-context lines.
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <memory>
#include <thread>

#include <fmt/format.h>

#include "../command.h"
#include "../common_options.h"
#include "../output.h"
#include "relscan/concordance.h"
#include "relscan/entity.h"
#include "report_inputs.h"

namespace relscan::cli {
namespace {

po::options_description ConcordanceFlags() {
  po::options_description q("Query options");
  q.add_options()
      ("regex", po::bool_switch(),
       "QUERY is RE2 patterns separated by spaces, each matching one whole token")
      ("stem", po::bool_switch(), "match words by their Snowball English stems")
      ("case", po::bool_switch(), "match case (typography is still folded)")
      ("label", po::value<std::string>()->value_name("LABEL"),
       "instead of QUERY: every mention of an entity label (GPE)")
      ("entity", po::value<std::string>()->value_name("NAME"),
       "instead of QUERY: every mention of one canonical entity")
      ("dedupe", po::bool_switch(), "skip sentences that repeat an earlier one (duplicate_of)");
  po::options_description c("Context and order options");
  c.add_options()
      ("width", po::value<int>()->value_name("N"), "N characters each side (default: 40)")
      ("words", po::value<int>()->value_name("N"), "N tokens each side instead of characters")
      ("sentence", po::bool_switch(), "the whole sentence as context")
      ("sort", po::value<std::string>()->value_name("KEYS"),
       "sort by tokens around the match: R1,R2,L1 (L1-L5, R1-R5, match) or position")
      ("sample", po::value<int64_t>()->value_name("N"), "keep a random sample of N lines")
      ("seed", po::value<uint64_t>()->value_name("S"), "seed of --sample (default: 0)");
  // Only the entity annotator runs (for --label and --entity), so of the
  // annotation options only --gazetteer applies; ResolveCommon reads it.
  po::options_description a("Annotation options");
  a.add_options()
      ("gazetteer", po::value<std::vector<std::string>>()->value_name("FILE"),
       "add names from a TSV file (text, label, canonical); repeatable; they win over built-ins");
  po::options_description all;
  all.add(q).add(c).add(a).add(OutputOptions("table, tsv, csv, jsonl or json")).add(InputOptions());
  return all;
}

// Appends output to a string that the worker hands back.
class AppendSink : public OutputSink {
 public:
  explicit AppendSink(std::string* out) : out_(out) {}
  void Write(std::string_view bytes) override { out_->append(bytes); }

 private:
  std::string* out_;
};

// The resolved options of one run.
struct Config {
  CommonConfig common;
  ConcordanceOptions query;
  std::vector<SortKey> sort;
  bool sorted = false;
  int64_t sample = -1;  // -1: no sampling
  uint64_t seed = 0;
};

Config Resolve(Invocation& inv) {
  const po::variables_map& vm = inv.vm;
  Config c;
  c.common = ResolveCommon(vm, Format::kTsv, true);
  c.common.writer.align = {{"left", Align::kRight}};  // the matches line up
  ConcordanceOptions& q = c.query;
  bool regex = vm["regex"].as<bool>(), stem = vm["stem"].as<bool>();
  q.case_sensitive = vm["case"].as<bool>();
  q.dedupe = vm["dedupe"].as<bool>();
  c.common.tag.segment.duplicates = q.dedupe;  // nothing else reads them
  // jsonl and json show L1-L3 and R1-R3; the tabular formats none; --sort
  // may reach R5.
  bool records = c.common.format == Format::kJsonl || c.common.format == Format::kJson;
  q.keep_tokens = records ? 3 : 0;
  bool by_entity = vm.count("label") || vm.count("entity");
  if (regex && stem) throw UsageError{"--regex and --stem cannot be combined"};
  if (stem && q.case_sensitive) throw UsageError{"--stem compares lowercase stems: drop --case"};
  std::vector<std::string> args = inv.args;
  if (by_entity) {
    if (regex || stem || q.case_sensitive) {
      throw UsageError{"--label and --entity select entity mentions: they take no --regex, --stem or --case"};
    }
    q.kind = QueryKind::kEntity;
    if (vm.count("label")) {
      q.label = vm["label"].as<std::string>();
      for (char& ch : q.label) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      if (!ParseEntityLabel(q.label)) {
        throw UsageError{"--label: unknown label '" + q.label +
                         "' (PERSON, NORP, ORG, GPE, LOC, FAC, EVENT, PRODUCT, WORK_OF_ART, LAW)"};
      }
    }
    if (vm.count("entity")) {
      q.entity = vm["entity"].as<std::string>();
      if (q.entity.empty()) throw UsageError{"--entity: empty name"};
    }
  } else {
    if (args.empty()) throw UsageError{"no QUERY: give a word, a phrase or a pattern, or --label/--entity"};
    q.query = args.front();
    args.erase(args.begin());
    q.kind = regex ? QueryKind::kRegex : stem ? QueryKind::kStem : QueryKind::kWords;
  }
  int contexts = static_cast<int>(vm.count("width")) + static_cast<int>(vm.count("words")) +
                 static_cast<int>(vm["sentence"].as<bool>());
  if (contexts > 1) throw UsageError{"give one of --width, --words and --sentence"};
  if (vm.count("width")) {
    q.width = vm["width"].as<int>();
    if (q.width < 0 || q.width > 10000) throw UsageError{"--width must be between 0 and 10000"};
  } else if (vm.count("words")) {
    q.context = ContextKind::kWords;
    q.words = vm["words"].as<int>();
    if (q.words < 0 || q.words > 1000) throw UsageError{"--words must be between 0 and 1000"};
  } else if (vm["sentence"].as<bool>()) {
    q.context = ContextKind::kSentence;
  }
  if (vm.count("sort")) {
    Result<std::vector<SortKey>> keys = ParseSortKeys(vm["sort"].as<std::string>());
    if (!keys) throw UsageError{"--sort: " + keys.error().message};
    c.sort = *keys;
    c.sorted = true;
    for (const SortKey& k : c.sort) q.keep_tokens = std::max(q.keep_tokens, k.index);
  }
  if (vm.count("sample")) {
    c.sample = vm["sample"].as<int64_t>();
    if (c.sample < 0) throw UsageError{"--sample must be 0 or more"};
  }
  if (vm.count("seed")) {
    if (!vm.count("sample")) throw UsageError{"--seed goes with --sample"};
    c.seed = vm["seed"].as<uint64_t>();
  }
  // Checked once here, so that a bad pattern is a usage error before any input.
  Result<std::unique_ptr<ConcordanceMatcher>> m = ConcordanceMatcher::Create(q);
  if (!m) throw UsageError{(regex ? "--regex: " : "") + m.error().message};
  c.common.inputs = args;
  return c;
}

// Each worker thread compiles the query once.
ConcordanceMatcher& ThreadMatcher(const ConcordanceOptions& q) {
  thread_local std::unique_ptr<ConcordanceMatcher> matcher;
  thread_local std::string matcher_key;
  std::string key = fmt::format("{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}",
                                static_cast<int>(q.kind), q.query, q.case_sensitive, q.label,
                                q.entity, static_cast<int>(q.context), q.width, q.words, q.dedupe,
                                q.keep_tokens);
  if (!matcher || matcher_key != key) {
    matcher = ConcordanceMatcher::Create(q).value();  // checked in Resolve
    matcher_key = std::move(key);
  }
  return *matcher;
}

// Renders the lines of d in the writer's format (no header), its sentences
// cut into one range per thread, and hands the output to sink in order.
void RenderSplit(const ReportDocument& d, const Config& c, int threads,
                 const std::vector<std::string>& columns, OutputSink* sink) {
  // Ranges of about equal numbers of tokens.
  std::vector<size_t> cut{0};
  const size_t n = d.sentences.size();
  const int64_t tokens = static_cast<int64_t>(d.seg.tokens.size());
  for (int t = 1; t < threads; ++t) {
    size_t k = cut.back();
    while (k < n && d.sentences[k].token_begin < tokens * t / threads) ++k;
    cut.push_back(k);
  }
  cut.push_back(n);
  std::vector<std::string> out(threads);
  auto work = [&](int t) {
    std::unique_ptr<ConcordanceMatcher> m = ConcordanceMatcher::Create(c.query).value();
    WriterOptions options = c.common.writer;
    options.header = false;
    // About the size of the text: a frequent word's lines take as much.
    out[t].reserve(2 * d.doc.text().size() / threads);
    AppendSink rendered(&out[t]);
    std::unique_ptr<RecordWriter> w = MakeWriter(c.common.format, &rendered, options);
    w->Begin(columns);
    m->Find(d, cut[t], cut[t + 1], [&](ConcordanceLine&& l) { WriteConcordanceLine(l, w.get()); });
    w->End();
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(work, t);
  work(0);
  sink->Write(out[0]);
  for (int t = 1; t < threads; ++t) {
    pool[t - 1].join();
    sink->Write(out[t]);
  }
}

ExitCode RunConcordance(Invocation& inv) {
  Config c = Resolve(inv);
  std::vector<std::string> inputs = ExpandInputs(c.common);
  StdoutSink sink;
  std::unique_ptr<RecordWriter> writer = MakeWriter(c.common.format, &sink, c.common.writer);
  const std::vector<std::string>& columns = ConcordanceColumns();
  writer->Begin(columns);
  bool hold = c.sorted || c.sample >= 0;  // lines wait for the whole batch
  // One input, or one job: RunBatch calls work and deliver in turn on this
  // thread, so lines go straight to the writer as they are found.
  bool direct = !hold && (inputs.size() <= 1 || c.common.jobs <= 1);
  bool render = !hold && !direct && RendersPerRecord(c.common.format);
  bool entities = c.query.kind == QueryKind::kEntity;
  std::vector<ConcordanceLine> held;
  LineSampler sampler(c.sample < 0 ? 0 : static_cast<size_t>(c.sample), c.seed);
  uint64_t order = 0;
  RunInputs<std::vector<ConcordanceLine>>(
      inputs, c.common,
      [&](const std::string& path, DocOutput* out) {
        std::vector<ConcordanceLine> lines;
        ReportInput in = LoadReportInput(path, c.common, entities, false, out);
        ConcordanceMatcher& matcher = ThreadMatcher(c.query);
        if (direct) {
          for (const ReportDocument& d : in.docs) {
            // A large document (one input, --jobs > 1) has its lines found
            // and rendered on the threads its segmentation used.
            if (RendersPerRecord(c.common.format) &&
                c.common.tag.segment.Splits(static_cast<int64_t>(d.doc.text().size()))) {
              RenderSplit(d, c, c.common.tag.segment.threads, columns, &sink);
              continue;
            }
            matcher.Find(d, [&](ConcordanceLine&& l) { WriteConcordanceLine(l, writer.get()); });
          }
          return lines;
        }
        if (!render) {
          for (const ReportDocument& d : in.docs) matcher.Find(d, &lines);
          return lines;
        }
        // Rendered on the worker as found; the header is the main writer's.
        WriterOptions options = c.common.writer;
        options.header = false;
        AppendSink rendered(&out->rendered);
        std::unique_ptr<RecordWriter> w = MakeWriter(c.common.format, &rendered, options);
        w->Begin(columns);
        for (const ReportDocument& d : in.docs)
          matcher.Find(d, [&](ConcordanceLine&& l) { WriteConcordanceLine(l, w.get()); });
        w->End();
        return lines;
      },
      [&](std::vector<ConcordanceLine>& lines, DocOutput& out) {
        for (const Error& e : out.errors) inv.diag->InputError(e);
        sink.Write(out.rendered);
        for (ConcordanceLine& l : lines) {
          l.order = order++;
          if (!hold) {
            WriteConcordanceLine(l, writer.get());
          } else if (c.sample >= 0) {
            sampler.Add(std::move(l));
          } else {
            held.push_back(std::move(l));
          }
        }
      });
  if (hold) {
    if (c.sample >= 0) held = sampler.Take();
    SortLines(c.sort, &held);
    for (const ConcordanceLine& l : held) WriteConcordanceLine(l, writer.get());
  }
  writer->End();
  sink.Flush();
  return inv.diag->exit_code();
}

}  // namespace

Command ConcordanceCommand() {
  Command c;
  c.name = "concordance";
  c.aliases = {"kwic"};
  c.summary = "show keyword-in-context lines for a word, phrase, pattern, stem or entity";
  c.synopsis = "relscan concordance [OPTIONS] QUERY [FILE...]\n"
               "       relscan concordance [OPTIONS] --label LABEL | --entity NAME [FILE...]";
  c.description =
      "Columns: doc, sentence, start, end, left, match, right; jsonl and json\n"
      "add the tokens around the match, L1-L3 and R1-R3. Words match ignoring\n"
      "case and typography (curly apostrophes, kinds of hyphen) unless --case.";
  c.options = ConcordanceFlags;
  c.run = RunConcordance;
  return c;
}

}  // namespace relscan::cli
