// The table, TSV, CSV, JSONL and JSON writers.
#include "relscan/writer.h"

#include "relscan/swar.h"

#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstring>

namespace relscan {
namespace {

// Appends s to out with tab, LF, CR and backslash escaped.
void AppendTsv(std::string_view s, std::string* out) {
  // Most cells need no escape: check eight bytes at a time.
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w = swar::Load(s.data() + i);
    if (swar::HasByte(w, '\t') || swar::HasByte(w, '\n') || swar::HasByte(w, '\r') ||
        swar::HasByte(w, '\\'))
      break;
  }
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\t' || c == '\n' || c == '\r' || c == '\\') break;
  }
  if (i == s.size()) {
    out->append(s);
    return;
  }
  size_t run = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const char* esc;
    switch (s[i]) {
      case '\t': esc = "\\t"; break;
      case '\n': esc = "\\n"; break;
      case '\r': esc = "\\r"; break;
      case '\\': esc = "\\\\"; break;
      default: continue;
    }
    out->append(s.data() + run, i - run);
    out->append(esc, 2);
    run = i + 1;
  }
  out->append(s.data() + run, s.size() - run);
}

std::string TsvEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  AppendTsv(s, &out);
  return out;
}

// Appends s to out, quoted as RFC 4180 says when it needs quoting.
void AppendCsv(std::string_view s, std::string* out) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
    out->append(s);
    return;
  }
  out->push_back('"');
  for (char c : s) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

// Appends one cell as a JSON value.
void AppendJsonCell(const Cell& c, std::string* out) {
  switch (c.kind) {
    case Cell::Kind::kNull: out->append("null"); break;
    case Cell::Kind::kString: AppendJsonString(c.text, out); break;
    case Cell::Kind::kInt: fmt::format_to(std::back_inserter(*out), "{}", c.number); break;
  }
}

// Appends {names[i]: cells[i]} as a JSON object.
void AppendJsonRow(std::span<const std::string_view> names, std::span<const Cell> cells,
                   std::string* out) {
  out->push_back('{');
  for (size_t i = 0; i < names.size() && i < cells.size(); ++i) {
    if (i > 0) out->push_back(',');
    AppendJsonString(names[i], out);
    out->push_back(':');
    AppendJsonCell(cells[i], out);
  }
  out->push_back('}');
}

const Value& Lookup(const Record& r, const std::string& column) {
  static const Value kNull;
  const Value* v = r.Get(column);
  return v ? *v : kNull;
}

class JsonlWriter : public RecordWriter {
 public:
  explicit JsonlWriter(OutputSink* sink) : sink_(sink) {}
  void Begin(const std::vector<std::string>&) override {}
  void Write(const Record& record) override {
    buf_.clear();
    AppendJson(record, &buf_);
    buf_.push_back('\n');
    sink_->Write(buf_);
  }
  void WriteRow(std::span<const std::string_view> names, std::span<const Cell> cells) override {
    buf_.clear();
    AppendJsonRow(names, cells, &buf_);
    buf_.push_back('\n');
    sink_->Write(buf_);
  }
  void End() override {}

 private:
  OutputSink* sink_;
  std::string buf_;
};

class JsonWriter : public RecordWriter {
 public:
  explicit JsonWriter(OutputSink* sink) : sink_(sink) {}
  void Begin(const std::vector<std::string>&) override { sink_->Write("["); }
  void Write(const Record& record) override {
    buf_.assign(first_ ? "\n" : ",\n");
    first_ = false;
    AppendJson(record, &buf_);
    sink_->Write(buf_);
  }
  void WriteRow(std::span<const std::string_view> names, std::span<const Cell> cells) override {
    buf_.assign(first_ ? "\n" : ",\n");
    first_ = false;
    AppendJsonRow(names, cells, &buf_);
    sink_->Write(buf_);
  }
  void End() override { sink_->Write(first_ ? "]\n" : "\n]\n"); }

 private:
  OutputSink* sink_;
  std::string buf_;
  bool first_ = true;
};

