// A JSON body (not an HTML <script>) holding schema.org JobPostings
// (https://schema.org/JobPosting): what some career sites serve as an API or
// a feed. Every form ExtractJsonLd (parsers/extract/json_ld.h) reads in a
// page is read here, with the same posting reader:
//   {"@type": "JobPosting", ...}                        a bare posting
//   [{"@type": "JobPosting", ...}, ...]                 an array
//   {"@graph": [...]}                                   a graph
//   {"@type": "ItemList", "itemListElement": [{"@type": "ListItem",
//     "item": {"@type": "JobPosting", ...}}, ...]}     a list, items direct too
//   {"@type": "DataFeed", "dataFeedElement": [{"@type": "DataFeedItem",
//     "item": {"@type": "JobPosting", ...}}, ...]}     a feed (softgarden's
//                                                       jobs.feed.json)
// and JobPostings nested at any depth below those. Relative `url`s are
// resolved against the request URL; a posting without `url` takes its `@id`
// when that is an http(s) URL. Postings without a title are skipped.
//
// Shape: kOk with postings; kEmpty when the body is a list or feed (an
// array, @graph, ItemList or DataFeed) with no entries; kUnknown for other
// JSON, and for a list whose entries hold no JobPosting.
#include <string>
#include <utility>
#include <vector>

#include "parsers/extract/json_ld.h"
#include "parsers/feeds/feed_readers.h"

namespace jobcrawler::parsers::feed_detail {
namespace {

using nlohmann::json;

bool HasType(const json& object, std::string_view type) {
  const json& types = Member(object, "@type");
  if (types.is_string()) return types.get_ref<const std::string&>() == type;
  if (!types.is_array()) return false;
  for (const json& item : types) {
    if (item.is_string() && item.get_ref<const std::string&>() == type) return true;
  }
  return false;
}

void CollectJobPostings(const json& value, int depth, std::vector<const json*>* found) {
  if (depth > kMaxFeedDepth || found->size() > kMaxFeedItems) return;
  if (value.is_object() && IsJobPostingType(Member(value, "@type"))) {
    found->push_back(&value);
    return;
  }
  if (!value.is_object() && !value.is_array()) return;
  for (const json& child : value) CollectJobPostings(child, depth + 1, found);
}

// Entries of the list or feed that `value` is (or holds in @graph), or
// nullopt when it is none.
std::optional<std::size_t> ListEntries(const json& value, int depth = 0) {
  if (value.is_array()) {
    // A @graph or array holding an ItemList or DataFeed: that one's entries.
    for (const json& item : value) {
      if (item.is_object() && depth < 2) {
        if (const auto entries = ListEntries(item, depth + 1);
            entries && !Member(item, "@type").is_null()) {
          return entries;
        }
      }
    }
    return value.size();
  }
  if (!value.is_object()) return std::nullopt;
  if (HasType(value, "ItemList")) {
    const json& elements = Member(value, "itemListElement");
    return elements.is_array() ? elements.size() : 0;
  }
  if (HasType(value, "DataFeed")) {
    const json& elements = Member(value, "dataFeedElement");
    return elements.is_array() ? elements.size() : 0;
  }
  const json& graph = Member(value, "@graph");
  if (graph.is_array() && depth < 2) return ListEntries(graph, depth + 1);
  return std::nullopt;
}

FeedPosting ReadJobPosting(const json& job, std::string_view request_url) {
  FeedPosting out;
  out.posting = PostingFromJobPosting(job);
  Posting& p = out.posting;
  p.url = AbsoluteHttpUrl(p.url, request_url);
  if (p.url.empty()) p.url = AbsoluteHttpUrl(Text(Member(job, "@id")), "");
  return out;
}

}  // namespace

void ReadJsonLdFeed(std::string_view body, FeedBuilder* builder) {
  const std::optional<json> parsed = ParseFeedJson(body, builder);
  if (!parsed) return;
  std::vector<const json*> jobs;
  CollectJobPostings(*parsed, 0, &jobs);
  if (jobs.empty()) {
    const std::optional<std::size_t> entries = ListEntries(*parsed);
    if (!entries) return builder->Note("no schema.org JobPosting, list or feed in the JSON body");
    return builder->SetListed(*entries);
  }
  builder->SetListed(jobs.size());
  for (std::size_t i = 0; i < jobs.size() && !builder->Full(); ++i) {
    FeedPosting posting = ReadJobPosting(*jobs[i], builder->request_url());
    if (posting.posting.title.empty()) {
      builder->Skip(i, "JobPosting without title");
      continue;
    }
    if (posting.posting.url.empty()) builder->Note("entry " + std::to_string(i + 1) + ": no url");
    builder->Add(std::move(posting));
  }
}

}  // namespace jobcrawler::parsers::feed_detail
