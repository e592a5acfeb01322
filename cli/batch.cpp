#include "batch.h"

#include <fmt/format.h>
#include <fnmatch.h>

#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "output.h"
#include "relscan/document.h"
#include "relscan/stream.h"
#include "relscan/tag.h"

namespace relscan::cli {

namespace fs = std::filesystem;

std::vector<std::string> ExpandInputs(CommonConfig& config) {
  std::vector<std::string> given = config.inputs;
  if (!config.files_from.empty()) {
    Result<std::string> list = ReadFileBytes(config.files_from);
    if (!list) {
      Error e = list.error();
      e.path = config.files_from;
      throw UsageError{"--files-from " + Describe(e)};
    }
    char sep = config.null_separated ? '\0' : '\n';
    std::string_view rest = *list;
    while (!rest.empty()) {
      size_t k = rest.find(sep);
      std::string_view item = rest.substr(0, k);
      rest.remove_prefix(k == std::string_view::npos ? rest.size() : k + 1);
      if (!config.null_separated && !item.empty() && item.back() == '\r') item.remove_suffix(1);
      if (!item.empty()) given.emplace_back(item);
    }
  }
  if (given.empty() && config.files_from.empty()) {
    if (StdinIsTerminal()) {
      throw UsageError{"no input: give FILE arguments or pipe text to standard input"};
    }
    given.push_back("-");
  }
  std::vector<std::string> out;
  for (const std::string& path : given) {
    std::error_code ec;
    if (config.recursive && path != "-" && fs::is_directory(path, ec)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(
               path, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (!it->is_regular_file(ec)) continue;
        std::string name = it->path().filename().string();
        if (fnmatch(config.glob.c_str(), name.c_str(), 0) == 0) {
          found.push_back(it->path().string());
        }
      }
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
      continue;
    }
    out.push_back(path);
  }
  config.tag.segment.threads = out.size() == 1 ? config.jobs : 1;
  return out;
}

Progress::Progress(ProgressMode mode, size_t total)
    : enabled_(mode == ProgressMode::kAlways ||
               (mode == ProgressMode::kAuto && StderrIsTerminal() && total > 1)),
      total_(total),
      start_(std::chrono::steady_clock::now()),
      last_(start_) {}

void Progress::Done(int64_t bytes) {
  ++done_;
  bytes_ += bytes;
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_ >= std::chrono::milliseconds(100) && done_ < total_) {
    last_ = now;
    Show(false);
  }
}

void Progress::Show(bool final) {
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  double mb = static_cast<double>(bytes_) / 1e6;
  std::fprintf(stderr, "\rrelscan: %zu/%zu files, %.1f MB, %.1f MB/s%s", done_, total_, mb,
               seconds > 0 ? mb / seconds : 0.0, final ? "\n" : "");
  std::fflush(stderr);
}

void Progress::Finish() {
  if (enabled_) Show(true);
}

void RunBatch(const std::vector<std::string>& inputs, int jobs,
              const std::function<DocOutput(const std::string&)>& work,
              const std::function<void(DocOutput&)>& deliver, Progress* progress) {
  size_t n = inputs.size();
  if (jobs <= 1 || n <= 1) {
    for (const std::string& path : inputs) {
      DocOutput out = work(path);
      progress->Done(out.bytes);
      deliver(out);
    }
    return;
  }
  // Workers take inputs in order but may not run more than `window`
  // documents ahead of the one being written: memory stays bounded.
  const size_t window = 2 * static_cast<size_t>(jobs);
  std::mutex mu;
  std::condition_variable ready_cv, space_cv;
  std::map<size_t, DocOutput> ready;
  size_t next = 0, written = 0;
  bool stop = false;
  auto worker = [&] {
    for (;;) {
      size_t i;
      {
        std::unique_lock<std::mutex> lock(mu);
        space_cv.wait(lock, [&] { return stop || next >= n || next < written + window; });
        if (stop || next >= n) return;
        i = next++;
      }
      DocOutput out = work(inputs[i]);
      {
        std::lock_guard<std::mutex> lock(mu);
        ready.emplace(i, std::move(out));
      }
      ready_cv.notify_all();
    }
  };
  std::vector<std::thread> threads;
  int count = static_cast<int>(std::min<size_t>(static_cast<size_t>(jobs), n));
  for (int t = 0; t < count; ++t) threads.emplace_back(worker);
  auto stop_all = [&] {
    {
      std::lock_guard<std::mutex> lock(mu);
      stop = true;
    }
    space_cv.notify_all();
    for (std::thread& t : threads) t.join();
  };
  try {
    while (written < n) {
      DocOutput out;
      {
        std::unique_lock<std::mutex> lock(mu);
        ready_cv.wait(lock, [&] { return ready.count(written) > 0; });
        auto node = ready.extract(written);
        out = std::move(node.mapped());
      }
      progress->Done(out.bytes);
      deliver(out);
      {
        std::lock_guard<std::mutex> lock(mu);
        ++written;
      }
      space_cv.notify_all();
    }
  } catch (...) {
    stop_all();
    throw;
  }
  stop_all();
}

