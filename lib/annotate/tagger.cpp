// Composes the passes and renders their results as stream records.
#include <unicode/uversion.h>

#include "relscan/data.h"
#include "relscan/tag.h"

#ifndef RELSCAN_VERSION
#define RELSCAN_VERSION "0.0.0"
#endif

namespace relscan {

std::string_view RelscanVersion() { return RELSCAN_VERSION; }

std::string IcuVersion() {
  UVersionInfo v;
  u_getVersion(v);
  char buf[U_MAX_VERSION_STRING_LENGTH];
  u_versionToString(v, buf);
  return buf;
}

std::string SentenceId(size_t index) { return "s" + std::to_string(index + 1); }

Record DocumentRecord(const Document& doc, const TagOptions& options) {
  Record r;
  r.Add("kind", "document").Add("doc", doc.path()).Add("chars", doc.chars());
  r.Add("bytes", static_cast<int64_t>(doc.text().size()));
  r.Add("sha256", doc.sha256());
  r.Add("encoding", EncodingName(doc.encoding()));
  if (doc.replaced() > 0) r.Add("replaced", doc.replaced());
  r.Add("relscan", RelscanVersion());
  r.Add("icu", IcuVersion());
  r.Add("data", data::DataHash().substr(0, 16));
  Object opts;
  opts.emplace_back("paragraphs", ParagraphModeName(options.segment.paragraphs));
  opts.emplace_back("replace_invalid", options.load.replace_invalid);
  opts.emplace_back("tokens", options.tokens);
  opts.emplace_back("bytes", options.bytes);
  Array annotators;
  if (options.entities) annotators.push_back(Value("entities"));
  opts.emplace_back("annotators", Value(std::move(annotators)));
  r.Add("options", Value(std::move(opts)));
  return r;
}

void Tagger::Tag(const Document& doc, std::vector<Record>* out) {
  Tag(doc, [out](Record&& r) { out->push_back(std::move(r)); });
}

Result<void> SkipAnnotators(std::string_view list, TagOptions* options) {
  while (!list.empty()) {
    size_t comma = list.find(',');
    std::string_view name = list.substr(0, comma);
    list.remove_prefix(comma == std::string_view::npos ? list.size() : comma + 1);
    if (name.empty()) continue;
    if (name == "entities") {
      options->entities = false;
    } else {
      return MakeError(ErrorCode::kUsage,
                       "unknown annotator '" + std::string(name) + "' (annotators: entities)");
    }
  }
  return {};
}

Record EntityRecord(const Document& doc, const Entity& e, size_t id, bool bytes) {
  Record r;
  r.fields().reserve(12);
  r.Add("kind", "entity").Add("doc", doc.path()).Add("id", "e" + std::to_string(id + 1));
  r.Add("sentence", SentenceId(static_cast<size_t>(e.sentence)));
  r.Add("label", EntityLabelName(e.label)).Add("start", e.start).Add("end", e.end);
  if (bytes) r.Add("bstart", e.bstart).Add("bend", e.bend);
  r.Add("text", std::string_view(doc.text()).substr(e.bstart, e.bend - e.bstart));
  r.Add("canonical", e.canonical);
  if (!e.role.empty()) r.Add("role", e.role);
  r.Add("rule", e.rule);
  return r;
}

void Tagger::Tag(const Document& doc, const std::function<void(Record&&)>& emit) {
  emit(DocumentRecord(doc, options_));
  seg_ = segmenter_.Segment(doc, options_.segment);
  ents_.clear();
  if (options_.entities) ents_ = entities_.Annotate(doc, seg_);
  size_t next_entity = 0;
  const std::string& text = doc.text();
  for (size_t i = 0; i < seg_.sentences.size(); ++i) {
    const Sentence& s = seg_.sentences[i];
    Record r;
    r.fields().reserve(12);
    r.Add("kind", "sentence").Add("doc", doc.path()).Add("id", SentenceId(i));
    r.Add("para", s.para).Add("start", s.start).Add("end", s.end);
    if (options_.bytes) r.Add("bstart", s.bstart).Add("bend", s.bend);
    r.Add("text", std::string_view(text).substr(s.bstart, s.bend - s.bstart));
    if (s.heading != HeadingKind::kNone) r.Add("heading", true);
    if (s.turn >= 0) r.Add("turn", seg_.turns[s.turn]);
    if (s.duplicate_of >= 0) r.Add("duplicate_of", SentenceId(s.duplicate_of));
    if (options_.tokens) {
      Array tokens;
      tokens.reserve(s.token_end - s.token_begin);
      for (int32_t k = s.token_begin; k < s.token_end; ++k) {
        const Token& t = seg_.tokens[k];
        tokens.push_back(Value(Array{Value(int64_t{t.start}), Value(int64_t{t.end})}));
      }
      r.Add("tokens", Value(std::move(tokens)));
    }
    emit(std::move(r));
    // Each sentence is followed by the spans that start in it.
    while (next_entity < ents_.size() &&
           ents_[next_entity].sentence == static_cast<int32_t>(i)) {
      emit(EntityRecord(doc, ents_[next_entity], next_entity, options_.bytes));
      ++next_entity;
    }
  }
}

}  // namespace relscan
