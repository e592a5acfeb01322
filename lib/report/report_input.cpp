// Report documents from raw text and from the tagged stream.
#include "relscan/report_input.h"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

#include "relscan/tag.h"

namespace relscan {

struct ReportReader::Impl {
  ReportInputOptions options;
  Segmenter segmenter;
  std::unique_ptr<EntityAnnotator> entities;
};

ReportReader::ReportReader(ReportInputOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  if (impl_->options.entities) {
    if (!impl_->options.gazetteer) impl_->options.gazetteer = Gazetteer::BuiltIn();
    impl_->entities = std::make_unique<EntityAnnotator>(impl_->options.gazetteer);
  }
}

ReportReader::~ReportReader() = default;

ReportDocument ReportReader::FromText(Document doc) {
  ReportDocument out;
  out.doc = std::move(doc);
  out.seg = impl_->segmenter.Segment(out.doc, impl_->options.segment);
  out.sentences.reserve(out.seg.sentences.size());
  for (size_t i = 0; i < out.seg.sentences.size(); ++i) {
    const Sentence& s = out.seg.sentences[i];
    ReportSentence r;
    r.id = SentenceId(i);
    r.start = s.start;
    r.end = s.end;
    r.token_begin = s.token_begin;
    r.token_end = s.token_end;
    r.duplicate = s.duplicate_of >= 0;
    out.sentences.push_back(std::move(r));
  }
  if (impl_->entities) {
    out.has_entities = true;
    for (const Entity& e : impl_->entities->Annotate(out.doc, out.seg)) {
      out.mentions.push_back(
          {e.start, e.end, e.sentence, std::string(EntityLabelName(e.label)), e.canonical});
    }
  }
  return out;
}

namespace {

// Counts the code points of valid UTF-8.
int64_t CodePoints(std::string_view s) {
  int64_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// Says whether a stream's document record shows it was tagged without the
// entity annotator. A record without options (a stream made by hand) is
// given the benefit of the doubt.
bool TaggedWithoutEntities(const Record& document) {
  const Value* options = document.Get("options");
  if (options == nullptr || options->type() != Value::Type::kObject) return false;
  for (const auto& [name, value] : options->AsObject()) {
    if (name != "annotators") continue;
    for (const Value& a : value.AsArray())
      if (a.AsString() == "entities") return false;
    return true;
  }
  return false;
}

}  // namespace

Result<std::vector<ReportDocument>> ReportReader::FromStream(const std::vector<Record>& records,
                                                             const std::string& path) {
  struct Pending {
    std::string doc;
    const Record* document = nullptr;
    std::vector<const Record*> sentences, entities;
  };
  std::vector<Pending> pending;
  std::unordered_map<std::string, size_t> index;
  for (const Record& r : records) {
    const std::string& kind = r.GetString("kind");
    if (kind != "document" && kind != "sentence" && kind != "entity") continue;
    const std::string& doc = r.GetString("doc");
    auto [it, inserted] = index.emplace(doc, pending.size());
    if (inserted) pending.push_back({doc, nullptr, {}, {}});
    Pending& p = pending[it->second];
    if (kind == "document") p.document = &r;
    else if (kind == "sentence") p.sentences.push_back(&r);
    else p.entities.push_back(&r);
  }
  auto fail = [&](const std::string& doc, const std::string& what) {
    Error e = MakeError(ErrorCode::kMalformed, fmt::format("document '{}': {}", doc, what));
    e.path = path;
    return e;
  };
  std::vector<ReportDocument> out;
  out.reserve(pending.size());
  for (Pending& p : pending) {
    if (impl_->options.entities && p.document != nullptr && TaggedWithoutEntities(*p.document)) {
      Error e = MakeError(ErrorCode::kMalformed,
                          fmt::format("document '{}' was tagged without entities (relscan tag "
                                      "--skip entities): no entity records to select from",
                                      p.doc));
      e.path = path;
      return e;
    }
    // Sentences at their offsets; the gaps between them were whitespace.
    std::stable_sort(p.sentences.begin(), p.sentences.end(), [](const Record* a, const Record* b) {
      return a->GetInt("start") < b->GetInt("start");
    });
    std::string text;
    int64_t at = 0;
    ReportDocument d;
    for (const Record* s : p.sentences) {
      int64_t start = s->GetInt("start"), end = s->GetInt("end");
      const std::string& t = s->GetString("text");
      if (start < at) {
        return fail(p.doc, fmt::format("sentence '{}' overlaps the sentence before it",
                                       s->GetString("id")));
      }
      if (end - start != CodePoints(t)) {
        return fail(p.doc, fmt::format("sentence '{}': its text is not {} characters long",
                                       s->GetString("id"), end - start));
      }
      text.append(static_cast<size_t>(start - at), ' ');
      text.append(t);
      at = end;
      ReportSentence r;
      r.id = s->GetString("id");
      r.start = start;
      r.end = end;
      const Value* dup = s->Get("duplicate_of");
      r.duplicate = dup != nullptr && !dup->is_null();
      d.sentences.push_back(std::move(r));
    }
    d.doc = Document(p.doc, std::move(text), SourceEncoding::kUtf8, "", 0);
    d.seg = impl_->segmenter.Segment(d.doc, impl_->options.segment);
    // Each token belongs to the sentence it starts in.
    const std::vector<Token>& tokens = d.seg.tokens;
    int32_t k = 0, n = static_cast<int32_t>(tokens.size());
    for (ReportSentence& s : d.sentences) {
      while (k < n && tokens[k].start < s.start) ++k;
      s.token_begin = k;
      while (k < n && tokens[k].start < s.end) ++k;
      s.token_end = k;
    }
    d.seg.sentences.clear();
    if (impl_->options.entities) {
      d.has_entities = true;
      std::unordered_map<std::string_view, int32_t> sentence_of;
      for (size_t i = 0; i < d.sentences.size(); ++i)
        sentence_of.emplace(d.sentences[i].id, static_cast<int32_t>(i));
      for (const Record* e : p.entities) {
        auto it = sentence_of.find(e->GetString("sentence"));
        if (it == sentence_of.end()) continue;  // its sentence was filtered out
        d.mentions.push_back({e->GetInt("start"), e->GetInt("end"), it->second,
                              e->GetString("label"), e->GetString("canonical")});
      }
      std::stable_sort(d.mentions.begin(), d.mentions.end(),
                       [](const Mention& a, const Mention& b) { return a.start < b.start; });
    }
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace relscan