bool ReadInput(const std::string& path, DocOutput* out, std::string* bytes) {
  Result<std::string> read = ReadFileBytes(path);
  if (!read) {
    Error e = read.error();
    e.path = path == "-" ? "<stdin>" : path;
    out->errors.push_back(std::move(e));
    return false;
  }
  *bytes = std::move(*read);
  out->bytes = static_cast<int64_t>(bytes->size());
  return true;
}

void LoadRecords(const std::string& path, const CommonConfig& config,
                 const std::function<void(Record&&)>& emit, DocOutput* out) {
  std::string name = path == "-" ? "<stdin>" : path;
  std::string input;
  if (!ReadInput(path, out, &input)) return;
  std::string* bytes = &input;
  bool stream = config.input == InputMode::kStream ||
                (config.input == InputMode::kAuto && LooksLikeStream(*bytes));
  if (stream) {
    Result<std::vector<Record>> records = ParseStream(*bytes, name);
    if (!records) {
      out->errors.push_back(records.error());
      return;
    }
    for (Record& r : *records) emit(std::move(r));
    return;
  }
  Result<Document> doc = LoadOwnedDocument(std::move(*bytes), name, config.tag.load);
  if (!doc) {
    out->errors.push_back(doc.error());
    return;
  }
  ThreadTagger(config).Tag(*doc, emit);
}

Tagger& ThreadTagger(const CommonConfig& config) {
  // One tagger per thread: it holds ICU iterators that are not thread-safe.
  thread_local std::unique_ptr<Tagger> tagger;
  thread_local std::string tagger_key;
  std::string key = fmt::format(
      "{}/{}/{}/{}/{}{}{}{}{}/{}/{}/{}{}/{}", config.tag.load.replace_invalid,
      static_cast<int>(config.tag.segment.paragraphs) * 10000 + config.tag.segment.threads,
      config.tag.tokens, config.tag.bytes,
      config.tag.entities, config.tag.dates, config.tag.figures, config.tag.quotes,
      config.tag.claims,
      static_cast<const void*>(config.tag.gazetteer.get()), config.tag.date_options.anchor,
      config.tag.date_options.auto_anchor, static_cast<int>(config.tag.date_options.order),
      static_cast<const void*>(config.tag.anchors.get()));
  if (!tagger || tagger_key != key) {
    tagger = std::make_unique<Tagger>(config.tag);
    tagger_key = key;
  }
  return *tagger;
}

DocOutput LoadRecords(const std::string& path, const CommonConfig& config) {
  DocOutput out;
  LoadRecords(path, config, [&out](Record&& r) { out.records.push_back(std::move(r)); }, &out);
  return out;
}

bool RendersPerRecord(Format format) {
  return format == Format::kTsv || format == Format::kCsv || format == Format::kJsonl;
}

std::vector<std::vector<const Record*>> GroupByDocument(const std::vector<Record>& records) {
  std::vector<std::vector<const Record*>> groups;
  std::unordered_map<std::string, size_t> index;
  for (const Record& r : records) {
    const std::string& doc = r.GetString("doc");
    auto [it, inserted] = index.emplace(doc, groups.size());
    if (inserted) groups.emplace_back();
    groups[it->second].push_back(&r);
  }
  return groups;
}

}  // namespace relscan::cli
