#include "crawler/page_processor.h"

#include <cctype>
#include <chrono>
#include <cstdint>
#include <unordered_set>

#include <fmt/format.h>
#include <xxhash.h>

#include "crawler/feed_processor.h"
#include "crawler/feed_source.h"
#include "crawler/url.h"
#include "parsers/feeds/feed.h"
#include "parsers/html/charset.h"
#include "parsers/extract/page_extractor.h"
#include "parsers/extract/sitemap.h"

namespace jobcrawler::crawler {
namespace {

// "2026-11-20": the UTC date of `now`, for relative dates on the page.
std::string IsoDateUtc(storage::UnixMillis now) {
  const auto day = std::chrono::floor<std::chrono::days>(
      std::chrono::sys_time<std::chrono::milliseconds>(std::chrono::milliseconds(now)));
  const std::chrono::year_month_day date(day);
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
}

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The URL links on the page are relative to: <base href> when present, else
// the URL as requested (its query order matters for href="?x" and "").
std::string BaseUrl(const FetchResult& result, const parsers::PageExtraction& page) {
  std::string page_url = result.final_url.empty() ? result.url : result.final_url;
  if (!page.base_href.empty()) {
    if (auto base = ResolveLink(page_url, page.base_href)) return base->fetch;
  }
  return page_url;
}

// Counts the links not followed because they are too long, for the notes.
struct LinkTally {
  int too_long = 0;
  void Note(storage::PageWrite& write) const {
    if (too_long == 0) return;
    write.page.notes = fmt::format("{} link(s) longer than {} bytes not followed", too_long,
                                   kMaxUrlBytes);
  }
};

// Adds `href` resolved against `base` as a link `depth_delta` below the
// page, when `in_scope` accepts its canonical form.
template <typename InScope>
void AddLink(std::string_view base, std::string_view href, int depth_delta,
             const PageContext& context, InScope in_scope, LinkTally& tally,
             storage::PageWrite& write) {
  UrlRejection why = UrlRejection::kNone;
  std::optional<FoundUrl> url = ResolveLink(base, href, &why);
  if (!url) {
    tally.too_long += why == UrlRejection::kTooLong;
    return;
  }
  if (url->canonical == context.entry->url || !in_scope(url->canonical)) return;
  std::optional<std::string> host = HostKey(url->canonical);
  if (!host) return;
  write.links.push_back(storage::FrontierAdd{.url = std::move(url->canonical),
                                             .host_key = std::move(*host),
                                             .source = context.entry->source,
                                             .depth = context.entry->depth + depth_delta,
                                             .not_before = 0,
                                             .fetch_url = std::move(url->fetch)});
}

void AddLinks(const parsers::PageExtraction& page, std::string_view base,
              const PageContext& context, storage::PageWrite& write) {
  if (context.entry->depth >= context.max_depth) return;
  const auto in_scope = [&](const std::string& url) { return context.scope->Allows(url); };
  std::unordered_set<std::string_view> seen;  // hrefs as written
  LinkTally tally;
  for (const std::string& href : page.links) {
    if (!seen.insert(href).second) continue;
    AddLink(base, href, 1, context, in_scope, tally, write);
  }
  // Different hrefs can name one page ("/a?x=1&y=2", "/a?y=2&x=1"): the
  // first one found is the one fetched.
  // (Copies: erase_if moves the strings a view would point into.)
  std::unordered_set<std::string> urls;
  std::erase_if(write.links, [&](const storage::FrontierAdd& link) {
    return !urls.insert(link.url).second;
  });
  tally.Note(write);
}

// A posting without its own URL borrows the page's canonical link or URL
// only when it is the page's one posting: on a listing, that URL would make
// different jobs one.
void AddSightings(parsers::PageExtraction& page, std::string_view base,
                  const PageContext& context, storage::PageWrite& write) {
  const bool single = page.postings.size() == 1;
  for (parsers::Posting& posting : page.postings) {
    std::optional<std::string> url;
    if (!posting.url.empty()) url = ResolveUrl(base, posting.url);
    if (!url && single && !page.canonical.empty()) url = ResolveUrl(base, page.canonical);
    if (!url && single) url = context.entry->url;
    posting.url = url.value_or("");
    if (posting.company.empty()) posting.company = context.scope->company();
    bool matched = context.matcher->Match(posting).matched();
    write.sightings.push_back(storage::Sighting{
        .posting = std::move(posting), .page_url = context.entry->url, .matched = matched});
  }
}

// A sitemap the crawler queued itself: an XML (or gzip) body at a URL that
// says "sitemap".
bool LooksLikeSitemap(const FetchResult& result, std::string_view url) {
  std::string lower = Lower(url);
  if (lower.find("sitemap") == std::string::npos) return false;
  std::string type = Lower(result.content_type);
  bool gzip = result.body.size() >= 2 && static_cast<unsigned char>(result.body[0]) == 0x1f &&
              static_cast<unsigned char>(result.body[1]) == 0x8b;
  return gzip || type.find("xml") != std::string::npos || type.find("gzip") != std::string::npos;
}

// Child sitemaps of an index stay on the sitemap's site (they are not pages,
// so the follow rules do not apply to them), are one level deeper, at most
// kMaxSitemapDepth, and each takes one from the host's sitemap budget; the
// URLs a sitemap lists must pass the source's scope, its follow rules.
void AddSitemapLinks(const FetchResult& result, const PageContext& context,
                     storage::PageWrite& write) {
  // Real indexes are one level deep (sitemaps.org allows no nesting); two
  // levels leave room for the odd site, and an index of indexes ends there.
  constexpr int kMaxSitemapDepth = 2;
  const storage::FrontierEntry& entry = *context.entry;
  parsers::Sitemap sitemap = parsers::ParseSitemap(result.body);
  if (!sitemap.errors.empty()) write.page.error = "sitemap: " + sitemap.errors.front();
  if (entry.depth >= context.max_depth) return;
  if (sitemap.is_index && entry.depth >= kMaxSitemapDepth) {
    write.page.error = "sitemap index nested too deep; its sitemaps are not read";
    return;
  }
  const std::string site = SiteKey(entry.url);
  const auto in_scope = [&](const std::string& url) {
    return sitemap.is_index ? SiteKey(url) == site : context.scope->Allows(url);
  };
  const std::string base = result.final_url.empty() ? result.url : result.final_url;
  LinkTally tally;
  for (const std::string& loc : sitemap.urls) {
    const std::size_t before = write.links.size();
    AddLink(base, loc, 1, context, in_scope, tally, write);
    if (!sitemap.is_index || write.links.size() == before || !context.sitemap_budget) continue;
    if (context.sitemap_budget->fetch_sub(1) <= 0) {
      write.links.pop_back();
      write.page.error = "the host's sitemap budget is spent; further sitemaps are not read";
      break;
    }
  }
  tally.Note(write);
}

bool SameParseKey(const PageContext& context) {
  return !context.entry->parse_key.empty() &&
         context.entry->parse_key == context.scope->parse_key();
}

// The write for a page whose bytes are those of its last fetch.
storage::PageWrite UnchangedWrite(storage::PageOutcome outcome, const PageContext& context) {
  storage::PageWrite write;
  write.page = std::move(outcome);
  write.unchanged = true;
  write.depth = context.entry->depth;
  write.replay = ReplayFilter(context);
  return write;
}

}  // namespace

bool IsHtmlContentType(std::string_view content_type) {
  std::string type = Lower(content_type.substr(0, content_type.find(';')));
  while (!type.empty() && std::isspace(static_cast<unsigned char>(type.back()))) type.pop_back();
  return type.empty() || type == "text/html" || type == "application/xhtml+xml";
}

std::string ContentHash(std::string_view body) {
  return fmt::format("{:016x}", XXH3_64bits(body.data(), body.size()));
}

storage::PageOutcome MakeOutcome(const FetchResult& result,
                                 const storage::FrontierEntry& entry,
                                 storage::UnixMillis now) {
  storage::PageOutcome page;
  page.frontier_id = entry.id;
  page.url = entry.url;
  page.final_url = result.final_url.empty() ? result.url : result.final_url;
  page.source = entry.source;
  page.http_status = static_cast<int>(result.status);
  page.content_type = result.content_type;
  page.etag = result.etag;
  page.last_modified = result.last_modified;
  if (!result.body.empty()) page.content_hash = ContentHash(result.body);
  page.bytes = static_cast<std::int64_t>(result.body.size());
  page.truncated = result.truncated;
  page.error = result.error_message;
  page.fetched_at = now;
  return page;
}

storage::LinkFilter ReplayFilter(const PageContext& context) {
  const storage::FrontierEntry& entry = *context.entry;
  if (entry.depth >= context.max_depth) return {};
  // A sitemap index's children were taken for being on its site (see
  // AddSitemapLinks); every other link for passing the scope.
  const bool sitemap = Lower(entry.url).find("sitemap") != std::string::npos;
  return [scope = context.scope, sitemap, site = SiteKey(entry.url),
          self = entry.url](const storage::FrontierAdd& link) {
    if (link.url == self) return false;
    return scope->Allows(link.url) || (sitemap && SiteKey(link.url) == site);
  };
}

storage::PageWrite NotModifiedWrite(const FetchResult& result, const PageContext& context) {
  return UnchangedWrite(MakeOutcome(result, *context.entry, context.now), context);
}

namespace {

// ProcessPage; `body` is null or result.body, which may then be taken.
storage::PageWrite ProcessPageOf(const FetchResult& result, std::string* body,
                                 const PageContext& context, std::string* signature) {
  storage::PageWrite write;
  write.page = MakeOutcome(result, *context.entry, context.now);
  bool ok = result.error == FetchError::kNone && result.status >= 200 && result.status < 300;
  if (IsFeedType(context.scope->type())) {
    // Read whole every time: the walk's step depends on every response.
    if (ok) write.page.parse_key = context.scope->parse_key();
    AddFeedResponse(result, context, write);
    return write;
  }
  if (!ok) return write;
  write.page.parse_key = context.scope->parse_key();
  if (!context.entry->content_hash.empty() && write.page.content_hash == context.entry->content_hash &&
      !result.truncated && SameParseKey(context)) {
    // Same bytes as last time, read by the same rules: the store replays
    // links and postings.
    return UnchangedWrite(std::move(write.page), context);
  }
  if (LooksLikeSitemap(result, context.entry->url)) {
    AddSitemapLinks(result, context, write);
    return write;
  }
  // Before the HTML check: a JSON body sent without a Content-Type is JSON.
  if (parsers::LooksLikeJsonBody(result.content_type, result.body)) {
    AddJsonBodyPostings(result, context, write);
    return write;
  }
  if (!IsHtmlContentType(result.content_type)) return write;
  // gumbo reads UTF-8 only: decode legacy charsets (ISO-8859-1 and friends) first.
  parsers::DecodedBody decoded =
      body ? parsers::DecodeOwnedHtml(std::move(*body), result.content_type)
           : parsers::DecodeHtml(result.body, result.content_type);
  parsers::PageExtraction page = parsers::ExtractPage(
      decoded.utf8, {.profile = &context.scope->profile(), .today = IsoDateUtc(context.now)});
  if (signature) *signature = page.page_signature;
  // A page read only in part must say so: what lies behind the cut is lost.
  if (!page.nesting_cut.empty()) write.page.error = page.nesting_cut;
  std::string base = BaseUrl(result, page);
  AddLinks(page, base, context, write);
  AddSightings(page, base, context, write);
  return write;
}

}  // namespace

storage::PageWrite ProcessPage(const FetchResult& result, const PageContext& context,
                               std::string* signature) {
  return ProcessPageOf(result, nullptr, context, signature);
}

storage::PageWrite ProcessPage(FetchResult&& result, const PageContext& context,
                               std::string* signature) {
  return ProcessPageOf(result, &result.body, context, signature);
}

}  // namespace jobcrawler::crawler
