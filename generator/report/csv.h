// Reports as CSV for the office's spreadsheet. Excel guesses the encoding of
// a CSV file and, without a byte-order mark, reads UTF-8 Vietnamese as
// mojibake; so the file starts with a BOM, rows end with CRLF and fields are
// quoted as RFC 4180 says.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "report/tally.h"

namespace bangtin::report {

inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// One field: quoted when it holds a comma, quote, CR or LF or starts or ends
// with a space, quotes doubled. Text that a spreadsheet would run as a
// formula (=, +, -, @ first) gets a leading apostrophe, the usual guard.
std::string csv_field(std::string_view text);
std::string csv_row(const std::vector<std::string>& fields);

// The report as one table, one row per (line, month) and one per line for the
// whole period:
//   Nhóm,Mã,Tên,Tháng,"Tin, bài",Infographic,Video,Bài phát thanh,Văn bản,Tổng cộng
// where Nhóm is "Toàn cổng", "Đơn vị" or "Chuyên mục" and Tháng is
// "Tháng 04/2026" or "Cả kỳ". A flat table lets a pivot table regroup it.
std::string report_csv(const Report& report);

}  // namespace bangtin::report
