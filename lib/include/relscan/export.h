// Exports of tagged documents for annotation tools: CoNLL BIO columns and
// brat standoff.
//
//   std::string out;
//   RenderConll(doc, seg, entities, &out);   // "Israel\t91\t97\tB-GPE\n" ...
//   RenderBrat(doc, entities, &out);         // "T1\tGPE 91 97\tIsrael\n" ...
//
// Offsets are code points into the document's NFC text, as everywhere.
#ifndef RELSCAN_EXPORT_H_
#define RELSCAN_EXPORT_H_

#include <string>
#include <vector>

#include "relscan/document.h"
#include "relscan/entity.h"
#include "relscan/segment.h"

namespace relscan {

/// Appends CoNLL columns: a "# doc = PATH" line, then per sentence a
/// "# sent_id = sN" line, one token a line (text, start, end, BIO tag) and a
/// blank line. A token is split where an entity boundary falls inside it
/// ("Israel-Palestinian" gives Israel / - / Palestinian).
void RenderConll(const Document& doc, const Segmentation& seg,
                 const std::vector<Entity>& entities, std::string* out);

/// Appends brat standoff lines "T<n>\t<LABEL> <start> <end>\t<text>".
void RenderBrat(const Document& doc, const std::vector<Entity>& entities, std::string* out);

}  // namespace relscan

#endif  // RELSCAN_EXPORT_H_
