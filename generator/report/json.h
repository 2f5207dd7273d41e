// Reports as JSON, for an office's own tools and for superiors who collect
// the reports of many units. Keys keep the order written here (a person
// reads the file too); the bytes depend only on the report.
#pragma once
#include <nlohmann/json.hpp>
#include <string>

#include "report/tally.h"

namespace bangtin::report {

nlohmann::ordered_json report_json(const Report& report);
// report_json() as text, two-space indented, ending with a newline.
std::string report_json_text(const Report& report);

}  // namespace bangtin::report