class DelimitedWriter : public RecordWriter {
 public:
  DelimitedWriter(OutputSink* sink, bool csv, bool header)
      : sink_(sink), csv_(csv), header_(header) {}
  void Begin(const std::vector<std::string>& columns) override {
    columns_ = columns;
    names_ = nullptr;  // WriteRow works out its mapping again
    if (!header_) return;
    buf_.clear();
    for (size_t i = 0; i < columns.size(); ++i) Cell(i, columns[i]);
    EndLine();
  }
  void Write(const Record& record) override {
    buf_.clear();
    for (size_t i = 0; i < columns_.size(); ++i) {
      // Strings are escaped straight into the line; other values rendered first.
      const Value& v = Lookup(record, columns_[i]);
      if (v.is_string()) {
        Cell(i, v.AsString());
      } else {
        cell_ = CellText(v);
        Cell(i, cell_);
      }
    }
    EndLine();
  }
  void WriteRow(std::span<const std::string_view> names, std::span<const Cell> cells) override {
    // Which cell each column shows, worked out once per names array.
    if (names.data() != names_ || names.size() != names_size_) {
      names_ = names.data();
      names_size_ = names.size();
      index_.assign(columns_.size(), SIZE_MAX);
      for (size_t c = 0; c < columns_.size(); ++c)
        for (size_t i = 0; i < names.size(); ++i)
          if (names[i] == columns_[c]) {
            index_[c] = i;  // the first, as Record::Get finds
            break;
          }
    }
    buf_.clear();
    for (size_t c = 0; c < columns_.size(); ++c) {
      size_t i = index_[c];
      if (i >= cells.size() || cells[i].kind == relscan::Cell::Kind::kNull) {
        Cell(c, "");
      } else if (cells[i].kind == relscan::Cell::Kind::kString) {
        Cell(c, cells[i].text);
      } else {
        if (c > 0) buf_.push_back(csv_ ? ',' : '\t');
        fmt::format_int digits(cells[i].number);
        buf_.append(digits.data(), digits.size());
      }
    }
    EndLine();
  }
  void End() override {}

 private:
  void Cell(size_t i, std::string_view text) {
    if (i > 0) buf_.push_back(csv_ ? ',' : '\t');
    if (csv_) AppendCsv(text, &buf_);
    else AppendTsv(text, &buf_);
  }
  void EndLine() {
    buf_.push_back('\n');
    sink_->Write(buf_);
  }

  OutputSink* sink_;
  bool csv_, header_;
  std::vector<std::string> columns_;
  std::string cell_, buf_;
  const std::string_view* names_ = nullptr;  // WriteRow's column -> cell map
  size_t names_size_ = 0;
  std::vector<size_t> index_;
};

class TableWriter : public RecordWriter {
 public:
  TableWriter(OutputSink* sink, bool header, size_t buffer,
              std::vector<std::pair<std::string, Align>> align)
      : sink_(sink), header_(header), buffer_(buffer), align_(std::move(align)) {}
  void Begin(const std::vector<std::string>& columns) override {
    columns_ = columns;
    widths_.assign(columns.size(), 0);
    numeric_.assign(columns.size(), true);
    forced_.assign(columns.size(), Align::kAuto);
    for (const auto& [name, a] : align_) {
      for (size_t i = 0; i < columns.size(); ++i)
        if (columns[i] == name) forced_[i] = a;
    }
    if (header_) {
      for (size_t i = 0; i < columns.size(); ++i)
        widths_[i] = DisplayWidth(columns[i]);
    }
  }
  void Write(const Record& record) override {
    std::vector<std::string> cells;
    cells.reserve(columns_.size());
    for (size_t i = 0; i < columns_.size(); ++i) {
      const Value& v = Lookup(record, columns_[i]);
      // Control characters would break the layout: shown escaped, as in TSV.
      cells.push_back(TsvEscape(CellText(v)));
      if (!v.is_number() && !v.is_null()) numeric_[i] = false;
    }
    if (streaming_) {
      Row(cells);
      return;
    }
    for (size_t i = 0; i < cells.size(); ++i)
      widths_[i] = std::max(widths_[i], DisplayWidth(cells[i]));
    rows_.push_back(std::move(cells));
    if (rows_.size() >= buffer_) Flush();
  }
  void End() override {
    if (!streaming_) Flush();
  }

