#include "crawler/crawler.h"

#include <mutex>

#include "crawler/crawl_loop.h"

namespace jobcrawler::crawler {
namespace {
// Guards Crawler::loop_ against a RequestStop racing the loop's end.
std::mutex& LoopMutex() {
  static std::mutex mutex;
  return mutex;
}
}  // namespace

Crawler::Crawler(CrawlerOptions options, std::vector<Source> sources, storage::Store& store,
                 const parsers::Matcher& matcher, CrawlObserver* observer)
    : options_(std::move(options)),
      sources_(std::move(sources)),
      store_(store),
      matcher_(matcher),
      observer_(observer) {
  // Compile the follow patterns now so that a bad one fails at start-up.
  for (const Source& source : sources_) SourceScope check(source);
}

Crawler::~Crawler() = default;

CrawlSummary Crawler::Run(const CrawlLimits& limits) {
  Loop loop(options_, sources_, store_, matcher_, observer_, limits);
  {
    std::lock_guard lock(LoopMutex());
    loop_ = &loop;
  }
  CrawlSummary summary = loop.Run();
  {
    std::lock_guard lock(LoopMutex());
    loop_ = nullptr;
  }
  return summary;
}

void Crawler::RequestStop() {
  std::lock_guard lock(LoopMutex());
  if (Loop* loop = loop_.load()) loop->PostStop();
}

}  // namespace jobcrawler::crawler
