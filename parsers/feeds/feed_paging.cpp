#include "parsers/feeds/feed_paging.h"

#include <boost/url/parse.hpp>
#include <boost/url/url.hpp>
#include <exception>
#include <initializer_list>
#include <optional>
#include <utility>

namespace jobcrawler::parsers {
namespace {

namespace urls = boost::urls;

using Parameter = std::pair<std::string_view, std::string>;

bool IsHttpWithHost(const urls::url_view_base& url) {
  const auto scheme = url.scheme_id();
  return (scheme == urls::scheme::http || scheme == urls::scheme::https) && url.has_authority() &&
         !url.encoded_host().empty();
}

// `url` with each parameter set: replaced where it first stands (later
// copies removed) or appended; the other parameters keep their order.
PageUrl WithParameters(std::string_view url, std::initializer_list<Parameter> parameters) {
  try {
    auto parsed = urls::parse_uri(url);
    if (!parsed || !IsHttpWithHost(*parsed)) return {"", "not an absolute http(s) URL"};
    urls::url result(*parsed);
    result.remove_fragment();
    for (const auto& [key, value] : parameters) result.params().set(key, value);
    return {std::string(result.buffer()), ""};
  } catch (const std::exception& e) {  // Boost.URL's size limits
    return {"", std::string("cannot build the URL: ") + e.what()};
  }
}

std::string TooBroad(std::optional<std::int64_t> total) {
  std::string message = "search too broad: ";
  message += total ? std::to_string(*total) + " results" : "more results";
  message += ", the service serves only the first " + std::to_string(kJobsucheMaxResults) +
             "; narrow it (was, wo, umkreis, veroeffentlichtseit)";
  return message;
}

PageStep Ended(bool complete, std::string message = "") {
  PageStep step;
  step.complete = complete;
  step.message = std::move(message);
  return step;
}

PageStep NextJobsuchePage(std::string_view start_url, int page, const FeedPage& result) {
  const FeedPaging& paging = result.paging;
  const bool too_broad = paging.total && *paging.total > kJobsucheMaxResults;
  const std::int64_t size = paging.size.value_or(kJobsuchePageSize) > 0
                                ? paging.size.value_or(kJobsuchePageSize)
                                : kJobsuchePageSize;
  const std::int64_t seen = static_cast<std::int64_t>(page) * size;
  PageStep step;
  const bool last = result.shape == FeedShape::kEmpty ||
                    static_cast<std::int64_t>(paging.listed) < size ||
                    (paging.total && seen >= *paging.total);
  if (last) {
    step = Ended(!too_broad);
  } else if ((page + 1) * kJobsuchePageSize > kJobsucheMaxResults) {
    step = Ended(false);
    step.too_broad = true;  // a full last page: more results lie beyond
  } else {
    PageUrl next = JobsuchePageUrl(start_url, page + 1);
    if (!next.ok()) return Ended(false, std::move(next.error));
    step.next_url = std::move(next.url);
  }
  step.too_broad = step.too_broad || too_broad;
  if (step.too_broad) step.message = TooBroad(paging.total);
  return step;
}

PageStep NextLeverPage(std::string_view start_url, int page, const FeedPage& result) {
  if (!result.paging.full_page) return Ended(true);
  if (page >= kMaxLeverPages) {
    return Ended(false, "more than " + std::to_string(kMaxLeverPages) +
                            " pages of postings; the rest are not read");
  }
  PageUrl next = LeverPageUrl(start_url, page + 1);
  if (!next.ok()) return Ended(false, std::move(next.error));
  PageStep step;
  step.next_url = std::move(next.url);
  return step;
}

}  // namespace

PageUrl JobsuchePageUrl(std::string_view search_url, int page) {
  if (page < 1) return {"", "page numbers start at 1"};
  if (page * kJobsuchePageSize > kJobsucheMaxResults) return {"", TooBroad(std::nullopt)};
  return WithParameters(
      search_url, {{"page", std::to_string(page)}, {"size", std::to_string(kJobsuchePageSize)}});
}

PageUrl LeverPageUrl(std::string_view feed_url, int page) {
  if (page < 1) return {"", "page numbers start at 1"};
  const std::int64_t skip = static_cast<std::int64_t>(page - 1) * kLeverPageSize;
  return WithParameters(feed_url, {{"mode", "json"},
                                   {"skip", std::to_string(skip)},
                                   {"limit", std::to_string(kLeverPageSize)}});
}

PageUrl FirstFeedPageUrl(FeedType type, std::string_view start_url) {
  switch (type) {
    case FeedType::kArbeitsagentur:
      return JobsuchePageUrl(start_url, 1);
    case FeedType::kLever:
      return LeverPageUrl(start_url, 1);
    case FeedType::kHtml:
    case FeedType::kPersonio:
    case FeedType::kGreenhouse:
      break;
  }
  return {std::string(start_url), ""};
}

PageStep NextFeedPage(FeedType type, std::string_view start_url, int page, const FeedPage& result) {
  if (result.shape == FeedShape::kUnknown) {
    return Ended(false, "response of page " + std::to_string(page) + " not understood");
  }
  if (result.truncated) {
    return Ended(false, "response of page " + std::to_string(page) + " cut at a size limit");
  }
  switch (type) {
    case FeedType::kArbeitsagentur:
      return NextJobsuchePage(start_url, page, result);
    case FeedType::kLever:
      return NextLeverPage(start_url, page, result);
    case FeedType::kHtml:
    case FeedType::kPersonio:
    case FeedType::kGreenhouse:
      break;
  }
  return Ended(true);
}

}  // namespace jobcrawler::parsers
