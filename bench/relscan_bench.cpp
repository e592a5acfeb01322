// relscan_bench: throughput of relscan's stages against the bare ICU loop.
//
//   relscan_bench FILE [--repeat N] [--stage NAME]
//
// Reads FILE once, then times, in one process and on the same bytes:
//
//   icu_loop   ICU word BreakIterator over the UTF-8 bytes (UText): next()
//              to the end, reading getRuleStatus() at every boundary
//   load       relscan::LoadDocument (decode, check, NFC)
//   segment    relscan::Segmenter::Segment (paragraphs, sentences, tokens)
//   tag_jsonl  relscan::Tagger::Tag plus AppendJson of every record
//   pipeline   load + tag_jsonl, what `relscan tag` does per document
//
// Each stage runs N times (default 3) and the best time is kept. Output is
// TSV with a header, one line per stage. MB are 10^6 bytes of FILE as read;
// ratio_to_icu is the stage's MB/s over the ICU loop's. tokens is the number
// of boundaries for the ICU loop (segments proposed, spaces included) and the
// number of relscan tokens for the other stages. peak_rss_MB is the process's
// high-water mark after the stage (getrusage), so it only grows from line to
// line; run one stage alone with --stage to see a stage's own peak.
#include <sys/resource.h>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "relscan/document.h"
#include "relscan/record.h"
#include "relscan/segment.h"
#include "relscan/tag.h"

