// Composes the passes and renders their results as stream records.
#include <unicode/uversion.h>

#include <algorithm>
#include <thread>

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
  if (options.dates) annotators.push_back(Value("dates"));
  if (options.figures) annotators.push_back(Value("figures"));
  if (options.quotes) annotators.push_back(Value("quotes"));
  if (options.claims) annotators.push_back(Value("claims"));
  opts.emplace_back("annotators", Value(std::move(annotators)));
  if (options.dates) {
    opts.emplace_back("date_order",
                      options.date_options.order == DateOrder::kDmy ? "dmy" : "mdy");
  }
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
    } else if (name == "dates") {
      options->dates = false;
    } else if (name == "figures") {
      options->figures = false;
    } else if (name == "quotes") {
      options->quotes = false;
    } else if (name == "claims") {
      options->claims = false;
    } else {
      return MakeError(ErrorCode::kUsage, "unknown annotator '" + std::string(name) +
                                              "' (annotators: entities, dates, figures, quotes, claims)");
    }
  }
  return {};
}

void OnlyAnnotators(std::initializer_list<std::string_view> names, TagOptions* options) {
  auto wanted = [&](std::string_view n) {
    return std::find(names.begin(), names.end(), n) != names.end();
  };
  // A report switches annotators off, never back on against --skip.
  options->entities = options->entities && wanted("entities");
  options->dates = options->dates && wanted("dates");
  options->figures = options->figures && wanted("figures");
  options->quotes = options->quotes && wanted("quotes");
  options->claims = options->claims && wanted("claims");
}

const std::vector<std::string>& AnnotatorNames() {
  static const std::vector<std::string> kNames = {"entities", "dates", "figures", "quotes",
                                                     "claims"};
  return kNames;
}

Value DecimalValue(const std::string& decimal) {
  // Whole values are integers; decimals are parsed as written (TAGSET §3).
  if (decimal.find_first_of(".eE") == std::string::npos && decimal.size() <= 18) {
    try {
      return Value(static_cast<int64_t>(std::stoll(decimal)));
    } catch (...) {
    }
  }
  try {
    return Value(std::stod(decimal));
  } catch (...) {
    return Value(decimal);
  }
}

namespace {

// The fields every span record starts with: kind, doc, id, sentence, label,
// offsets and text.
template <typename Span>
Record SpanHead(const Document& doc, std::string_view kind, char prefix, size_t id,
                const Span& s, std::string_view label, bool bytes) {
  Record r;
  r.fields().reserve(16);
  r.Add("kind", kind).Add("doc", doc.path()).Add("id", prefix + std::to_string(id + 1));
  r.Add("sentence", SentenceId(static_cast<size_t>(s.sentence)));
  r.Add("label", label).Add("start", s.start).Add("end", s.end);
  if (bytes) r.Add("bstart", s.bstart).Add("bend", s.bend);
  r.Add("text", std::string_view(doc.text()).substr(s.bstart, s.bend - s.bstart));
  return r;
}

}  // namespace

Record DateRecord(const Document& doc, const DateSpan& d, size_t id, bool bytes,
                  const std::string& anchor) {
  Record r = SpanHead(doc, "date", 'd', id, d, DateLabelName(d.label), bytes);
  r.Add("value", d.value ? Value(*d.value) : Value());
  if (!d.mod.empty()) r.Add("mod", d.mod);
  if (d.range) {
    r.Add("range", Value(Object{{"begin", Value(d.range->first)}, {"end", Value(d.range->second)}}));
  }
  if (d.anchor >= 0) {
    r.Add("anchor", "d" + std::to_string(d.anchor + 1));
  } else if (d.anchored_to_document && !anchor.empty()) {
    r.Add("anchor", anchor);
  }
  if (!d.tz.empty()) r.Add("tz", d.tz);
  if (d.ambiguous) r.Add("ambiguous", true);
  r.Add("rule", d.rule);
  return r;
}

Record FigureRecord(const Document& doc, const FigureSpan& f, size_t id, bool bytes) {
  Record r = SpanHead(doc, "figure", 'f', id, f, FigureLabelName(f.label), bytes);
  r.Add("value", DecimalValue(f.value));
  if (!f.unit.empty()) r.Add("unit", f.unit);
  if (!f.mod.empty()) r.Add("mod", f.mod);
  if (!f.of.empty()) r.Add("of", f.of);
  if (f.range) {
    r.Add("range", Value(Object{{"begin", DecimalValue(f.range->first)},
                                {"end", DecimalValue(f.range->second)}}));
  }
  r.Add("rule", f.rule);
  return r;
}

