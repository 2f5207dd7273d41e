#include <brotli/decode.h>
#include <doctest/doctest.h>
#include <zlib.h>

#include <string>

#include "write/precompress.h"

using namespace bangtin;

namespace {

std::string gunzip(const std::string& gz) {
  z_stream z{};
  REQUIRE(inflateInit2(&z, 15 + 16) == Z_OK);
  std::string out(1 << 20, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(gz.data()));
  z.avail_in = static_cast<uInt>(gz.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  int rc = inflate(&z, Z_FINISH);
  out.resize(z.total_out);
  inflateEnd(&z);
  CHECK(rc == Z_STREAM_END);
  return out;
}

std::string unbrotli(const std::string& br) {
  std::string out(1 << 20, '\0');
  size_t size = out.size();
  CHECK(BrotliDecoderDecompress(br.size(), reinterpret_cast<const uint8_t*>(br.data()), &size,
                                reinterpret_cast<uint8_t*>(out.data())) == BROTLI_DECODER_RESULT_SUCCESS);
  out.resize(size);
  return out;
}

std::string page() {
  std::string html = "<!DOCTYPE html><html lang=\"vi\"><body>";
  for (int i = 0; i < 200; ++i)
    html += "<p>Phường Hoàn Kiếm ra mắt bảng tin điện tử số " + std::to_string(i) + ".</p>\n";
  return html + "</body></html>\n";
}

}  // namespace

TEST_CASE("Only text a browser asks for, from 1 KB up, gets twins") {
  CHECK(wants_precompressed("index.html", 1024));
  CHECK(wants_precompressed("bai-viet/x/index.html", 50000));
  CHECK(wants_precompressed("assets/css/site.3f2a.css", 4096));
  CHECK(wants_precompressed("assets/js/app.js", 4096));
  CHECK(wants_precompressed("sitemap.xml", 4096));
  CHECK(wants_precompressed("rebuild.json", 4096));
  CHECK_FALSE(wants_precompressed("index.html", 1023));  // too small to gain
  CHECK_FALSE(wants_precompressed("robots.txt", 4096));
  CHECK_FALSE(wants_precompressed("bai-viet/x/cover.jpg", 900000));  // already compressed
  CHECK_FALSE(wants_precompressed("documents/ke-hoach.pdf", 900000));
  CHECK_FALSE(wants_precompressed("index.html.gz", 4096));  // never a twin of a twin
}

TEST_CASE("gzip twin decompresses to the page, is smaller, and is the same bytes every time") {
  std::string html = page();
  std::string gz = gzip_bytes(html);
  CHECK(gz.size() < html.size() / 3);
  CHECK(gunzip(gz) == html);
  CHECK(gzip_bytes(html) == gz);
  // gzip header: magic, deflate, no flags (no file name), mtime 0.
  REQUIRE(gz.size() > 10);
  CHECK(static_cast<unsigned char>(gz[0]) == 0x1f);
  CHECK(static_cast<unsigned char>(gz[1]) == 0x8b);
  CHECK(gz[3] == 0);
  CHECK(gz.substr(4, 4) == std::string(4, '\0'));
}

TEST_CASE("brotli twin decompresses to the page, beats gzip, and is the same bytes every time") {
  std::string html = page();
  std::string br = brotli_bytes(html);
  CHECK(unbrotli(br) == html);
  CHECK(br.size() < gzip_bytes(html).size());
  CHECK(brotli_bytes(html) == br);
}

TEST_CASE("Empty and tiny inputs still round-trip") {
  CHECK(gunzip(gzip_bytes("")) == "");
  CHECK(unbrotli(brotli_bytes("")) == "");
  CHECK(unbrotli(brotli_bytes("x")) == "x");
}

TEST_CASE("The twins are .gz and .br, in that order") {
  const auto& twins = precompressed_twins();
  REQUIRE(twins.size() == 2);
  CHECK(std::string(twins[0].suffix) == ".gz");
  CHECK(std::string(twins[1].suffix) == ".br");
  CHECK(twins[0].compress("abc") == gzip_bytes("abc"));
  CHECK(twins[1].compress("abc") == brotli_bytes("abc"));
}
