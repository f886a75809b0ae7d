// What the feed readers share: collecting one response's postings under the
// caps of feed.h, reading loosely typed JSON, and URLs. Internal to
// parsers/feeds (not part of its interface). Pure functions, thread-safe.
#ifndef JOBCRAWLER_PARSERS_FEEDS_FEED_UTIL_H_
#define JOBCRAWLER_PARSERS_FEEDS_FEED_UTIL_H_

#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "parsers/feeds/feed.h"

namespace jobcrawler::parsers::feed_detail {

// Collects what one response yields and gives the verdict on its shape.
class FeedBuilder {
 public:
  FeedBuilder(std::string_view request_url, const FeedOptions& options)
      : request_url_(request_url), options_(options) {}

  std::string_view request_url() const { return request_url_; }

  // Adds a diagnostic, up to kMaxFeedDiagnostics.
  void Note(std::string message);
  // Notes that entry `index` (0-based, reported 1-based) was skipped.
  void Skip(std::size_t index, std::string_view why);

  // The response holds a list of `listed` entries (readable or not).
  void SetListed(std::size_t listed) {
    list_seen_ = true;
    page_.paging.listed = listed;
  }
  // The response is valid and lists no job although it has no list.
  void SetEmpty() { empty_ = true; }
  FeedPaging& paging() { return page_.paging; }

  // A cap cut the response: the listing is incomplete.
  void SetTruncated(std::string why) {
    page_.truncated = true;
    Note(std::move(why));
  }
  // True once kMaxFeedItems postings are in; the rest is dropped.
  bool Full();
  // Fills the company from the options, caps every field, drops URLs that
  // repeat the posting's own, and adds `posting` unless Full().
  void Add(FeedPosting posting);

  // The page, with its shape: kEmpty for SetEmpty() or an empty list;
  // kUnknown without a list, or when no entry of a list could be read.
  FeedPage Finish();

 private:
  std::string_view request_url_;
  const FeedOptions& options_;
  FeedPage page_;
  bool list_seen_ = false;
  bool empty_ = false;
};

// The body as JSON: strict, or repaired (parsers/extract/json_repair.h) when
// small enough; nullopt, with a diagnostic, when unreadable, too large or
// too deep.
std::optional<nlohmann::json> ParseFeedJson(std::string_view body, FeedBuilder* builder);

// The value of `key`, or null when `object` is no object or lacks it.
const nlohmann::json& Member(const nlohmann::json& object, std::string_view key);
// The first of `keys` that `object` has with a non-null value, or null.
const nlohmann::json& AnyMember(const nlohmann::json& object,
                                std::initializer_list<std::string_view> keys);
// A string with whitespace collapsed, or an integer's digits; "" otherwise.
std::string Text(const nlohmann::json& value);
// Text meant for people: Text() with entities decoded and tags dropped.
std::string CleanText(const nlohmann::json& value);
// A whole number, or a string of digits; nullopt otherwise.
std::optional<std::int64_t> Integer(const nlohmann::json& value);
// A salary amount: a number or a numeric string, > 0.
std::optional<double> Amount(const nlohmann::json& value);
// true, "true" (any case), or 1.
bool IsTrue(const nlohmann::json& value);

// `reference` as an absolute http(s) URL, resolved against `base` when
// relative and `base` is not empty; "" when that is impossible or the result
// is longer than kMaxFeedUrlBytes. "www.example.de/x" reads as http://.
std::string AbsoluteHttpUrl(std::string_view reference, std::string_view base);
// "https://acme.jobs.personio.de" for any absolute http(s) URL there; "".
std::string Origin(std::string_view url);
// `text` percent-encoded as one URL path segment.
std::string PathSegment(std::string_view text);
// The decoded value of query parameter `name` of `url`, or nullopt.
std::optional<std::string> QueryParameter(std::string_view url, std::string_view name);

// "2026-11-20" for milliseconds since 1970 (UTC); "" outside 1990..2200.
std::string IsoDateFromEpochMillis(std::int64_t millis);

// Copies the non-empty fields of `place` into the posting's location.
void SetPlace(const Place& place, Posting* posting);
// A place from a free-text location ("58095 Hagen", "Hagen, Germany").
Place PlaceFromText(std::string_view text);

}  // namespace jobcrawler::parsers::feed_detail

#endif  // JOBCRAWLER_PARSERS_FEEDS_FEED_UTIL_H_
