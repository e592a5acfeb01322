#include "run_report.h"

#include "../output.h"

namespace relscan::cli {

ExitCode RunReport(Invocation& inv, CommonConfig config, const std::vector<std::string>& columns,
                   const RowMaker& rows) {
  std::vector<std::string> inputs = ExpandInputs(config);
  StdoutSink sink;
  std::unique_ptr<RecordWriter> writer = MakeWriter(config.format, &sink, config.writer);
  writer->Begin(columns);
  Progress progress(config.progress, inputs.size());
  RunBatch(
      inputs, config.jobs,
      [&](const std::string& path) {
        DocOutput out = LoadRecords(path, config);
        if (!out.errors.empty()) return out;
        out.records = rows(out.records);
        if (RendersPerRecord(config.format)) {
          // Render on the worker; the header is the main writer's.
          WriterOptions options = config.writer;
          options.header = false;
          StringSink rendered;
          std::unique_ptr<RecordWriter> w = MakeWriter(config.format, &rendered, options);
          w->Begin(columns);
          for (const Record& r : out.records) w->Write(r);
          w->End();
          out.rendered = rendered.str();
          out.records.clear();
        }
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

}  // namespace relscan::cli
