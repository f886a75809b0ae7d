// CPU time per page of the parsing steps, on the pages of a board written by
// bench/board_gen.py, for scripts/bench and for profiling (its instruction
// counts under callgrind are repeatable on a busy machine).
//
//   gumbo     gumbo_parse of the whole page with its default malloc, nothing
//             else: the floor the crawler's CPU per page is compared with.
//             (The one place outside parsers/ that calls gumbo: it measures
//             gumbo bare.)
//   decode    parsers::DecodeHtml (charset sniffing and validation)
//   document  parsers::HtmlDocument: nesting bound, raw-text skim, gumbo
//   extract   DecodeHtml + ExtractPage: what a crawl's parser thread does
//             with a page besides URL work and the matcher
//
// Usage: parse_bench BOARD_DIR [PAGES] [REPEATS] [MODES]
// PAGES 0 (default): all; REPEATS default 3 (the median is printed); MODES
// a comma list, default "gumbo,decode,document,extract". Prints one line
// per mode: "mode ms_per_page X pages N mb M".
#include <gumbo.h>
#include <time.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "parsers/extract/page_extractor.h"
#include "parsers/html/charset.h"
#include "parsers/html/html_document.h"

namespace {

double ThreadCpuSeconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

std::string Gunzip(const std::string& gz) {
  z_stream stream{};
  if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK) throw std::runtime_error("inflateInit2");
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(gz.data()));
  stream.avail_in = static_cast<uInt>(gz.size());
  std::string out;
  std::array<char, 65536> chunk{};
  for (int code = Z_OK; code != Z_STREAM_END;) {
    stream.next_out = reinterpret_cast<Bytef*>(chunk.data());
    stream.avail_out = static_cast<uInt>(chunk.size());
    code = inflate(&stream, Z_NO_FLUSH);
    if (code != Z_OK && code != Z_STREAM_END) throw std::runtime_error("corrupt gzip page");
    out.append(chunk.data(), chunk.size() - stream.avail_out);
  }
  inflateEnd(&stream);
  return out;
}

std::vector<std::string> LoadPages(const std::string& dir, std::size_t limit) {
  std::ifstream manifest(dir + "/manifest.tsv");
  if (!manifest) throw std::runtime_error("no manifest.tsv in " + dir);
  std::vector<std::string> pages;
  for (std::string line; std::getline(manifest, line);) {
    std::istringstream fields(line);
    std::string path, file;
    if (!std::getline(fields, path, '\t') || !std::getline(fields, file, '\t')) continue;
    std::ifstream in(dir + "/" + file, std::ios::binary);
    std::ostringstream gz;
    gz << in.rdbuf();
    pages.push_back(Gunzip(gz.str()));
    if (limit != 0 && pages.size() == limit) break;
  }
  return pages;
}

std::size_t Sink(std::size_t value) {
  static volatile std::size_t sink = 0;
  sink = sink + value;
  return sink;
}

void RunGumbo(const std::string& page) {
  GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, page.data(), page.size());
  Sink(output->root->v.element.children.length);
  gumbo_destroy_output(&kGumboDefaultOptions, output);
}

void RunDecode(const std::string& page) {
  Sink(jobcrawler::parsers::DecodeHtml(page, "text/html").utf8.size());
}

void RunDocument(const std::string& page) {
  jobcrawler::parsers::HtmlDocument document(page);
  Sink(document.parsed_length());
}

void RunExtract(const std::string& page) {
  jobcrawler::parsers::DecodedBody decoded = jobcrawler::parsers::DecodeHtml(page, "text/html");
  jobcrawler::parsers::PageExtraction extraction =
      jobcrawler::parsers::ExtractPage(decoded.utf8, {.profile = nullptr, .today = "2026-11-20"});
  Sink(extraction.postings.size() + extraction.links.size());
}

double MedianMsPerPage(const std::vector<std::string>& pages, int repeats,
                       const std::function<void(const std::string&)>& run) {
  std::vector<double> times;
  for (int r = 0; r < repeats; ++r) {
    const double start = ThreadCpuSeconds();
    for (const std::string& page : pages) run(page);
    times.push_back((ThreadCpuSeconds() - start) * 1000.0 / static_cast<double>(pages.size()));
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: parse_bench BOARD_DIR [PAGES] [REPEATS] [MODES]\n";
    return 2;
  }
  try {
    const std::vector<std::string> pages =
        LoadPages(argv[1], argc > 2 ? static_cast<std::size_t>(std::stoul(argv[2])) : 0);
    const int repeats = argc > 3 ? std::max(1, std::stoi(argv[3])) : 3;
    const std::string modes = argc > 4 ? argv[4] : "gumbo,decode,document,extract";
    std::size_t bytes = 0;
    for (const std::string& page : pages) bytes += page.size();
    const std::vector<std::pair<std::string, std::function<void(const std::string&)>>> runs = {
        {"gumbo", RunGumbo},
        {"decode", RunDecode},
        {"document", RunDocument},
        {"extract", RunExtract}};
    for (const auto& [name, run] : runs) {
      if (("," + modes + ",").find("," + name + ",") == std::string::npos) continue;
      std::printf("%s ms_per_page %.3f pages %zu mb %.1f\n", name.c_str(),
                  MedianMsPerPage(pages, repeats, run), pages.size(),
                  static_cast<double>(bytes) / 1e6);
      std::fflush(stdout);
    }
  } catch (const std::exception& e) {
    std::cerr << "parse_bench: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
