// Per-page steps outside gumbo's tokenizer that a crawl runs on every page,
// each on a page-sized input, in isolation (Google Benchmark):
//   BM_ContentHash           the body digest that tells an unchanged page
//   BM_DescriptionFingerprint the SimHash of a posting's description
//   BM_GumboTree/malloc      gumbo_parse of a generated 100 KB page with the
//   BM_GumboTree/arena       default allocator, and with HtmlDocument's arena
// Inputs are generated here, deterministic, with no file or network.
#include <gumbo.h>

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string>

#include <benchmark/benchmark.h>

#include "crawler/page_processor.h"
#include "parsers/html/gumbo_arena.h"
#include "storage/dedup.h"

namespace {

// `words` words of German job-ad prose, repeating with variation.
std::string Prose(int words) {
  static constexpr const char* kWords[] = {
      "Wir",        "suchen",    "eine",   "erfahrene",   "Leitung",    "der",      "IT",
      "in",         "Hagen",     "mit",    "Erfahrung",   "im",         "Betrieb",  "von",
      "Netzwerken", "Servern",   "und",    "Anwendungen", "Ihre",       "Aufgaben", "sind",
      "Planung",    "Steuerung", "Budget", "Team",        "Sicherheit", "Cloud",    "Projekte"};
  std::string text;
  unsigned state = 7;
  for (int i = 0; i < words; ++i) {
    state = state * 1103515245u + 12345u;
    text += kWords[(state >> 16) % std::size(kWords)];
    text += (state >> 8) % 11 == 0 ? ". " : " ";
  }
  return text;
}

// A page like a job board's: a table of rows with links and attributes,
// and a description, about `bytes` long.
std::string Page(std::size_t bytes) {
  std::string html = "<!doctype html><html><head><title>Jobs</title></head><body><table>";
  for (int i = 0; html.size() < bytes; ++i) {
    html += "<tr class=\"row r" + std::to_string(i) + "\"><td><a href=\"/job/" + std::to_string(i) +
            "\">IT-Leiter (m/w/d)</a></td><td data-place=\"Hagen\">" + Prose(12) + "</td></tr>";
  }
  return html + "</table></body></html>";
}

void BM_ContentHash(benchmark::State& state) {
  const std::string body = Page(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(jobcrawler::crawler::ContentHash(body));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * body.size()));
}
BENCHMARK(BM_ContentHash)->Arg(100 * 1024);

void BM_DescriptionFingerprint(benchmark::State& state) {
  const std::string text = Prose(static_cast<int>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(jobcrawler::storage::DescriptionFingerprint(text));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_DescriptionFingerprint)->Arg(300)->Arg(3000);

void BM_GumboTree(benchmark::State& state, bool arena) {
  const std::string html = Page(100 * 1024);
  for (auto _ : state) {
    jobcrawler::parsers::internal::GumboArena memory;
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 16;
    if (arena) {
      options.allocator = &jobcrawler::parsers::internal::GumboArena::Allocate;
      options.deallocator = &jobcrawler::parsers::internal::GumboArena::Deallocate;
      options.userdata = &memory;
    }
    GumboOutput* output = gumbo_parse_with_options(&options, html.data(), html.size());
    benchmark::DoNotOptimize(output);
    if (!arena) gumbo_destroy_output(&options, output);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * html.size()));
}
BENCHMARK_CAPTURE(BM_GumboTree, malloc, false);
BENCHMARK_CAPTURE(BM_GumboTree, arena, true);

}  // namespace

BENCHMARK_MAIN();
