// relscan tag: the tagged stream (DESIGN.md "The tagged stream").
#include "../batch.h"
#include "../command.h"
#include "../common_options.h"
#include "../output.h"

namespace relscan::cli {
namespace {

po::options_description TagOptionsDescription() {
  po::options_description d("Tag options");
  d.add_options()
      ("tokens", po::bool_switch(), "list each sentence's token offsets")
      ("bytes", po::bool_switch(), "add bstart/bend byte offsets to records")
      ("format,f", po::value<std::string>()->default_value("jsonl")->value_name("FORMAT"),
       "output format: jsonl or json");
  po::options_description all;
  all.add(d).add(InputOptions());
  return all;
}

ExitCode RunTag(Invocation& inv) {
  CommonConfig config = ResolveCommon(inv.vm, Format::kJsonl, false);
  if (config.format != Format::kJsonl && config.format != Format::kJson) {
    throw UsageError{"relscan tag writes 'jsonl' or 'json'"};
  }
  config.tag.tokens = inv.vm["tokens"].as<bool>();
  config.tag.bytes = inv.vm["bytes"].as<bool>();
  config.inputs = inv.args;
  std::vector<std::string> inputs = ExpandInputs(config);
  StdoutSink sink;
  std::unique_ptr<RecordWriter> writer = MakeWriter(config.format, &sink, config.writer);
  writer->Begin({});
  Progress progress(config.progress, inputs.size());
  RunBatch(
      inputs, config.jobs,
      [&](const std::string& path) {
        if (config.format != Format::kJsonl) return LoadRecords(path, config);
        // JSON Lines are rendered on the worker as records come, so that a
        // large document is never held as records.
        DocOutput out;
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