 private:
  void Flush() {
    streaming_ = true;
    if (header_) Row(columns_);
    for (const auto& r : rows_) Row(r);
    rows_.clear();
  }
  void Row(const std::vector<std::string>& cells) {
    buf_.clear();
    for (size_t i = 0; i < cells.size(); ++i) {
      bool last = i + 1 == cells.size();
      int pad = std::max(0, widths_[i] - DisplayWidth(cells[i]));
      bool right = forced_[i] == Align::kAuto ? static_cast<bool>(numeric_[i])
                                               : forced_[i] == Align::kRight;
      if (right) buf_.append(pad, ' ');
      buf_.append(cells[i]);
      if (!right && !last) buf_.append(pad, ' ');
      if (!last) buf_.append("  ");
    }
    while (!buf_.empty() && buf_.back() == ' ') buf_.pop_back();
    buf_.push_back('\n');
    sink_->Write(buf_);
  }

  OutputSink* sink_;
  bool header_;
  size_t buffer_;
  bool streaming_ = false;
  std::vector<std::string> columns_;
  std::vector<int> widths_;
  std::vector<bool> numeric_;
  std::vector<std::pair<std::string, Align>> align_;
  std::vector<Align> forced_;
  std::vector<std::vector<std::string>> rows_;
  std::string buf_;
};

}  // namespace

Result<Format> ParseFormat(std::string_view name) {
  if (name == "table") return Format::kTable;
  if (name == "tsv") return Format::kTsv;
  if (name == "csv") return Format::kCsv;
  if (name == "jsonl") return Format::kJsonl;
  if (name == "json") return Format::kJson;
  return MakeError(ErrorCode::kUsage,
                   fmt::format("unknown format '{}' (expected table, tsv, csv, jsonl or json)", name));
}

std::string_view FormatName(Format format) {
  switch (format) {
    case Format::kTable: return "table";
    case Format::kTsv: return "tsv";
    case Format::kCsv: return "csv";
    case Format::kJsonl: return "jsonl";
    case Format::kJson: return "json";
  }
  return "tsv";
}

Record RowRecord(std::span<const std::string_view> names, std::span<const Cell> cells) {
  Record r;
  r.fields().reserve(names.size());
  for (size_t i = 0; i < names.size() && i < cells.size(); ++i) {
    const Cell& c = cells[i];
    Value v = c.kind == Cell::Kind::kString ? Value(c.text)
              : c.kind == Cell::Kind::kInt  ? Value(c.number)
                                            : Value();
    r.Add(std::string(names[i]), std::move(v));
  }
  return r;
}

void RecordWriter::WriteRow(std::span<const std::string_view> names, std::span<const Cell> cells) {
  Write(RowRecord(names, cells));
}

std::unique_ptr<RecordWriter> MakeWriter(Format format, OutputSink* sink,
                                         const WriterOptions& options) {
  switch (format) {
    case Format::kTable:
      return std::make_unique<TableWriter>(sink, options.header, options.table_buffer,
                                           options.align);
    case Format::kTsv: return std::make_unique<DelimitedWriter>(sink, false, options.header);
    case Format::kCsv: return std::make_unique<DelimitedWriter>(sink, true, options.header);
    case Format::kJsonl: return std::make_unique<JsonlWriter>(sink);
    case Format::kJson: return std::make_unique<JsonWriter>(sink);
  }
  return nullptr;
}

std::string CellText(const Value& value) {
  switch (value.type()) {
    case Value::Type::kNull: return "";
    case Value::Type::kString: return value.AsString();
    case Value::Type::kArray: {
      std::string out;
      for (const Value& v : value.AsArray()) {
        if (!out.empty()) out.push_back(',');
        if (v.type() == Value::Type::kArray || v.type() == Value::Type::kObject) {
          AppendJson(v, &out);
        } else {
          out.append(CellText(v));
        }
      }
      return out;
    }
    default: {
      std::string out;
      AppendJson(value, &out);
      return out;
    }
  }
}

int DisplayWidth(std::string_view utf8) {
  int width = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  int32_t n = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < n;) {
    if (s[i] < 0x80) {
      ++width;
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) {
      ++width;
      continue;
    }
    int8_t type = u_charType(c);
    if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR) {
      continue;
    }
    int ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    width += (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) ? 2 : 1;
  }
  return width;
}

}  // namespace relscan
