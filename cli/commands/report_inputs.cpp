#include "report_inputs.h"

#include <fmt/format.h>

#include <memory>

#include "relscan/document.h"
#include "relscan/stream.h"

namespace relscan::cli {
namespace {

// One reader per thread: it holds ICU iterators that are not thread-safe.
ReportReader& ThreadReader(const CommonConfig& config, bool entities) {
  thread_local std::unique_ptr<ReportReader> reader;
  thread_local std::string reader_key;
  std::string key = fmt::format("{}/{}/{}/{}/{}", static_cast<int>(config.tag.segment.paragraphs),
                                config.tag.segment.threads, config.tag.segment.duplicates,
                                entities, static_cast<const void*>(config.tag.gazetteer.get()));
  if (!reader || reader_key != key) {
    ReportInputOptions options;
    options.segment = config.tag.segment;
    options.entities = entities;
    options.gazetteer = config.tag.gazetteer;
    reader = std::make_unique<ReportReader>(options);
    reader_key = key;
  }
  return *reader;
}

}  // namespace

ReportInput LoadReportInput(const std::string& path, const CommonConfig& config, bool entities,
                            bool accept_counts, DocOutput* out) {
  ReportInput in;
  std::string name = path == "-" ? "<stdin>" : path;
  std::string input;
  if (!ReadInput(path, out, &input)) return in;
  std::string* bytes = &input;
  if (config.input != InputMode::kText && LooksLikeCountTable(*bytes)) {
    if (!accept_counts) {
      Error e = MakeError(ErrorCode::kMalformed,
                          "is a count table; this report needs raw text or a tagged stream");
      e.path = name;
      out->errors.push_back(std::move(e));
      return in;
    }
    Result<CountTable> table = ParseCountTable(*bytes, name);
    if (!table) {
      out->errors.push_back(table.error());
      return in;
    }
    in.counts = std::move(*table);
    return in;
  }
  ReportReader& reader = ThreadReader(config, entities);
  bool stream = config.input == InputMode::kStream ||
                (config.input == InputMode::kAuto && LooksLikeStream(*bytes));
  if (stream) {
    Result<std::vector<Record>> records = ParseStream(*bytes, name);
    if (!records) {
      out->errors.push_back(records.error());
      return in;
    }
    bytes->clear();
    bytes->shrink_to_fit();
    Result<std::vector<ReportDocument>> docs = reader.FromStream(*records, name);
    if (!docs) {
      out->errors.push_back(docs.error());
      return in;
    }
    in.docs = std::move(*docs);
    return in;
  }
  LoadOptions load = config.tag.load;
  load.sha256 = false;  // reports write no document record
  Result<Document> doc = LoadOwnedDocument(std::move(*bytes), name, load);
  if (!doc) {
    out->errors.push_back(doc.error());
    return in;
  }
  in.docs.push_back(reader.FromText(std::move(*doc)));
  return in;
}

}  // namespace relscan::cli
