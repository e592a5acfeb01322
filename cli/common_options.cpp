#include "common_options.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <thread>

#include "diagnostics.h"
#include "relscan/document.h"
#include "relscan/data.h"
#include "relscan/date.h"
#include "relscan/entity.h"
#include "output.h"

namespace relscan::cli {

po::options_description InputOptions() {
  po::options_description d("Input options");
  d.add_options()
      ("recursive,r", po::bool_switch(), "read directories recursively")
      ("glob", po::value<std::string>()->default_value("*.txt")->value_name("PATTERN"),
       "file name pattern for -r")
      ("files-from", po::value<std::string>()->value_name("FILE"),
       "read input paths from FILE, one a line ('-' for stdin)")
      ("null,0", po::bool_switch(), "paths in --files-from are NUL-separated")
      ("jobs,j", po::value<int>()->value_name("N"), "documents processed in parallel, or blocks of one input of 2 MiB or more (default: all cores)")
      ("input", po::value<std::string>()->default_value("auto")->value_name("MODE"),
       "read inputs as 'text', tagged 'stream', or 'auto'")
      ("replace-invalid", po::bool_switch(),
       "replace invalid UTF-8 with U+FFFD instead of failing")
      ("paragraphs", po::value<std::string>()->default_value("auto")->value_name("MODE"),
       "paragraph breaks: 'line', 'blank' or 'auto'")
      ("progress", po::value<std::string>()->default_value("auto")->value_name("WHEN"),
       "progress line on stderr: 'auto', 'always' or 'never'");
  return d;
}

po::options_description AnnotationOptions(bool with_skip) {
  po::options_description d("Annotation options");
  d.add_options()
      ("gazetteer", po::value<std::vector<std::string>>()->value_name("FILE"),
       "add names from a TSV file (text, label, canonical); repeatable; they win over built-ins");
  d.add_options()
      ("anchor", po::value<std::string>()->value_name("DATE"),
       "the date relative dates resolve against (YYYY-MM-DD), or 'auto' for a dateline")
      ("anchors", po::value<std::string>()->value_name("FILE"),
       "per-document anchors: a TSV file of document path and date")
      ("date-order", po::value<std::string>()->value_name("ORDER"),
       "order of all-numeric dates such as 05/06/2022: 'mdy' (default) or 'dmy'");
  if (with_skip) {
    d.add_options()("skip", po::value<std::string>()->value_name("LIST"),
                    "annotators to switch off, comma-separated: entities, dates, figures, quotes, claims");
  }
  return d;
}

std::vector<std::string> SplitList(const std::string& value) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= value.size()) {
    size_t k = value.find(',', start);
    if (k == std::string::npos) k = value.size();
    if (k > start) out.push_back(value.substr(start, k - start));
    start = k + 1;
  }
  return out;
}

std::vector<std::string> CheckedLabels(const po::variables_map& vm,
                                       const std::vector<std::string>& known,
                                       const std::string& option) {
  std::vector<std::string> labels;
  if (!vm.count(option)) return labels;
  std::string value = vm[option].as<std::string>();
  for (char& ch : value) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  for (const std::string& l : SplitList(value)) {
    if (std::find(known.begin(), known.end(), l) == known.end()) {
      std::string list;
      for (const std::string& k : known) list += (list.empty() ? "" : ", ") + k;
      throw UsageError{"--" + option + ": unknown " + (option == "label" ? "label" : option) +
                       " '" + l + "' (" + list + ")"};
    }
    labels.push_back(l);
  }
  return labels;
}

po::options_description OutputOptions(const std::string& formats) {
  po::options_description d("Output options");
  d.add_options()
      ("format,f", po::value<std::string>()->value_name("FORMAT"),
       ("output format: " + formats).c_str())
      ("no-header", po::bool_switch(), "leave out the header line (tsv, csv, table)");
  return d;
}