Record QuoteRecord(const Document& doc, const QuoteSpan& q, size_t id, bool bytes) {
  Record r;
  r.fields().reserve(16);
  r.Add("kind", "quote").Add("doc", doc.path()).Add("id", "q" + std::to_string(id + 1));
  r.Add("sentence", SentenceId(static_cast<size_t>(q.sentences.empty() ? 0 : q.sentences[0])));
  if (q.sentences.size() > 1) {
    Array all;
    for (int32_t s : q.sentences) all.push_back(Value(SentenceId(static_cast<size_t>(s))));
    r.Add("sentences", Value(std::move(all)));
  }
  r.Add("label", QuoteLabelName(q.label)).Add("start", q.start).Add("end", q.end);
  if (bytes) r.Add("bstart", q.bstart).Add("bend", q.bend);
  r.Add("text", std::string_view(doc.text()).substr(q.bstart, q.bend - q.bstart));
  if (q.label == QuoteLabel::kSpeech) {
    // TAGSET §4: a speaker that cannot be found is null, never a guess.
    r.Add("speaker", q.speaker ? Value(*q.speaker) : Value());
    if (q.speaker_text) r.Add("speaker_text", *q.speaker_text);
    r.Add("cue", q.cue ? Value(*q.cue) : Value());
  }
  if (q.block) r.Add("block", true);
  r.Add("rule", q.rule);
  return r;
}

Record ClaimRecord(const Document& doc, const Segmentation& seg, const ClaimSpan& c, size_t id,
                   bool bytes, Array evidence) {
  const Sentence& s = seg.sentences[static_cast<size_t>(c.sentence)];
  Record r;
  r.fields().reserve(16);
  r.Add("kind", "claim").Add("doc", doc.path()).Add("id", "c" + std::to_string(id + 1));
  r.Add("sentence", SentenceId(static_cast<size_t>(c.sentence)));
  r.Add("label", ClaimTypeName(c.label)).Add("start", s.start).Add("end", s.end);
  if (bytes) r.Add("bstart", s.bstart).Add("bend", s.bend);
  r.Add("text", std::string_view(doc.text()).substr(s.bstart, s.bend - s.bstart));
  Array types;
  for (ClaimType t : c.types) types.push_back(Value(ClaimTypeName(t)));
  r.Add("types", Value(std::move(types)));
  r.Add("stance", c.stance).Add("source", c.source);
  if (c.source_text) r.Add("source_text", *c.source_text);
  Array cues;
  for (const std::string& cue : c.cues) cues.push_back(Value(cue));
  r.Add("cues", Value(std::move(cues)));
  r.Add("evidence", Value(std::move(evidence)));
  r.Add("rule", c.rule);
  return r;
}

Record UnpairedRecord(const Document& doc, const UnpairedMark& m, int32_t sentence) {
  Record r;
  r.Add("kind", "unpaired").Add("doc", doc.path());
  r.Add("sentence", SentenceId(static_cast<size_t>(sentence)));
  int64_t end = doc.ByteToCp(m.bstart + static_cast<int64_t>(m.mark.size()));
  r.Add("start", m.start).Add("end", end).Add("text", m.mark);
  r.Add("rule", "quote mark left unpaired");
  return r;
}

Record EntityRecord(const Document& doc, const Entity& e, size_t id, bool bytes) {
  Record r = SpanHead(doc, "entity", 'e', id, e, EntityLabelName(e.label), bytes);
  r.Add("canonical", e.canonical);
  if (!e.role.empty()) r.Add("role", e.role);
  r.Add("rule", e.rule);
  return r;
}

Tagger::Tagger(TagOptions options) : options_(std::move(options)) {
  if (options_.entities) {
    if (!options_.gazetteer) options_.gazetteer = Gazetteer::BuiltIn();
    entities_ = std::make_unique<EntityAnnotator>(options_.gazetteer);
  }
  if (options_.dates) date_annotator_ = std::make_unique<DateAnnotator>();
  if (options_.figures) figure_annotator_ = std::make_unique<FigureAnnotator>();
  if (options_.quotes) quote_annotator_ = std::make_unique<QuoteAnnotator>();
  if (options_.claims) claim_annotator_ = std::make_unique<ClaimAnnotator>();
}