namespace {

using Clock = std::chrono::steady_clock;

struct Row {
  std::string stage;
  int64_t bytes = 0;
  double seconds = 0;
  int64_t tokens = -1;  // -1: not known for this stage
  double peak_rss_mb = 0;
};

double PeakRssMb() {
  struct rusage ru {};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

// Runs fn repeat times and returns the best wall time in seconds.
double BestOf(int repeat, const std::function<void()>& fn) {
  double best = std::numeric_limits<double>::infinity();
  for (int i = 0; i < repeat; ++i) {
    Clock::time_point t0 = Clock::now();
    fn();
    Clock::time_point t1 = Clock::now();
    best = std::min(best, std::chrono::duration<double>(t1 - t0).count());
  }
  return best;
}

[[noreturn]] void Usage(const char* message) {
  if (message != nullptr) std::fprintf(stderr, "relscan_bench: %s\n", message);
  std::fprintf(stderr,
               "usage: relscan_bench FILE [--repeat N] [--stage "
               "icu_loop|load|segment|tag_jsonl|pipeline|all]\n");
  std::exit(2);
}

}  // namespace

int main(int argc, char** argv) {
  std::string path;
  int repeat = 3;
  std::string only = "all";
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a == "--repeat" && i + 1 < argc) {
      repeat = std::atoi(argv[++i]);
      if (repeat < 1) Usage("--repeat must be at least 1");
    } else if (a == "--stage" && i + 1 < argc) {
      only = argv[++i];
    } else if (a == "-h" || a == "--help") {
      Usage(nullptr);
    } else if (!a.empty() && a[0] == '-' && a != "-") {
      Usage("unknown option");
    } else if (path.empty()) {
      path = std::string(a);
    } else {
      Usage("one file only");
    }
  }
  if (path.empty()) Usage("no file given");
  if (only != "all" && only != "icu_loop" && only != "load" && only != "segment" &&
      only != "tag_jsonl" && only != "pipeline") {
    Usage("unknown stage");
  }
  auto wanted = [&](std::string_view stage) { return only == "all" || only == stage; };

  relscan::Result<std::string> read = relscan::ReadFileBytes(path);
  if (!read) {
    std::fprintf(stderr, "relscan_bench: %s: %s\n", path.c_str(), read.error().message.c_str());
    return 1;
  }
  const std::string bytes = std::move(*read);
  const int64_t n = static_cast<int64_t>(bytes.size());
  std::vector<Row> rows;

  // (1) The bare ICU loop: what any tokenizer over UTF-8 has to pay.
  if (wanted("icu_loop")) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> bi(
        icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) {
      std::fprintf(stderr, "relscan_bench: ICU: %s\n", u_errorName(status));
      return 1;
    }
    int64_t boundaries = 0;
    int64_t status_sum = 0;
    double s = BestOf(repeat, [&] {
      UErrorCode st = U_ZERO_ERROR;
      UText* ut = utext_openUTF8(nullptr, bytes.data(), n, &st);
      bi->setText(ut, st);
      int64_t count = 0, sum = 0;
      for (int32_t b = bi->next(); b != icu::BreakIterator::DONE; b = bi->next()) {
        ++count;
        sum += bi->getRuleStatus();
      }
      utext_close(ut);
      if (U_FAILURE(st)) {
        std::fprintf(stderr, "relscan_bench: ICU: %s\n", u_errorName(st));
        std::exit(1);
      }
      boundaries = count;
      status_sum = sum;
    });
    if (status_sum < 0) std::fprintf(stderr, "(unreachable)\n");  // keeps the sum alive
    rows.push_back({"icu_loop", n, s, boundaries, PeakRssMb()});
  }

  // The Document the other stages work on (loaded once, outside their timing,
  // and not at all when the ICU loop runs alone, so its peak stays its own).
  relscan::TagOptions options;
  relscan::Result<relscan::Document> doc = relscan::Document();
  if (only != "icu_loop") {
    doc = relscan::LoadDocument(bytes, path, options.load);
    if (!doc) {
      std::fprintf(stderr, "relscan_bench: %s: %s\n", path.c_str(), doc.error().message.c_str());
      return 1;
    }
  }

  // (2) LoadDocument: decode, check, NFC.
  if (wanted("load")) {
    int64_t chars = 0;
    double s = BestOf(repeat, [&] {
      relscan::Result<relscan::Document> d = relscan::LoadDocument(bytes, path, options.load);
      chars = d ? d->chars() : -1;
    });
    if (chars < 0) return 1;
    rows.push_back({"load", n, s, -1, PeakRssMb()});
  }

  // (3) Segmentation alone.
  int64_t tokens = -1;
  if (wanted("segment")) {
    relscan::Segmenter segmenter;
    double s = BestOf(repeat, [&] {
      relscan::Segmentation seg = segmenter.Segment(*doc, options.segment);
      tokens = static_cast<int64_t>(seg.tokens.size());
    });
    rows.push_back({"segment", n, s, tokens, PeakRssMb()});
  }

  // (4) Tagging plus rendering the records as JSON Lines.
  if (wanted("tag_jsonl")) {
    relscan::Tagger tagger(options);
    std::vector<relscan::Record> records;
    std::string out;
    int64_t tag_tokens = 0;
    double s = BestOf(repeat, [&] {
      records.clear();
      out.clear();
      tagger.Tag(*doc, &records);
      for (const relscan::Record& r : records) {
        relscan::AppendJson(r, &out);
        out.push_back('\n');
      }
      tag_tokens = static_cast<int64_t>(tagger.segmentation().tokens.size());
    });
    std::fprintf(stderr, "relscan_bench: %zu records, %zu bytes of JSONL\n", records.size(),
                 out.size());
    rows.push_back({"tag_jsonl", n, s, tag_tokens, PeakRssMb()});
  }

  // (5) The whole per-document pipeline: load + tag + render.
  if (wanted("pipeline")) {
    relscan::Tagger tagger(options);
    std::vector<relscan::Record> records;
    std::string out;
    int64_t tag_tokens = 0;
    double s = BestOf(repeat, [&] {
      records.clear();
      out.clear();
      relscan::Result<relscan::Document> d = relscan::LoadDocument(bytes, path, options.load);
      if (!d) std::exit(1);
      tagger.Tag(*d, &records);
      for (const relscan::Record& r : records) {
        relscan::AppendJson(r, &out);
        out.push_back('\n');
      }
      tag_tokens = static_cast<int64_t>(tagger.segmentation().tokens.size());
    });
    rows.push_back({"pipeline", n, s, tag_tokens, PeakRssMb()});
  }

  double icu_mbps = 0;
  for (const Row& r : rows) {
    if (r.stage == "icu_loop") icu_mbps = static_cast<double>(r.bytes) / 1e6 / r.seconds;
  }
  std::printf("stage\tbytes\tseconds\tMB_per_s\ttokens\ttokens_per_s\tratio_to_icu\tpeak_rss_MB\n");
  for (const Row& r : rows) {
    double mbps = static_cast<double>(r.bytes) / 1e6 / r.seconds;
    std::string tok = r.tokens >= 0 ? std::to_string(r.tokens) : "-";
    char tps[32] = "-";
    if (r.tokens >= 0) {
      std::snprintf(tps, sizeof tps, "%.0f", static_cast<double>(r.tokens) / r.seconds);
    }
    char ratio[32] = "-";
    if (icu_mbps > 0) std::snprintf(ratio, sizeof ratio, "%.3f", mbps / icu_mbps);
    std::printf("%s\t%lld\t%.6f\t%.2f\t%s\t%s\t%s\t%.1f\n", r.stage.c_str(),
                static_cast<long long>(r.bytes), r.seconds, mbps, tok.c_str(), tps, ratio,
                r.peak_rss_mb);
  }
  return 0;
}