CommonConfig ResolveCommon(const po::variables_map& vm, Format default_format,
                           bool tabular) {
  CommonConfig c;
  if (vm.count("recursive")) c.recursive = vm["recursive"].as<bool>();
  if (vm.count("glob")) c.glob = vm["glob"].as<std::string>();
  if (vm.count("files-from")) c.files_from = vm["files-from"].as<std::string>();
  if (vm.count("null")) c.null_separated = vm["null"].as<bool>();
  unsigned cores = std::thread::hardware_concurrency();
  c.jobs = cores == 0 ? 1 : static_cast<int>(cores);
  if (vm.count("jobs")) {
    c.jobs = vm["jobs"].as<int>();
    if (c.jobs < 1 || c.jobs > 1024) throw UsageError{"--jobs must be between 1 and 1024"};
  }
  if (vm.count("input")) {
    std::string v = vm["input"].as<std::string>();
    if (v == "auto") c.input = InputMode::kAuto;
    else if (v == "text") c.input = InputMode::kText;
    else if (v == "stream") c.input = InputMode::kStream;
    else throw UsageError{fmt::format("--input must be 'text', 'stream' or 'auto', not '{}'", v)};
  }
  if (vm.count("progress")) {
    std::string v = vm["progress"].as<std::string>();
    if (v == "auto") c.progress = ProgressMode::kAuto;
    else if (v == "always") c.progress = ProgressMode::kAlways;
    else if (v == "never") c.progress = ProgressMode::kNever;
    else throw UsageError{fmt::format("--progress must be 'auto', 'always' or 'never', not '{}'", v)};
  }
  if (vm.count("replace-invalid")) c.tag.load.replace_invalid = vm["replace-invalid"].as<bool>();
  if (vm.count("paragraphs")) {
    std::string v = vm["paragraphs"].as<std::string>();
    Result<ParagraphMode> m = ParseParagraphMode(v);
    if (!m) throw UsageError{fmt::format("--paragraphs must be 'line', 'blank' or 'auto', not '{}'", v)};
    c.tag.segment.paragraphs = *m;
  }
  c.format = default_format;
  if (tabular && StdoutIsTerminal()) c.format = Format::kTable;
  if (vm.count("format")) {
    Result<Format> f = ParseFormat(vm["format"].as<std::string>());
    if (!f) throw UsageError{f.error().message};
    c.format = *f;
  }
  if (vm.count("no-header")) c.writer.header = !vm["no-header"].as<bool>();
  if (vm.count("skip")) {
    Result<void> r = SkipAnnotators(vm["skip"].as<std::string>(), &c.tag);
    if (!r) throw UsageError{"--skip: " + r.error().message};
  }
  if (vm.count("anchor")) {
    std::string a = vm["anchor"].as<std::string>();
    if (a == "auto") {
      c.tag.date_options.auto_anchor = true;
    } else {
      Result<void> ok = CheckAnchor(a);
      if (!ok) throw UsageError{"--anchor: " + ok.error().message};
      c.tag.date_options.anchor = a;
    }
  }
  if (vm.count("date-order")) {
    Result<DateOrder> order = ParseDateOrder(vm["date-order"].as<std::string>());
    if (!order) throw UsageError{"--date-order: " + order.error().message};
    c.tag.date_options.order = *order;
  }
  if (vm.count("anchors")) {
    // Read and checked before any input (exit 2): "path<TAB>YYYY-MM-DD".
    std::string path = vm["anchors"].as<std::string>();
    Result<std::string> bytes = ReadFileBytes(path);
    if (!bytes) {
      Error e = bytes.error();
      e.path = path;
      throw UsageError{"--anchors " + Describe(e)};
    }
    auto anchors = std::make_shared<std::map<std::string, std::string>>();
    for (const data::DataLine& l : data::DataLines(*bytes)) {
      size_t tab = l.text.find('\t');
      std::string date = tab == std::string_view::npos ? "" : std::string(l.text.substr(tab + 1));
      Result<void> ok = tab == std::string_view::npos
                            ? Result<void>(MakeError(ErrorCode::kMalformed, "expected path<TAB>date"))
                            : CheckAnchor(date);
      if (!ok) {
        throw UsageError{fmt::format("--anchors '{}': line {}: {}", path, l.line, ok.error().message)};
      }
      (*anchors)[std::string(l.text.substr(0, tab))] = date;
    }
    c.tag.anchors = std::move(anchors);
  }
  if (vm.count("gazetteer")) {
    // Option files are read and checked before any input (exit 2).
    auto g = std::make_shared<Gazetteer>(c.tag.gazetteer ? *c.tag.gazetteer : *Gazetteer::BuiltIn());
    for (const std::string& path : vm["gazetteer"].as<std::vector<std::string>>()) {
      Result<std::string> bytes = ReadFileBytes(path);
      if (!bytes) {
        Error e = bytes.error();
        e.path = path;
        throw UsageError{"--gazetteer " + Describe(e)};
      }
      Result<void> added = g->AddTsv(*bytes, path, 1);
      if (!added) throw UsageError{"--gazetteer " + Describe(added.error())};
    }
    c.tag.gazetteer = std::move(g);
  }
  return c;
}

}  // namespace relscan::cli
