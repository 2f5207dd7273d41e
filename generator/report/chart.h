// The report chart: items per month, one stacked bar per month with a band
// per kind, drawn as inline SVG at build time so a head of office sees the
// trend at a glance without JavaScript, on any phone, and in print.
#pragma once
#include <string>

#include "report/tally.h"

namespace bangtin::report {

// An <svg> element (no XML declaration: it is placed inside HTML). `id`
// makes its title's id unique on the page. Every label is XML-escaped; every
// coordinate is printed with a fixed precision, so the bytes are stable.
std::string month_kind_chart(const Report& report, const std::string& id);

}  // namespace bangtin::report
