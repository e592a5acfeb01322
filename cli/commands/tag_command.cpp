// relscan tag: the tagged stream (DESIGN.md "The tagged stream").
#include "../batch.h"
#include "../command.h"
#include "../common_options.h"
#include "../output.h"
#include "relscan/document.h"
#include "relscan/export.h"
#include "relscan/stream.h"

namespace relscan::cli {
namespace {

po::options_description TagOptionsDescription() {
  po::options_description d("Tag options");
  d.add_options()
      ("tokens", po::bool_switch(), "list each sentence's token offsets")
      ("bytes", po::bool_switch(), "add bstart/bend byte offsets to records")
      ("format,f", po::value<std::string>()->default_value("jsonl")->value_name("FORMAT"),
       "output format: jsonl, json, conll (BIO columns) or brat (standoff)");
  po::options_description all;
  all.add(d).add(AnnotationOptions()).add(InputOptions());
  return all;
}

ExitCode RunTag(Invocation& inv) {
  std::string format_name = inv.vm["format"].as<std::string>();
  enum class Export { kNone, kConll, kBrat } export_format = Export::kNone;
  if (format_name == "conll") export_format = Export::kConll;
  if (format_name == "brat") export_format = Export::kBrat;
  po::variables_map vm = inv.vm;
  if (export_format != Export::kNone) vm.erase("format");
  CommonConfig config = ResolveCommon(vm, Format::kJsonl, false);
  if (export_format == Export::kNone && config.format != Format::kJsonl &&
      config.format != Format::kJson) {
    throw UsageError{"relscan tag writes 'jsonl', 'json', 'conll' or 'brat'"};
  }
  if (export_format != Export::kNone && config.input == InputMode::kStream) {
    throw UsageError{"--format " + format_name + " needs raw text input, not a tagged stream"};
  }
  config.tag.tokens = inv.vm["tokens"].as<bool>();
  config.tag.bytes = inv.vm["bytes"].as<bool>();
  config.inputs = inv.args;
  std::vector<std::string> inputs = ExpandInputs(config);
  if (export_format == Export::kBrat && inputs.size() != 1) {
    throw UsageError{"--format brat takes one input: brat wants one .ann file per text"};
  }
  StdoutSink sink;
  std::unique_ptr<RecordWriter> writer = MakeWriter(config.format, &sink, config.writer);
  writer->Begin({});
  Progress progress(config.progress, inputs.size());
  const bool direct = inputs.size() <= 1 || config.jobs <= 1;
  RunBatch(
      inputs, config.jobs,
      [&](const std::string& path) {
        if (export_format != Export::kNone) {
          DocOutput out;
          std::string name = path == "-" ? "<stdin>" : path;
          std::string input;
          if (!ReadInput(path, &out, &input)) return out;
          std::string* bytes = &input;
          if (config.input == InputMode::kAuto && LooksLikeStream(*bytes)) {
            Error e = MakeError(ErrorCode::kMalformed, "is a tagged stream; --format " +
                                                          format_name + " needs raw text");
            e.path = name;
            out.errors.push_back(std::move(e));
            return out;
          }
          Result<Document> doc = LoadOwnedDocument(std::move(*bytes), name, config.tag.load);
          if (!doc) {
            out.errors.push_back(doc.error());
            return out;
          }
          Tagger& tagger = ThreadTagger(config);
          tagger.Tag(*doc, [](Record&&) {});
          if (export_format == Export::kConll) {
            RenderConll(*doc, tagger.segmentation(), tagger.entities(), &out.rendered);
          } else {
            RenderBrat(*doc, tagger.entities(), &out.rendered);
          }
          return out;
        }
        if (config.format != Format::kJsonl) return LoadRecords(path, config);
        // JSON Lines are rendered on the worker as records come, so that a
        // large document is never held as records; with one input or one
        // job (work and delivery in turn on this thread) they go straight
        // out, so that it is not held as text either.
        DocOutput out;
        if (direct) {
          std::string line;
          LoadRecords(path, config, [&](Record&& r) {
            line.clear();
            AppendJson(r, &line);
            line.push_back('\n');
            sink.Write(line);
          }, &out);
          return out;
        }
        LoadRecords(path, config, [&out](Record&& r) {
          AppendJson(r, &out.rendered);
          out.rendered.push_back('\n');
        }, &out);
        return out;
      },
      [&](DocOutput& out) {
        for (const Error& e : out.errors) inv.diag->InputError(e);
        sink.Write(out.rendered);
        for (const Record& r : out.records) writer->Write(r);
      },
      &progress);
  writer->End();
  sink.Flush();
  progress.Finish();
  return inv.diag->exit_code();
}

}  // namespace

Command TagCommand() {
  Command c;
  c.name = "tag";
  c.summary = "write the tagged stream (JSON Lines) of documents";
  c.synopsis = "relscan tag [OPTIONS] [FILE...]";
  c.description =
      "Writes one record a line: a document record with provenance, then the\n"
      "sentences (and, as annotators are added, their spans). Every report\n"
      "reads this stream back: 'relscan tag a.txt | relscan sentences'.\n"
      "A tagged stream given as input is passed through unchanged.";
  c.options = TagOptionsDescription;
  c.run = RunTag;
  return c;
}

}  // namespace relscan::cli