void Tagger::Tag(const Document& doc, const std::function<void(Record&&)>& emit) {
  seg_ = segmenter_.Segment(doc, options_.segment);
  ents_.clear();
  dates_.clear();
  figures_.clear();
  // On one large document (segmented on several threads) the passes that
  // do not depend on each other run at once: entities beside dates, then
  // figures (which need both) beside quotations (which need entities).
  const bool parallel = options_.segment.Splits(static_cast<int64_t>(doc.text().size()));
  std::string anchor;
  auto dates = [&] {
    if (!options_.dates) return;
    DateOptions date_options = options_.date_options;
    if (options_.anchors) {
      auto it = options_.anchors->find(doc.path());
      if (it != options_.anchors->end()) {
        date_options.anchor = it->second;
        date_options.auto_anchor = false;
      }
    }
    dates_ = date_annotator_->Annotate(doc, seg_, date_options);
    anchor = date_annotator_->anchor().value;
  };
  auto figures = [&] {
    if (!options_.figures) return;
    // Years and dates are dates, and figures inside names are not figures
    // (TAGSET §3): those spans are closed to the figure rules.
    std::vector<std::pair<int64_t, int64_t>> taken;
    taken.reserve(dates_.size() + ents_.size());
    for (const DateSpan& d : dates_) taken.emplace_back(d.bstart, d.bend);
    for (const Entity& e : ents_) taken.emplace_back(e.bstart, e.bend);
    std::sort(taken.begin(), taken.end());
    figures_ = figure_annotator_->Annotate(doc, seg_, taken);
  };
  quotes_ = QuoteResult();
  auto quotes = [&] {
    if (!options_.quotes) return;
    std::vector<NamedSpan> names;
    names.reserve(ents_.size());
    for (const Entity& e : ents_) {
      names.push_back({e.bstart, e.bend, std::string(EntityLabelName(e.label)), e.canonical});
    }
    quotes_ = quote_annotator_->Annotate(doc, seg_, names);
  };
  auto entities = [&] {
    if (options_.entities) ents_ = entities_->Annotate(doc, seg_);
  };
  if (parallel) {
    std::thread beside(dates);
    entities();
    beside.join();
    std::thread quoting(quotes);
    figures();
    quoting.join();
  } else {
    entities();
    dates();
    figures();
    quotes();
  }
  claims_.clear();
  if (options_.claims) {
    ClaimEvidence evidence;
    evidence.entities = &ents_;
    evidence.figures = &figures_;
    evidence.dates = &dates_;
    evidence.quotes = &quotes_.quotes;
    claims_ = claim_annotator_->Annotate(doc, seg_, evidence);
  }
  // A claim's evidence: the quotations over its sentence, by sentence.
  std::vector<std::vector<size_t>> quotes_in(seg_.sentences.size());
  for (size_t q = 0; q < quotes_.quotes.size(); ++q)
    for (int32_t si : quotes_.quotes[q].sentences) quotes_in[static_cast<size_t>(si)].push_back(q);
  // Unpaired marks go with the sentence they fall in.
  std::vector<int32_t> unpaired_sentence;
  for (const UnpairedMark& m : quotes_.unpaired) {
    auto it = std::upper_bound(seg_.sentences.begin(), seg_.sentences.end(), m.bstart,
                               [](int64_t b, const Sentence& s) { return b < s.bstart; });
    unpaired_sentence.push_back(
        it == seg_.sentences.begin() ? 0 : static_cast<int32_t>(it - seg_.sentences.begin()) - 1);
  }
  Record head = DocumentRecord(doc, options_);
  if (options_.dates && !anchor.empty()) {
    head.Add("anchor", Value(Object{{"value", Value(anchor)},
                                    {"rule", Value(date_annotator_->anchor().rule)}}));
  }
  emit(std::move(head));
  size_t next_entity = 0, next_date = 0, next_figure = 0, next_quote = 0, next_unpaired = 0,
         next_claim = 0;
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
    const auto in = [i](int32_t sentence) { return sentence == static_cast<int32_t>(i); };
    size_t entities_from = next_entity, dates_from = next_date, figures_from = next_figure;
    for (; next_entity < ents_.size() && in(ents_[next_entity].sentence); ++next_entity)
      emit(EntityRecord(doc, ents_[next_entity], next_entity, options_.bytes));
    for (; next_date < dates_.size() && in(dates_[next_date].sentence); ++next_date)
      emit(DateRecord(doc, dates_[next_date], next_date, options_.bytes, anchor));
    for (; next_figure < figures_.size() && in(figures_[next_figure].sentence); ++next_figure)
      emit(FigureRecord(doc, figures_[next_figure], next_figure, options_.bytes));
    const std::vector<QuoteSpan>& quotes = quotes_.quotes;
    for (; next_quote < quotes.size() && !quotes[next_quote].sentences.empty() &&
           in(quotes[next_quote].sentences[0]);
         ++next_quote)
      emit(QuoteRecord(doc, quotes[next_quote], next_quote, options_.bytes));
    for (; next_unpaired < unpaired_sentence.size() && in(unpaired_sentence[next_unpaired]);
         ++next_unpaired)
      emit(UnpairedRecord(doc, quotes_.unpaired[next_unpaired], unpaired_sentence[next_unpaired]));
    if (next_claim < claims_.size() && in(claims_[next_claim].sentence)) {
      // TAGSET §5: the ids of the entity, date, figure and quote records
      // that overlap the sentence.
      Array evidence;
      for (size_t k = entities_from; k < next_entity; ++k)
        evidence.push_back(Value("e" + std::to_string(k + 1)));
      for (size_t k = dates_from; k < next_date; ++k)
        evidence.push_back(Value("d" + std::to_string(k + 1)));
      for (size_t k = figures_from; k < next_figure; ++k)
        evidence.push_back(Value("f" + std::to_string(k + 1)));
      for (size_t q : quotes_in[i]) evidence.push_back(Value("q" + std::to_string(q + 1)));
      emit(ClaimRecord(doc, seg_, claims_[next_claim], next_claim, options_.bytes,
                       std::move(evidence)));
      ++next_claim;
    }
  }
}

}  // namespace relscan
