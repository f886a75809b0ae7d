// Sitemap entry point: gzip detection and decompression, the choice between
// XML and plain text, and the plain text reader. The XML reader (on libxml2)
// is in sitemap_xml.cpp.
#include "parsers/extract/sitemap.h"

// zlib's input pointer is const under ZLIB_CONST, so no const_cast is needed.
#define ZLIB_CONST
#include <zlib.h>

#include <algorithm>
#include <array>
#include <memory>
#include <utility>

namespace jobcrawler::parsers {
namespace {

constexpr std::string_view kGzipMagic = "\x1F\x8B";
constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
// zlib counts input in uInt; feed it in slices well below that.
constexpr std::size_t kInflateInputSlice = 1024 * 1024;
// Output is produced into a buffer of this size and then appended.
constexpr std::size_t kInflateChunk = 64 * 1024;

struct InflateEnder {
  void operator()(z_stream* stream) const {
    inflateEnd(stream);
    delete stream;
  }
};
using InflaterPtr = std::unique_ptr<z_stream, InflateEnder>;

// A z_stream ready for gzip input, or nullptr when zlib cannot start.
InflaterPtr OpenGzipInflater() {
  auto stream = std::make_unique<z_stream>();
  constexpr int kGzipWindowBits = 16 + MAX_WBITS;  // +16: gzip header, not zlib
  if (inflateInit2(stream.get(), kGzipWindowBits) != Z_OK) return nullptr;
  return InflaterPtr(stream.release());
}

std::string ZlibError(const z_stream& stream, std::string_view what) {
  std::string error = "gzip: " + std::string(what);
  if (stream.msg != nullptr) error += std::string(": ") + stream.msg;
  return error;
}

// Feeds zlib the next slice of `input` once it has used up the previous one.
void RefillInput(z_stream* stream, std::string_view* input) {
  if (stream->avail_in > 0 || input->empty()) return;
  const std::size_t size = std::min(input->size(), kInflateInputSlice);
  stream->next_in = reinterpret_cast<const Bytef*>(input->data());
  stream->avail_in = static_cast<uInt>(size);
  input->remove_prefix(size);
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string_view Trim(std::string_view text) {
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  return text;
}

bool LooksLikeUrl(std::string_view line) {
  const auto starts_with_ignoring_case = [line](std::string_view prefix) {
    return line.size() > prefix.size() &&
           std::equal(prefix.begin(), prefix.end(), line.begin(),
                      [](char a, char b) { return a == (b >= 'A' && b <= 'Z' ? b + 32 : b); });
  };
  return starts_with_ignoring_case("http://") || starts_with_ignoring_case("https://");
}

bool LooksLikeXml(std::string_view text) {
  if (text.starts_with(kUtf8Bom)) text.remove_prefix(kUtf8Bom.size());
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  return text.starts_with('<');
}

}  // namespace

void AddSitemapError(Sitemap* sitemap, std::string error) {
  if (sitemap->errors.size() < kMaxSitemapErrors) {
    sitemap->errors.push_back(std::move(error));
  } else if (sitemap->errors.size() == kMaxSitemapErrors) {
    sitemap->errors.push_back("further errors omitted");
  }
}

Gunzipped Gunzip(std::string_view compressed, std::size_t max_bytes) {
  Gunzipped result;
  InflaterPtr stream = OpenGzipInflater();
  if (stream == nullptr) return {"", "gzip: cannot initialise zlib"};
  std::string_view input = compressed;
  std::array<Bytef, kInflateChunk> chunk{};
  while (true) {
    RefillInput(stream.get(), &input);
    stream->next_out = chunk.data();
    stream->avail_out = static_cast<uInt>(chunk.size());
    const int status = inflate(stream.get(), Z_NO_FLUSH);
    const std::size_t produced = chunk.size() - stream->avail_out;
    const std::size_t room = max_bytes - result.bytes.size();
    result.bytes.append(reinterpret_cast<const char*>(chunk.data()), std::min(produced, room));
    if (produced > room) {
      result.error = "gzip: output exceeds " + std::to_string(max_bytes) + " bytes; truncated";
      return result;
    }
    const bool input_left = stream->avail_in > 0 || !input.empty();
    if (status == Z_STREAM_END) {
      if (!input_left) return result;
      // Another gzip member may follow (RFC 1952 allows several).
      if (inflateReset(stream.get()) != Z_OK) return result;
      continue;
    }
    if (status == Z_BUF_ERROR && !input_left) {
      result.error = "gzip: unexpected end of data; truncated";
      return result;
    }
    if (status != Z_OK && status != Z_BUF_ERROR) {
      result.error = ZlibError(*stream, "corrupt data");
      return result;
    }
  }
}

void ParseSitemapText(std::string_view text, Sitemap* sitemap) {
  if (text.starts_with(kUtf8Bom)) text.remove_prefix(kUtf8Bom.size());
  std::size_t line_number = 0;
  while (!text.empty()) {
    const std::size_t end = std::min(text.find('\n'), text.size());
    const std::string_view line = Trim(text.substr(0, end));
    text.remove_prefix(std::min(end + 1, text.size()));
    ++line_number;
    if (line.empty()) continue;
    if (!LooksLikeUrl(line) || line.size() > kMaxLocBytes) {
      AddSitemapError(sitemap, "line " + std::to_string(line_number) + ": not a URL");
      continue;
    }
    if (sitemap->urls.size() == kMaxSitemapUrls) {
      AddSitemapError(
          sitemap, "more than " + std::to_string(kMaxSitemapUrls) + " URLs; the rest are ignored");
      return;
    }
    sitemap->urls.emplace_back(line);
    sitemap->lastmods.emplace_back();
  }
}

Sitemap ParseSitemap(std::string_view body) {
  Sitemap sitemap;
  Gunzipped gunzipped;
  if (body.starts_with(kGzipMagic)) {
    gunzipped = Gunzip(body, kMaxSitemapBytes);
    if (!gunzipped.error.empty()) AddSitemapError(&sitemap, gunzipped.error);
    body = gunzipped.bytes;
  } else if (body.size() > kMaxSitemapBytes) {
    AddSitemapError(&sitemap, "larger than " + std::to_string(kMaxSitemapBytes) +
                                  " bytes; the rest is ignored");
    body = body.substr(0, kMaxSitemapBytes);
  }
  if (LooksLikeXml(body)) {
    ParseSitemapXml(body, &sitemap);
  } else {
    ParseSitemapText(body, &sitemap);
  }
  return sitemap;
}

}  // namespace jobcrawler::parsers
