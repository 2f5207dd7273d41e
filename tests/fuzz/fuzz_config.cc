// site-config.json: any bytes must give a config or diagnostics, never a
// crash or an exception escaping the loader.
#include <cstdint>
#include <string>

#include "config/config.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  bangtin::SiteConfig config;
  bangtin::Diagnostics diags;
  bangtin::parse_config(text, config, diags);
  return 0;
}
