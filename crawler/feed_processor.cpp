#include "crawler/feed_processor.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>

#include <fmt/format.h>

#include "crawler/feed_source.h"
#include "crawler/scope.h"
#include "crawler/url.h"
#include "parsers/feeds/feed_paging.h"

namespace jobcrawler::crawler {
namespace {

// Diagnostics copied into page.notes; the rest are counted. `jobcrawler
// parse --type` shows them all.
constexpr std::size_t kNotedDiagnostics = 3;

// What was requested: the URL as found, which the walk's paging is built on.
std::string RequestUrl(const FetchResult& result, const storage::FrontierEntry& entry) {
  if (!result.url.empty()) return result.url;
  return entry.fetch_url.empty() ? entry.url : entry.fetch_url;
}

std::string BaseOf(const FetchResult& result, const storage::FrontierEntry& entry) {
  return result.final_url.empty() ? RequestUrl(result, entry) : result.final_url;
}

void AppendNote(storage::PageWrite& write, const std::string& note) {
  if (note.empty()) return;
  if (!write.page.notes.empty()) write.page.notes += "; ";
  write.page.notes += note;
}

std::string DiagnosticsNote(const std::vector<std::string>& diagnostics) {
  std::string note;
  for (std::size_t i = 0; i < diagnostics.size() && i < kNotedDiagnostics; ++i) {
    if (!note.empty()) note += "; ";
    note += diagnostics[i];
  }
  if (diagnostics.size() > kNotedDiagnostics) {
    note += fmt::format("; and {} more", diagnostics.size() - kNotedDiagnostics);
  }
  return note;
}

// Why a response that is no 2xx ended its walk.
std::string FailureText(const FetchResult& result, const PageContext& context) {
  if (!result.network_reason.empty()) return result.network_reason;
  if (result.error != FetchError::kNone) return result.error_message;
  std::string text = fmt::format("HTTP {}", result.status);
  if (result.status == 401 || result.status == 403) {
    text += "; " + context.scope->credentials_note();
  }
  return text;
}

storage::FeedWalkStep StepOf(const std::string& request, const SourceScope& scope,
                             const storage::FrontierEntry& entry) {
  storage::FeedWalkStep step;
  step.walk = FeedWalkKey(scope.type(), request);
  if (step.walk.empty()) step.walk = entry.url;
  step.page = FeedPageNumber(scope.type(), request);
  return step;
}

void EndIncomplete(storage::FeedWalkStep& step, const std::string& what) {
  step.state = storage::FeedWalkState::kIncomplete;
  step.message = fmt::format("{} in the walk from {}", what, step.walk);
}

// Queues the walk's next page, at the entry's own depth and without the
// source's scope (a feed has no follow rules; its pages are its own).
bool AddNextPage(const std::string& next_url, const PageContext& context,
                 storage::PageWrite& write) {
  std::optional<FoundUrl> next = FoundAt(next_url);
  std::optional<std::string> host = next ? HostKey(next->canonical) : std::nullopt;
  if (!next || !host || next->canonical == context.entry->url) return false;
  write.links.push_back(storage::FrontierAdd{.url = std::move(next->canonical),
                                             .host_key = std::move(*host),
                                             .source = context.entry->source,
                                             .depth = context.entry->depth,
                                             .not_before = 0,
                                             .fetch_url = std::move(next->fetch)});
  return true;
}

// The walk's step after a 2xx response read as `page`.
void StepAfter(const parsers::FeedPage& page, const FetchResult& result,
               const std::string& request, const PageContext& context,
               storage::FeedWalkStep& step, storage::PageWrite& write) {
  if (result.truncated) {
    EndIncomplete(step, fmt::format("response of page {} cut at [crawler] max_body_bytes",
                                    step.page));
    return;
  }
  parsers::PageStep next = parsers::NextFeedPage(context.scope->type(), request, step.page, page);
  if (page.shape == parsers::FeedShape::kUnknown && !page.diagnostics.empty()) {
    next.message += ": " + page.diagnostics.front();
  }
  if (!next.next_url.empty()) {
    if (!AddNextPage(next.next_url, context, write)) {
      EndIncomplete(step, fmt::format("the URL of page {} cannot be fetched", step.page + 1));
      return;
    }
    step.state = storage::FeedWalkState::kMore;
    if (next.too_broad) step.message = fmt::format("{} in the walk from {}", next.message, step.walk);
    return;
  }
  if (next.complete) {
    step.state = storage::FeedWalkState::kComplete;
  } else {
    EndIncomplete(step, next.message.empty() ? "the listing was not read to its end"
                                             : next.message);
  }
}

// Drops from the sightings from `first` on each also_seen_at URL that more
// than one of them names: an employer's general careers page given as the
// original ad of several jobs is no sighting of any (ones named in several
// responses are found by the store, storage/feed_named_urls.h).
void DropSharedAlsoSeen(std::vector<storage::Sighting>::iterator first,
                        std::vector<storage::Sighting>::iterator last) {
  std::map<std::string_view, int> named;
  for (auto it = first; it != last; ++it) {
    for (const std::string& url : it->also_seen_at) ++named[url];
  }
  std::set<std::string> shared;
  for (const auto& [url, count] : named) {
    if (count > 1) shared.emplace(url);
  }
  if (shared.empty()) return;
  for (auto it = first; it != last; ++it) {
    std::erase_if(it->also_seen_at,
                  [&shared](const std::string& url) { return shared.contains(url); });
  }
}

}  // namespace

void AddFeedSightings(std::vector<parsers::FeedPosting> entries, std::string_view base,
                      const PageContext& context, storage::PageWrite& write) {
  const bool single = entries.size() == 1;
  const std::size_t first = write.sightings.size();
  for (parsers::FeedPosting& entry : entries) {
    std::vector<std::string> found_also = std::move(entry.also_seen_at);
    parsers::Posting posting = PostingOfFeedEntry(std::move(entry));
    if (posting.company.empty()) posting.company = context.scope->company();
    std::optional<std::string> url;
    if (!posting.url.empty()) url = ResolveUrl(base, posting.url);
    if (!url && single) url = context.entry->url;
    posting.url = url.value_or("");
    std::vector<std::string> also;
    for (const std::string& found : found_also) {
      std::optional<std::string> canonical = ResolveUrl(base, found);
      if (!canonical || *canonical == posting.url) continue;
      if (std::find(also.begin(), also.end(), *canonical) == also.end()) {
        also.push_back(std::move(*canonical));
      }
    }
    const bool matched = context.matcher->Match(posting).matched();
    write.sightings.push_back(storage::Sighting{.posting = std::move(posting),
                                                .page_url = context.entry->url,
                                                .matched = matched,
                                                .also_seen_at = std::move(also)});
  }
  DropSharedAlsoSeen(write.sightings.begin() + static_cast<std::ptrdiff_t>(first),
                     write.sightings.end());
}

void AddFeedResponse(const FetchResult& result, const PageContext& context,
                     storage::PageWrite& write) {
  const std::string request = RequestUrl(result, *context.entry);
  storage::FeedWalkStep step = StepOf(request, *context.scope, *context.entry);
  const bool ok = result.error == FetchError::kNone && result.status >= 200 && result.status < 300;
  if (!ok) {
    const std::string why = FailureText(result, context);
    if (result.status == 401 || result.status == 403) write.page.error = why;
    EndIncomplete(step, fmt::format("page {} failed: {}", step.page, why));
    write.feed_walk = std::move(step);
    return;
  }
  parsers::FeedPage page =
      parsers::ParseFeed(context.scope->type(), result.body, BaseOf(result, *context.entry),
                         parsers::FeedOptions{.company = context.scope->company()});
  if (page.shape == parsers::FeedShape::kUnknown) {
    write.page.error = "feed response not understood";
    if (!page.diagnostics.empty()) write.page.error += ": " + page.diagnostics.front();
  }
  AppendNote(write, DiagnosticsNote(page.diagnostics));
  step.total = page.paging.total;
  StepAfter(page, result, request, context, step, write);
  write.feed_walk = std::move(step);
  AddFeedSightings(std::move(page.postings), BaseOf(result, *context.entry), context, write);
}

storage::FeedWalkStep UnfetchedStep(const SourceScope& scope, const storage::FrontierEntry& entry,
                                    const std::string& why) {
  storage::FeedWalkStep step =
      StepOf(entry.fetch_url.empty() ? entry.url : entry.fetch_url, scope, entry);
  EndIncomplete(step, fmt::format("page {} was not fetched: {}", step.page, why));
  return step;
}

void AddJsonBodyPostings(const FetchResult& result, const PageContext& context,
                         storage::PageWrite& write) {
  const std::string base = BaseOf(result, *context.entry);
  parsers::FeedPage page = parsers::ParseFeed(parsers::FeedType::kHtml, result.body, base,
                                              {.company = context.scope->company()});
  if (page.shape == parsers::FeedShape::kUnknown) {
    AppendNote(write, "JSON body without schema.org JobPostings");
    return;
  }
  AppendNote(write, DiagnosticsNote(page.diagnostics));
  AddFeedSightings(std::move(page.postings), base, context, write);
}

}  // namespace jobcrawler::crawler
